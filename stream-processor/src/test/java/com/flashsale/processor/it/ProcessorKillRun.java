package com.flashsale.processor.it;

import com.flashsale.events.OrderExpired;
import com.flashsale.events.OrderRetryScheduled;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;

/**
 * One fault run against the processor: a broker, the processor jar as a child JVM, a seeded sale
 * sent in timed waves, and SIGKILLs at seeded random moments, each followed by a restart on the
 * same state directory. It then reads every output topic with read_committed and with
 * read_uncommitted and hands the verdict back; the caller decides what the verdict must be.
 */
final class ProcessorKillRun implements AutoCloseable {

    /** About 21,000 submissions: 19,000 orders, a tenth of them sent twice, on 8 SKUs of 40 units. */
    static final SaleWorkload.Shape FAULT_SALE = new SaleWorkload.Shape(8, 40, 3_000, 19_000, 80, 60, 40);
    static final int WAVES = 150;
    static final Duration WAVE_INTERVAL = Duration.ofMillis(200);

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    /**
     * What a run saw.
     *
     * @param submissions OrderSubmitted records sent, repeats included
     * @param missing outcomes that never arrived, at most 20
     * @param violations broken invariants in the committed output
     * @param abortedRecords output records that read_uncommitted sees and read_committed does not
     * @param report the text for the fault report
     */
    record Result(int submissions, List<String> missing, List<String> violations, long abortedRecords, String report) {
    }

    private final String title;
    private final String name;
    private final Topics topics;
    private final Path workDirectory;
    private final String processingGuarantee;
    private final ExecutorService sender = Executors.newSingleThreadExecutor();
    private KafkaBroker broker;
    private ProcessorProcess processor;
    private Path processorLog;
    private KafkaProducer<String, SpecificRecord> producer;

    /**
     * @param title heads the report, usually the test's class name
     * @param name names the topics, the consumer group and the log file
     * @param processingGuarantee exactly_once_v2 or at_least_once
     */
    ProcessorKillRun(String title, String name, Path workDirectory, String processingGuarantee) {
        this.title = title;
        this.name = name;
        this.topics = new Topics(name + ".");
        this.workDirectory = workDirectory;
        this.processingGuarantee = processingGuarantee;
    }

    /**
     * Runs the sale with {@code kills} SIGKILLs and returns what the output shows.
     *
     * @param outcomeTimeout how long to wait for the last outcomes after the sale has been sent
     */
    Result run(long seed, int kills, Duration outcomeTimeout) throws Exception {
        long began = System.nanoTime();
        broker = PipelineSetup.startBroker(workDirectory.resolve("broker"), topics);
        processorLog = PipelineSetup.freshLogFile(name + "-processor.log");
        processor = new ProcessorProcess(processorEnvironment(), processorLog);
        processor.start();
        processor.awaitRunning(START_TIMEOUT);
        producer = PipelineSetup.eventProducer(broker);

        Random random = new Random(seed);
        SaleWorkload sale = SaleWorkload.generate(topics, FAULT_SALE, seed, Instant.now().plusMillis(200),
                WAVE_INTERVAL, WAVES);
        Future<?> sending = sender.submit(() -> send(sale));
        List<Duration> outages = killAndRestart(random, kills);
        sending.get(WAVES * WAVE_INTERVAL.toMillis() + 60_000, TimeUnit.MILLISECONDS);

        OutcomeVerifier verifier = new OutcomeVerifier(sale.expected());
        try (EventLog committed = new EventLog(broker.bootstrapServers(), IsolationLevel.READ_COMMITTED, outputTopics())) {
            List<String> missing = awaitOutcomes(committed, verifier, outcomeTimeout);
            committed.drain(Duration.ofSeconds(2));
            List<String> violations = verifier.violations(observed(committed));
            long aborted = abortedRecordCount(committed);
            String report = report(seed, sale, outages, committed, aborted, missing, violations,
                    Duration.ofNanos(System.nanoTime() - began));
            return new Result(sale.submissionCount(), missing, violations, aborted, report);
        }
    }

    Path processorLog() {
        return processorLog;
    }

    @Override
    public void close() throws Exception {
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

    /**
     * Kills the processor at seeded random moments spread over the sale and restarts it. Returns
     * each outage, from the SIGKILL until the restarted processor reports RUNNING.
     */
    private List<Duration> killAndRestart(Random random, int kills) throws Exception {
        List<Duration> outages = new ArrayList<>();
        long saleMs = WAVES * WAVE_INTERVAL.toMillis();
        long slotMs = saleMs / kills;
        long firstKill = System.nanoTime();
        for (int kill = 0; kill < kills; kill++) {
            // One kill in each slot of the sale, at a random point of that slot, so they cover all of it.
            long killAtMs = kill * slotMs + 500 + random.nextLong(Math.max(1, slotMs - 500));
            long waitMs = killAtMs - Duration.ofNanos(System.nanoTime() - firstKill).toMillis();
            Thread.sleep(Math.max(300, waitMs));
            long killed = System.nanoTime();
            processor.kill();
            Thread.sleep(random.nextInt(500));
            processor.start();
            processor.awaitRunning(START_TIMEOUT);
            Duration outage = Duration.ofNanos(System.nanoTime() - killed);
            System.out.printf("%s kill %d: SIGKILL, RUNNING again after %d ms%n", name, kill + 1, outage.toMillis());
            outages.add(outage);
        }
        return outages;
    }

    private List<String> awaitOutcomes(EventLog log, OutcomeVerifier verifier, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> missing = verifier.missing(observed(log));
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            log.poll(Duration.ofMillis(500));
            missing = verifier.missing(observed(log));
        }
        return missing.stream().limit(20).toList();
    }

    private OutcomeVerifier.Observed observed(EventLog log) {
        List<StockChanged> stockEvents = log.events(topics.stockEvents()).stream()
                .filter(StockChanged.class::isInstance)
                .map(StockChanged.class::cast)
                .toList();
        return new OutcomeVerifier.Observed(log.events(topics.orderEvents()), stockEvents, log.events(topics.deadLetter()));
    }

    /** Counts output records that a read_uncommitted reader sees but a read_committed one does not. */
    private long abortedRecordCount(EventLog committed) {
        try (EventLog uncommitted = new EventLog(broker.bootstrapServers(), IsolationLevel.READ_UNCOMMITTED,
                outputTopics())) {
            uncommitted.drain(Duration.ofSeconds(2));
            long all = outputTopics().stream().mapToLong(topic -> uncommitted.records(topic).size()).sum();
            long visible = outputTopics().stream().mapToLong(topic -> committed.records(topic).size()).sum();
            return all - visible;
        }
    }

    private String report(long seed, SaleWorkload sale, List<Duration> outages, EventLog committed, long aborted,
                          List<String> missing, List<String> violations, Duration took) {
        List<SpecificRecord> orderEvents = committed.events(topics.orderEvents());
        long retryAttempts = orderEvents.stream().filter(OrderRetryScheduled.class::isInstance).count();
        long expiries = orderEvents.stream().filter(OrderExpired.class::isInstance).count();
        long longest = outages.stream().mapToLong(Duration::toMillis).max().orElse(0);
        StringBuilder text = new StringBuilder(String.format("""
                %s (seed %d, processing.guarantee %s, rerun with -Dflashsale.it.seed=%d)
                  faults injected:        %d x SIGKILL of the processor, each restarted on the same state directory
                  outage per kill (ms):   %s
                  longest unavailability: %d ms (SIGKILL until Kafka Streams RUNNING again)
                  input records sent:     %d, of which submissions %d
                  distinct orders:        %d
                  committed outcomes:     %s
                  retry attempts:         %d scheduled, expiries %d
                  aborted output records: %d (seen with read_uncommitted only)
                  missing outcomes:       %d
                  violations found:       %d
                  run time:               %d s
                """, title, seed, processingGuarantee, seed, outages.size(),
                outages.stream().map(Duration::toMillis).toList(), longest, sale.recordCount(),
                sale.submissionCount(), sale.expected().submittedOrderIds().size(),
                OutcomeVerifier.outcomeCounts(orderEvents), retryAttempts, expiries, aborted, missing.size(),
                violations.size(), took.toSeconds()));
        missing.forEach(line -> text.append("  missing: ").append(line).append('\n'));
        violations.stream().limit(20).forEach(line -> text.append("  violation: ").append(line).append('\n'));
        return text.toString();
    }

    /**
     * Short holds and retries, so that the sale ends within seconds of the last kill. A commit
     * interval of 1.5 s keeps a transaction open nearly all the time, so each kill under
     * exactly-once aborts one, and under at-least-once leaves 1.5 s of processed input uncommitted.
     */
    private Map<String, String> processorEnvironment() throws Exception {
        return PipelineSetup.processorEnvironment(broker, topics, workDirectory, name + "-processor", Map.of(
                "PROCESSOR_INSTANCE_ID", name + "-0",
                "PROCESSOR_HOLD_DURATION", "5 seconds",
                "PROCESSOR_RETRY_DELAYS", "300ms, 600ms, 900ms",
                "PROCESSOR_PUNCTUATION_INTERVAL", "100ms",
                "PROCESSOR_COMMIT_INTERVAL_MS", "1500",
                "PROCESSOR_PROCESSING_GUARANTEE", processingGuarantee));
    }

    private List<String> outputTopics() {
        return List.of(topics.orderEvents(), topics.stockEvents(), topics.deadLetter());
    }
}
