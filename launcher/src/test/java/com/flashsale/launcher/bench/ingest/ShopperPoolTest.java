package com.flashsale.launcher.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flashsale.common.auth.JwtSettings;
import com.flashsale.common.auth.TokenIssuer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShopperPoolTest {

    private static final TokenIssuer ISSUER =
            new TokenIssuer(new JwtSettings("test-only-signing-key-0123456789abcdef", "flashsale"));

    @Test
    void shopperCountCoversMaxRate() {
        assertThat(ShopperPool.shoppersFor(9_600)).isEqualTo(12_000);
        assertThat(ShopperPool.shoppersFor(10)).isEqualTo(125);
    }

    @Test
    void eachShopperOrdersOncePerRound() {
        ShopperPool pool = new ShopperPool(ISSUER, "run", 100, 8);

        Set<Integer> firstRound = new HashSet<>();
        for (long order = 0; order < 100; order++) {
            firstRound.add(pool.shopperIndex(order));
        }

        assertThat(firstRound).hasSize(100);
        assertThat(pool.shopperIndex(100)).isEqualTo(0);
    }

    @Test
    void threeOrdersPerShopperAndSku() {
        ShopperPool pool = new ShopperPool(ISSUER, "run", 100, 8);

        Map<String, Integer> ordersByShopperAndSku = new HashMap<>();
        // 3 * 8 rounds: every shopper goes through every SKU once.
        for (long order = 0; order < 100L * 3 * 8; order++) {
            String key = pool.shopperIndex(order) + "/" + pool.skuIndex(order);
            ordersByShopperAndSku.merge(key, 1, Integer::sum);
        }

        assertThat(ordersByShopperAndSku).hasSize(100 * 8);
        assertThat(ordersByShopperAndSku.values()).containsOnly(ShopperPool.ORDERS_PER_SKU);
        assertThat(pool.skuIndex(100L * 3 * 8)).isEqualTo(0);
    }

    @Test
    void orderBodyHasUniqueRequestId() throws Exception {
        ShopperPool pool = new ShopperPool(ISSUER, "run", 10, 4);
        ObjectMapper json = new ObjectMapper();

        JsonNode first = json.readTree(pool.orderBody(0));
        JsonNode later = json.readTree(pool.orderBody(10));

        assertThat(first.get("skuId").asText()).isEqualTo("run-sku-0");
        assertThat(first.get("quantity").asInt()).isEqualTo(1);
        assertThat(first.get("clientRequestId").asText()).isEqualTo("run-0");
        assertThat(later.get("clientRequestId").asText()).isEqualTo("run-10");
        assertThat(first.size()).isEqualTo(3);
    }

    @Test
    void tokensNameTheirShopper() {
        ShopperPool pool = new ShopperPool(ISSUER, "run", 3, 1);

        assertThat(pool.token(2)).isNotEqualTo(pool.token(1));
        assertThat(pool.shopperId(2)).isEqualTo("run-shopper-2");
    }
}
