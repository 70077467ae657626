package com.flashsale.ingest.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * Bounds that keep one instance responsive in a stampede. All state is in memory, so every limit
 * applies per instance: behind a load balancer with n instances a user may get up to n times the
 * rate.
 */
public class LimitSettings {

    /** Sends that may wait for the broker's acknowledgement at once; one more is answered with 429 OVERLOADED. */
    @Min(1)
    @Max(1_000_000)
    @JsonProperty
    private int maxInFlight = 2_000;

    /** {@code Retry-After} in seconds of a 429 OVERLOADED. */
    @Min(1)
    @Max(60)
    @JsonProperty
    private int overloadRetryAfterSeconds = 1;

    /** Token bucket per shopper (the token's subject). Merchants are not rate limited. */
    @Valid
    @NotNull
    @JsonProperty
    private RateSettings perUser = new RateSettings(1.0, 5);

    /**
     * Token bucket per client address. Shoppers behind one carrier NAT share an address, so this
     * bucket is much larger than the per-user one.
     */
    @Valid
    @NotNull
    @JsonProperty
    private RateSettings perAddress = new RateSettings(50.0, 200);

    /** Distinct orders that one shopper may have pending or accepted within {@code openOrderWindow} for one SKU. */
    @Min(1)
    @Max(1_000)
    @JsonProperty
    private int maxOpenOrdersPerSku = 3;

    /** How long an acknowledged order counts against {@code maxOpenOrdersPerSku}. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 1, unit = TimeUnit.HOURS)
    @JsonProperty
    private Duration openOrderWindow = Duration.seconds(60);

    /** Users, addresses and user-SKU pairs that each table tracks at most; this bounds the memory of the limits. */
    @Min(10)
    @Max(10_000_000)
    @JsonProperty
    private int maxTrackedKeys = 100_000;

    /**
     * Proxies in front of the service that append to {@code X-Forwarded-For}. With 0 (the default)
     * the header is ignored and the TCP peer is the client address. With n, the n-th address from
     * the right of the header is used, because a client can forge everything to its left.
     */
    @Min(0)
    @Max(10)
    @JsonProperty
    private int trustedProxyCount = 0;

    public int getMaxInFlight() {
        return maxInFlight;
    }

    public int getOverloadRetryAfterSeconds() {
        return overloadRetryAfterSeconds;
    }

    public RateSettings getPerUser() {
        return perUser;
    }

    public RateSettings getPerAddress() {
        return perAddress;
    }

    public int getMaxOpenOrdersPerSku() {
        return maxOpenOrdersPerSku;
    }

    public Duration getOpenOrderWindow() {
        return openOrderWindow;
    }

    public int getMaxTrackedKeys() {
        return maxTrackedKeys;
    }

    public int getTrustedProxyCount() {
        return trustedProxyCount;
    }
}
