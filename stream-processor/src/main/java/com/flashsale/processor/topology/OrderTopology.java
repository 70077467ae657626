package com.flashsale.processor.topology;

import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.StockChanged;
import com.flashsale.events.topics.Topics;
import com.flashsale.processor.processor.ReserveStockProcessor;
import com.flashsale.processor.processor.RouteOrderProcessor;
import com.flashsale.processor.processor.UnexpectedEventException;
import com.flashsale.processor.serde.StateSerdes;
import com.flashsale.processor.topics.RepartitionTopics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the order topology in two stages. The route-orders stage is partitioned by orderId and
 * forwards only the first submission of each order. The reserve-stock stage is partitioned by
 * skuId and decides submissions against the SKU's stock. Every store is persistent and
 * changelogged, so under exactly-once a crash neither loses nor repeats a decision.
 */
public final class OrderTopology {

    private OrderTopology() {
    }

    /** Builds the topology; it has no side effects, so tests call it with TopologyTestDriver. */
    public static Topology build(Topics topics, TopologySettings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder);

        KStream<String, SpecificRecord> firstSubmissions = routeOrders(builder, topics, settings);
        KStream<String, SpecificRecord> outcomes = reserveStock(builder, topics, settings, firstSubmissions);
        writeOutcomes(topics, outcomes);

        return builder.build();
    }

    private static KStream<String, SpecificRecord> routeOrders(StreamsBuilder builder, Topics topics,
                                                               TopologySettings settings) {
        KStream<String, SpecificRecord> submissions = builder.stream(topics.orderSubmissions(),
                Consumed.with(StateSerdes.KEY, StateSerdes.EVENT).withName(ProcessorNames.ORDER_SUBMISSIONS_SOURCE));

        // Submissions arrive keyed by skuId, but one client may reuse a clientRequestId with
        // another SKU, so deduplication needs every submission of an order in one task.
        KStream<String, SpecificRecord> byOrderId = submissions
                .selectKey(OrderTopology::orderIdOf, Named.as(ProcessorNames.KEY_BY_ORDER_ID))
                .repartition(repartitioned(RepartitionTopics.SUBMISSIONS_BY_ORDER, settings));

        // TODO: order-commands (ConfirmPayment, CancelOrder) are keyed by orderId and have the same
        // partition count, so they will be merged into byOrderId here, before route-orders.
        return byOrderId
                .process(RouteOrderProcessor::new, Named.as(ProcessorNames.ROUTE_ORDERS), StoreNames.ORDER_ROUTE)
                .repartition(repartitioned(RepartitionTopics.SUBMISSIONS_BY_SKU, settings));
    }

    private static KStream<String, SpecificRecord> reserveStock(StreamsBuilder builder, Topics topics,
                                                                TopologySettings settings,
                                                                KStream<String, SpecificRecord> firstSubmissions) {
        KStream<String, SpecificRecord> stockCommands = builder.stream(topics.stockCommands(),
                Consumed.with(StateSerdes.KEY, StateSerdes.EVENT).withName(ProcessorNames.STOCK_COMMANDS_SOURCE));

        // Both inputs are keyed by skuId and have the same partition count, so one task receives
        // every submission and stock command of a SKU.
        return firstSubmissions
                .merge(stockCommands, Named.as(ProcessorNames.MERGE_SKU_INPUTS))
                .process(() -> new ReserveStockProcessor(settings.maxQuantityPerOrder(), settings.holdDuration()),
                        Named.as(ProcessorNames.RESERVE_STOCK),
                        StoreNames.SKU_STOCK, StoreNames.SKU_ORDER, StoreNames.USER_HOLD);
    }

    private static void writeOutcomes(Topics topics, KStream<String, SpecificRecord> outcomes) {
        outcomes.split(Named.as(ProcessorNames.SPLIT_OUTCOMES))
                .branch((key, event) -> event instanceof StockChanged,
                        Branched.withConsumer(stockEvents -> stockEvents.to(topics.stockEvents(),
                                produced(ProcessorNames.STOCK_EVENTS_SINK)), ProcessorNames.STOCK_EVENTS_BRANCH))
                .defaultBranch(Branched.withConsumer(orderEvents -> orderEvents.to(topics.orderEvents(),
                        produced(ProcessorNames.ORDER_EVENTS_SINK)), ProcessorNames.ORDER_EVENTS_BRANCH));
    }

    private static void addStores(StreamsBuilder builder) {
        builder.addStateStore(store(StoreNames.ORDER_ROUTE, StateSerdes.KEY, StateSerdes.ORDER_ROUTE));
        builder.addStateStore(store(StoreNames.SKU_STOCK, StateSerdes.KEY, StateSerdes.SKU_STOCK));
        builder.addStateStore(store(StoreNames.SKU_ORDER, StateSerdes.KEY, StateSerdes.SKU_ORDER));
        builder.addStateStore(store(StoreNames.USER_HOLD, StateSerdes.HOLD_KEY, StateSerdes.HELD_UNITS));
    }

    /** Creates a persistent RocksDB store. Its changelog is on by default, and exactly-once relies on it. */
    private static <K, V> StoreBuilder<KeyValueStore<K, V>> store(String name, Serde<K> keySerde, Serde<V> valueSerde) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keySerde, valueSerde);
    }

    private static Repartitioned<String, SpecificRecord> repartitioned(String name, TopologySettings settings) {
        return Repartitioned.<String, SpecificRecord>as(name)
                .withKeySerde(StateSerdes.KEY)
                .withValueSerde(StateSerdes.EVENT)
                .withNumberOfPartitions(settings.partitions());
    }

    private static Produced<String, SpecificRecord> produced(String name) {
        return Produced.with(StateSerdes.KEY, StateSerdes.EVENT).withName(name);
    }

    /** Throws for anything but a submission, so that the record goes to the dead-letter topic. */
    private static String orderIdOf(String skuId, SpecificRecord event) {
        if (event instanceof OrderSubmitted submission) {
            return submission.getOrderId();
        }
        throw new UnexpectedEventException(ProcessorNames.KEY_BY_ORDER_ID, event);
    }
}
