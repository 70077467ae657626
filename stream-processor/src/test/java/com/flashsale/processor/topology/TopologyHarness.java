package com.flashsale.processor.topology;

import com.flashsale.events.AdjustStock;
import com.flashsale.events.CancelOrder;
import com.flashsale.events.ConfirmPayment;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.SetStock;
import com.flashsale.events.topics.Topics;
import com.flashsale.processor.config.StreamsProperties;
import com.flashsale.processor.serde.StateSerdes;
import com.flashsale.processor.state.HoldKey;
import com.flashsale.processor.state.OrderRoute;
import com.flashsale.processor.state.PendingRetry;
import com.flashsale.processor.state.SkuOrder;
import com.flashsale.processor.state.SkuStock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/** The order topology in a TopologyTestDriver, with its topics and stores at hand. */
final class TopologyHarness implements AutoCloseable {

    static final Topics TOPICS = new Topics("test.");

    final TopologyTestDriver driver;
    final TestInputTopic<String, SpecificRecord> submissions;
    final TestInputTopic<String, SpecificRecord> stockCommands;
    final TestInputTopic<String, SpecificRecord> orderCommands;
    final TestInputTopic<String, byte[]> rawSubmissions;
    final TestOutputTopic<String, SpecificRecord> orderEvents;
    final TestOutputTopic<String, SpecificRecord> stockEvents;
    final TestOutputTopic<byte[], byte[]> deadLetter;

    /** Starts the driver's wall clock at {@link Events#DURING_SALE}, the time most test submissions carry. */
    TopologyHarness(Path stateDir, TopologySettings settings) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "order-topology-test");
        // The test driver never connects; the address only has to be well-formed.
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        StreamsProperties.addErrorHandling(props, TOPICS.deadLetter());

        driver = new TopologyTestDriver(OrderTopology.build(TOPICS, settings), props, Events.DURING_SALE);
        StringSerializer keys = new StringSerializer();
        submissions = driver.createInputTopic(TOPICS.orderSubmissions(), keys, StateSerdes.EVENT.serializer());
        stockCommands = driver.createInputTopic(TOPICS.stockCommands(), keys, StateSerdes.EVENT.serializer());
        orderCommands = driver.createInputTopic(TOPICS.orderCommands(), keys, StateSerdes.EVENT.serializer());
        rawSubmissions = driver.createInputTopic(TOPICS.orderSubmissions(), keys, new ByteArraySerializer());
        orderEvents = driver.createOutputTopic(TOPICS.orderEvents(), StateSerdes.KEY.deserializer(), StateSerdes.EVENT.deserializer());
        stockEvents = driver.createOutputTopic(TOPICS.stockEvents(), StateSerdes.KEY.deserializer(), StateSerdes.EVENT.deserializer());
        deadLetter = driver.createOutputTopic(TOPICS.deadLetter(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    KeyValueStore<String, SkuStock> stockStore() {
        return driver.getKeyValueStore(StoreNames.SKU_STOCK);
    }

    KeyValueStore<String, SkuOrder> orderStore() {
        return driver.getKeyValueStore(StoreNames.SKU_ORDER);
    }

    KeyValueStore<HoldKey, Long> holdStore() {
        return driver.getKeyValueStore(StoreNames.USER_HOLD);
    }

    KeyValueStore<String, OrderRoute> routeStore() {
        return driver.getKeyValueStore(StoreNames.ORDER_ROUTE);
    }

    KeyValueStore<String, String> holdExpiryStore() {
        return driver.getKeyValueStore(StoreNames.HOLD_EXPIRY);
    }

    KeyValueStore<String, PendingRetry> routeRetryStore() {
        return driver.getKeyValueStore(StoreNames.ROUTE_RETRY);
    }

    KeyValueStore<String, PendingRetry> reserveRetryStore() {
        return driver.getKeyValueStore(StoreNames.RESERVE_RETRY);
    }

    /** Counts a store's entries by iterating them; RocksDB's own count is an estimate. */
    static long entryCount(KeyValueStore<?, ?> store) {
        long count = 0;
        try (var entries = store.all()) {
            while (entries.hasNext()) {
                entries.next();
                count++;
            }
        }
        return count;
    }

    /** Returns the sum of a counter metric over all tasks and threads of the driver. */
    double counter(String metricName) {
        double total = 0;
        for (var entry : driver.metrics().entrySet()) {
            MetricName name = entry.getKey();
            Metric metric = entry.getValue();
            if (name.name().equals(metricName) && metric.metricValue() instanceof Double value) {
                total += value;
            }
        }
        return total;
    }

    /** Sends a command keyed by its skuId, with its occurredAt as the record timestamp. */
    void send(SetStock command) {
        stockCommands.pipeInput(command.getSkuId(), command, command.getOccurredAt());
    }

    void send(AdjustStock command) {
        stockCommands.pipeInput(command.getSkuId(), command, command.getOccurredAt());
    }

    /** Sends a submission keyed by its skuId, as the ingest service does. */
    void submit(OrderSubmitted submission) {
        submissions.pipeInput(submission.getSkuId(), submission, submission.getOccurredAt());
    }

    /** Sends a command keyed by its orderId, as the ingest service does. */
    void send(ConfirmPayment command) {
        orderCommands.pipeInput(command.getOrderId(), command, command.getOccurredAt());
    }

    void send(CancelOrder command) {
        orderCommands.pipeInput(command.getOrderId(), command, command.getOccurredAt());
    }

    /** Moves the wall clock, which runs the punctuators of holds and retries once if they fell due. */
    void advance(Duration duration) {
        driver.advanceWallClockTime(duration);
    }

    /** Moves the wall clock one second at a time, so that a punctuation runs at every second. */
    void advanceBySeconds(int seconds) {
        for (int i = 0; i < seconds; i++) {
            driver.advanceWallClockTime(Duration.ofSeconds(1));
        }
    }

    @Override
    public void close() {
        driver.close();
    }
}
