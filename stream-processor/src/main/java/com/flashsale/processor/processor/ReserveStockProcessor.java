package com.flashsale.processor.processor;

import com.flashsale.events.AdjustStock;
import com.flashsale.events.OrderReserved;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.RejectionReason;
import com.flashsale.events.SetStock;
import com.flashsale.processor.state.OrderStatus;
import com.flashsale.processor.state.SkuOrder;
import com.flashsale.processor.state.SkuStock;
import com.flashsale.processor.topology.ProcessorNames;
import com.flashsale.processor.topology.StoreNames;
import com.flashsale.processor.topology.TopologySettings;
import java.time.Instant;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reserve-stock stage: input is keyed by skuId, so one task owns all stock of a SKU and
 * decides its submissions, payments and cancels one at a time, in offset order. That single
 * writer per SKU is what makes overselling impossible without locks. A wall-clock punctuator
 * expires unpaid holds and runs due retries. Outputs are order events keyed by orderId and a
 * StockChanged keyed by skuId after every change; a later node routes them to topics.
 */
public class ReserveStockProcessor
        implements Processor<String, SpecificRecord, String, SpecificRecord>, RetryHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ReserveStockProcessor.class);

    private final SubmissionRules rules;
    private final TopologySettings settings;

    private ProcessorContext<String, SpecificRecord> context;
    private SkuLedger ledger;
    private StageOutput output;
    private RetryScheduler retries;
    private HoldLifecycle holds;
    private RecordCounter rejectedStockCommands;
    private RecordCounter repeatedSubmissions;

    public ReserveStockProcessor(TopologySettings settings) {
        this.rules = new SubmissionRules(settings.maxQuantityPerOrder());
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.ledger = new SkuLedger(context.getStateStore(StoreNames.SKU_STOCK), context.getStateStore(StoreNames.SKU_ORDER),
                context.getStateStore(StoreNames.USER_HOLD), context.getStateStore(StoreNames.HOLD_EXPIRY));
        this.output = new StageOutput(context, ProcessorNames.RESERVE_STOCK, ProcessorNames.SPLIT_OUTCOMES,
                ProcessorNames.RESERVE_DEAD_LETTER_SINK);
        this.retries = new RetryScheduler(context.getStateStore(StoreNames.RESERVE_RETRY), settings.retryDelays(), output,
                counter("retry-scheduled"), counter("dead-lettered"));
        this.holds = new HoldLifecycle(ledger, output,
                counter("hold-expired"), counter("payment-rejected"), counter("order-command-ignored"),
                counter("foreign-cancel-ignored"));
        this.rejectedStockCommands = counter("stock-command-rejected");
        this.repeatedSubmissions = counter("repeated-submission-dropped");
        context.schedule(settings.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        SpecificRecord value = record.value();
        Optional<OrderCommand> command = OrderCommand.of(value);
        if (value instanceof OrderSubmitted submission) {
            submit(submission, record);
        } else if (command.isPresent()) {
            applyCommand(command.get(), record);
        } else if (value instanceof SetStock stockCommand) {
            setStock(stockCommand, record);
        } else if (value instanceof AdjustStock stockCommand) {
            adjustStock(stockCommand, record);
        } else {
            throw new UnexpectedEventException(ProcessorNames.RESERVE_STOCK, value);
        }
    }

    /** Runs due retries before expiring holds, so that a retried payment still meets a hold due in the same tick. */
    private void punctuate(long timestamp) {
        retries.runDue(timestamp, this);
        holds.expireDueHolds(timestamp);
    }

    private void submit(OrderSubmitted submission, Record<String, SpecificRecord> record) {
        String orderId = submission.getOrderId();
        // route-orders already forwards one submission per order. This check still keeps a decided
        // or retrying order unchanged if a second submission gets through, for example from an older build.
        if (!orderId.isBlank() && ledger.order(orderId) != null) {
            repeatedSubmissions.increment();
            LOG.debug("Dropped a submission of a known order orderId={} eventId={}", orderId, submission.getEventId());
            return;
        }

        Optional<String> undecided = decide(submission, record.timestamp());
        if (undecided.isPresent()) {
            ledger.putUnreserved(submission, OrderStatus.RETRYING);
            RetryScheduler.Target target = new RetryScheduler.Target(orderId, submission.getSkuId(),
                    submission.getUserId(), submission.getEventId(), submission.getSkuId());
            retries.scheduleFirst(record, target, context.recordMetadata(), undecided.get(), context.currentSystemTimeMs());
        }
    }

    private void applyCommand(OrderCommand command, Record<String, SpecificRecord> record) {
        Optional<String> undecided = applyToDecidedOrder(command, record.timestamp());
        if (undecided.isPresent()) {
            SkuOrder order = ledger.order(command.orderId());
            String userId = order == null ? command.userId() : order.userId();
            // order-commands is keyed by orderId, so that is the key the dead-letter copy gets.
            RetryScheduler.Target target = new RetryScheduler.Target(command.orderId(), record.key(), userId,
                    command.eventId(), command.orderId());
            retries.scheduleFirst(record, target, context.recordMetadata(), undecided.get(), context.currentSystemTimeMs());
        }
    }

    @Override
    public Optional<String> retry(SpecificRecord event, long punctuationTimestamp) {
        if (event instanceof OrderSubmitted submission) {
            SkuOrder order = ledger.order(submission.getOrderId());
            if (order != null && order.status() != OrderStatus.RETRYING) {
                return Optional.empty();
            }
            return decide(submission, punctuationTimestamp);
        }
        return OrderCommand.of(event)
                .flatMap(command -> applyToDecidedOrder(command, punctuationTimestamp));
    }

    @Override
    public void giveUp(SpecificRecord event, long punctuationTimestamp) {
        // A command given up on leaves its order as it is; only a submission ends its order.
        if (event instanceof OrderSubmitted submission) {
            ledger.putUnreserved(submission, OrderStatus.DEAD_LETTERED);
        }
    }

    /**
     * Decides a submission: reserves its units or rejects it, with events at the given time.
     *
     * @return why it cannot be decided yet, or empty when it was decided
     */
    private Optional<String> decide(OrderSubmitted submission, long occurredAtMillis) {
        SkuStock stock = ledger.stock(submission.getSkuId());
        long held = ledger.heldUnits(submission.getSkuId(), submission.getUserId());
        Optional<RejectionReason> reason = rules.rejectionReason(submission, stock, held);

        if (reason.isPresent() && reason.get() == RejectionReason.UNKNOWN_SKU) {
            // The merchant may load the stock a moment after the sale's first orders arrive.
            return Optional.of("no stock is loaded for skuId=" + submission.getSkuId());
        }
        if (reason.isPresent()) {
            reject(submission, occurredAtMillis, reason.get());
        } else {
            reserve(submission, stock, held, occurredAtMillis);
        }
        return Optional.empty();
    }

    /**
     * Applies a payment or cancel to its order.
     *
     * @return why it cannot be applied yet, or empty when it was applied or ignored
     */
    private Optional<String> applyToDecidedOrder(OrderCommand command, long occurredAtMillis) {
        SkuOrder order = ledger.order(command.orderId());
        if (order == null) {
            return Optional.of("reserve-stock has no order orderId=" + command.orderId());
        }
        if (order.status() == OrderStatus.RETRYING) {
            return Optional.of("order orderId=" + command.orderId() + " is not decided yet");
        }
        if (command.payment()) {
            holds.pay(command, order, occurredAtMillis);
        } else {
            holds.cancel(command, order, occurredAtMillis);
        }
        return Optional.empty();
    }

    private void reject(OrderSubmitted submission, long occurredAtMillis, RejectionReason reason) {
        LOG.debug("Rejected orderId={} skuId={} userId={} reason={}",
                submission.getOrderId(), submission.getSkuId(), submission.getUserId(), reason);
        if (!submission.getOrderId().isBlank()) {
            ledger.putUnreserved(submission, OrderStatus.REJECTED);
        }
        Instant occurredAt = Instant.ofEpochMilli(occurredAtMillis);
        output.emit(new Record<>(submission.getOrderId(),
                OutcomeEvents.rejected(submission, occurredAt, reason), occurredAtMillis));
    }

    private void reserve(OrderSubmitted submission, SkuStock stock, long heldUnits, long occurredAtMillis) {
        // The hold runs from the submission's event time, so a replay computes the same expiry.
        Instant expiresAt = submission.getOccurredAt().plus(settings.holdDuration());
        Instant occurredAt = Instant.ofEpochMilli(occurredAtMillis);
        OrderReserved reserved = OutcomeEvents.reserved(submission, occurredAt, expiresAt);

        SkuStock updated = ledger.reserve(submission, stock, heldUnits, expiresAt.toEpochMilli(), reserved.getEventId());

        output.emit(new Record<>(submission.getOrderId(), reserved, occurredAtMillis));
        output.emit(new Record<>(submission.getSkuId(),
                OutcomeEvents.stockChanged(submission.getSkuId(), updated, submission.getOrderId(),
                        submission.getUserId(), occurredAt, submission.getEventId()),
                occurredAtMillis));
    }

    private void setStock(SetStock command, Record<String, SpecificRecord> record) {
        SkuStock current = ledger.stock(command.getSkuId());
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
        SkuStock current = ledger.stock(command.getSkuId());
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
        ledger.putStock(skuId, updated);
        Instant occurredAt = Instant.ofEpochMilli(record.timestamp());
        output.emit(record.withKey(skuId)
                .withValue(OutcomeEvents.stockChanged(skuId, updated, null, userId, occurredAt, causationId)));
    }

    private void rejectStockCommand(String type, String skuId, String eventId, String reason) {
        rejectedStockCommands.increment();
        LOG.warn("Rejected {} skuId={} eventId={}: {}", type, skuId, eventId, reason);
    }

    private RecordCounter counter(String name) {
        return RecordCounter.register(context.metrics(), ProcessorNames.RESERVE_STOCK, name);
    }
}
