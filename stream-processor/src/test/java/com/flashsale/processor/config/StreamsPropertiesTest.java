package com.flashsale.processor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class StreamsPropertiesTest {

    private final StreamProcessorConfiguration config = new StreamProcessorConfiguration();

    @Test
    void runsExactlyOnceWithConfiguredStateDir() {
        Properties props = StreamsProperties.from(config);

        assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(props.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("flashsale-stream-processor");
        assertThat(props.get(StreamsConfig.STATE_DIR_CONFIG)).isEqualTo("./.flashsale/streams");
        assertThat(props.get(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo(1);
        assertThat(props.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo(1);
        assertThat(props.get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(0);
        assertThat(props).doesNotContainKey(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        assertThat(props.get(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG)).isEqualTo(false);
        assertThat(props).doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        assertThat(props.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG)).isEqualTo("flashsale.dead-letter");
        assertThat(props.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG)).isEqualTo(true);
    }

    @Test
    void disablesTaskIdling() {
        Properties props = StreamsProperties.from(config);

        assertThat(props.get(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isEqualTo(StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
    }

    /**
     * TopologyTestDriver in Kafka Streams 4.4.0 skips a record that fails to deserialize but does
     * not capture the dead-letter record the handler returns (records from the processing
     * exception handler it does capture), so this calls the configured handler directly.
     */
    @Test
    void deserializationHandlerDeadLettersAndContinues() {
        DeserializationExceptionHandler handler = new StreamsConfig(StreamsProperties.from(config))
                .deserializationExceptionHandler();
        byte[] poison = {1, 2, 3, 4, 5};
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(
                "flashsale.order-submissions", 2, 17L, "sku-1".getBytes(StandardCharsets.UTF_8), poison);

        DeserializationExceptionHandler.Response response = handler.handleError(
                contextOf(record), record, new SerializationException("not an event"));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        List<ProducerRecord<byte[], byte[]>> deadLetters = response.deadLetterQueueRecords();
        assertThat(deadLetters).hasSize(1);
        ProducerRecord<byte[], byte[]> deadLetter = deadLetters.get(0);
        assertThat(deadLetter.topic()).isEqualTo("flashsale.dead-letter");
        assertThat(deadLetter.value()).isEqualTo(poison);
        assertThat(deadLetter.key()).isEqualTo(record.key());
        assertThat(headerText(deadLetter.headers(), "__streams.errors.topic")).isEqualTo("flashsale.order-submissions");
        assertThat(headerText(deadLetter.headers(), "__streams.errors.partition")).isEqualTo("2");
        assertThat(headerText(deadLetter.headers(), "__streams.errors.offset")).isEqualTo("17");
        assertThat(headerText(deadLetter.headers(), "__streams.errors.message")).isEqualTo("not an event");
    }

    private static String headerText(Headers headers, String key) {
        assertThat(headers.lastHeader(key)).as("header %s", key).isNotNull();
        return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
    }

    private static ErrorHandlerContext contextOf(ConsumerRecord<byte[], byte[]> record) {
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return record.topic();
            }

            @Override
            public int partition() {
                return record.partition();
            }

            @Override
            public long offset() {
                return record.offset();
            }

            @Override
            public Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return "order-submissions-source";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, record.partition());
            }

            @Override
            public long timestamp() {
                // The bare ConsumerRecord constructor leaves the timestamp at -1, which a
                // dead-letter ProducerRecord does not accept.
                return 1_700_000_000_000L;
            }

            @Override
            public byte[] sourceRawKey() {
                return record.key();
            }

            @Override
            public byte[] sourceRawValue() {
                return record.value();
            }
        };
    }
}
