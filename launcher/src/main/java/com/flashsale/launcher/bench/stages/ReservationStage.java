package com.flashsale.launcher.bench.stages;

import com.flashsale.events.OrderRejected;
import com.flashsale.events.OrderReserved;
import com.flashsale.events.serde.EventCodec;
import com.flashsale.events.topics.Topics;
import com.flashsale.kafka.embedded.Ports;
import com.flashsale.launcher.bench.BenchContext;
import com.flashsale.launcher.bench.BenchResults;
import com.flashsale.launcher.bench.BenchStage;
import com.flashsale.launcher.bench.Comparison;
import com.flashsale.launcher.bench.ThroughputResult;
import com.flashsale.launcher.stack.Service;
import com.flashsale.launcher.bench.stages.BenchEvents.TopicEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reservation throughput: how fast the real stream processor decides a backlog of submissions,
 * against a Kafka Streams pass-through under {@code exactly_once_v2} copying the same records on
 * the same broker. Both run as child JVMs with one stream thread and the processor's commit
 * interval. Two cases: submissions spread over many SKUs, and all of them on one hot SKU.
 *
 * <p>Each case writes its submissions first, while nothing consumes, so the measured process
 * only reads a full backlog. The rate is the number of outputs committed per second, read with
 * {@code read_committed}, from the first committed output to the last (see {@link ProgressWindow}).
 */
public final class ReservationStage implements BenchStage {

    private static final int MANY_SKUS = 64;

    /** A case of the stage: its label in the results and how many SKUs share the orders. */
    private record Case(String label, String id, int skuCount) {
    }

    private static final List<Case> CASES = List.of(
            new Case(MANY_SKUS + " SKUs", "many-skus", MANY_SKUS),
            new Case("1 hot SKU", "hot-sku", 1));

    @Override
    public String name() {
        return "reservation";
    }

    @Override
    public void run(BenchContext context, BenchResults.Builder results) throws Exception {
        int orders = context.pick(100_000, 8_000);
        Path stageDirectory = context.stageDirectory(name());
        Path processorConfig = Service.STREAM_PROCESSOR.config(context.repositoryRoot());
        int commitIntervalMs = ProcessorCommitInterval.read(processorConfig, System.getenv());

        try (BenchBroker broker = BenchBroker.start(stageDirectory.resolve("kafka"))) {
            for (Case benchCase : CASES) {
                String name = name() + ", " + benchCase.label();
                try {
                    results.addReservation(measure(context, broker, benchCase, orders, commitIntervalMs));
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    // The other case is still worth measuring, and the results name this one's failure.
                    context.log().println("Benchmark case " + name + " failed: " + e);
                    results.stageFailed(name, String.valueOf(e.getMessage()));
                }
            }
        }
    }

    private ThroughputResult measure(BenchContext context, BenchBroker broker, Case benchCase, int orders,
                                     int commitIntervalMs) throws Exception {
        Path caseDirectory = context.stageDirectory(name()).resolve(benchCase.id());
        Topics topics = broker.createPipelineTopics("bench-" + benchCase.id() + ".");
        long stockPerSku = Math.max(1, orders / 2 / benchCase.skuCount());
        BenchEvents events = new BenchEvents(Instant.now());
        List<TopicEvent> backlog = new ArrayList<>(events.stockLoads(benchCase.skuCount(), stockPerSku));
        backlog.addAll(events.submissions(orders, benchCase.skuCount()));
        EventWriter.write(broker.bootstrapServers(), topics, backlog);
        context.log().printf("Reservation, %s: %d submissions written; measuring the stream processor%n",
                benchCase.label(), orders);

        double processor = measureProcessor(context, broker, topics, benchCase, caseDirectory, orders, commitIntervalMs);
        context.log().printf("Reservation, %s: processor %.0f events/s; measuring the pass-through%n",
                benchCase.label(), processor);
        double passThrough = measurePassThrough(context, broker, topics, caseDirectory, orders, commitIntervalMs);
        context.log().printf("Reservation, %s: pass-through %.0f events/s%n", benchCase.label(), passThrough);

        String description = String.format("%d submissions over %d SKU(s), stock %d per SKU (about half reserved,"
                        + " half rejected SOLD_OUT); stream-processor.jar vs a Kafka Streams pass-through"
                        + " (order-submissions copied to a sink topic), both child JVMs with 1 stream thread,"
                        + " exactly_once_v2, commit.interval.ms=%d, %d partitions, 1 broker; events/s = committed"
                        + " outputs read with read_committed, first to last",
                orders, benchCase.skuCount(), stockPerSku, commitIntervalMs, BenchBroker.PARTITIONS);
        return new ThroughputResult(name() + ", " + benchCase.label(), "events/s", orders,
                new Comparison(processor, passThrough), description);
    }

    /** Runs the real processor on the backlog and returns the decisions (reserved or rejected) committed per second. */
    private static double measureProcessor(BenchContext context, BenchBroker broker, Topics topics, Case benchCase,
                                           Path caseDirectory, int orders, int commitIntervalMs) throws Exception {
        List<Integer> ports = Ports.findFree(2);
        Map<String, String> environment = new HashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        environment.put("FLASHSALE_TOPIC_PREFIX", topics.prefix());
        environment.put("PROCESSOR_PORT", Integer.toString(ports.get(0)));
        environment.put("PROCESSOR_ADMIN_PORT", Integer.toString(ports.get(1)));
        environment.put("PROCESSOR_STATE_DIR", caseDirectory.resolve("processor-state").toString());
        environment.put("PROCESSOR_APPLICATION_ID", "bench-processor-" + benchCase.id());
        environment.put("PROCESSOR_INSTANCE_ID", "");
        environment.put("PROCESSOR_PARTITIONS", Integer.toString(BenchBroker.PARTITIONS));
        environment.put("PROCESSOR_REPLICATION_FACTOR", "1");
        environment.put(ProcessorCommitInterval.VARIABLE, Integer.toString(commitIntervalMs));

        Path root = context.repositoryRoot();
        try (CommittedRecordCounter decisions = new CommittedRecordCounter(broker.bootstrapServers(),
                topics.orderEvents(), ReservationStage::isDecision);
             ChildJvm processor = ChildJvm.startService("stream-processor", Service.STREAM_PROCESSOR.jar(root),
                     Service.STREAM_PROCESSOR.config(root), root, caseDirectory.resolve("stream-processor.log"),
                     environment)) {
            ProgressWindow window = decisions.awaitCount(orders, processor, timeout(orders));
            if (decisions.skipped() > 0) {
                context.log().printf("Reservation, %s: the processor also wrote %d events that are not decisions,"
                        + " such as retries%n", benchCase.label(), decisions.skipped());
            }
            return rate(window, "stream processor");
        }
    }

    /** Runs the pass-through on the same submissions and returns the records it copied per second. */
    private static double measurePassThrough(BenchContext context, BenchBroker broker, Topics topics,
                                             Path caseDirectory, int orders, int commitIntervalMs) throws Exception {
        String sink = topics.prefix() + "pass-through-sink";
        broker.createTopic(sink);
        List<String> arguments = PassThroughApp.arguments(broker.bootstrapServers(),
                "bench-pass-through-" + caseDirectory.getFileName(), topics.orderSubmissions(), sink,
                caseDirectory.resolve("pass-through-state").toString(), commitIntervalMs);

        try (CommittedRecordCounter copies = new CommittedRecordCounter(broker.bootstrapServers(), sink,
                value -> true);
             ChildJvm passThrough = ChildJvm.startMain("pass-through", System.getProperty("java.class.path"),
                     PassThroughApp.class.getName(), arguments, context.repositoryRoot(),
                     caseDirectory.resolve("pass-through.log"))) {
            return rate(copies.awaitCount(orders, passThrough, timeout(orders)), "pass-through");
        }
    }

    /** Returns whether a record of order-events is a decision; one that cannot be decoded is not. */
    private static boolean isDecision(byte[] value) {
        try {
            SpecificRecord event = EventCodec.get().decode(value);
            return event instanceof OrderReserved || event instanceof OrderRejected;
        } catch (SerializationException e) {
            return false;
        }
    }

    /** Allows a minute for the JVM to start and join, then at least 500 records per second. */
    private static Duration timeout(int records) {
        return Duration.ofSeconds(60 + records / 500);
    }

    private static double rate(ProgressWindow window, String what) {
        return window.perSecond().orElseThrow(() -> new IllegalStateException("The " + what
                + " committed all " + window.target() + " records in its first transaction; too few records"
                + " to measure a rate"));
    }
}
