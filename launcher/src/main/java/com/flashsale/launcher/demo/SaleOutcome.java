package com.flashsale.launcher.demo;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Everything the demo sent and observed during one sale, the input of {@link ReportBuilder}.
 *
 * @param stockBySku the stock loaded per SKU, in report order
 * @param submissions one result per HTTP submission
 * @param traces what the tracker saw of each accepted order, by order id
 * @param recheck a later observation of the same orders
 * @param skuCounts the projection's figures per SKU after the holds ended (a SKU may be missing)
 * @param deadLetterOrderId the order sent to a SKU without stock, or null if it was not accepted
 */
public record SaleOutcome(
        Map<String, Long> stockBySku,
        List<SubmissionResult> submissions,
        Map<String, OrderTrace> traces,
        Collection<OrderObservation> recheck,
        Map<String, SkuReport.SkuCounts> skuCounts,
        String deadLetterOrderId,
        LatePaymentCheck latePayment) {
}
