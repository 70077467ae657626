package com.flashsale.processor.processor;

import com.flashsale.events.OrderSubmitted;
import com.flashsale.processor.state.DueKey;
import com.flashsale.processor.state.HoldKey;
import com.flashsale.processor.state.OrderStatus;
import com.flashsale.processor.state.SkuOrder;
import com.flashsale.processor.state.SkuStock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The reserve-stock stage's stores, changed only together: a SKU's stock, its orders, each
 * user's reserved and bought units, and the deadlines of the reservations. Every method that moves units updates all of them, so
 * that {@code available + reserved + sold == stock} and a user's held units (RESERVED plus
 * CONFIRMED) stay in step with the orders.
 */
final class SkuLedger {

    private final KeyValueStore<String, SkuStock> stocks;
    private final KeyValueStore<String, SkuOrder> orders;
    private final KeyValueStore<HoldKey, Long> holds;
    private final KeyValueStore<String, String> expiries;

    SkuLedger(KeyValueStore<String, SkuStock> stocks, KeyValueStore<String, SkuOrder> orders,
              KeyValueStore<HoldKey, Long> holds, KeyValueStore<String, String> expiries) {
        this.stocks = stocks;
        this.orders = orders;
        this.holds = holds;
        this.expiries = expiries;
    }

    /** Returns the SKU's stock, or null when it has never been loaded. */
    SkuStock stock(String skuId) {
        return stocks.get(skuId);
    }

    void putStock(String skuId, SkuStock stock) {
        stocks.put(skuId, stock);
    }

    /** Returns the order, or null when this stage has never seen it. */
    SkuOrder order(String orderId) {
        return orders.get(orderId);
    }

    /** Returns the user's units of the SKU in RESERVED and CONFIRMED orders. */
    long heldUnits(String skuId, String userId) {
        return Optional.ofNullable(holds.get(new HoldKey(skuId, userId))).orElse(0L);
    }

    /** Records an order that ends without stock, such as REJECTED or DEAD_LETTERED, or waits as RETRYING. */
    void putUnreserved(OrderSubmitted submission, OrderStatus status) {
        orders.put(submission.getOrderId(), new SkuOrder(status,
                submission.getSkuId(), submission.getUserId(), submission.getQuantity(), null, null));
    }

    /**
     * Reserves the submission's units; the caller has checked the rules against {@code stock} and
     * {@code heldUnits}, which it read from this ledger while processing the same record, so they
     * are still current. Returns the SKU's new stock.
     */
    SkuStock reserve(OrderSubmitted submission, SkuStock stock, long heldUnits, long expiresAtMillis,
                     String reservationEventId) {
        String skuId = submission.getSkuId();
        int quantity = submission.getQuantity();
        SkuStock updated = stock.withReservation(quantity);

        stocks.put(skuId, updated);
        holds.put(new HoldKey(skuId, submission.getUserId()), heldUnits + quantity);
        orders.put(submission.getOrderId(), new SkuOrder(OrderStatus.RESERVED,
                skuId, submission.getUserId(), quantity, expiresAtMillis, reservationEventId));
        expiries.put(DueKey.of(expiresAtMillis, submission.getOrderId()), submission.getOrderId());
        return updated;
    }

    /** Sells a RESERVED order's units; the user keeps holding them. Returns the SKU's new stock. */
    SkuStock confirm(String orderId, SkuOrder order) {
        SkuStock updated = stocks.get(order.skuId()).withConfirmation(order.quantity());

        stocks.put(order.skuId(), updated);
        orders.put(orderId, order.withStatus(OrderStatus.CONFIRMED));
        expiries.delete(DueKey.of(order.expiresAt(), orderId));
        return updated;
    }

    /**
     * Gives a RESERVED order's units back to the SKU and the user, ending the order as EXPIRED or
     * CANCELLED. Returns the SKU's new stock.
     */
    SkuStock release(String orderId, SkuOrder order, OrderStatus endStatus) {
        SkuStock updated = stocks.get(order.skuId()).withRelease(order.quantity());
        HoldKey holdKey = new HoldKey(order.skuId(), order.userId());
        long held = heldUnits(order.skuId(), order.userId()) - order.quantity();

        stocks.put(order.skuId(), updated);
        if (held > 0) {
            holds.put(holdKey, held);
        } else {
            holds.delete(holdKey);
        }
        orders.put(orderId, order.withStatus(endStatus));
        expiries.delete(DueKey.of(order.expiresAt(), orderId));
        return updated;
    }

    /**
     * Removes and returns the orderIds whose hold ended at or before the wall-clock timestamp, in
     * deadline order. An order confirmed or cancelled in time has no entry left.
     */
    List<String> takeDueHolds(long wallClockMillis) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> entries = expiries.all()) {
            while (entries.hasNext()) {
                KeyValue<String, String> entry = entries.next();
                if (DueKey.dueAtOf(entry.key) > wallClockMillis) {
                    break;
                }
                due.add(entry);
            }
        }
        List<String> orderIds = new ArrayList<>();
        for (KeyValue<String, String> entry : due) {
            expiries.delete(entry.key);
            orderIds.add(entry.value);
        }
        return orderIds;
    }
}
