package com.flashsale.processor.config;

import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

/** Builds the Kafka Streams properties of the processor from its configuration. */
public final class StreamsProperties {

    private StreamsProperties() {
    }

    public static Properties from(StreamProcessorConfiguration config) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getApplicationId());
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.getKafka().getBootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.getProcessingGuarantee());
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.getStateDir());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.getNumStreamThreads());
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.getNumStandbyReplicas());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.getReplicationFactor());
        config.getCommitIntervalMs().ifPresent(ms -> props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, ms));
        props.put(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, config.isTransactionalStateStores());
        config.getInstanceId().ifPresent(id -> props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
        addErrorHandling(props, config.getKafka().topics().deadLetter());
        return props;
    }

    /**
     * Adds the exception handlers. Kafka's built-in continue handlers write a record that cannot be
     * deserialized, or whose processing throws, to the dead-letter topic with
     * {@code __streams.errors.*} headers, and processing goes on with the next record. They write
     * nothing there when a custom handler replaces them, so these two must stay the built-in ones.
     */
    public static void addErrorHandling(Properties props, String deadLetterTopic) {
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic);
    }
}
