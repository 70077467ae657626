package com.flashsale.processor.processor;

import com.flashsale.events.OrderCancelled;
import com.flashsale.events.OrderConfirmed;
import com.flashsale.events.OrderDeadLettered;
import com.flashsale.events.OrderExpired;
import com.flashsale.events.OrderRejected;
import com.flashsale.events.OrderReserved;
import com.flashsale.events.OrderRetryScheduled;
import com.flashsale.events.PaymentRejected;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.StreamsMetrics;

/**
 * Counts the order events a stage emits, by event type and, for {@code OrderRejected}, by reason.
 * Each combination is a Kafka Streams sensor in the {@link RecordCounter#SCOPE} group whose metric
 * is named {@code outcome-<type>[-<reason>]-total} and tagged {@value #EVENT_TAG} and
 * {@value #REASON_TAG}. A transaction that aborts after the count makes the task process the
 * record again, so after a crash a count may exceed the events in the topic.
 */
final class OutcomeCounter {

    static final String EVENT_TAG = "event";
    static final String REASON_TAG = "reason";

    private static final Set<Class<?>> OUTCOMES = Set.of(OrderReserved.class, OrderRejected.class,
            OrderConfirmed.class, OrderExpired.class, OrderCancelled.class, OrderRetryScheduled.class,
            OrderDeadLettered.class, PaymentRejected.class);

    private final StreamsMetrics metrics;
    private final String processorName;
    private final Map<String, Sensor> sensors = new HashMap<>();

    OutcomeCounter(StreamsMetrics metrics, String processorName) {
        this.metrics = metrics;
        this.processorName = processorName;
    }

    /** Counts the event when it is an order outcome; other records, such as routed submissions, are ignored. */
    void count(SpecificRecord event) {
        if (event == null || !OUTCOMES.contains(event.getClass())) {
            return;
        }
        String type = event.getClass().getSimpleName();
        String reason = event instanceof OrderRejected rejected ? rejected.getReason().name() : "";
        String operation = reason.isEmpty() ? "outcome-" + type : "outcome-" + type + "-" + reason;
        sensors.computeIfAbsent(operation, name -> metrics.addRateTotalSensor(RecordCounter.SCOPE, processorName,
                name, Sensor.RecordingLevel.INFO, EVENT_TAG, type, REASON_TAG, reason)).record();
    }
}
