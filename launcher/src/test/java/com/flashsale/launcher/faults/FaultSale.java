package com.flashsale.launcher.faults;

import com.flashsale.common.auth.Role;
import com.flashsale.common.auth.TokenIssuer;
import com.flashsale.launcher.demo.ApiClient;
import com.flashsale.launcher.demo.ApiClient.Response;
import com.flashsale.launcher.stack.Stack;
import com.flashsale.launcher.stack.StackPorts;
import com.flashsale.launcher.stack.StackSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A flash sale over HTTP against the embedded stack, as the demo's shoppers run it: a merchant
 * loads scarce stock on a few SKUs, and many client threads submit orders. A client that gets an
 * error or no answer submits again with the same clientRequestId, as a real client retries.
 */
final class FaultSale implements AutoCloseable {

    /** Statuses after which an order changes only through a payment, a cancel or the hold's end. */
    static final Set<String> SETTLED = Set.of("RESERVED", "REJECTED", "CONFIRMED", "CANCELLED", "EXPIRED");

    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);
    private static final Duration SUBMIT_DEADLINE = Duration.ofSeconds(120);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(120);

    private final Stack stack;
    private final ApiClient api;
    private final TokenIssuer tokens;
    private final Map<String, String> orderIdByRequest = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> conflictingAnswers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger errorAnswers = new AtomicInteger();
    private final AtomicInteger noAnswers = new AtomicInteger();
    private final AtomicInteger acceptedAnswers = new AtomicInteger();

    FaultSale(Path dataDirectory) {
        Path root = Path.of(System.getProperty("flashsale.repository.root", "..")).toAbsolutePath().normalize();
        StackSettings settings = StackSettings.defaults(root)
                .withPorts(StackPorts.findFree())
                .withDataDirectory(dataDirectory);
        stack = new Stack(settings);
        stack.start();
        api = new ApiClient(URI.create(settings.ingestUrl()), URI.create(settings.projectionUrl()));
        tokens = stack.tokenIssuer();
    }

    Stack stack() {
        return stack;
    }

    /** Loads {@code stock} units on each SKU with a per-user limit of 2, and waits until the projection shows them. */
    void loadStock(List<String> skuIds, long stock) throws Exception {
        String merchant = tokens.issue("fault-merchant", Role.MERCHANT, Duration.ofHours(1));
        Instant now = Instant.now();
        for (String skuId : skuIds) {
            Response response = api.setStock(merchant, skuId, stock, 2, now.minusSeconds(60), now.plusSeconds(3600));
            if (response.status() != 202) {
                throw new IllegalStateException("setting the stock of skuId=" + skuId + " answered " + response);
            }
        }
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        for (String skuId : skuIds) {
            while (api.getSku(merchant, skuId).body().path("stock").asLong(-1) != stock) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the stock of skuId=" + skuId + " never reached the projection");
                }
                Thread.sleep(200);
            }
        }
    }

    /** Generates {@code count} requests from shoppers who each order twice, over the SKUs, from a seed. */
    List<ShopperRequest> requests(String prefix, int count, List<String> skuIds, long seed) {
        Random random = new Random(seed);
        List<ShopperRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String userId = prefix + "-shopper-" + (i / 2);
            String token = tokens.issue(userId, Role.SHOPPER, Duration.ofHours(1));
            requests.add(new ShopperRequest(userId, token, skuIds.get(random.nextInt(skuIds.size())),
                    random.nextInt(5) == 0 ? 2 : 1, prefix + "-request-" + i));
        }
        return requests;
    }

    /**
     * Submits every request from {@code clients} threads and returns once each has been accepted.
     * {@code onAccepted} hears the running count of accepted requests, so a test can inject a fault
     * part way through.
     */
    void submitAll(List<ShopperRequest> requests, int clients, IntConsumer onAccepted) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger accepted = new AtomicInteger();
        try {
            List<Future<?>> submissions = new ArrayList<>();
            for (ShopperRequest request : requests) {
                submissions.add(pool.submit(() -> {
                    submitUntilAccepted(request);
                    onAccepted.accept(accepted.incrementAndGet());
                    return null;
                }));
            }
            for (Future<?> submission : submissions) {
                submission.get(SUBMIT_DEADLINE.toSeconds() * 2, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each accepted request's orderId, by {@link ShopperRequest#key()}. */
    Map<String, String> orderIdByRequest() {
        return orderIdByRequest;
    }

    /** Requests that were accepted more than once with different orderIds; empty when ids are stable. */
    List<String> conflictingAnswers() {
        return List.copyOf(conflictingAnswers);
    }

    /** Attempts answered with a status other than 202, each retried. */
    int errorAnswers() {
        return errorAnswers.get();
    }

    /** Attempts that got no answer at all (connection refused or dropped), each retried. */
    int noAnswers() {
        return noAnswers.get();
    }

    int acceptedAnswers() {
        return acceptedAnswers.get();
    }

    /**
     * Polls the projection until every accepted order has a settled status, and returns how many
     * orders have each status.
     */
    Map<String, Integer> awaitSettled(List<ShopperRequest> requests) throws Exception {
        Map<String, String> statusByRequest = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            while (statusByRequest.size() < requests.size()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("only " + statusByRequest.size() + " of " + requests.size()
                            + " orders settled in the projection within " + SETTLE_TIMEOUT.toSeconds() + " s");
                }
                List<Future<?>> polls = new ArrayList<>();
                for (ShopperRequest request : requests) {
                    if (!statusByRequest.containsKey(request.key())) {
                        polls.add(pool.submit(() -> {
                            Response response = api.getOrder(request.token(), orderIdByRequest.get(request.key()));
                            // Version 2 means both the submission and the decision were applied: the two
                            // come from different topics, so a decision can show before its submission.
                            if (response.status() == 200 && SETTLED.contains(response.text("status"))
                                    && response.body().get("version").asLong() >= 2) {
                                statusByRequest.put(request.key(), response.text("status"));
                            }
                            return null;
                        }));
                    }
                }
                for (Future<?> poll : polls) {
                    poll.get();
                }
                if (statusByRequest.size() < requests.size()) {
                    Thread.sleep(500);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Integer> counts = new TreeMap<>();
        statusByRequest.values().forEach(status -> counts.merge(status, 1, Integer::sum));
        return counts;
    }

    @Override
    public void close() {
        stack.close();
    }

    private void submitUntilAccepted(ShopperRequest request) throws InterruptedException {
        long deadline = System.nanoTime() + SUBMIT_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Response response = api.submitOrder(request.token(), request.skuId(), request.quantity(),
                        request.clientRequestId());
                if (response.status() == 202) {
                    record(request, response.text("orderId"));
                    return;
                }
                errorAnswers.incrementAndGet();
                Thread.sleep(response.retryAfter().orElse(RETRY_PAUSE).toMillis());
            } catch (IOException e) {
                // No answer: the ingest died with the request in flight, or is not listening yet.
                noAnswers.incrementAndGet();
                Thread.sleep(RETRY_PAUSE.toMillis());
            }
        }
        throw new IllegalStateException("no 202 within " + SUBMIT_DEADLINE.toSeconds() + " s for " + request.key());
    }

    private void record(ShopperRequest request, String orderId) {
        acceptedAnswers.incrementAndGet();
        String earlier = orderIdByRequest.putIfAbsent(request.key(), orderId);
        if (earlier != null && !earlier.equals(orderId)) {
            conflictingAnswers.add(request.key() + " got orderId=" + earlier + " and orderId=" + orderId);
        }
    }
}
