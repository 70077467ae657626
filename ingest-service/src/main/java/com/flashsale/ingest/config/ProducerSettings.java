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
 * Time and memory limits of the Kafka producer. {@code sendTimeout} bounds the whole wait for the
 * broker's acknowledgement, retries included. {@code maxBlock} bounds how long a send may block the
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
}
