package com.flashsale.launcher.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Builds the flash sale's orders: every shopper places at least one order when there are enough
 * submissions, some place two, and one submission in five is a resend (half double taps, half
 * retries after a timeout). The total of HTTP submissions equals the requested count exactly.
 */
public final class WorkloadPlan {

    /** Share of submissions that repeat an earlier clientRequestId. */
    private static final double RESEND_SHARE = 0.2;
    /** Share of orders that ask for two units; with a per-user limit of 2 some shoppers hit it. */
    private static final double TWO_UNIT_SHARE = 0.15;

    private WorkloadPlan() {
    }

    public static List<PlannedOrder> create(List<String> skuIds, int shoppers, int submissions, String runId,
            Random random) {
        int resends = shoppers >= submissions ? 0 : (int) Math.min(submissions - shoppers,
                Math.round(submissions * RESEND_SHARE));
        int orders = submissions - resends;
        int doubleTaps = resends / 2;
        int retries = resends - doubleTaps;

        List<Delivery> deliveries = new ArrayList<>(orders);
        for (int i = 0; i < orders; i++) {
            deliveries.add(i < doubleTaps ? Delivery.DOUBLE_TAP
                    : i < doubleTaps + retries ? Delivery.RETRY_AFTER_TIMEOUT : Delivery.ONCE);
        }
        Collections.shuffle(deliveries, random);

        List<PlannedOrder> plan = new ArrayList<>(orders);
        for (int i = 0; i < orders; i++) {
            // The first `shoppers` orders give every shopper one; the rest go to random shoppers.
            int shopper = i < shoppers ? i : random.nextInt(shoppers);
            String skuId = skuIds.get(random.nextInt(skuIds.size()));
            int quantity = random.nextDouble() < TWO_UNIT_SHARE ? 2 : 1;
            plan.add(new PlannedOrder(shopperId(runId, shopper), skuId, quantity, runId + "-" + i, deliveries.get(i)));
        }
        Collections.shuffle(plan, random);
        return plan;
    }

    public static String shopperId(String runId, int shopper) {
        return "shopper-" + runId + "-" + shopper;
    }

    public static int requests(List<PlannedOrder> plan) {
        return plan.stream().mapToInt(order -> order.delivery().requests()).sum();
    }
}
