package com.flashsale.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.events.OrderReserved;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.SetStock;
import com.flashsale.events.serde.EventCodec;
import com.flashsale.events.serde.UnknownSchemaException;
import com.flashsale.events.topics.Topics;
import com.flashsale.kafka.embedded.KafkaBroker;
import com.flashsale.processor.topics.DeadLetterHeaders;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes two records that are no event between two good submissions to a real broker. The
 * processor decides both submissions, and Kafka Streams' deserialization handler copies each bad
 * record to the dead-letter topic with its error headers while the processor keeps running.
 */
class PoisonRecordIT {

    private static final Topics TOPICS = new Topics("poison.");
    private static final String SKU = "sku-poison";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration OUTCOME_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path workDirectory;

    private KafkaBroker broker;
    private ProcessorProcess processor;

    @BeforeEach
    void startBrokerAndProcessor() throws Exception {
        broker = PipelineSetup.startBroker(workDirectory.resolve("broker"), TOPICS);
        processor = new ProcessorProcess(
                PipelineSetup.processorEnvironment(broker, TOPICS, workDirectory, "poison-it-processor", Map.of()),
                PipelineSetup.freshLogFile("processor-poison.log"));
        processor.start();
        processor.awaitRunning(START_TIMEOUT);
    }

    @AfterEach
    void stopEverything() throws Exception {
        try {
            if (processor != null) {
                processor.close();
            }
        } finally {
            if (broker != null) {
                broker.stop();
            }
        }
    }

    @Test
    void poisonRecordsAreDeadLetteredBetweenDecidedOrders() throws Exception {
        byte[] randomBytes = new byte[48];
        new Random(7).nextBytes(randomBytes);
        byte[] unknownSchema = withUnknownFingerprint(EventCodec.get().encode(submission("order-unknown-schema")));
        RecordMetadata randomMetadata;
        RecordMetadata unknownMetadata;
        try (KafkaProducer<String, byte[]> producer = PipelineSetup.producer(broker, new ByteArraySerializer())) {
            send(producer, TOPICS.stockCommands(), EventCodec.get().encode(setStock()));
            send(producer, TOPICS.orderSubmissions(), EventCodec.get().encode(submission("order-before")));
            randomMetadata = send(producer, TOPICS.orderSubmissions(), randomBytes);
            unknownMetadata = send(producer, TOPICS.orderSubmissions(), unknownSchema);
            send(producer, TOPICS.orderSubmissions(), EventCodec.get().encode(submission("order-after")));
        }

        try (EventLog log = new EventLog(broker.bootstrapServers(), IsolationLevel.READ_COMMITTED,
                List.of(TOPICS.orderEvents(), TOPICS.deadLetter()))) {
            awaitRecords(log);

            List<SpecificRecord> decisions = decisions(log);
            assertThat(decisions).as("decisions").hasSize(2).allMatch(OrderReserved.class::isInstance);
            assertThat(OutcomeVerifier.orderIds(decisions)).containsExactly("order-after", "order-before");
            List<ConsumerRecord<String, byte[]>> deadLetters = log.records(TOPICS.deadLetter());
            assertThat(deadLetters).extracting(ConsumerRecord::value).containsExactly(randomBytes, unknownSchema);
            assertErrorHeaders(deadLetters.get(0), randomMetadata);
            assertErrorHeaders(deadLetters.get(1), unknownMetadata);
        }
        assertThat(processor.streamsState()).isEqualTo("RUNNING");
    }

    private void awaitRecords(EventLog log) {
        long deadline = System.nanoTime() + OUTCOME_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline
                && (decisions(log).size() < 2 || log.records(TOPICS.deadLetter()).size() < 2)) {
            log.poll(Duration.ofMillis(200));
        }
        // One more poll, so that an extra outcome or dead letter would show up too.
        log.poll(Duration.ofMillis(500));
    }

    private static List<SpecificRecord> decisions(EventLog log) {
        return log.events(TOPICS.orderEvents()).stream().filter(OutcomeVerifier::isDecision).toList();
    }

    private static void assertErrorHeaders(ConsumerRecord<String, byte[]> deadLetter, RecordMetadata source) {
        assertThat(deadLetter.key()).isEqualTo(SKU);
        assertThat(header(deadLetter, DeadLetterHeaders.TOPIC)).isEqualTo(TOPICS.orderSubmissions());
        assertThat(header(deadLetter, DeadLetterHeaders.PARTITION)).isEqualTo(Integer.toString(source.partition()));
        assertThat(header(deadLetter, DeadLetterHeaders.OFFSET)).isEqualTo(Long.toString(source.offset()));
        assertThat(header(deadLetter, DeadLetterHeaders.EXCEPTION)).isEqualTo(UnknownSchemaException.class.getName());
        assertThat(header(deadLetter, DeadLetterHeaders.MESSAGE)).isNotBlank();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        assertThat(header).as("header %s of the dead letter at offset %d", key, record.offset()).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Every record goes to one partition under the same key, so the processor reads them in the order sent. */
    private static RecordMetadata send(KafkaProducer<String, byte[]> producer, String topic, byte[] value)
            throws Exception {
        return producer.send(new ProducerRecord<>(topic, SKU, value)).get();
    }

    /** Replaces the 8-byte schema fingerprint after the 2-byte single-object marker with one of no shipped schema. */
    private static byte[] withUnknownFingerprint(byte[] encoded) {
        byte[] copy = encoded.clone();
        ByteBuffer.wrap(copy, 2, Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(0x0123_4567_89AB_CDEFL);
        return copy;
    }

    private static OrderSubmitted submission(String orderId) {
        return OrderSubmitted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOrderId(orderId)
                .setSkuId(SKU)
                .setUserId("user-" + orderId)
                .setOccurredAt(Instant.now())
                .setQuantity(1)
                .setClientRequestId("request-" + orderId)
                .build();
    }

    private static SpecificRecord setStock() {
        Instant now = Instant.now();
        return SetStock.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setSkuId(SKU)
                .setUserId("merchant-1")
                .setOccurredAt(now)
                .setStock(10)
                .setPerUserLimit(1)
                .setSaleStart(now.minus(Duration.ofHours(1)))
                .setSaleEnd(now.plus(Duration.ofHours(1)))
                .build();
    }
}
