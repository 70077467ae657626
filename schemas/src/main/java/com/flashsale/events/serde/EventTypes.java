package com.flashsale.events.serde;

import com.flashsale.events.AdjustStock;
import com.flashsale.events.CancelOrder;
import com.flashsale.events.ConfirmPayment;
import com.flashsale.events.OrderCancelled;
import com.flashsale.events.OrderConfirmed;
import com.flashsale.events.OrderDeadLettered;
import com.flashsale.events.OrderExpired;
import com.flashsale.events.OrderRejected;
import com.flashsale.events.OrderReserved;
import com.flashsale.events.OrderRetryScheduled;
import com.flashsale.events.OrderSubmitted;
import com.flashsale.events.PaymentRejected;
import com.flashsale.events.SetStock;
import com.flashsale.events.StockChanged;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/** The event classes this build can write, and every earlier schema version it can still read. */
public final class EventTypes {

    /** Every record type that appears on a topic, in its current version. */
    public static final List<Class<? extends SpecificRecord>> CURRENT = List.of(
            OrderSubmitted.class,
            SetStock.class,
            AdjustStock.class,
            ConfirmPayment.class,
            CancelOrder.class,
            OrderReserved.class,
            OrderRejected.class,
            OrderConfirmed.class,
            OrderExpired.class,
            OrderCancelled.class,
            OrderRetryScheduled.class,
            OrderDeadLettered.class,
            PaymentRejected.class,
            StockChanged.class);

    /**
     * Classpath resources of schema versions that producers may still have written. Each must keep
     * the full name of its current type, so that the current class can resolve it.
     */
    static final List<String> HISTORY = List.of("/schema-history/OrderSubmitted.v1.avsc");

    private EventTypes() {
    }

    /** Parses every earlier schema version kept as a resource. */
    public static List<Schema> history() {
        return HISTORY.stream().map(EventTypes::parseResource).toList();
    }

    private static Schema parseResource(String path) {
        try (InputStream in = EventTypes.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Schema resource is missing from the classpath: " + path);
            }
            return new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read schema resource " + path, e);
        }
    }
}
