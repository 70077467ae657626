package com.flashsale.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.common.auth.Role;
import com.flashsale.common.auth.TokenIssuer;
import com.flashsale.events.OrderDeadLettered;
import com.flashsale.events.OrderRejected;
import com.flashsale.events.OrderReserved;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.topics.Topics;
import com.flashsale.kafka.embedded.KafkaCluster;
import com.flashsale.launcher.demo.ApiClient;
import com.flashsale.launcher.demo.ApiClient.Response;
import com.flashsale.launcher.stack.ExternalKafka;
import com.flashsale.launcher.stack.Stack;
import com.flashsale.launcher.stack.StackPorts;
import com.flashsale.launcher.stack.StackSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills and freezes Kafka brokers under a steady order load and checks that no accepted order is
 * lost or doubled: every 202 is on order-submissions once and gets exactly one decision.
 */
class BrokerLossFaultIT {

    private static final int NODES = 3;
    private static final int SHOPPERS = 400;
    private static final int SKUS = 40;
    private static final double SUBMISSIONS_PER_SECOND = 20;
    private static final int MAX_SUBMISSIONS = 8_000;
    private static final int CONCURRENCY = 32;
    private static final int KILLS = 5;
    private static final Duration PAUSE = Duration.ofSeconds(30);
    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DECISION_TIMEOUT = Duration.ofSeconds(90);

    private static final Path REPORT_DIRECTORY = Path.of(System.getProperty("basedir", "."), "target", "fault-reports");

    @TempDir
    static Path dataDirectory;

    private static StackSettings settings;
    private static KafkaCluster cluster;
    private static Stack stack;
    private static ApiClient api;
    private static TokenIssuer tokens;

    @BeforeAll
    static void startClusterAndServices() {
        Path root = Path.of(System.getProperty("flashsale.repository.root", "..")).toAbsolutePath().normalize();
        settings = StackSettings.defaults(root)
                .withPorts(StackPorts.findFree())
                .withDataDirectory(dataDirectory.resolve("stack"));
        cluster = KafkaCluster.onFreePorts(dataDirectory.resolve("kafka"), NODES, settings.kafkaLib(),
                Duration.ofSeconds(120));
        cluster.start();
        stack = new Stack(settings, new ExternalKafka(cluster.bootstrapServers(), (short) NODES));
        stack.start();
        api = new ApiClient(URI.create(settings.ingestUrl()), URI.create(settings.projectionUrl()));
        tokens = stack.tokenIssuer();
    }

    @AfterAll
    static void stopAll() throws IOException {
        if (stack != null) {
            stack.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        FaultLogs.keep(dataDirectory, "broker-loss-logs");
    }

    @Test
    void brokerLossNeitherLosesNorDoublesAcceptedOrders() throws Exception {
        Topics topics = stack.topics();
        List<String> skuIds = createSkus();
        List<String> shopperTokens = new ArrayList<>();
        for (int i = 0; i < SHOPPERS; i++) {
            shopperTokens.add(tokens.issue("fault-shopper-" + i, Role.SHOPPER, Duration.ofHours(1)));
        }

        List<FaultEvent> faults = new ArrayList<>();
        List<Submission> submissions;
        long loadMillis;
        try (SubmissionLoad load = new SubmissionLoad(api, shopperTokens, skuIds, SUBMISSIONS_PER_SECOND,
                MAX_SUBMISSIONS, CONCURRENCY)) {
            load.start();
            Thread.sleep(8_000);
            for (int kill = 1; kill <= KILLS; kill++) {
                faults.add(killLeaderAndRestart(load, topics, kill));
            }
            faults.add(pauseLeader(load, topics));
            Thread.sleep(5_000);
            loadMillis = load.elapsedMillis();
            submissions = load.stopAndCollect();
        }

        BrokerLossReport report = readTopics(topics, faults, submissions, loadMillis);
        String text = report.format();
        System.out.println(text);
        Path reportFile = REPORT_DIRECTORY.resolve("broker-loss.txt");
        Files.createDirectories(REPORT_DIRECTORY);
        Files.writeString(reportFile, text);

        assertThat(faults).hasSize(KILLS + 1);
        assertThat(report.acceptedOrderIds()).isNotEmpty();
        assertThat(report.violations()).isEmpty();
    }

    private static List<String> createSkus() throws Exception {
        String merchant = tokens.issue("fault-merchant", Role.MERCHANT, Duration.ofHours(1));
        Instant now = Instant.now();
        List<String> skuIds = new ArrayList<>();
        for (int i = 0; i < SKUS; i++) {
            String skuId = "fault-sku-" + i;
            Response response = api.setStock(merchant, skuId, 100_000, 100, now.minusSeconds(60), now.plusSeconds(3_600));
            assertThat(response.status()).as("setStock %s", skuId).isEqualTo(202);
            skuIds.add(skuId);
        }
        return skuIds;
    }

    /** SIGKILLs the leader of order-submissions-0, waits for the next 202, restarts it and waits for full ISR. */
    private static FaultEvent killLeaderAndRestart(SubmissionLoad load, Topics topics, int round) throws Exception {
        int leader = cluster.leaderOf(topics.orderSubmissions(), 0);
        long start = load.elapsedMillis();
        cluster.kill(leader);
        long recovery = awaitAcceptedAfter(load, start);
        cluster.restart(leader);
        cluster.awaitFullInSyncReplicas(topics.all(), RECOVERY_TIMEOUT);
        return new FaultEvent("SIGKILL leader of order-submissions-0 (#" + round + ")", leader, start, recovery);
    }

    /** SIGSTOPs the leader of order-submissions-0 for 30 s, then SIGCONTs it and waits for full ISR. */
    private static FaultEvent pauseLeader(SubmissionLoad load, Topics topics) throws Exception {
        int leader = cluster.leaderOf(topics.orderSubmissions(), 0);
        long start = load.elapsedMillis();
        cluster.pause(leader);
        long recovery;
        try {
            recovery = awaitAcceptedAfter(load, start);
            long left = PAUSE.toMillis() - (load.elapsedMillis() - start);
            if (left > 0) {
                Thread.sleep(left);
            }
        } finally {
            cluster.resume(leader);
        }
        cluster.awaitFullInSyncReplicas(topics.all(), RECOVERY_TIMEOUT);
        return new FaultEvent("SIGSTOP leader of order-submissions-0 for " + PAUSE.toSeconds() + " s", leader, start,
                recovery);
    }

    private static long awaitAcceptedAfter(SubmissionLoad load, long startMillis) throws InterruptedException {
        long deadline = startMillis + RECOVERY_TIMEOUT.toMillis();
        while (load.elapsedMillis() < deadline) {
            Optional<Submission> accepted = load.firstAcceptedSentAfter(startMillis);
            if (accepted.isPresent()) {
                return accepted.get().answeredMillis() - startMillis;
            }
            Thread.sleep(100);
        }
        return -1;
    }

    private static BrokerLossReport readTopics(Topics topics, List<FaultEvent> faults, List<Submission> submissions,
            long loadMillis) throws InterruptedException, IOException {
        Map<String, List<String>> copiesByOrderId = new HashMap<>();
        Map<String, Integer> copiesByEventId = new HashMap<>();
        try (TopicReader reader = new TopicReader(cluster.bootstrapServers(), topics.orderSubmissions())) {
            reader.readToEnd(record -> {
                if (record.value() instanceof OrderSubmitted submitted
                        && submitted.getClientRequestId().startsWith("fault-")) {
                    copiesByOrderId.computeIfAbsent(submitted.getOrderId(), id -> new ArrayList<>())
                            .add("partition " + record.partition() + " offset " + record.offset());
                    copiesByEventId.merge(submitted.getEventId(), 1, Integer::sum);
                }
            });
        }
        Set<String> duplicateEventIds = new HashSet<>();
        copiesByEventId.forEach((eventId, count) -> {
            if (count > 1) {
                duplicateEventIds.add(eventId);
            }
        });

        Set<String> accepted = new HashSet<>();
        submissions.stream().filter(Submission::accepted).forEach(s -> accepted.add(s.orderId()));
        Map<String, Integer> decisionsByOrderId = new HashMap<>();
        long deadline = System.nanoTime() + DECISION_TIMEOUT.toNanos();
        try (TopicReader reader = new TopicReader(cluster.bootstrapServers(), topics.orderEvents())) {
            while (true) {
                reader.readToEnd(record -> decisionOrderId(record.value())
                        .ifPresent(orderId -> decisionsByOrderId.merge(orderId, 1, Integer::sum)));
                if (decisionsByOrderId.keySet().containsAll(accepted) || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(1_000);
            }
            // Anything the processor still had in flight would show up as a second decision.
            Thread.sleep(2_000);
            reader.readToEnd(record -> decisionOrderId(record.value())
                    .ifPresent(orderId -> decisionsByOrderId.merge(orderId, 1, Integer::sum)));
        }
        return new BrokerLossReport(faults, submissions, copiesByOrderId, duplicateEventIds, decisionsByOrderId,
                loadMillis, replacedStreamThreads());
    }

    private static long replacedStreamThreads() throws IOException {
        Path log = settings.logDirectory().resolve("stream-processor.log");
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.contains("Stream thread died, replacing it")).count();
        }
    }

    private static Optional<String> decisionOrderId(SpecificRecord record) {
        if (record instanceof OrderReserved reserved) {
            return Optional.of(reserved.getOrderId());
        }
        if (record instanceof OrderRejected rejected) {
            return Optional.of(rejected.getOrderId());
        }
        if (record instanceof OrderDeadLettered deadLettered) {
            return Optional.of(deadLettered.getOrderId());
        }
        return Optional.empty();
    }
}
