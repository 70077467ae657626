package com.flashsale.launcher.bench.ingest;

import com.flashsale.common.auth.Role;
import com.flashsale.common.auth.TokenIssuer;
import java.time.Duration;

/**
 * Shoppers and SKUs for a stream of orders that stays within the ingest service's per-user limits:
 * order {@code i} comes from shopper {@code i mod shoppers}, so with at least as many shoppers as
 * orders per second ({@link #shoppersFor}) each one orders at most once a second (the per-user bucket refills at one per
 * second). A shopper's orders go three in a row to one SKU, then to the next of {@code skus}, so no
 * shopper has more than three open orders for one SKU (the default cap) unless it comes back to that
 * SKU within the open-order window, which takes {@code 3 * skus} of its orders.
 */
public final class ShopperPool {

    /** Orders in a row from one shopper for one SKU, the ingest's default cap of open orders per SKU. */
    static final int ORDERS_PER_SKU = 3;
    private static final Duration TOKEN_VALIDITY = Duration.ofHours(2);

    private final String runId;
    private final int skus;
    private final String[] tokens;

    /** Creates {@code shoppers} shoppers with tokens from {@code issuer}; ids start with {@code runId}. */
    public ShopperPool(TokenIssuer issuer, String runId, int shoppers, int skus) {
        if (shoppers < 1 || skus < 1) {
            throw new IllegalArgumentException("The pool needs at least one shopper and one SKU, got " + shoppers
                    + " and " + skus);
        }
        this.runId = runId;
        this.skus = skus;
        this.tokens = new String[shoppers];
        for (int i = 0; i < shoppers; i++) {
            tokens[i] = issuer.issue(shopperId(i), Role.SHOPPER, TOKEN_VALIDITY);
        }
    }

    /** Returns a shopper count that keeps each shopper at or below one order per second at {@code maxRate}. */
    public static int shoppersFor(double maxRate) {
        return (int) Math.ceil(Math.max(maxRate, 100) * 1.25);
    }

    public int shoppers() {
        return tokens.length;
    }

    public int shopperIndex(long order) {
        return (int) (order % tokens.length);
    }

    public String shopperId(int shopper) {
        return runId + "-shopper-" + shopper;
    }

    public String token(int shopper) {
        return tokens[shopper];
    }

    /** Returns the index of the SKU of order {@code order}, between 0 and {@code skus - 1}. */
    public int skuIndex(long order) {
        long turn = order / tokens.length;
        return (int) ((turn / ORDERS_PER_SKU) % skus);
    }

    public String skuId(int sku) {
        return runId + "-sku-" + sku;
    }

    public int skus() {
        return skus;
    }

    /** Returns the JSON body of order {@code order}, with a client request id unique in the run. */
    public String orderBody(long order) {
        return "{\"skuId\":\"" + skuId(skuIndex(order)) + "\",\"quantity\":1,\"clientRequestId\":\""
                + runId + "-" + order + "\"}";
    }
}
