package com.flashsale.processor.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flashsale.processor.state.OrderRoute;
import com.flashsale.processor.state.OrderStatus;
import com.flashsale.processor.state.SkuOrder;
import com.flashsale.processor.state.SkuStock;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class BinaryStateSerdeTest {

    private static final String TOPIC = "flashsale-stream-processor-sku-order-store-changelog";

    @Test
    void roundTripsSkuStock() {
        SkuStock stock = new SkuStock(100, 60, 30, 10, 2, 1_700_000_000_000L, 1_700_003_600_000L, 41);

        assertThat(roundTrip(StateSerdes.SKU_STOCK, stock)).isEqualTo(stock);
    }

    @Test
    void roundTripsReservedSkuOrder() {
        SkuOrder order = new SkuOrder(OrderStatus.RESERVED, "sku-1", "用户-7", 3, 1_700_000_900_000L, "event-9");

        assertThat(roundTrip(StateSerdes.SKU_ORDER, order)).isEqualTo(order);
    }

    @Test
    void roundTripsSkuOrderWithNulls() {
        SkuOrder order = new SkuOrder(OrderStatus.REJECTED, "sku-1", "user-7", 1, null, null);

        assertThat(roundTrip(StateSerdes.SKU_ORDER, order)).isEqualTo(order);
    }

    @Test
    void roundTripsOrderRoute() {
        OrderRoute route = new OrderRoute("sku-1", "user-7", 2, "event-3");

        assertThat(roundTrip(StateSerdes.ORDER_ROUTE, route)).isEqualTo(route);
    }

    @Test
    void writesFormatByteFirst() {
        byte[] bytes = StateSerdes.SKU_STOCK.serializer().serialize(TOPIC, SkuStock.unloaded());

        assertThat(bytes[0]).isEqualTo(BinaryStateSerde.FORMAT_V1);
    }

    @Test
    void readsJsonThatEarlierBuildsWrote() {
        String stockJson = "{\"stock\":100,\"available\":60,\"reserved\":30,\"sold\":10,\"perUserLimit\":2,"
                + "\"saleStart\":1700000000000,\"saleEnd\":1700003600000,\"version\":41}";
        String orderJson = "{\"status\":\"RESERVED\",\"skuId\":\"sku-1\",\"userId\":\"user-7\",\"quantity\":3,"
                + "\"expiresAt\":1700000900000,\"reservationEventId\":\"event-9\"}";
        String rejectedJson = "{\"status\":\"REJECTED\",\"skuId\":\"sku-1\",\"userId\":\"user-7\",\"quantity\":1,"
                + "\"expiresAt\":null,\"reservationEventId\":null}";
        String routeJson = "{\"skuId\":\"sku-1\",\"userId\":\"user-7\",\"quantity\":2,\"submissionEventId\":\"event-3\"}";

        assertThat(read(StateSerdes.SKU_STOCK, stockJson))
                .isEqualTo(new SkuStock(100, 60, 30, 10, 2, 1_700_000_000_000L, 1_700_003_600_000L, 41));
        assertThat(read(StateSerdes.SKU_ORDER, orderJson))
                .isEqualTo(new SkuOrder(OrderStatus.RESERVED, "sku-1", "user-7", 3, 1_700_000_900_000L, "event-9"));
        assertThat(read(StateSerdes.SKU_ORDER, rejectedJson))
                .isEqualTo(new SkuOrder(OrderStatus.REJECTED, "sku-1", "user-7", 1, null, null));
        assertThat(read(StateSerdes.ORDER_ROUTE, routeJson)).isEqualTo(new OrderRoute("sku-1", "user-7", 2, "event-3"));
    }

    @Test
    void readsJsonSerdeOutput() {
        SkuOrder order = new SkuOrder(OrderStatus.CONFIRMED, "sku-2", "user-8", 1, 1_700_000_900_000L, "event-4");
        byte[] json = JsonSerde.of(SkuOrder.class).serializer().serialize(TOPIC, order);

        assertThat(StateSerdes.SKU_ORDER.deserializer().deserialize(TOPIC, json)).isEqualTo(order);
    }

    @Test
    void ignoresBytesAppendedByNewerBuild() {
        SkuStock stock = new SkuStock(5, 5, 0, 0, 1, 0, 10, 1);
        byte[] bytes = StateSerdes.SKU_STOCK.serializer().serialize(TOPIC, stock);
        byte[] withNewField = Arrays.copyOf(bytes, bytes.length + 8);

        assertThat(StateSerdes.SKU_STOCK.deserializer().deserialize(TOPIC, withNewField)).isEqualTo(stock);
    }

    @Test
    void keepsNullAsTombstone() {
        assertThat(StateSerdes.SKU_ORDER.serializer().serialize(TOPIC, null)).isNull();
        assertThat(StateSerdes.SKU_ORDER.deserializer().deserialize(TOPIC, null)).isNull();
    }

    @Test
    void rejectsUnknownFormatByte() {
        byte[] bytes = {9, 0, 0, 0};

        assertThatThrownBy(() -> StateSerdes.SKU_STOCK.deserializer().deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown format byte 9");
    }

    @Test
    void rejectsTruncatedValue() {
        byte[] bytes = StateSerdes.SKU_STOCK.serializer().serialize(TOPIC, SkuStock.unloaded());
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 4);

        assertThatThrownBy(() -> StateSerdes.SKU_STOCK.deserializer().deserialize(TOPIC, truncated))
                .isInstanceOf(SerializationException.class);
    }

    private static <T> T roundTrip(Serde<T> serde, T value) {
        byte[] bytes = serde.serializer().serialize(TOPIC, value);
        return serde.deserializer().deserialize(TOPIC, bytes);
    }

    private static <T> T read(Serde<T> serde, String json) {
        return serde.deserializer().deserialize(TOPIC, json.getBytes(StandardCharsets.UTF_8));
    }
}
