package com.flashsale.processor.processor;

import com.flashsale.events.OrderSubmitted;
import com.flashsale.processor.state.OrderRoute;
import com.flashsale.processor.topology.ProcessorNames;
import com.flashsale.processor.topology.StoreNames;
import com.flashsale.processor.topology.TopologySettings;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route-orders stage: input is keyed by orderId, so every submission and command of one order
 * reaches this task whatever SKU it names. The first submission of an order is forwarded keyed by
 * its skuId. Every later one is dropped, because the order already has its decision under way.
 * Such repeats come from retried requests, double taps, or a clientRequestId reused for another SKU.
 *
 * <p>A payment or cancel is forwarded keyed by the skuId of its order's first submission, through
 * the same repartition topic. That partition already contains the submission, so reserve-stock sees
 * the command after it. A command for an order this stage has not seen yet (a payment racing its
 * submission) is retried, and dead-lettered when the order never arrives.
 */
public class RouteOrderProcessor
        implements Processor<String, SpecificRecord, String, SpecificRecord>, RetryHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RouteOrderProcessor.class);

    private final TopologySettings settings;

    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, OrderRoute> routes;
    private StageOutput output;
    private RetryScheduler retries;
    private RecordCounter repeatedSubmissions;

    public RouteOrderProcessor(TopologySettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.routes = context.getStateStore(StoreNames.ORDER_ROUTE);
        this.output = new StageOutput(context, ProcessorNames.ROUTE_ORDERS, ProcessorNames.SPLIT_ROUTED,
                ProcessorNames.ROUTE_DEAD_LETTER_SINK);
        this.retries = new RetryScheduler(context.getStateStore(StoreNames.ROUTE_RETRY), settings.retryDelays(), output,
                counter("retry-scheduled"), counter("dead-lettered"));
        this.repeatedSubmissions = counter("repeated-submission-dropped");
        context.schedule(settings.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME,
                timestamp -> retries.runDue(timestamp, this));
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        Optional<OrderCommand> command = OrderCommand.of(record.value());
        if (record.value() instanceof OrderSubmitted submission) {
            route(submission, record);
        } else if (command.isPresent()) {
            routeCommand(command.get(), record);
        } else {
            throw new UnexpectedEventException(ProcessorNames.ROUTE_ORDERS, record.value());
        }
    }

    @Override
    public Optional<String> retry(SpecificRecord event, long punctuationTimestamp) {
        return OrderCommand.of(event)
                .flatMap(command -> forwardToOrderSku(command, new Record<>(command.orderId(), event, punctuationTimestamp)));
    }

    @Override
    public void giveUp(SpecificRecord event, long punctuationTimestamp) {
        // This stage has no state for an order it never saw, so there is nothing to mark.
    }

    private void route(OrderSubmitted submission, Record<String, SpecificRecord> record) {
        String orderId = submission.getOrderId();
        if (orderId.isBlank()) {
            // Without an id there is nothing to deduplicate on; reserve-stock rejects it as INVALID.
            output.emit(record.withKey(submission.getSkuId()));
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
        output.emit(record.withKey(submission.getSkuId()));
    }

    private void routeCommand(OrderCommand command, Record<String, SpecificRecord> record) {
        Optional<String> unknown = forwardToOrderSku(command, record);
        if (unknown.isPresent()) {
            // Without a route the SKU is unknown, so the retry events carry an empty skuId.
            RetryScheduler.Target target = new RetryScheduler.Target(command.orderId(), "", command.userId(),
                    command.eventId(), command.orderId());
            retries.scheduleFirst(record, target, context.recordMetadata(), unknown.get(), context.currentSystemTimeMs());
        }
    }

    /**
     * Forwards the command keyed by its order's skuId.
     *
     * @return why it cannot be forwarded yet, or empty when it was forwarded
     */
    private Optional<String> forwardToOrderSku(OrderCommand command, Record<String, SpecificRecord> record) {
        OrderRoute route = routes.get(command.orderId());
        if (route == null) {
            return Optional.of("route-orders has no submission of orderId=" + command.orderId());
        }
        output.emit(record.withKey(route.skuId()));
        return Optional.empty();
    }

    private RecordCounter counter(String name) {
        return RecordCounter.register(context.metrics(), ProcessorNames.ROUTE_ORDERS, name);
    }
}
