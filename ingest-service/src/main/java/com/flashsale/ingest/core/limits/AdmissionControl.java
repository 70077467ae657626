package com.flashsale.ingest.core.limits;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.flashsale.common.auth.Caller;
import com.flashsale.common.errors.ApiException;
import com.flashsale.common.errors.ErrorCode;
import com.flashsale.ingest.config.LimitSettings;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;

/**
 * Decides, before anything is sent to Kafka, whether a request may proceed. The checks run in this
 * order: the shopper's token bucket, the client address's bucket, the open-orders cap (orders
 * only), and a free in-flight permit. A check that fails returns everything the earlier checks
 * took, so a rejected request costs no quota. Merchants skip the buckets and the cap: their
 * backend confirms payments in bulk, but it still needs an in-flight permit.
 *
 * <p>All state is in memory, so the limits hold per instance.
 */
public final class AdmissionControl {

    private final int maxInFlight;
    private final Semaphore permits;
    private final int overloadRetryAfterSeconds;
    private final RateLimiter perUser;
    private final RateLimiter perAddress;
    private final OpenOrders openOrders;
    private final Meter rateLimited;
    private final Meter tooManyOpenOrders;
    private final Meter overloaded;

    public AdmissionControl(LimitSettings settings, LongSupplier nanoClock, MetricRegistry metrics) {
        this.maxInFlight = settings.getMaxInFlight();
        this.permits = new Semaphore(maxInFlight);
        this.overloadRetryAfterSeconds = settings.getOverloadRetryAfterSeconds();
        this.perUser = new RateLimiter(settings.getPerUser(), settings.getMaxTrackedKeys(), nanoClock);
        this.perAddress = new RateLimiter(settings.getPerAddress(), settings.getMaxTrackedKeys(), nanoClock);
        this.openOrders = new OpenOrders(settings.getMaxOpenOrdersPerSku(),
                settings.getOpenOrderWindow().toJavaDuration(), settings.getMaxTrackedKeys(), nanoClock);

        this.rateLimited = metrics.meter(MetricRegistry.name(AdmissionControl.class, "rate-limited"));
        this.tooManyOpenOrders = metrics.meter(MetricRegistry.name(AdmissionControl.class, "too-many-open-orders"));
        this.overloaded = metrics.meter(MetricRegistry.name(AdmissionControl.class, "overloaded"));
        metrics.gauge(MetricRegistry.name(AdmissionControl.class, "in-flight"), () -> this::inFlight);
    }

    /**
     * Admits an order, or throws a 429 {@link ApiException}: {@code RATE_LIMITED},
     * {@code TOO_MANY_OPEN_ORDERS} or {@code OVERLOADED}, each with {@code Retry-After}.
     */
    public Admission admitOrder(Caller caller, String clientAddress, String skuId, String clientRequestId) {
        Deque<Runnable> refunds = new ArrayDeque<>();
        try {
            takeRateTokens(caller, clientAddress, refunds);
            String userId = caller.userId();
            Decision open = openOrders.tryOpen(userId, skuId, clientRequestId);
            if (!open.isGranted()) {
                throw reject(open, ErrorCode.TOO_MANY_OPEN_ORDERS, tooManyOpenOrders);
            }
            refunds.push(() -> openOrders.abandoned(userId, skuId, clientRequestId));
            return enter(refunds, () -> openOrders.acknowledged(userId, skuId, clientRequestId));
        } catch (ApiException e) {
            refunds.forEach(Runnable::run);
            throw e;
        }
    }

    /** Admits a payment, cancel or stock command, or throws a 429 {@link ApiException}. */
    public Admission admitCommand(Caller caller, String clientAddress) {
        Deque<Runnable> refunds = new ArrayDeque<>();
        try {
            takeRateTokens(caller, clientAddress, refunds);
            return enter(refunds, () -> { });
        } catch (ApiException e) {
            refunds.forEach(Runnable::run);
            throw e;
        }
    }

    /** Returns the number of admitted requests whose send has not been settled yet. */
    public int inFlight() {
        return maxInFlight - permits.availablePermits();
    }

    private void takeRateTokens(Caller caller, String clientAddress, Deque<Runnable> refunds) {
        if (caller.isMerchant()) {
            return;
        }
        Decision user = perUser.tryAcquire(caller.userId());
        if (!user.isGranted()) {
            throw reject(user, ErrorCode.RATE_LIMITED, rateLimited);
        }
        refunds.push(() -> perUser.refund(caller.userId()));

        Decision address = perAddress.tryAcquire(clientAddress);
        if (!address.isGranted()) {
            throw reject(address, ErrorCode.RATE_LIMITED, rateLimited);
        }
        refunds.push(() -> perAddress.refund(clientAddress));
    }

    private Admission enter(Deque<Runnable> refunds, Runnable onSuccess) {
        if (!permits.tryAcquire()) {
            overloaded.mark();
            throw ApiException.retryAfter(ErrorCode.OVERLOADED, overloadRetryAfterSeconds);
        }
        return new Admission(
                () -> {
                    permits.release();
                    onSuccess.run();
                },
                () -> {
                    permits.release();
                    refunds.forEach(Runnable::run);
                });
    }

    /** Builds the 429 for a refusal. A full table is overload of this instance, not the caller's fault. */
    private ApiException reject(Decision decision, ErrorCode limitCode, Meter meter) {
        if (decision.outcome() == Decision.Outcome.TABLE_FULL) {
            overloaded.mark();
            return ApiException.retryAfter(ErrorCode.OVERLOADED, overloadRetryAfterSeconds);
        }
        meter.mark();
        return ApiException.retryAfter(limitCode, decision.retryAfterSeconds());
    }
}
