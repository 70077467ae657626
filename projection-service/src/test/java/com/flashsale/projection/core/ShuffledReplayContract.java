package com.flashsale.projection.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.events.RejectionReason;
import com.flashsale.projection.db.TestDatabase;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Applying a generated event log shuffled and with duplicates must give the same tables as
 * applying it in order, as happens when topics are consumed at different speeds and records are
 * redelivered. Subclasses run it on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ShuffledReplayContract {

    private static final int ORDERS = 20;
    private static final List<String> SKUS = List.of("sku-a", "sku-b", "商品-🔥");

    private TestDatabase database;

    abstract TestDatabase openDatabase();

    @BeforeAll
    void openAndMigrate() {
        database = openDatabase();
    }

    @AfterAll
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 7L, 42L, 2024L, 90210L})
    void shuffledDuplicatedLogGivesSameTables(long seed) {
        Random random = new Random(seed);
        List<SpecificRecord> ordered = generateLog(random);
        Map<String, List<Map<String, Object>>> expected = applyAndSnapshot(ordered);

        List<SpecificRecord> shuffled = shuffleWithDuplicates(ordered, random);
        Map<String, List<Map<String, Object>>> actual = applyAndSnapshot(shuffled);

        assertThat(actual.get("orders")).as("orders, seed %d", seed).isEqualTo(expected.get("orders"));
        assertThat(actual.get("skus")).as("skus, seed %d", seed).isEqualTo(expected.get("skus"));
        assertThat(actual.get("applied_events")).as("applied_events, seed %d", seed)
                .isEqualTo(expected.get("applied_events"));
        assertThat(actual.get("order_history")).as("order_history, seed %d", seed)
                .isEqualTo(expected.get("order_history"));
    }

    /**
     * The consumer applies each polled batch with one write per order, so a batch holding several
     * events of one order, or one event twice, must give what applying them one by one gives.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3L, 11L, 58L, 4096L, 65537L})
    void shuffledLogInBatchesGivesSameTables(long seed) {
        Random random = new Random(seed);
        List<SpecificRecord> ordered = generateLog(random);
        Map<String, List<Map<String, Object>>> expected = applyAndSnapshot(ordered);

        List<SpecificRecord> shuffled = shuffleWithDuplicates(ordered, random);
        Map<String, List<Map<String, Object>>> actual = applyInBatchesAndSnapshot(shuffled, random);

        assertThat(actual).as("tables after batches, seed %d", seed).isEqualTo(expected);
    }

    private Map<String, List<Map<String, Object>>> applyAndSnapshot(List<SpecificRecord> log) {
        database.truncate();
        EventApplier applier = newApplier();
        log.forEach(applier::apply);
        return snapshot();
    }

    /** Applies the log in consecutive batches of 1 to 40 events. */
    private Map<String, List<Map<String, Object>>> applyInBatchesAndSnapshot(List<SpecificRecord> log, Random random) {
        database.truncate();
        EventApplier applier = newApplier();
        int next = 0;
        while (next < log.size()) {
            int end = Math.min(log.size(), next + 1 + random.nextInt(40));
            List<ViewChange> batch = new ArrayList<>();
            for (SpecificRecord event : log.subList(next, end)) {
                applier.prepare(event).ifPresent(batch::add);
            }
            applier.applyAll(batch);
            next = end;
        }
        return snapshot();
    }

    private EventApplier newApplier() {
        return new EventApplier(database.jdbi(), Clock.fixed(TestEvents.T0, ZoneOffset.UTC));
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        return database.jdbi().withHandle(handle -> Map.of(
                "orders", handle.createQuery("""
                        SELECT order_id, user_id, sku_id, quantity, status, reason, version, status_rank,
                               submitted_at, updated_at, expires_at, client_request_id
                        FROM orders ORDER BY order_id""").mapToMap().list(),
                "skus", handle.createQuery("""
                        SELECT sku_id, stock, available, reserved, sold, per_user_limit, sale_start, sale_end,
                               version, updated_at
                        FROM skus ORDER BY sku_id""").mapToMap().list(),
                "applied_events", handle.createQuery("SELECT event_id FROM applied_events ORDER BY event_id")
                        .mapToMap().list(),
                "order_history", handle.createQuery("""
                        SELECT event_id, order_id, event_type, occurred_at, reason, causation_id, request_id
                        FROM order_history ORDER BY event_id""").mapToMap().list()));
    }

    /** Builds each order's life in time order, one of the paths the stream processor can take. */
    private static List<SpecificRecord> generateLog(Random random) {
        List<SpecificRecord> log = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            String sku = SKUS.get(random.nextInt(SKUS.size()));
            TestEvents order = new TestEvents("order-" + i + "-🛍", sku, "user-" + random.nextInt(5), 1 + random.nextInt(3));
            int second = i * 100;
            log.add(order.submitted(second++));
            int retries = random.nextInt(3);
            for (int attempt = 1; attempt <= retries; attempt++) {
                log.add(order.retryScheduled(second++, attempt));
            }
            addOutcome(log, order, random, second);
        }
        for (String sku : SKUS) {
            int versions = 1 + random.nextInt(6);
            for (int version = 1; version <= versions; version++) {
                log.add(TestEvents.stockChanged(sku, version, 10 - version, version / 2, version - version / 2));
            }
        }
        return log;
    }

    private static void addOutcome(List<SpecificRecord> log, TestEvents order, Random random, int second) {
        switch (random.nextInt(6)) {
            case 0 -> log.add(order.rejected(second, RejectionReason.values()[random.nextInt(RejectionReason.values().length)]));
            case 1 -> log.add(order.deadLettered(second));
            case 2 -> log.add(order.reserved(second));
            case 3 -> {
                log.add(order.reserved(second));
                log.add(order.confirmed(second + 1));
            }
            case 4 -> {
                log.add(order.reserved(second));
                log.add(order.expired(second + 1));
                log.add(order.paymentRejected(second + 2));
            }
            default -> {
                log.add(order.reserved(second));
                log.add(order.cancelled(second + 1));
            }
        }
    }

    private static List<SpecificRecord> shuffleWithDuplicates(List<SpecificRecord> ordered, Random random) {
        List<SpecificRecord> shuffled = new ArrayList<>(ordered);
        for (SpecificRecord event : ordered) {
            if (random.nextInt(3) == 0) {
                shuffled.add(event);
            }
        }
        Collections.shuffle(shuffled, random);
        return shuffled;
    }
}
