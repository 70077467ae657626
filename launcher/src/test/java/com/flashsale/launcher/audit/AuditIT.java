package com.flashsale.launcher.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flashsale.common.auth.Role;
import com.flashsale.common.auth.TokenIssuer;
import com.flashsale.launcher.demo.ApiClient;
import com.flashsale.launcher.demo.ApiClient.Response;
import com.flashsale.launcher.demo.AuditResult;
import com.flashsale.launcher.stack.Service;
import com.flashsale.launcher.stack.Stack;
import com.flashsale.launcher.stack.StackPorts;
import com.flashsale.launcher.stack.StackSettings;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The projection's {@code audit} command against the embedded stack: clean after a small sale,
 * and naming the order whose row in the live read model was then changed by hand.
 */
class AuditIT {

    private static final int STOCK = 10;
    private static final int SHOPPERS = 100;
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);
    /** Statuses after which the order changes only through a payment, a cancel or the hold's end. */
    private static final Set<String> SETTLED = Set.of("RESERVED", "REJECTED", "CONFIRMED", "CANCELLED", "EXPIRED");

    @TempDir
    static Path dataDirectory;

    private static Stack stack;
    private static ApiClient api;
    private static TokenIssuer tokens;

    @BeforeAll
    static void startStack() {
        Path root = Path.of(System.getProperty("flashsale.repository.root", "..")).toAbsolutePath().normalize();
        StackSettings settings = StackSettings.defaults(root)
                .withPorts(StackPorts.findFree())
                .withDataDirectory(dataDirectory);
        stack = new Stack(settings);
        stack.start();
        api = new ApiClient(URI.create(settings.ingestUrl()), URI.create(settings.projectionUrl()));
        tokens = stack.tokenIssuer();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void auditIsCleanUntilAnOrderIsEdited() throws Exception {
        String skuId = "audit-sku-" + UUID.randomUUID().toString().substring(0, 8);
        String merchant = tokens.issue("audit-merchant", Role.MERCHANT, Duration.ofHours(1));
        setStock(merchant, skuId);
        Map<String, String> tokenByOrder = submitOrders(skuId);
        Map<String, String> statuses = awaitSettled(tokenByOrder);
        List<String> reserved = withStatus(statuses, "RESERVED");
        String rejected = withStatus(statuses, "REJECTED").get(0);
        assertThat(reserved).hasSize(STOCK);
        String paid = reserved.get(0);
        String cancelled = reserved.get(1);
        Response payment = api.confirmPaymentAsync(merchant, paid, "audit-payment-1").get(30, TimeUnit.SECONDS);
        Response cancel = api.cancelOrderAsync(tokenByOrder.get(cancelled), cancelled).get(30, TimeUnit.SECONDS);
        assertThat(payment.status()).as("payment of %s", paid).isEqualTo(202);
        assertThat(cancel.status()).as("cancel of %s", cancelled).isEqualTo(202);
        awaitStatus(tokenByOrder.get(paid), paid, "CONFIRMED");
        awaitStatus(tokenByOrder.get(cancelled), cancelled, "CANCELLED");
        awaitSkuCounts(merchant, skuId);

        AuditResult clean = new ProjectionAudit(stack).run(false);

        assertThat(clean.outcome()).as(clean.output()).isEqualTo(AuditResult.Outcome.PASSED);
        assertThat(clean.output()).contains("Result: CLEAN");
        JsonNode cleanReport = readReport(clean);
        assertThat(cleanReport.path("clean").asBoolean()).as(cleanReport.toString()).isTrue();
        assertThat(cleanReport.path("violations")).as(cleanReport.toString()).isEmpty();
        assertThat(cleanReport.path("differences")).as(cleanReport.toString()).isEmpty();
        assertThat(cleanReport.path("submittedOrders").asInt()).isEqualTo(SHOPPERS);
        assertThat(cleanReport.path("liveOrders").asInt()).isEqualTo(SHOPPERS);

        setLiveStatus(rejected, "CONFIRMED");
        AuditResult tampered = new ProjectionAudit(stack).run(false);

        assertThat(tampered.outcome()).as(tampered.output()).isEqualTo(AuditResult.Outcome.FAILED);
        assertThat(tampered.output()).contains("(exit code 1;");
        assertThat(tampered.output()).contains("Result: FAILED");
        assertThat(tampered.output()).contains(rejected);
        JsonNode tamperedReport = readReport(tampered);
        assertThat(tamperedReport.path("clean").asBoolean()).isFalse();
        assertThat(tamperedReport.path("violations")).as(tamperedReport.toString()).isEmpty();
        JsonNode differences = tamperedReport.path("differences");
        assertThat(differences).as(tamperedReport.toString()).hasSize(1);
        JsonNode difference = differences.get(0);
        assertThat(difference.path("table").asText()).isEqualTo("orders");
        assertThat(difference.path("id").asText()).isEqualTo(rejected);
        assertThat(difference.path("field").asText()).isEqualTo("status");
        assertThat(difference.path("replayed").asText()).isEqualTo("REJECTED");
        assertThat(difference.path("live").asText()).isEqualTo("CONFIRMED");
    }

    private static void setStock(String merchant, String skuId) throws Exception {
        Instant now = Instant.now();
        Response response = api.setStock(merchant, skuId, STOCK, 1, now.minusSeconds(60), now.plusSeconds(3600));
        assertThat(response.status()).isEqualTo(202);
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (api.getSku(merchant, skuId).body().path("stock").asLong(-1) != STOCK) {
            assertThat(System.nanoTime()).as("stock of %s visible in the projection", skuId).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** Submits one order per shopper and returns each order id with its shopper's token. */
    private static Map<String, String> submitOrders(String skuId) throws Exception {
        Map<String, String> tokenByOrder = new LinkedHashMap<>();
        for (int i = 0; i < SHOPPERS; i++) {
            String shopper = "audit-shopper-" + i;
            String token = tokens.issue(shopper, Role.SHOPPER, Duration.ofHours(1));
            Response response = api.submitOrder(token, skuId, 1, "req-" + shopper);
            assertThat(response.status()).as("submission of %s", shopper).isEqualTo(202);
            tokenByOrder.put(response.text("orderId"), token);
        }
        return tokenByOrder;
    }

    /** Polls the projection until every order has a settled status, and returns the status by order id. */
    private static Map<String, String> awaitSettled(Map<String, String> tokenByOrder) throws Exception {
        Map<String, String> statuses = new HashMap<>();
        int settled = 0;
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        do {
            for (Map.Entry<String, String> order : tokenByOrder.entrySet()) {
                Response response = api.getOrder(order.getValue(), order.getKey());
                if (response.status() == 200 && SETTLED.contains(response.text("status"))) {
                    statuses.put(order.getKey(), response.text("status"));
                }
            }
            if (statuses.size() == tokenByOrder.size()) {
                return statuses;
            }
            settled = statuses.size();
            statuses.clear();
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Timed out after " + SETTLE_TIMEOUT.toSeconds() + " s with " + settled + " of "
                + tokenByOrder.size() + " orders settled in the projection");
    }

    private static void awaitStatus(String token, String orderId, String status) throws Exception {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (!status.equals(api.getOrder(token, orderId).text("status"))) {
            assertThat(System.nanoTime()).as("order %s becomes %s", orderId, status).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** Waits until the SKU's counts show the one payment and the one cancel, which come after the orders' events. */
    private static void awaitSkuCounts(String merchant, String skuId) throws Exception {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        JsonNode sku = api.getSku(merchant, skuId).body();
        while (!(sku.path("sold").asLong() == 1 && sku.path("reserved").asLong() == STOCK - 2
                && sku.path("available").asLong() == 1)) {
            assertThat(System.nanoTime()).as("counts of %s after payment and cancel: %s", skuId, sku)
                    .isLessThan(deadline);
            Thread.sleep(200);
            sku = api.getSku(merchant, skuId).body();
        }
    }

    private static List<String> withStatus(Map<String, String> statuses, String status) {
        return statuses.entrySet().stream()
                .filter(entry -> status.equals(entry.getValue()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /**
     * Changes an order's status in the projection's H2 file, as an operator's stray UPDATE would.
     * The projection service is stopped by then, because the file accepts one process at a time.
     */
    private static void setLiveStatus(String orderId, String status) throws SQLException {
        String url = stack.environment(Service.PROJECTION_SERVICE).get("DATABASE_URL");
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE orders SET status = ? WHERE order_id = ?")) {
            update.setString(1, status);
            update.setString(2, orderId);

            assertThat(update.executeUpdate()).as("rows of order %s", orderId).isEqualTo(1);
        }
    }

    private static JsonNode readReport(AuditResult result) throws Exception {
        assertThat(result.reportFile()).as("JSON report of: %s", result.output()).isNotNull();
        return new ObjectMapper().readTree(Path.of(result.reportFile()).toFile());
    }
}
