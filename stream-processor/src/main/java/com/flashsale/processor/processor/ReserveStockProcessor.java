package com.flashsale.processor.processor;

import com.flashsale.events.AdjustStock;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.RejectionReason;
import com.flashsale.events.SetStock;
import com.flashsale.processor.state.HoldKey;
import com.flashsale.processor.state.OrderStatus;
import com.flashsale.processor.state.SkuOrder;
import com.flashsale.processor.state.SkuStock;
import com.flashsale.processor.topology.ProcessorNames;
import com.flashsale.processor.topology.StoreNames;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reserve-stock stage: input is keyed by skuId, so one task owns all stock of a SKU and
 * decides its submissions one at a time, in offset order. That single writer per SKU is what
 * makes overselling impossible without locks. Outputs are OrderReserved or OrderRejected keyed by
 * orderId, and StockChanged keyed by skuId after every change; a later node routes them to topics.
 */
public class ReserveStockProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    private static final Logger LOG = LoggerFactory.getLogger(ReserveStockProcessor.class);

    private final SubmissionRules rules;
    private final Duration holdDuration;

    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, SkuStock> stocks;
    private KeyValueStore<String, SkuOrder> orders;
    private KeyValueStore<HoldKey, Long> holds;
    private DropCounter rejectedStockCommands;
    private DropCounter repeatedSubmissions;

    public ReserveStockProcessor(int maxQuantityPerOrder, Duration holdDuration) {
        this.rules = new SubmissionRules(maxQuantityPerOrder);
        this.holdDuration = holdDuration;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.stocks = context.getStateStore(StoreNames.SKU_STOCK);
        this.orders = context.getStateStore(StoreNames.SKU_ORDER);
        this.holds = context.getStateStore(StoreNames.USER_HOLD);
        this.rejectedStockCommands = DropCounter.register(
                context.metrics(), ProcessorNames.RESERVE_STOCK, "stock-command-rejected");
        this.repeatedSubmissions = DropCounter.register(
                context.metrics(), ProcessorNames.RESERVE_STOCK, "repeated-submission-dropped");
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        SpecificRecord value = record.value();
        if (value instanceof OrderSubmitted submission) {
            decide(submission, record);
        } else if (value instanceof SetStock command) {
            setStock(command, record);
        } else if (value instanceof AdjustStock command) {
            adjustStock(command, record);
        } else {
            throw new UnexpectedEventException(ProcessorNames.RESERVE_STOCK, value);
        }
    }

    private void decide(OrderSubmitted submission, Record<String, SpecificRecord> record) {
        String orderId = submission.getOrderId();
        // route-orders already forwards one submission per order. This check still keeps a decided
        // order unchanged if a second submission gets through, for example from an older build.
        if (!orderId.isBlank() && orders.get(orderId) != null) {
            repeatedSubmissions.increment();
            LOG.debug("Dropped a submission of a decided order orderId={} eventId={}", orderId, submission.getEventId());
            return;
        }

        SkuStock stock = stocks.get(submission.getSkuId());
        HoldKey holdKey = new HoldKey(submission.getSkuId(), submission.getUserId());
        long held = Optional.ofNullable(holds.get(holdKey)).orElse(0L);
        Optional<RejectionReason> reason = rules.rejectionReason(submission, stock, held);

        if (reason.isPresent()) {
            reject(submission, record, reason.get());
        } else {
            reserve(submission, record, stock, holdKey, held);
        }
    }

    private void reject(OrderSubmitted submission, Record<String, SpecificRecord> record, RejectionReason reason) {
        LOG.debug("Rejected orderId={} skuId={} userId={} reason={}",
                submission.getOrderId(), submission.getSkuId(), submission.getUserId(), reason);
        if (!submission.getOrderId().isBlank()) {
            orders.put(submission.getOrderId(), new SkuOrder(OrderStatus.REJECTED,
                    submission.getSkuId(), submission.getUserId(), submission.getQuantity(), null));
        }
        Instant occurredAt = Instant.ofEpochMilli(record.timestamp());
        context.forward(record.withKey(submission.getOrderId())
                .withValue(OutcomeEvents.rejected(submission, occurredAt, reason)));
    }

    private void reserve(OrderSubmitted submission, Record<String, SpecificRecord> record,
                         SkuStock stock, HoldKey holdKey, long held) {
        int quantity = submission.getQuantity();
        // The hold runs from the submission's event time, so a replay computes the same expiry.
        Instant expiresAt = submission.getOccurredAt().plus(holdDuration);
        SkuStock updated = stock.withReservation(quantity);

        stocks.put(submission.getSkuId(), updated);
        holds.put(holdKey, held + quantity);
        orders.put(submission.getOrderId(), new SkuOrder(OrderStatus.RESERVED,
                submission.getSkuId(), submission.getUserId(), quantity, expiresAt.toEpochMilli()));

        Instant occurredAt = Instant.ofEpochMilli(record.timestamp());
        context.forward(record.withKey(submission.getOrderId())
                .withValue(OutcomeEvents.reserved(submission, occurredAt, expiresAt)));
        context.forward(record.withKey(submission.getSkuId())
                .withValue(OutcomeEvents.stockChanged(submission.getSkuId(), updated,
                        submission.getOrderId(), submission.getUserId(), occurredAt, submission.getEventId())));
    }

    private void setStock(SetStock command, Record<String, SpecificRecord> record) {
        SkuStock current = stocks.get(command.getSkuId());
        Optional<String> rejection = StockCommandRules.rejectionOf(command, current);
        if (rejection.isPresent()) {
            rejectStockCommand("SetStock", command.getSkuId(), command.getEventId(), rejection.get());
            return;
        }

        SkuStock base = current == null ? SkuStock.unloaded() : current;
        SkuStock updated = base.withSale(command.getStock(), command.getPerUserLimit(),
                command.getSaleStart().toEpochMilli(), command.getSaleEnd().toEpochMilli());
        applyStockChange(command.getSkuId(), updated, command.getUserId(), command.getEventId(), record);
    }

    private void adjustStock(AdjustStock command, Record<String, SpecificRecord> record) {
        SkuStock current = stocks.get(command.getSkuId());
        Optional<String> rejection = StockCommandRules.rejectionOf(command, current);
        if (rejection.isPresent()) {
            rejectStockCommand("AdjustStock", command.getSkuId(), command.getEventId(), rejection.get());
            return;
        }

        SkuStock updated = current.withAdjustment(command.getDelta());
        applyStockChange(command.getSkuId(), updated, command.getUserId(), command.getEventId(), record);
    }

    private void applyStockChange(String skuId, SkuStock updated, String userId, String causationId,
                                  Record<String, SpecificRecord> record) {
        stocks.put(skuId, updated);
        Instant occurredAt = Instant.ofEpochMilli(record.timestamp());
        context.forward(record.withKey(skuId)
                .withValue(OutcomeEvents.stockChanged(skuId, updated, null, userId, occurredAt, causationId)));
    }

    private void rejectStockCommand(String type, String skuId, String eventId, String reason) {
        rejectedStockCommands.increment();
        LOG.warn("Rejected {} skuId={} eventId={}: {}", type, skuId, eventId, reason);
    }
}
