package com.flashsale.launcher.stack;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Hold time of a reservation and the delays between retries, passed to the stream processor
 * through {@code PROCESSOR_HOLD_DURATION} and {@code PROCESSOR_RETRY_DELAYS}. Without them the
 * processor uses its config.yml defaults (a 15-minute hold, retries after 2, 4 and 8 s).
 */
public record ProcessorTimings(Duration hold, List<Duration> retryDelays) {

    public ProcessorTimings {
        Objects.requireNonNull(hold, "hold");
        retryDelays = List.copyOf(retryDelays);
        if (hold.toMillis() < 1000) {
            throw new IllegalArgumentException("The processor needs a hold of at least 1 s, got " + hold);
        }
        if (retryDelays.isEmpty()) {
            throw new IllegalArgumentException("At least one retry delay is needed");
        }
    }

    /** The hold in Dropwizard's duration syntax, for example {@code 20000 milliseconds}. */
    String holdSetting() {
        return durationSetting(hold);
    }

    /** The delays as the items of the YAML list in config.yml, for example {@code 1000 milliseconds, 2000 milliseconds}. */
    String retryDelaysSetting() {
        return retryDelays.stream().map(ProcessorTimings::durationSetting).collect(Collectors.joining(", "));
    }

    private static String durationSetting(Duration duration) {
        return duration.toMillis() + " milliseconds";
    }
}
