package com.flashsale.launcher.topics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.serde.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class RecordJsonTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void eventBecomesOneJsonLine() throws Exception {
        OrderSubmitted event = OrderSubmitted.newBuilder()
                .setEventId("event-1")
                .setOrderId("order-1")
                .setSkuId("sku-1")
                .setUserId("shopper-1")
                .setOccurredAt(Instant.parse("2026-12-04T10:00:00Z"))
                .setCausationId(null)
                .setQuantity(2)
                .setClientRequestId("tap-1")
                .setRequestId("request-1")
                .build();
        RecordHeaders headers = new RecordHeaders();
        headers.add("requestId", "request-1".getBytes(StandardCharsets.UTF_8));

        String line = new RecordJson().format(record("sku-1", EventCodec.get().encode(event), headers));

        assertThat(line).doesNotContain("\n");
        JsonNode json = mapper.readTree(line);
        assertThat(json.path("topic").asText()).isEqualTo("flashsale.order-submissions");
        assertThat(json.path("partition").asInt()).isEqualTo(3);
        assertThat(json.path("offset").asLong()).isEqualTo(42);
        assertThat(json.path("key").asText()).isEqualTo("sku-1");
        assertThat(json.path("headers").path("requestId").asText()).isEqualTo("request-1");
        assertThat(json.path("type").asText()).isEqualTo("OrderSubmitted");
        assertThat(json.path("value").path("orderId").asText()).isEqualTo("order-1");
        assertThat(json.path("value").path("quantity").asInt()).isEqualTo(2);
        assertThat(json.path("value").path("causationId").isNull()).isTrue();
        assertThat(json.path("value").path("occurredAt").asText()).isEqualTo("2026-12-04T10:00:00Z");
    }

    @Test
    void undecodableValueIsKeptAsBase64() throws Exception {
        byte[] poison = "not avro".getBytes(StandardCharsets.UTF_8);

        JsonNode json = mapper.readTree(new RecordJson().format(record("sku-1", poison, new RecordHeaders())));

        assertThat(json.path("type").isNull()).isTrue();
        assertThat(json.path("undecodable").asText()).isNotBlank();
        assertThat(Base64.getDecoder().decode(json.path("valueBase64").asText())).isEqualTo(poison);
    }

    private static ConsumerRecord<byte[], byte[]> record(String key, byte[] value, RecordHeaders headers) {
        return new ConsumerRecord<>("flashsale.order-submissions", 3, 42, 1_780_000_000_000L, TimestampType.CREATE_TIME,
                key.length(), value.length, key.getBytes(StandardCharsets.UTF_8), value, headers, Optional.empty());
    }
}
