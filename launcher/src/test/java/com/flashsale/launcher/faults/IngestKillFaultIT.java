package com.flashsale.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.events.OrderDeadLettered;
import com.flashsale.events.OrderRejected;
import com.flashsale.events.OrderReserved;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.serde.EventSerde;
import com.flashsale.launcher.stack.Service;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault suite: the ingest service is killed with SIGKILL while many submissions are in flight.
 * Clients that got an error or no answer submit again with the same clientRequestId once it is
 * back. Each request must still end as exactly one order: one orderId in every answer, one
 * decision in order-events, one row in the projection.
 */
class IngestKillFaultIT {

    private static final int SUBMISSIONS = 2_000;
    private static final int CLIENTS = 32;
    private static final List<String> SKUS = List.of("ik-sku-0", "ik-sku-1", "ik-sku-2");
    private static final long STOCK_PER_SKU = 60;
    private static final Duration DECISION_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dataDirectory;

    @Test
    void everyRetriedRequestEndsAsExactlyOneOrder() throws Exception {
        try (FaultSale sale = new FaultSale(dataDirectory)) {
            sale.loadStock(SKUS, STOCK_PER_SKU);
            List<ShopperRequest> requests = sale.requests("ik", SUBMISSIONS, SKUS, 20_261_205L);
            OneFault kill = new OneFault(() -> killAndRestart(sale));

            sale.submitAll(requests, CLIENTS, accepted -> {
                if (accepted >= SUBMISSIONS / 4) {
                    kill.trigger();
                }
            });
            Duration unavailable = kill.awaitOutage(Duration.ofMinutes(3));
            Map<String, Integer> statuses = sale.awaitSettled(requests);
            Set<String> orderIds = new HashSet<>(sale.orderIdByRequest().values());
            Map<String, Integer> decisions = awaitDecisions(sale, orderIds);
            sale.stack().stopService(Service.PROJECTION_SERVICE);
            Map<String, Integer> rowsByRequest = projectionRowsByRequest(sale);

            List<String> violations = new ArrayList<>(sale.conflictingAnswers());
            for (ShopperRequest request : requests) {
                String orderId = sale.orderIdByRequest().get(request.key());
                int decisionCount = decisions.getOrDefault(orderId, 0);
                if (decisionCount != 1) {
                    violations.add(request.key() + " orderId=" + orderId + " has " + decisionCount + " decisions");
                }
                int rows = rowsByRequest.getOrDefault(request.key(), 0);
                if (rows != 1) {
                    violations.add(request.key() + " has " + rows + " rows in the projection");
                }
            }
            if (orderIds.size() != requests.size()) {
                violations.add(requests.size() + " requests got " + orderIds.size() + " distinct orderIds");
            }
            StringBuilder report = new StringBuilder(String.format("""
                    IngestKillFaultIT
                      faults injected:        1 x SIGKILL of the ingest service after %d accepted submissions
                                              (%d clients in flight), then a restart
                      longest unavailability: %d ms (SIGKILL until the ingest's health check answered 200)
                      submissions:            %d requests, %d accepted answers, %d error answers and %d attempts without an answer, all retried
                                              with the same clientRequestId
                      orders:                 %d distinct orderIds, %d with a decision in order-events
                      orders by status:       %s
                      violations found:       %d
                    """, SUBMISSIONS / 4, CLIENTS, unavailable.toMillis(), requests.size(), sale.acceptedAnswers(),
                    sale.errorAnswers(), sale.noAnswers(), orderIds.size(), decisions.size(), statuses, violations.size()));
            violations.stream().limit(20).forEach(line -> report.append("  violation: ").append(line).append('\n'));
            FaultReport.publish("IngestKillFaultIT", report.toString());
            assertThat(sale.noAnswers()).as("attempts that the kill left without an answer, then retried").isPositive();
            assertThat(violations).isEmpty();
        }
    }

    private static Duration killAndRestart(FaultSale sale) {
        long killedAt = System.nanoTime();
        sale.stack().kill(Service.INGEST_SERVICE);
        sale.stack().startService(Service.INGEST_SERVICE);
        return Duration.ofNanos(System.nanoTime() - killedAt);
    }

    /** Reads order-events with read_committed until each order has a decision, and counts the decisions per order. */
    private static Map<String, Integer> awaitDecisions(FaultSale sale, Set<String> orderIds) {
        String topic = sale.stack().topics().orderEvents();
        Map<String, Integer> decisions = new HashMap<>();
        Deserializer<SpecificRecord> events = new EventSerde().deserializer();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, sale.stack().bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.GROUP_ID_CONFIG, "ingest-kill-fault-check"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + DECISION_TIMEOUT.toNanos();
            long quietUntil = 0;
            while (System.nanoTime() < deadline) {
                int read = 0;
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    read++;
                    SpecificRecord event = events.deserialize(topic, record.value());
                    if (isDecision(event)) {
                        decisions.merge(orderIdOf(event), 1, Integer::sum);
                    }
                }
                if (decisions.keySet().containsAll(orderIds)) {
                    // Keep reading a little longer, so that a duplicate decision right behind is counted too.
                    if (quietUntil == 0) {
                        quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                    } else if (read == 0 && System.nanoTime() > quietUntil) {
                        break;
                    }
                }
            }
        }
        return decisions;
    }

    private static boolean isDecision(SpecificRecord event) {
        return event instanceof OrderReserved || event instanceof OrderRejected
                || event instanceof OrderDeadLettered deadLettered
                && OrderSubmitted.class.getSimpleName().equals(deadLettered.getCommand());
    }

    private static String orderIdOf(SpecificRecord event) {
        return event.get(event.getSchema().getField("orderId").pos()).toString();
    }

    /** Counts the projection's order rows per user and clientRequestId; the projection is stopped, as H2 allows one process. */
    private static Map<String, Integer> projectionRowsByRequest(FaultSale sale) throws Exception {
        String url = sale.stack().environment(Service.PROJECTION_SERVICE).get("DATABASE_URL");
        Map<String, Integer> rows = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             PreparedStatement query = connection.prepareStatement(
                     "SELECT user_id, client_request_id, COUNT(*) FROM orders GROUP BY user_id, client_request_id");
             ResultSet result = query.executeQuery()) {
            while (result.next()) {
                rows.put(result.getString(1) + "/" + result.getString(2), result.getInt(3));
            }
        }
        return rows;
    }
}
