package com.flashsale.projection.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.flashsale.common.auth.JwtSettings;
import com.flashsale.events.RejectionReason;
import com.flashsale.common.auth.Role;
import com.flashsale.common.auth.TokenIssuer;
import com.flashsale.projection.ProjectionApplication;
import com.flashsale.projection.config.ProjectionConfiguration;
import com.flashsale.projection.core.EventApplier;
import com.flashsale.projection.core.TestEvents;
import com.flashsale.projection.db.ProjectionJdbi;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole service on random ports with the shipped config.yml, an H2 file database and no Kafka
 * broker: the consumer keeps retrying in the background while queries are served.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ProjectionAppTest {

    private static final String SECRET = "test-secret-of-at-least-32-characters!";
    private static final String DATABASE_URL = "jdbc:h2:" + temporaryDirectory().resolve("projection")
            + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";
    private static final TokenIssuer TOKENS = new TokenIssuer(new JwtSettings(SECRET, "flashsale"));

    private static final DropwizardAppExtension<ProjectionConfiguration> APP = new DropwizardAppExtension<>(
            ProjectionApplication.class, "config.yml",
            ConfigOverride.randomPorts(),
            ConfigOverride.config("database.url", DATABASE_URL),
            ConfigOverride.config("jwt.secret", SECRET),
            // Nothing listens on port 1, so the consumer never reaches a broker.
            ConfigOverride.config("kafka.bootstrapServers", "127.0.0.1:1"));

    private static final TestEvents ORDER = new TestEvents("order-1", "sku-1", "alice", 2);

    @BeforeAll
    static void applyEvents() {
        Jdbi jdbi = ProjectionJdbi.configure(Jdbi.create(DATABASE_URL, "sa", "").installPlugin(new SqlObjectPlugin()));
        EventApplier applier = new EventApplier(jdbi, Clock.systemUTC());
        applier.apply(ORDER.submitted(1));
        applier.apply(ORDER.reserved(2));
        applier.apply(TestEvents.stockChanged("sku-1", 4, 6, 2, 2));
        applier.apply(TestEvents.stockChanged("商品-👟", 1, 5, 0, 0));
        for (int i = 1; i <= 5; i++) {
            applier.apply(new TestEvents("bob-order-" + i, "sku-1", "bob", 1).submitted(10 + i));
        }
        applier.apply(new TestEvents("bob-order-2", "sku-1", "bob", 1).rejected(30, RejectionReason.SOLD_OUT));
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("projection-app-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Invocation.Builder request(String path, String userId, Role role) {
        Invocation.Builder request = APP.client().target("http://127.0.0.1:" + APP.getLocalPort() + path).request();
        return userId == null ? request
                : request.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.issue(userId, role, Duration.ofMinutes(5)));
    }

    @Test
    void ownerSeesOrder() {
        Response response = request("/v1/orders/order-1", "alice", Role.SHOPPER).get();

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode body = response.readEntity(JsonNode.class);
        assertThat(body.get("orderId").asText()).isEqualTo("order-1");
        assertThat(body.get("skuId").asText()).isEqualTo("sku-1");
        assertThat(body.get("quantity").asInt()).isEqualTo(2);
        assertThat(body.get("status").asText()).isEqualTo("RESERVED");
        assertThat(body.get("reason").isNull()).isTrue();
        assertThat(body.get("version").asLong()).isEqualTo(2);
        assertThat(body.get("submittedAt").asText()).isEqualTo("2025-11-11T00:00:01Z");
        assertThat(body.get("updatedAt").asText()).isEqualTo("2025-11-11T00:00:02Z");
        assertThat(body.get("expiresAt").asText()).isEqualTo("2025-11-11T00:10:02Z");
        assertThat(body.has("userId")).isFalse();
    }

    @Test
    void merchantSeesOrder() {
        Response response = request("/v1/orders/order-1", "shop-owner", Role.MERCHANT).get();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.readEntity(JsonNode.class).get("orderId").asText()).isEqualTo("order-1");
    }

    @Test
    void otherShopperGetsNotFound() {
        Response response = request("/v1/orders/order-1", "mallory", Role.SHOPPER).get();

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.readEntity(JsonNode.class).get("code").asText()).isEqualTo("ORDER_NOT_FOUND");
    }

    @Test
    void unknownOrderIsNotFound() {
        Response response = request("/v1/orders/no-such-order", "alice", Role.SHOPPER).get();

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.readEntity(JsonNode.class).get("code").asText()).isEqualTo("ORDER_NOT_FOUND");
    }

    @Test
    void missingTokenIsUnauthorized() {
        Response response = request("/v1/orders/order-1", null, null).get();

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.readEntity(JsonNode.class).get("code").asText()).isEqualTo("MISSING_TOKEN");
    }

    @Test
    void notFoundMessageIsChineseForZhCn() {
        Response response = request("/v1/orders/order-1", "mallory", Role.SHOPPER)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9")
                .get();

        JsonNode body = response.readEntity(JsonNode.class);
        assertThat(body.get("code").asText()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(body.get("message").asText()).isEqualTo("订单不存在。");
    }

    @Test
    void overlongOrderIdIsInvalidParameter() {
        Response response = request("/v1/orders/" + "x".repeat(65), "alice", Role.SHOPPER).get();

        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode body = response.readEntity(JsonNode.class);
        assertThat(body.get("code").asText()).isEqualTo("INVALID_PARAMETER");
        assertThat(body.get("message").asText()).contains("orderId");
    }

    @Test
    void controlCharacterInSkuIdIsInvalidParameter() {
        // U+0085 (next line) is a C1 control that Jetty passes on; it rejects C0 controls itself.
        Response response = request("/v1/skus/sku%C2%85line", "alice", Role.SHOPPER).get();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.readEntity(JsonNode.class).get("code").asText()).isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void anyCallerSeesSkuStock() {
        Response response = request("/v1/skus/sku-1", "bob", Role.SHOPPER).get();

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode body = response.readEntity(JsonNode.class);
        assertThat(body.get("skuId").asText()).isEqualTo("sku-1");
        assertThat(body.get("stock").asLong()).isEqualTo(10);
        assertThat(body.get("available").asLong()).isEqualTo(6);
        assertThat(body.get("reserved").asLong()).isEqualTo(2);
        assertThat(body.get("sold").asLong()).isEqualTo(2);
        assertThat(body.get("perUserLimit").asInt()).isEqualTo(2);
        assertThat(body.get("saleStart").asText()).isEqualTo("2025-11-11T00:00:00Z");
        assertThat(body.get("version").asLong()).isEqualTo(4);
    }

    @Test
    void unknownSkuIsNotFound() {
        Response response = request("/v1/skus/sku-404", "bob", Role.SHOPPER).get();

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.readEntity(JsonNode.class).get("code").asText()).isEqualTo("SKU_NOT_FOUND");
    }

    @Test
    void userOrdersPageNewestFirst() {
        JsonNode first = request("/v1/users/me/orders?limit=2", "bob", Role.SHOPPER).get().readEntity(JsonNode.class);
        String cursor = first.get("nextCursor").asText();
        JsonNode second = request("/v1/users/me/orders?limit=2&cursor=" + cursor, "bob", Role.SHOPPER).get()
                .readEntity(JsonNode.class);
        JsonNode third = request("/v1/users/me/orders?limit=2&cursor=" + second.get("nextCursor").asText(), "bob",
                Role.SHOPPER).get().readEntity(JsonNode.class);

        assertThat(first.get("orders")).extracting(order -> order.get("orderId").asText())
                .containsExactly("bob-order-5", "bob-order-4");
        assertThat(second.get("orders")).extracting(order -> order.get("orderId").asText())
                .containsExactly("bob-order-3", "bob-order-2");
        assertThat(third.get("orders")).extracting(order -> order.get("orderId").asText())
                .containsExactly("bob-order-1");
        assertThat(third.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void userOrdersFilterByStatus() {
        Response response = request("/v1/users/me/orders?status=REJECTED", "bob", Role.SHOPPER).get();

        JsonNode body = response.readEntity(JsonNode.class);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(body.get("orders")).extracting(order -> order.get("orderId").asText())
                .containsExactly("bob-order-2");
        assertThat(body.get("orders").get(0).get("reason").asText()).isEqualTo("SOLD_OUT");
    }

    @Test
    void userOrdersShowOnlyCallersOrders() {
        JsonNode body = request("/v1/users/me/orders", "alice", Role.SHOPPER).get().readEntity(JsonNode.class);

        assertThat(body.get("orders")).extracting(order -> order.get("orderId").asText()).containsExactly("order-1");
    }

    @Test
    void userOrdersRejectInvalidParameters() {
        for (String query : List.of("status=PAID", "limit=0", "limit=101", "limit=ten", "cursor=%25%25")) {
            Response response = request("/v1/users/me/orders?" + query, "bob", Role.SHOPPER).get();

            assertThat(response.getStatus()).as(query).isEqualTo(400);
            assertThat(response.readEntity(JsonNode.class).get("code").asText()).isEqualTo("INVALID_PARAMETER");
        }
    }

    @Test
    void ownerSeesOrderEventsInOrder() {
        Response response = request("/v1/orders/order-1/events", "alice", Role.SHOPPER).get();

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode events = response.readEntity(JsonNode.class).get("events");
        assertThat(events).extracting(event -> event.get("type").asText())
                .containsExactly("OrderSubmitted", "OrderReserved");
        JsonNode reserved = events.get(1);
        assertThat(reserved.get("eventId").asText()).isEqualTo("order-1/reserved");
        assertThat(reserved.get("occurredAt").asText()).isEqualTo("2025-11-11T00:00:02Z");
        assertThat(reserved.get("causationId").asText()).isEqualTo("order-1/submitted");
        assertThat(reserved.get("reason").isNull()).isTrue();
    }

    @Test
    void merchantSeesOrderEvents() {
        Response response = request("/v1/orders/bob-order-2/events", "shop-owner", Role.MERCHANT).get();

        JsonNode events = response.readEntity(JsonNode.class).get("events");
        assertThat(events).extracting(event -> event.get("reason").asText(null)).containsExactly(null, "SOLD_OUT");
    }

    @Test
    void otherShopperGetsNotFoundForEvents() {
        Response response = request("/v1/orders/order-1/events", "mallory", Role.SHOPPER).get();

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.readEntity(JsonNode.class).get("code").asText()).isEqualTo("ORDER_NOT_FOUND");
    }

    @Test
    void merchantListsAllSkus() {
        Response response = request("/v1/skus", "shop-owner", Role.MERCHANT).get();

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode skus = response.readEntity(JsonNode.class).get("skus");
        assertThat(skus).extracting(sku -> sku.get("skuId").asText()).containsExactly("sku-1", "商品-👟");
        assertThat(skus.get(0).get("available").asLong()).isEqualTo(6);
        assertThat(skus.get(1).get("stock").asLong()).isEqualTo(5);
    }

    @Test
    void shopperCannotListSkus() {
        Response response = request("/v1/skus", "bob", Role.SHOPPER).get();

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.readEntity(JsonNode.class).get("code").asText()).isEqualTo("FORBIDDEN");
    }

    @Test
    void healthChecksIncludeDatabaseAndConsumer() {
        Response response = APP.client().target("http://127.0.0.1:" + APP.getAdminPort() + "/healthcheck")
                .request().get();

        JsonNode body = response.readEntity(JsonNode.class);
        assertThat(body.get("database").get("healthy").asBoolean()).isTrue();
        assertThat(body.get("projection-consumer").get("healthy").asBoolean()).isTrue();
    }
}
