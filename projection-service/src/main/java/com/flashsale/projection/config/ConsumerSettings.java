package com.flashsale.projection.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * Consumer group, poll timeout and the backoff after a failed apply of the event consumer, and the
 * bounds of its {@code projection-lag} health check.
 */
public class ConsumerSettings {

    @NotBlank
    @JsonProperty
    private String groupId = "flashsale-projection";

    @NotNull
    @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 30, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration pollTimeout = Duration.milliseconds(500);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    @JsonProperty
    private Duration initialRetryBackoff = Duration.milliseconds(200);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    @JsonProperty
    private Duration maxRetryBackoff = Duration.seconds(30);

    /** Records the consumer may be behind the end of its partitions before the lag check fails. */
    @Min(1)
    @JsonProperty
    private long maxLagRecords = 50_000;

    /**
     * Maximum time without an applied poll before the lag check fails. It must exceed
     * {@code maxRetryBackoff}, or a single retry after a failed batch would already fail the check.
     */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration maxPollAge = Duration.seconds(60);

    public String getGroupId() {
        return groupId;
    }

    public Duration getPollTimeout() {
        return pollTimeout;
    }

    public Duration getInitialRetryBackoff() {
        return initialRetryBackoff;
    }

    public Duration getMaxRetryBackoff() {
        return maxRetryBackoff;
    }

    public long getMaxLagRecords() {
        return maxLagRecords;
    }

    public Duration getMaxPollAge() {
        return maxPollAge;
    }

    @ValidationMethod(message = "maxPollAge must be longer than maxRetryBackoff")
    public boolean isPollAgeAboveBackoff() {
        return maxPollAge == null || maxRetryBackoff == null
                || maxPollAge.toNanoseconds() > maxRetryBackoff.toNanoseconds();
    }

    @ValidationMethod(message = "maxRetryBackoff must not be shorter than initialRetryBackoff")
    public boolean isBackoffOrdered() {
        return maxRetryBackoff == null || initialRetryBackoff == null
                || maxRetryBackoff.toNanoseconds() >= initialRetryBackoff.toNanoseconds();
    }
}
