package com.flashsale.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SkuReportTest {

    @Test
    void consistentFiguresPass() {
        SkuReport sku = SkuReport.of("sku-a", 10, 4, new SkuReport.SkuCounts(6, 0, 4));

        assertThat(sku.problems()).isEmpty();
        assertThat(sku.oversoldUnits()).isZero();
        assertThat(sku.passed()).isTrue();
    }

    @Test
    void figuresThatDoNotAddUpToStockFail() {
        SkuReport sku = SkuReport.of("sku-a", 10, 4, new SkuReport.SkuCounts(5, 0, 4));

        assertThat(sku.problems()).containsExactly("available + reserved + sold = 9, not the stock 10");
        assertThat(sku.passed()).isFalse();
    }

    @Test
    void unitsStillReservedAfterTheHoldsFail() {
        SkuReport sku = SkuReport.of("sku-a", 10, 4, new SkuReport.SkuCounts(5, 1, 4));

        assertThat(sku.problems()).containsExactly("1 units still reserved after every hold ended");
    }

    @Test
    void soldBeyondStockFailsAndCountsAsOversold() {
        SkuReport sku = SkuReport.of("sku-a", 10, 11, new SkuReport.SkuCounts(-1, 0, 11));

        assertThat(sku.problems()).contains("sold 11 exceeds the stock 10", "a negative count");
        assertThat(sku.oversoldUnits()).isEqualTo(1);
    }

    @Test
    void soldThatDiffersFromConfirmedOrdersFails() {
        SkuReport sku = SkuReport.of("sku-a", 10, 3, new SkuReport.SkuCounts(6, 0, 4));

        assertThat(sku.problems()).containsExactly("sold 4 differs from the 3 units of CONFIRMED orders");
    }

    @Test
    void skuMissingFromProjectionFails() {
        SkuReport sku = SkuReport.of("sku-a", 10, 0, null);

        assertThat(sku.available()).isNull();
        assertThat(sku.passed()).isFalse();
    }
}
