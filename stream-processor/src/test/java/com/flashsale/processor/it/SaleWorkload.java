package com.flashsale.processor.it;

import com.flashsale.events.CancelOrder;
import com.flashsale.events.ConfirmPayment;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.SetStock;
import com.flashsale.events.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A flash sale as timed waves of input records, generated from a seed. It has scarce stock on a
 * few SKUs and a burst of submissions with repeats, payments and cancels. Some commands arrive
 * before their order, some are for orders never submitted, and one SKU gets its stock only after
 * its first submissions. Wave {@code i} is meant to be sent at {@code start + i * waveInterval},
 * and every event carries that time as its occurredAt, so holds expire relative to it.
 */
final class SaleWorkload {

    static final String LATE_SKU = "sku-late";
    static final String LATE_ORDER_PREFIX = "late-";

    private static final long LATE_STOCK = 20;
    private static final int PER_USER_LIMIT = 2;
    private static final String MERCHANT = "merchant-1";

    /**
     * The size of a sale.
     *
     * @param skus SKUs loaded at the start, besides the late one
     * @param orders distinct orders on those SKUs; about a tenth are submitted twice
     */
    record Shape(int skus, long stockPerSku, int users, int orders, int lateOrders, int earlyCommands,
                 int orphanCommands) {

        /** The sale of ProcessorCrashIT: 2,400 orders on 5 SKUs of 25 units. */
        static Shape crashTest() {
            return new Shape(5, 25, 300, 2_400, 60, 40, 30);
        }
    }

    private final Topics topics;
    private final Shape shape;
    private final Random random;
    private final Instant start;
    private final Duration waveInterval;
    private final List<List<ProducerRecord<String, SpecificRecord>>> waves = new ArrayList<>();
    private final Set<String> submittedOrderIds = new HashSet<>();
    private final Map<String, String> orphanCommands = new HashMap<>();
    private final Map<String, Long> stockBySku = new HashMap<>();
    private final Instant saleStart;
    private final Instant saleEnd;

    private int submissionCount;

    private SaleWorkload(Topics topics, Shape shape, long seed, Instant start, Duration waveInterval, int waveCount) {
        this.topics = topics;
        this.shape = shape;
        this.random = new Random(seed);
        this.start = start;
        this.waveInterval = waveInterval;
        this.saleStart = start.minus(Duration.ofHours(1));
        this.saleEnd = start.plus(Duration.ofHours(1));
        for (int i = 0; i < waveCount; i++) {
            waves.add(new ArrayList<>());
        }
    }

    /**
     * Generates the sale.
     *
     * @param start when the first wave is sent
     * @param waveCount number of waves; the submissions spread over the first three quarters, so
     *     that the commands that follow them still fit
     */
    static SaleWorkload generate(Topics topics, long seed, Instant start, Duration waveInterval, int waveCount) {
        return generate(topics, Shape.crashTest(), seed, start, waveInterval, waveCount);
    }

    static SaleWorkload generate(Topics topics, Shape shape, long seed, Instant start, Duration waveInterval,
                                 int waveCount) {
        SaleWorkload workload = new SaleWorkload(topics, shape, seed, start, waveInterval, waveCount);
        workload.loadStock();
        workload.addLateSkuOrders();
        workload.addOrders();
        workload.addEarlyCommands();
        workload.addOrphanCommands();
        return workload;
    }

    List<List<ProducerRecord<String, SpecificRecord>>> waves() {
        return waves;
    }

    Instant sendTimeOf(int wave) {
        return start.plus(waveInterval.multipliedBy(wave));
    }

    /** Returns the number of OrderSubmitted records, repeats included. */
    int submissionCount() {
        return submissionCount;
    }

    int recordCount() {
        return waves.stream().mapToInt(List::size).sum();
    }

    OutcomeVerifier.Expected expected() {
        return new OutcomeVerifier.Expected(Set.copyOf(submittedOrderIds), Map.copyOf(orphanCommands),
                Map.copyOf(stockBySku));
    }

    private void loadStock() {
        for (int i = 0; i < shape.skus(); i++) {
            add(0, topics.stockCommands(), skuOf(i), setStock(skuOf(i), shape.stockPerSku(), 0));
        }
    }

    /**
     * Submissions for a SKU whose stock arrives a third into the sale. Depending on when one
     * reaches the reserve-stock stage, it exhausts its retries, is decided on a retry, or is
     * decided at once.
     */
    private void addLateSkuOrders() {
        int stockWave = waves.size() / 3;
        add(stockWave, topics.stockCommands(), LATE_SKU, setStock(LATE_SKU, LATE_STOCK, stockWave));
        for (int i = 0; i < shape.lateOrders(); i++) {
            int wave = random.nextInt(stockWave + stockWave / 2);
            submit(LATE_ORDER_PREFIX + i, LATE_SKU, wave);
        }
    }

    private void addOrders() {
        int lastSubmissionWave = waves.size() * 3 / 4;
        for (int i = 0; i < shape.orders(); i++) {
            String orderId = String.format("order-%05d", i);
            int wave = 1 + random.nextInt(lastSubmissionWave);
            OrderSubmitted submission = submit(orderId, skuOf(random.nextInt(shape.skus())), wave);
            double roll = random.nextDouble();
            if (roll < 0.10) {
                // A double tap or a retried request; now and then the client reused its request id for another SKU.
                String skuId = random.nextInt(4) == 0 ? skuOf(random.nextInt(shape.skus())) : submission.getSkuId();
                add(wave + random.nextInt(4), topics.orderSubmissions(), skuId,
                        submission(orderId, skuId, submission.getUserId(), submission.getQuantity(), wave));
            }
            int commandWave = wave + 1 + random.nextInt(6);
            if (roll < 0.30) {
                add(commandWave, topics.orderCommands(), orderId, payment(orderId, submission.getUserId(), commandWave));
            } else if (roll < 0.40) {
                boolean byMerchant = random.nextInt(5) == 0;
                add(commandWave, topics.orderCommands(), orderId,
                        cancel(orderId, byMerchant ? MERCHANT : submission.getUserId(), byMerchant, commandWave));
            }
        }
    }

    /** Commands sent one or two waves before their order's submission, so that they wait in a retry. */
    private void addEarlyCommands() {
        for (int i = 0; i < shape.earlyCommands(); i++) {
            String orderId = "early-" + i;
            int commandWave = 1 + random.nextInt(waves.size() / 2);
            String userId = userOf(random.nextInt(shape.users()));
            SpecificRecord command = random.nextBoolean()
                    ? payment(orderId, userId, commandWave)
                    : cancel(orderId, userId, false, commandWave);
            add(commandWave, topics.orderCommands(), orderId, command);
            int submissionWave = commandWave + 1 + random.nextInt(2);
            add(submissionWave, topics.orderSubmissions(), skuOf(i % shape.skus()),
                    submission(orderId, skuOf(i % shape.skus()), userId, 1, submissionWave));
            submittedOrderIds.add(orderId);
        }
    }

    private void addOrphanCommands() {
        for (int i = 0; i < shape.orphanCommands(); i++) {
            String orderId = "never-submitted-" + i;
            int wave = 1 + random.nextInt(waves.size() - 1);
            String userId = userOf(random.nextInt(shape.users()));
            SpecificRecord command = i % 2 == 0 ? payment(orderId, userId, wave) : cancel(orderId, userId, false, wave);
            add(wave, topics.orderCommands(), orderId, command);
            orphanCommands.put(eventIdOf(command), orderId);
        }
    }

    private OrderSubmitted submit(String orderId, String skuId, int wave) {
        OrderSubmitted submission = submission(orderId, skuId, userOf(random.nextInt(shape.users())),
                random.nextInt(5) == 0 ? 2 : 1, wave);
        add(wave, topics.orderSubmissions(), skuId, submission);
        submittedOrderIds.add(orderId);
        return submission;
    }

    private void add(int wave, String topic, String key, SpecificRecord event) {
        waves.get(Math.min(wave, waves.size() - 1)).add(new ProducerRecord<>(topic, key, event));
    }

    private OrderSubmitted submission(String orderId, String skuId, String userId, int quantity, int wave) {
        submissionCount++;
        return OrderSubmitted.newBuilder()
                .setEventId(newEventId())
                .setOrderId(orderId)
                .setSkuId(skuId)
                .setUserId(userId)
                .setOccurredAt(sendTimeOf(wave))
                .setQuantity(quantity)
                .setClientRequestId("request-" + orderId)
                .build();
    }

    private SetStock setStock(String skuId, long stock, int wave) {
        stockBySku.put(skuId, stock);
        return SetStock.newBuilder()
                .setEventId(newEventId())
                .setSkuId(skuId)
                .setUserId(MERCHANT)
                .setOccurredAt(sendTimeOf(wave))
                .setStock(stock)
                .setPerUserLimit(PER_USER_LIMIT)
                .setSaleStart(saleStart)
                .setSaleEnd(saleEnd)
                .build();
    }

    private ConfirmPayment payment(String orderId, String userId, int wave) {
        return ConfirmPayment.newBuilder()
                .setEventId(newEventId())
                .setOrderId(orderId)
                .setSkuId("")
                .setUserId(userId)
                .setOccurredAt(sendTimeOf(wave))
                .setPaymentId("payment-" + orderId)
                .build();
    }

    private CancelOrder cancel(String orderId, String userId, boolean byMerchant, int wave) {
        return CancelOrder.newBuilder()
                .setEventId(newEventId())
                .setOrderId(orderId)
                .setSkuId("")
                .setUserId(userId)
                .setOccurredAt(sendTimeOf(wave))
                .setRequestedByMerchant(byMerchant)
                .build();
    }

    /** Event ids come from the seeded generator too, so a seed reproduces the same records. */
    private String newEventId() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static String eventIdOf(SpecificRecord event) {
        return event instanceof ConfirmPayment payment ? payment.getEventId() : ((CancelOrder) event).getEventId();
    }

    private static String skuOf(int index) {
        return "sku-" + index;
    }

    private static String userOf(int index) {
        return "user-" + index;
    }
}
