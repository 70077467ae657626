package com.flashsale.processor.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.flashsale.common.config.KafkaSettings;
import com.flashsale.processor.topology.TopologySettings;
import io.dropwizard.core.Configuration;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Configuration of the stream processor: where Kafka is, how Streams runs, and the sale rules. */
public class StreamProcessorConfiguration extends Configuration {

    @Valid
    @NotNull
    @JsonProperty
    private KafkaSettings kafka = new KafkaSettings();

    /** Kafka Streams application.id: names the consumer group, internal topics and state folders. */
    @NotBlank
    @JsonProperty
    private String applicationId = "flashsale-stream-processor";

    @NotBlank
    @JsonProperty
    private String stateDir = "./.flashsale/streams";

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration holdDuration = Duration.minutes(TopologySettings.DEFAULT_HOLD_DURATION.toMinutes());

    /** Wall-clock delay before each retry of a submission or command that cannot be decided yet. */
    @NotNull
    @Size(min = 1)
    @JsonProperty
    private List<@NotNull @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS) Duration> retryDelays =
            TopologySettings.DEFAULT_RETRY_DELAYS.stream().map(delay -> Duration.milliseconds(delay.toMillis())).toList();

    /** How often each task looks for expired holds and due retries; also bounds how late they run. */
    @NotNull
    @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
    @JsonProperty
    private Duration punctuationInterval = Duration.seconds(TopologySettings.DEFAULT_PUNCTUATION_INTERVAL.toSeconds());

    @Min(1)
    @JsonProperty
    private int maxQuantityPerOrder = TopologySettings.DEFAULT_MAX_QUANTITY_PER_ORDER;

    /**
     * Streams' commit interval in milliseconds, which is also how long each exactly-once transaction
     * stays open; when unset, Streams uses 100 under exactly-once.
     */
    @Min(1)
    @JsonProperty
    private Long commitIntervalMs;

    /**
     * Whether Streams keeps uncommitted writes out of the local stores (Kafka 4.4
     * {@code enable.transactional.statestores}), which is meant to spare a task the wipe and
     * restore of its stores after a crash under exactly-once.
     * NOTE: in ProcessorCrashIT on Kafka Streams 4.4.0, every task was still reported corrupted
     * after kill -9 with this on, and the time to RUNNING did not differ measurably, so it is off.
     */
    @JsonProperty
    private boolean transactionalStateStores;

    /**
     * Streams' processing.guarantee. Production runs exactly_once_v2; at_least_once exists so that
     * a fault test can show that its verifier catches the duplicates a crash then leaves behind.
     */
    @NotNull
    @Pattern(regexp = "exactly_once_v2|at_least_once", message = "must be exactly_once_v2 or at_least_once")
    @JsonProperty
    private String processingGuarantee = "exactly_once_v2";

    /**
     * Consumer group.instance.id, which makes this instance a static member of the group. An
     * instance restarted under the same id after a crash takes over its tasks at once. A dynamic
     * member waits until the broker drops the dead member after session.timeout.ms (45 s by
     * default in Kafka 4.x). Blank means a dynamic member. No two running instances may share an id.
     */
    @NotNull
    @JsonProperty
    private String instanceId = "";

    @Min(1)
    @JsonProperty
    private int numStreamThreads = 1;

    /**
     * Kafka Streams num.standby.replicas: warm copies of each task's stores on other instances, so
     * that a task moved after a crash resumes without restoring its stores from the changelog.
     * It only helps with more than one instance.
     */
    @Min(0)
    @JsonProperty
    private int numStandbyReplicas;

    /** Partition count of the repartition topics; must equal that of the input topics. */
    @Min(1)
    @JsonProperty
    private int partitions = TopologySettings.DEFAULT_PARTITIONS;

    /** Replication of changelog and repartition topics: 1 for the single embedded broker, 3 in production. */
    @Min(1)
    @Max(Short.MAX_VALUE)
    @JsonProperty
    private int replicationFactor = 1;

    public KafkaSettings getKafka() {
        return kafka;
    }

    public String getApplicationId() {
        return applicationId;
    }

    public String getStateDir() {
        return stateDir;
    }

    public Duration getHoldDuration() {
        return holdDuration;
    }

    public List<Duration> getRetryDelays() {
        return retryDelays;
    }

    public Duration getPunctuationInterval() {
        return punctuationInterval;
    }

    public int getMaxQuantityPerOrder() {
        return maxQuantityPerOrder;
    }

    public Optional<Long> getCommitIntervalMs() {
        return Optional.ofNullable(commitIntervalMs);
    }

    public Optional<String> getInstanceId() {
        return instanceId.isBlank() ? Optional.empty() : Optional.of(instanceId);
    }

    public String getProcessingGuarantee() {
        return processingGuarantee;
    }

    public boolean isTransactionalStateStores() {
        return transactionalStateStores;
    }

    public int getNumStreamThreads() {
        return numStreamThreads;
    }

    public int getNumStandbyReplicas() {
        return numStandbyReplicas;
    }

    public int getPartitions() {
        return partitions;
    }

    public int getReplicationFactor() {
        return replicationFactor;
    }

    public TopologySettings topologySettings() {
        return new TopologySettings(partitions, holdDuration.toJavaDuration(), maxQuantityPerOrder,
                retryDelays.stream().map(Duration::toJavaDuration).toList(), punctuationInterval.toJavaDuration());
    }
}
