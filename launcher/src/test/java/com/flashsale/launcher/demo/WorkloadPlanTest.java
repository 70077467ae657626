package com.flashsale.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkloadPlanTest {

    @ParameterizedTest(name = "seed={0} shoppers={1} submissions={2}")
    @CsvSource({"1, 2000, 4000", "2, 200, 200", "3, 50, 20", "4, 10, 13"})
    void planSendsExactlyRequestedSubmissions(long seed, int shoppers, int submissions) {
        List<String> skus = List.of("sku-1", "sku-2", "sku-3");

        List<PlannedOrder> plan = WorkloadPlan.create(skus, shoppers, submissions, "run", new Random(seed));

        assertThat(WorkloadPlan.requests(plan)).as("seed %d", seed).isEqualTo(submissions);
        Set<String> shoppersWithOrders = plan.stream().map(PlannedOrder::shopperId).collect(Collectors.toSet());
        assertThat(shoppersWithOrders).as("seed %d", seed).hasSize(Math.min(shoppers, submissions));
        assertThat(plan).as("seed %d", seed).extracting(PlannedOrder::clientRequestId).doesNotHaveDuplicates();
        assertThat(plan).as("seed %d", seed).allSatisfy(order -> assertThat(skus).contains(order.skuId()));
    }

    @ParameterizedTest(name = "seed={0}")
    @CsvSource({"11", "12"})
    void defaultSaleHasDoubleTapsAndRetries(long seed) {
        List<PlannedOrder> plan = WorkloadPlan.create(List.of("sku-1"), 2000, 4000, "run", new Random(seed));

        assertThat(plan).as("seed %d", seed).filteredOn(order -> order.delivery() == Delivery.DOUBLE_TAP).hasSize(400);
        assertThat(plan).as("seed %d", seed)
                .filteredOn(order -> order.delivery() == Delivery.RETRY_AFTER_TIMEOUT).hasSize(400);
    }
}
