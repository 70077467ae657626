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
        // Each task of both stages reads two topics, and the command topic is empty most of the
        // time. Unless idling is disabled, Kafka Streams 4.4.0 then checks that empty partition's
        // lag and builds a log string with String.format before every record
        // (PartitionGroup.readyToProcess): 14 % of the stream thread's samples in a JFR profile of
        // the reservation benchmark. Disabling it gives up the timestamp order between the two
        // topics for records already on the broker. Safety does not depend on that order: a
        // submission that arrives before its SetStock is retried, and a payment or cancel follows
        // its order through one partition. A submission and a SetStock that changes its sale may
        // now be decided in either order.
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
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
