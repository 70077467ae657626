package com.flashsale.processor.topology;

import com.flashsale.events.OrderDeadLettered;
import com.flashsale.events.OrderRetryScheduled;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.StockChanged;
import com.flashsale.events.topics.Topics;
import com.flashsale.processor.processor.ReserveStockProcessor;
import com.flashsale.processor.processor.RouteOrderProcessor;
import com.flashsale.processor.processor.UnexpectedEventException;
import com.flashsale.processor.serde.StateSerdes;
import com.flashsale.processor.topics.RepartitionTopics;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
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
 * Builds the order topology in two stages. The route-orders stage is partitioned by orderId. It
 * forwards only the first submission of each order, and each payment or cancel keyed by its
 * order's skuId. The reserve-stock stage is partitioned by skuId and decides submissions against
 * the SKU's stock, then confirms, cancels or expires the reservations. Every store is persistent
 * and changelogged, so under exactly-once a crash neither loses nor repeats a decision, and
 * pending holds and retries survive it.
 */
public final class OrderTopology {

    private OrderTopology() {
    }

    /** Builds the topology; it has no side effects, so tests call it with TopologyTestDriver. */
    public static Topology build(Topics topics, TopologySettings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder);

        KStream<String, SpecificRecord> toReserveStock = routeOrders(builder, topics, settings);
        KStream<String, SpecificRecord> outcomes = reserveStock(builder, topics, settings, toReserveStock);
        writeOutcomes(topics, outcomes);

        Topology topology = builder.build();
        addDeadLetterSinks(topology, topics);
        return topology;
    }

    private static KStream<String, SpecificRecord> routeOrders(StreamsBuilder builder, Topics topics,
                                                               TopologySettings settings) {
        KStream<String, SpecificRecord> submissions = builder.stream(topics.orderSubmissions(),
                Consumed.with(StateSerdes.KEY, StateSerdes.EVENT).withName(ProcessorNames.ORDER_SUBMISSIONS_SOURCE));
        KStream<String, SpecificRecord> commands = builder.stream(topics.orderCommands(),
                Consumed.with(StateSerdes.KEY, StateSerdes.EVENT).withName(ProcessorNames.ORDER_COMMANDS_SOURCE));

        // Submissions arrive keyed by skuId, but one client may reuse a clientRequestId with
        // another SKU, so deduplication needs every submission of an order in one task.
        KStream<String, SpecificRecord> byOrderId = submissions
                .selectKey(OrderTopology::orderIdOf, Named.as(ProcessorNames.KEY_BY_ORDER_ID))
                .repartition(repartitioned(RepartitionTopics.SUBMISSIONS_BY_ORDER, settings));

        // order-commands is keyed by orderId and has the same partition count, so a payment or
        // cancel reaches the task that stores its order's route.
        KStream<String, SpecificRecord> routed = byOrderId
                .merge(commands, Named.as(ProcessorNames.MERGE_ORDER_INPUTS))
                .process(() -> new RouteOrderProcessor(settings), Named.as(ProcessorNames.ROUTE_ORDERS),
                        StoreNames.ORDER_ROUTE, StoreNames.ROUTE_RETRY);

        // RouteOrderProcessor forwards to the splitter by its name, so the split must be named SPLIT_ROUTED.
        Map<String, KStream<String, SpecificRecord>> branches = routed.split(Named.as(ProcessorNames.SPLIT_ROUTED))
                .branch(OrderTopology::isRetryEvent,
                        Branched.withConsumer(events -> events.to(topics.orderEvents(),
                                produced(ProcessorNames.ROUTE_ORDER_EVENTS_SINK)), ProcessorNames.ROUTE_ORDER_EVENTS_BRANCH))
                .defaultBranch(Branched.as(ProcessorNames.TO_RESERVE_STOCK_BRANCH));
        return branches.get(ProcessorNames.SPLIT_ROUTED + ProcessorNames.TO_RESERVE_STOCK_BRANCH)
                .repartition(repartitioned(RepartitionTopics.SUBMISSIONS_BY_SKU, settings));
    }

    private static KStream<String, SpecificRecord> reserveStock(StreamsBuilder builder, Topics topics,
                                                                TopologySettings settings,
                                                                KStream<String, SpecificRecord> toReserveStock) {
        KStream<String, SpecificRecord> stockCommands = builder.stream(topics.stockCommands(),
                Consumed.with(StateSerdes.KEY, StateSerdes.EVENT).withName(ProcessorNames.STOCK_COMMANDS_SOURCE));

        // Both inputs are keyed by skuId and have the same partition count, so one task receives
        // every submission, order command and stock command of a SKU.
        return toReserveStock
                .merge(stockCommands, Named.as(ProcessorNames.MERGE_SKU_INPUTS))
                .process(() -> new ReserveStockProcessor(settings),
                        Named.as(ProcessorNames.RESERVE_STOCK),
                        StoreNames.SKU_STOCK, StoreNames.SKU_ORDER, StoreNames.USER_HOLD,
                        StoreNames.HOLD_EXPIRY, StoreNames.RESERVE_RETRY);
    }

    /** ReserveStockProcessor forwards to the splitter by its name, so the split must be named SPLIT_OUTCOMES. */
    private static void writeOutcomes(Topics topics, KStream<String, SpecificRecord> outcomes) {
        outcomes.split(Named.as(ProcessorNames.SPLIT_OUTCOMES))
                .branch((key, event) -> event instanceof StockChanged,
                        Branched.withConsumer(stockEvents -> stockEvents.to(topics.stockEvents(),
                                produced(ProcessorNames.STOCK_EVENTS_SINK)), ProcessorNames.STOCK_EVENTS_BRANCH))
                .defaultBranch(Branched.withConsumer(orderEvents -> orderEvents.to(topics.orderEvents(),
                        produced(ProcessorNames.ORDER_EVENTS_SINK)), ProcessorNames.ORDER_EVENTS_BRANCH));
    }

    /**
     * Adds one dead-letter sink under each stage's processor, for the records it gave up on after
     * its retries. The DSL has no way to route by header, so the processors forward to these sinks
     * by name. Each stage gets its own sink because a node shared by both would join the two
     * sub-topologies into one. The serializer writes the same single-object bytes the record had
     * on its source topic, unless that was written under an older schema version.
     */
    private static void addDeadLetterSinks(Topology topology, Topics topics) {
        Serializer<String> keys = StateSerdes.KEY.serializer();
        Serializer<SpecificRecord> values = StateSerdes.EVENT.serializer();
        topology.addSink(ProcessorNames.ROUTE_DEAD_LETTER_SINK, topics.deadLetter(), keys, values,
                ProcessorNames.ROUTE_ORDERS);
        topology.addSink(ProcessorNames.RESERVE_DEAD_LETTER_SINK, topics.deadLetter(), keys, values,
                ProcessorNames.RESERVE_STOCK);
    }

    private static void addStores(StreamsBuilder builder) {
        builder.addStateStore(store(StoreNames.ORDER_ROUTE, StateSerdes.KEY, StateSerdes.ORDER_ROUTE));
        // Every decision of a SKU reads and rewrites its one stock entry. The Streams record cache
        // keeps it in memory and sends only its last value per commit to RocksDB and the changelog,
        // in the same exactly-once transaction as the outputs. The other stores get a new key per
        // order, so a cache would only add copies there.
        builder.addStateStore(store(StoreNames.SKU_STOCK, StateSerdes.KEY, StateSerdes.SKU_STOCK).withCachingEnabled());
        builder.addStateStore(store(StoreNames.SKU_ORDER, StateSerdes.KEY, StateSerdes.SKU_ORDER));
        builder.addStateStore(store(StoreNames.USER_HOLD, StateSerdes.HOLD_KEY, StateSerdes.HELD_UNITS));
        builder.addStateStore(store(StoreNames.HOLD_EXPIRY, StateSerdes.KEY, StateSerdes.KEY));
        builder.addStateStore(store(StoreNames.ROUTE_RETRY, StateSerdes.KEY, StateSerdes.PENDING_RETRY));
        builder.addStateStore(store(StoreNames.RESERVE_RETRY, StateSerdes.KEY, StateSerdes.PENDING_RETRY));
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

    /** Retry events are the only events route-orders writes; everything else goes on to reserve-stock. */
    private static boolean isRetryEvent(String key, SpecificRecord event) {
        return event instanceof OrderRetryScheduled || event instanceof OrderDeadLettered;
    }

    /** Throws for anything but a submission, so that the record goes to the dead-letter topic. */
    private static String orderIdOf(String skuId, SpecificRecord event) {
        if (event instanceof OrderSubmitted submission) {
            return submission.getOrderId();
        }
        throw new UnexpectedEventException(ProcessorNames.KEY_BY_ORDER_ID, event);
    }
}
