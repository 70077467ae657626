package com.flashsale.launcher.bench.stages;

import com.flashsale.events.serde.EventCodec;
import com.flashsale.launcher.bench.BenchContext;
import com.flashsale.launcher.bench.BenchResults;
import com.flashsale.launcher.bench.BenchStage;
import com.flashsale.launcher.bench.RawKafkaResult;
import com.flashsale.launcher.bench.stages.PerfToolOutput.ConsumerSummary;
import com.flashsale.launcher.bench.stages.PerfToolOutput.ProducerSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The broker's ceiling on this machine: Kafka's own producer and consumer performance tools
 * (kafka-tools 4.4.0, in a child JVM on the broker's classpath) against a fresh embedded broker,
 * with the ingest service's delivery settings ({@code acks=all}, idempotent) and records the size
 * of an encoded {@code OrderSubmitted}. The producer sends as fast as it can; the consumer reads
 * the same records back.
 */
public final class RawKafkaStage implements BenchStage {

    private static final String PRODUCER_TOOL = "org.apache.kafka.tools.ProducerPerformance";
    private static final String CONSUMER_TOOL = "org.apache.kafka.tools.ConsumerPerformance";
    private static final String TOPIC = "bench-raw-kafka";

    @Override
    public String name() {
        return "raw-kafka";
    }

    @Override
    public void run(BenchContext context, BenchResults.Builder results) throws Exception {
        int records = context.pick(1_000_000, 200_000);
        int recordBytes = EventCodec.get().encode(new BenchEvents(Instant.now()).submission(0, 1)).length;
        Path stageDirectory = context.stageDirectory(name());

        try (BenchBroker broker = BenchBroker.start(stageDirectory.resolve("kafka"))) {
            broker.createTopic(TOPIC);
            broker.primePartitions(TOPIC);
            String classpath = broker.kafkaLib().resolve("*").toString();
            // A minute for the JVM and the connection, then at least 10,000 records per second.
            Duration timeout = Duration.ofSeconds(60 + records / 10_000);

            context.log().printf("Raw Kafka: producing %d records of %d bytes%n", records, recordBytes);
            List<String> producerOutput = runTool(context, "kafka-producer-perf-test", classpath, PRODUCER_TOOL,
                    List.of("--bootstrap-server", broker.bootstrapServers(), "--topic", TOPIC,
                            "--num-records", Integer.toString(records), "--record-size", Integer.toString(recordBytes),
                            "--throughput", "-1",
                            "--command-property", "acks=all", "enable.idempotence=true"),
                    stageDirectory.resolve("producer-perf.log"), timeout);
            ProducerSummary producer = PerfToolOutput.parseProducer(producerOutput);

            context.log().printf("Raw Kafka: producer %.0f records/s, p99 %.0f ms; consuming them%n",
                    producer.recordsPerSecond(), producer.p99Ms());
            List<String> consumerOutput = runTool(context, "kafka-consumer-perf-test", classpath, CONSUMER_TOOL,
                    List.of("--bootstrap-server", broker.bootstrapServers(), "--topic", TOPIC,
                            // The topic also contains one empty record per partition from priming it.
                            "--num-records", Integer.toString(records), "--timeout", "30000"),
                    stageDirectory.resolve("consumer-perf.log"), timeout);
            ConsumerSummary consumer = PerfToolOutput.parseConsumer(consumerOutput);
            if (consumer.records() < records) {
                throw new IllegalStateException("The consumer performance tool read " + consumer.records() + " of "
                        + records + " records; see " + stageDirectory.resolve("consumer-perf.log"));
            }
            context.log().printf("Raw Kafka: consumer %.0f records/s%n", consumer.recordsPerSecond());

            results.rawKafka(new RawKafkaResult(recordBytes, producer.recordsPerSecond(), producer.p99Ms(),
                    consumer.recordsPerSecond()));
        }
    }

    /** Runs one tool to its end and returns its output lines. */
    private static List<String> runTool(BenchContext context, String name, String classpath, String mainClass,
                                        List<String> arguments, Path logFile, Duration timeout)
            throws InterruptedException, IOException {
        int exitCode;
        try (ChildJvm tool = ChildJvm.startMain(name, classpath, mainClass, arguments, context.repositoryRoot(),
                logFile)) {
            exitCode = tool.awaitExit(timeout);
        }
        if (exitCode != 0) {
            throw new IllegalStateException(name + " failed with exit code " + exitCode + "; see " + logFile);
        }
        return Files.readAllLines(logFile);
    }
}
