package com.flashsale.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.events.StockChanged;
import com.flashsale.events.topics.Topics;
import com.flashsale.kafka.embedded.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kills the processor with SIGKILL several times while it works through a flash sale on a real
 * broker, and restarts it on the same state directory each time. Then it checks from the
 * committed output that no outcome was lost or repeated. The commit interval is long enough that
 * each kill lands inside open transactions, which the broker then aborts.
 *
 * <p>Set {@code -Dflashsale.it.seed=N} to replay a run, and
 * {@code -Dflashsale.it.transactionalStateStores=true} to run the processor with transactional
 * state stores.
 */
class ProcessorCrashIT {

    private static final Topics TOPICS = new Topics("crash.");
    private static final int KILLS = 3;
    private static final int WAVES = 48;
    private static final Duration WAVE_INTERVAL = Duration.ofMillis(250);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration OUTCOME_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path workDirectory;

    private KafkaBroker broker;
    private ProcessorProcess processor;
    private Path processorLog;
    private KafkaProducer<String, SpecificRecord> producer;
    private final ExecutorService sender = Executors.newSingleThreadExecutor();

    static Stream<Long> seeds() {
        String configured = System.getProperty("flashsale.it.seed");
        return Stream.of(configured == null ? new Random().nextLong() : Long.parseLong(configured));
    }

    @BeforeEach
    void startBrokerAndProcessor() throws Exception {
        broker = PipelineSetup.startBroker(workDirectory.resolve("broker"), TOPICS);
        processorLog = PipelineSetup.freshLogFile("processor-crash.log");
        processor = new ProcessorProcess(processorEnvironment(), processorLog);
        processor.start();
        Duration firstStart = processor.awaitRunning(START_TIMEOUT);
        System.out.printf("first start: RUNNING after %d ms%n", firstStart.toMillis());
        producer = PipelineSetup.eventProducer(broker);
    }

    @AfterEach
    void stopEverything() throws Exception {
        sender.shutdownNow();
        try {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
            if (processor != null) {
                processor.close();
            }
        } finally {
            if (broker != null) {
                broker.stop();
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void killedProcessorLosesAndRepeatsNoOutcome(long seed) throws Exception {
        System.out.printf("ProcessorCrashIT seed=%d (rerun with -Dflashsale.it.seed=%d)%n", seed, seed);
        Random random = new Random(seed);
        SaleWorkload sale = SaleWorkload.generate(TOPICS, seed, Instant.now().plusMillis(200), WAVE_INTERVAL, WAVES);

        Future<?> sending = sender.submit(() -> send(sale));
        List<Duration> recoveries = killAndRestart(random);
        sending.get(WAVES * WAVE_INTERVAL.toMillis() + 30_000, TimeUnit.MILLISECONDS);

        OutcomeVerifier verifier = new OutcomeVerifier(sale.expected());
        try (EventLog committed = new EventLog(broker.bootstrapServers(), IsolationLevel.READ_COMMITTED, outputTopics())) {
            List<String> missing = awaitOutcomes(committed, verifier);
            assertThat(missing).as("outcomes still missing after %d s, seed %d; see %s",
                    OUTCOME_TIMEOUT.toSeconds(), seed, processorLog).isEmpty();
            committed.drain(Duration.ofSeconds(1));

            List<String> violations = verifier.violations(observed(committed));
            long abortedRecords = abortedRecordCount(committed);
            printReport(seed, sale, recoveries, committed, abortedRecords, violations);
            assertThat(violations).as("violations with seed %d", seed).isEmpty();
            assertThat(abortedRecords).as("output records of aborted transactions: did any kill land inside one?")
                    .isPositive();
        }
    }

    /** Sends each wave at its time, so that occurredAt matches when the record entered Kafka. */
    private void send(SaleWorkload sale) {
        try {
            List<List<ProducerRecord<String, SpecificRecord>>> waves = sale.waves();
            for (int i = 0; i < waves.size(); i++) {
                long waitMs = Duration.between(Instant.now(), sale.sendTimeOf(i)).toMillis();
                if (waitMs > 0) {
                    Thread.sleep(waitMs);
                }
                waves.get(i).forEach(producer::send);
                producer.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the processor at seeded random moments and restarts it; returns each restart's time to RUNNING. */
    private List<Duration> killAndRestart(Random random) throws Exception {
        List<Duration> recoveries = new ArrayList<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            long upMs = 1_000 + random.nextInt(2_500);
            Thread.sleep(upMs);
            processor.kill();
            long downMs = random.nextInt(500);
            System.out.printf("kill %d: SIGKILL after %d ms up, restart after %d ms down%n", kill, upMs, downMs);
            Thread.sleep(downMs);

            processor.start();
            Duration recovery = processor.awaitRunning(START_TIMEOUT);
            System.out.printf("kill %d: RUNNING %d ms after the restart%n", kill, recovery.toMillis());
            recoveries.add(recovery);
        }
        return recoveries;
    }

    private List<String> awaitOutcomes(EventLog log, OutcomeVerifier verifier) {
        long deadline = System.nanoTime() + OUTCOME_TIMEOUT.toNanos();
        List<String> missing = verifier.missing(observed(log));
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            log.poll(Duration.ofMillis(500));
            missing = verifier.missing(observed(log));
        }
        return missing.stream().limit(20).toList();
    }

    private static OutcomeVerifier.Observed observed(EventLog log) {
        List<StockChanged> stockEvents = log.events(TOPICS.stockEvents()).stream()
                .filter(StockChanged.class::isInstance)
                .map(StockChanged.class::cast)
                .toList();
        return new OutcomeVerifier.Observed(log.events(TOPICS.orderEvents()), stockEvents, log.events(TOPICS.deadLetter()));
    }

    private static void printReport(long seed, SaleWorkload sale, List<Duration> recoveries, EventLog committed,
                                    long abortedRecords, List<String> violations) {
        List<SpecificRecord> orderEvents = committed.events(TOPICS.orderEvents());
        System.out.printf("""
                        ProcessorCrashIT report (seed %d, transactional state stores %s)
                          input records sent:    %d
                          distinct orders:       %d
                          kills:                 %d, time to RUNNING after each restart: %s ms
                          aborted output records: %d (written by killed transactions, invisible to read_committed)
                          committed outcomes:    %s
                          late-SKU decisions:    %s
                          dead-letter records:   %d
                          violations:            %d%n""",
                seed, transactionalStateStores(), sale.recordCount(), sale.expected().submittedOrderIds().size(),
                recoveries.size(), recoveries.stream().map(Duration::toMillis).toList(), abortedRecords,
                OutcomeVerifier.outcomeCounts(orderEvents), OutcomeVerifier.outcomeCounts(lateSkuDecisions(orderEvents)),
                committed.records(TOPICS.deadLetter()).size(),
                violations.size());
        violations.stream().limit(30).forEach(violation -> System.out.println("  violation: " + violation));
    }

    private static List<SpecificRecord> lateSkuDecisions(List<SpecificRecord> orderEvents) {
        Set<String> lateOrders = OutcomeVerifier.orderIds(orderEvents).stream()
                .filter(orderId -> orderId.startsWith(SaleWorkload.LATE_ORDER_PREFIX))
                .collect(Collectors.toSet());
        return orderEvents.stream()
                .filter(OutcomeVerifier::isDecision)
                .filter(event -> lateOrders.contains(OutcomeVerifier.orderIdOf(event)))
                .toList();
    }

    /** Counts output records that a read_uncommitted reader sees but a read_committed one does not. */
    private long abortedRecordCount(EventLog committed) {
        try (EventLog uncommitted = new EventLog(broker.bootstrapServers(), IsolationLevel.READ_UNCOMMITTED,
                outputTopics())) {
            uncommitted.drain(Duration.ofSeconds(1));
            long all = outputTopics().stream().mapToLong(topic -> uncommitted.records(topic).size()).sum();
            long visible = outputTopics().stream().mapToLong(topic -> committed.records(topic).size()).sum();
            return all - visible;
        }
    }

    /**
     * Short holds and retries, so that the sale ends within seconds of the last kill. A
     * submission waits for two commits on its way through both repartition topics, so the hold
     * is longer than that. A commit interval of 1.5 s keeps a transaction open nearly all the
     * time, so each kill aborts one.
     */
    private Map<String, String> processorEnvironment() throws Exception {
        return PipelineSetup.processorEnvironment(broker, TOPICS, workDirectory, "crash-it-processor", Map.of(
                "PROCESSOR_INSTANCE_ID", instanceId(),
                "PROCESSOR_HOLD_DURATION", "5 seconds",
                "PROCESSOR_RETRY_DELAYS", "300ms, 600ms, 900ms",
                "PROCESSOR_PUNCTUATION_INTERVAL", "100ms",
                "PROCESSOR_COMMIT_INTERVAL_MS", "1500",
                "PROCESSOR_TRANSACTIONAL_STATE_STORES", Boolean.toString(transactionalStateStores())));
    }

    /** Returns the static group member id, or "" for a dynamic member under -Dflashsale.it.staticMembership=false. */
    private static String instanceId() {
        return Boolean.parseBoolean(System.getProperty("flashsale.it.staticMembership", "true")) ? "crash-it-0" : "";
    }

    private static boolean transactionalStateStores() {
        return Boolean.getBoolean("flashsale.it.transactionalStateStores");
    }

    private static List<String> outputTopics() {
        return List.of(TOPICS.orderEvents(), TOPICS.stockEvents(), TOPICS.deadLetter());
    }
}
