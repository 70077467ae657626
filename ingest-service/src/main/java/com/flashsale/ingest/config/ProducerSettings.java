package com.flashsale.ingest.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.DataSizeUnit;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDataSize;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDataSize;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * Time and memory limits of the Kafka producer. {@code sendTimeout} bounds how long a request waits
 * for the broker's acknowledgement before the service responds with 503. The record itself stays in
 * the producer, which keeps retrying it for up to {@code deliveryTimeout}. The two are separate on
 * purpose: when an idempotent producer gives up on a batch that was already sent, it bumps its epoch
 * and re-sends other unacknowledged batches under new sequence numbers, which the broker cannot
 * match against copies it has already written. A delivery timeout longer than a leader failover
 * keeps that from happening. {@code requestTimeout} bounds one produce request, so a paused or
 * unreachable leader is abandoned for the new one. {@code maxBlock} bounds how long a send may block the
 * calling thread while it waits for topic metadata or for room in the producer's buffer of
 * {@code bufferMemory} bytes. When the buffer stays full for {@code maxBlock}, the send fails at
 * once instead of queueing, so a small {@code maxBlock} turns a full buffer into a fast 429.
 */
public class ProducerSettings {

    @NotNull
    @MinDuration(value = 500, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 2, unit = TimeUnit.MINUTES)
    @JsonProperty
    private Duration sendTimeout = Duration.seconds(5);

    /** The producer's {@code delivery.timeout.ms}: how long a record is retried before it is dropped. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 30, unit = TimeUnit.MINUTES)
    @JsonProperty
    private Duration deliveryTimeout = Duration.minutes(2);

    /** The producer's {@code request.timeout.ms}: how long one produce request waits for its broker. */
    @NotNull
    @MinDuration(value = 500, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 5, unit = TimeUnit.MINUTES)
    @JsonProperty
    private Duration requestTimeout = Duration.seconds(10);

    @NotNull
    @MinDuration(value = 0, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 30, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration maxBlock = Duration.seconds(1);

    /** The producer's {@code buffer.memory}: bytes of records waiting to be sent or acknowledged. */
    @NotNull
    @MinDataSize(value = 1, unit = DataSizeUnit.KIBIBYTES)
    @MaxDataSize(value = 1, unit = DataSizeUnit.GIBIBYTES)
    @JsonProperty
    private DataSize bufferMemory = DataSize.mebibytes(32);

    /** The producer's {@code batch.size}: the buffer is allocated in batches of this size per partition. */
    @NotNull
    @MinDataSize(value = 512, unit = DataSizeUnit.BYTES)
    @MaxDataSize(value = 16, unit = DataSizeUnit.MEBIBYTES)
    @JsonProperty
    private DataSize batchSize = DataSize.kibibytes(16);

    public ProducerSettings() {
    }

    public ProducerSettings(Duration sendTimeout, Duration maxBlock) {
        this.sendTimeout = sendTimeout;
        this.maxBlock = maxBlock;
    }

    public ProducerSettings(Duration sendTimeout, Duration maxBlock, DataSize bufferMemory, DataSize batchSize) {
        this(sendTimeout, maxBlock);
        this.bufferMemory = bufferMemory;
        this.batchSize = batchSize;
    }

    public Duration getSendTimeout() {
        return sendTimeout;
    }

    public Duration getDeliveryTimeout() {
        return deliveryTimeout;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public Duration getMaxBlock() {
        return maxBlock;
    }

    public DataSize getBufferMemory() {
        return bufferMemory;
    }

    public DataSize getBatchSize() {
        return batchSize;
    }

    /** Kafka's buffer pool cannot hand out a batch larger than the whole buffer, so every send would fail. */
    @JsonIgnore
    @ValidationMethod(message = "batchSize must not exceed bufferMemory")
    public boolean isBatchSizeWithinBufferMemory() {
        return bufferMemory == null || batchSize == null || batchSize.toBytes() <= bufferMemory.toBytes();
    }

    /**
     * Kafka rejects a {@code delivery.timeout.ms} below {@code linger.ms + request.timeout.ms}, and a
     * delivery timeout shorter than the send timeout would turn the wait into a drop.
     */
    @JsonIgnore
    @ValidationMethod(message = "deliveryTimeout must be at least requestTimeout + 1s and at least sendTimeout")
    public boolean isDeliveryTimeoutLongEnough() {
        if (deliveryTimeout == null || requestTimeout == null || sendTimeout == null) {
            return true;
        }
        long delivery = deliveryTimeout.toMilliseconds();
        return delivery >= requestTimeout.toMilliseconds() + 1000 && delivery >= sendTimeout.toMilliseconds();
    }
}
