package com.flashsale.ingest.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * Time limits of the Kafka producer. {@code sendTimeout} bounds the whole wait for the broker's
 * acknowledgement, retries included. {@code maxBlock} bounds how long a send may block the calling
 * thread while it waits for topic metadata or for room in the producer's buffer.
 */
public class ProducerSettings {

    @NotNull
    @MinDuration(value = 500, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 2, unit = TimeUnit.MINUTES)
    @JsonProperty
    private Duration sendTimeout = Duration.seconds(5);

    @NotNull
    @MinDuration(value = 0, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 30, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration maxBlock = Duration.seconds(1);

    public ProducerSettings() {
    }

    public ProducerSettings(Duration sendTimeout, Duration maxBlock) {
        this.sendTimeout = sendTimeout;
        this.maxBlock = maxBlock;
    }

    public Duration getSendTimeout() {
        return sendTimeout;
    }

    public Duration getMaxBlock() {
        return maxBlock;
    }
}
