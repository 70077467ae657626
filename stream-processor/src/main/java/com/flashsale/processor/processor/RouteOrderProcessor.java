package com.flashsale.processor.processor;

import com.flashsale.events.OrderSubmitted;
import com.flashsale.processor.state.OrderRoute;
import com.flashsale.processor.topology.ProcessorNames;
import com.flashsale.processor.topology.StoreNames;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route-orders stage: input is keyed by orderId, so every submission of one order reaches this
 * task whatever SKU it names. The first submission of an order is forwarded keyed by its skuId.
 * Every later one is dropped, because the order already has its decision under way. Such repeats
 * come from retried requests, double taps, or a clientRequestId reused for another SKU.
 */
public class RouteOrderProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    private static final Logger LOG = LoggerFactory.getLogger(RouteOrderProcessor.class);

    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, OrderRoute> routes;
    private DropCounter repeatedSubmissions;

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.routes = context.getStateStore(StoreNames.ORDER_ROUTE);
        this.repeatedSubmissions = DropCounter.register(
                context.metrics(), ProcessorNames.ROUTE_ORDERS, "repeated-submission-dropped");
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        // TODO: ConfirmPayment and CancelOrder from order-commands (keyed by orderId) are not
        // handled yet. They will enter here, look up the order's SKU in the route store and be
        // forwarded keyed by skuId like a first submission.
        if (record.value() instanceof OrderSubmitted submission) {
            route(submission, record);
        } else {
            throw new UnexpectedEventException(ProcessorNames.ROUTE_ORDERS, record.value());
        }
    }

    private void route(OrderSubmitted submission, Record<String, SpecificRecord> record) {
        String orderId = submission.getOrderId();
        if (orderId.isBlank()) {
            // Without an id there is nothing to deduplicate on; reserve-stock rejects it as INVALID.
            context.forward(record.withKey(submission.getSkuId()));
            return;
        }

        OrderRoute known = routes.get(orderId);
        if (known != null) {
            repeatedSubmissions.increment();
            LOG.debug("Dropped a repeated submission orderId={} skuId={} eventId={} firstSkuId={} firstEventId={}",
                    orderId, submission.getSkuId(), submission.getEventId(), known.skuId(), known.submissionEventId());
            return;
        }

        routes.put(orderId, new OrderRoute(
                submission.getSkuId(), submission.getUserId(), submission.getQuantity(), submission.getEventId()));
        context.forward(record.withKey(submission.getSkuId()));
    }
}
