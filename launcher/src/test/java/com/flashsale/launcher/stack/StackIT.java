package com.flashsale.launcher.stack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.common.auth.Role;
import com.flashsale.common.auth.TokenIssuer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flashsale.launcher.demo.ApiClient;
import com.flashsale.launcher.demo.ApiClient.Response;
import com.flashsale.launcher.topics.TopicDump;
import com.flashsale.launcher.topics.TopicDumpOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole embedded stack on free ports: broker, topics and the three service jars. */
class StackIT {

    private static final Duration FINAL_TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

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
    void concurrentShoppersReserveExactlyTheStock() throws Exception {
        String skuId = "it-sku-" + UUID.randomUUID().toString().substring(0, 8);
        String merchant = tokens.issue("it-merchant", Role.MERCHANT, Duration.ofHours(1));
        setStock(merchant, skuId, 10);
        Map<String, String> tokenByShopper = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            tokenByShopper.put("it-shopper-" + i, tokens.issue("it-shopper-" + i, Role.SHOPPER, Duration.ofHours(1)));
        }

        Map<String, String> orderIdByShopper = submitConcurrently(skuId, tokenByShopper);

        assertThat(orderIdByShopper).hasSize(200);
        Map<String, Response> finals = awaitFinal(orderIdByShopper, tokenByShopper);
        long reserved = finals.values().stream().filter(r -> "RESERVED".equals(r.text("status"))).count();
        long soldOut = finals.values().stream()
                .filter(r -> "REJECTED".equals(r.text("status")) && "SOLD_OUT".equals(r.text("reason"))).count();
        assertThat(reserved).isEqualTo(10);
        assertThat(soldOut).isEqualTo(190);

        for (Map.Entry<String, String> entry : orderIdByShopper.entrySet()) {
            Response again = api.getOrder(tokenByShopper.get(entry.getKey()), entry.getValue());
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.text("status")).isEqualTo(finals.get(entry.getKey()).text("status"));
            assertThat(again.text("reason")).isEqualTo(finals.get(entry.getKey()).text("reason"));
        }

        List<String> shoppers = new ArrayList<>(orderIdByShopper.keySet());
        for (int i = 0; i < shoppers.size(); i++) {
            String other = shoppers.get((i + 1) % shoppers.size());
            Response foreign = api.getOrder(tokenByShopper.get(shoppers.get(i)), orderIdByShopper.get(other));
            assertThat(foreign.status()).as("shopper reads another's order").isEqualTo(404);
        }

        Response sku = awaitSkuReserved(merchant, skuId, 10);
        assertThat(sku.body().path("available").asLong()).isZero();
        assertThat(sku.body().path("reserved").asLong()).isEqualTo(10);
    }

    @Test
    void badOrderInputGets4xxAndWritesNothing() throws Exception {
        String skuId = "it-bad-" + UUID.randomUUID().toString().substring(0, 8);
        String shopper = tokens.issue("it-bad-shopper", Role.SHOPPER, Duration.ofHours(1));
        List<String> bodies = List.of(
                "{\"skuId\":\"" + skuId + "\",\"quantity\":1,",
                "{\"skuId\":\"" + skuId + "\",\"quantity\":\"1\",\"clientRequestId\":\"bad-1\"}",
                "{\"skuId\":\"" + skuId + "\",\"quantity\":1.5,\"clientRequestId\":\"bad-2\"}",
                "{\"skuId\":\"" + skuId + "\",\"quantity\":99999999999999999999,\"clientRequestId\":\"bad-3\"}",
                "{\"skuId\":\"" + skuId + "\",\"quantity\":-1,\"clientRequestId\":\"bad-4\"}",
                "{\"skuId\":\"" + skuId + "\",\"quantity\":1,\"clientRequestId\":\"bad-5\",\"userId\":\"x\"}");

        for (String body : bodies) {
            Response response = api.postOrderBody(shopper, body);

            assertThat(response.status()).as(body).isBetween(400, 499);
            assertThat(response.text("code")).as(body).isNotBlank();
        }
        Response withoutToken = api.postOrderBody(null,
                "{\"skuId\":\"" + skuId + "\",\"quantity\":1,\"clientRequestId\":\"bad-6\"}");
        assertThat(withoutToken.status()).isEqualTo(401);
        assertThat(withoutToken.text("code")).isNotBlank();

        assertThat(committedKeys(stack.topics().orderSubmissions())).doesNotContain(skuId);
    }

    @Test
    void topicsCommandDecodesTheOrderEvents() throws Exception {
        String skuId = "it-topics-" + UUID.randomUUID().toString().substring(0, 8);
        String merchant = tokens.issue("it-merchant", Role.MERCHANT, Duration.ofHours(1));
        setStock(merchant, skuId, 1);
        String shopper = "it-topics-shopper";
        String token = tokens.issue(shopper, Role.SHOPPER, Duration.ofHours(1));
        Response accepted = api.submitOrder(token, skuId, 1, "req-topics");
        assertThat(accepted.status()).isEqualTo(202);
        String orderId = accepted.text("orderId");
        awaitFinal(Map.of(shopper, orderId), Map.of(shopper, token));

        ByteArrayOutputStream output = new ByteArrayOutputStream();
        TopicDumpOptions options = new TopicDumpOptions(stack.bootstrapServers(), stack.topics().orderEvents(), false);
        long printed;
        try (TopicDump dump = new TopicDump(options); PrintStream out = new PrintStream(output, true, UTF_8)) {
            printed = dump.run(out);
        }

        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.toString(UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).hasSize(Math.toIntExact(printed));
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("type").asText()).isEqualTo("OrderReserved");
            assertThat(line.path("key").asText()).isEqualTo(orderId);
            assertThat(line.path("value").path("skuId").asText()).isEqualTo(skuId);
        });
    }

    private static void setStock(String merchant, String skuId, long stock) throws Exception {
        Instant now = Instant.now();
        Response response = api.setStock(merchant, skuId, stock, 2, now.minusSeconds(60), now.plusSeconds(3600));
        assertThat(response.status()).isEqualTo(202);
        long deadline = System.nanoTime() + FINAL_TIMEOUT.toNanos();
        while (api.getSku(merchant, skuId).body().path("stock").asLong(-1) != stock) {
            assertThat(System.nanoTime()).as("stock of %s visible in the projection", skuId).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static Map<String, String> submitConcurrently(String skuId, Map<String, String> tokenByShopper)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        Map<String, Future<Response>> futures = new HashMap<>();
        for (Map.Entry<String, String> shopper : tokenByShopper.entrySet()) {
            Callable<Response> submit = () -> {
                go.await();
                return api.submitOrder(shopper.getValue(), skuId, 1, "req-" + shopper.getKey());
            };
            futures.put(shopper.getKey(), pool.submit(submit));
        }
        go.countDown();
        Map<String, String> orderIds = new HashMap<>();
        for (Map.Entry<String, Future<Response>> future : futures.entrySet()) {
            Response response = future.getValue().get();
            assertThat(response.status()).as("submission of %s", future.getKey()).isEqualTo(202);
            orderIds.put(future.getKey(), response.text("orderId"));
        }
        pool.shutdown();
        return orderIds;
    }

    private static Map<String, Response> awaitFinal(Map<String, String> orderIdByShopper,
            Map<String, String> tokenByShopper) throws Exception {
        Map<String, Response> finals = new HashMap<>();
        long deadline = System.nanoTime() + FINAL_TIMEOUT.toNanos();
        while (finals.size() < orderIdByShopper.size() && System.nanoTime() < deadline) {
            for (Map.Entry<String, String> entry : orderIdByShopper.entrySet()) {
                if (finals.containsKey(entry.getKey())) {
                    continue;
                }
                Response response = api.getOrder(tokenByShopper.get(entry.getKey()), entry.getValue());
                String status = response.status() == 200 ? response.text("status") : null;
                if ("RESERVED".equals(status) || "REJECTED".equals(status)) {
                    finals.put(entry.getKey(), response);
                }
            }
            Thread.sleep(200);
        }
        assertThat(finals).as("orders with a final status").hasSize(orderIdByShopper.size());
        return finals;
    }

    private static Response awaitSkuReserved(String merchant, String skuId, long reserved) throws Exception {
        long deadline = System.nanoTime() + FINAL_TIMEOUT.toNanos();
        Response response = api.getSku(merchant, skuId);
        while (response.body().path("reserved").asLong() != reserved && System.nanoTime() < deadline) {
            Thread.sleep(200);
            response = api.getSku(merchant, skuId);
        }
        return response;
    }

    private static List<String> committedKeys(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!reachedEnd(consumer, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    keys.add(record.key());
                }
            }
        }
        return keys;
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }
}
