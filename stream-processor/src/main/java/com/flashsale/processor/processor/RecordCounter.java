package com.flashsale.processor.processor;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.StreamsMetrics;

/**
 * Counter of records a processor dropped, rejected, retried or dead-lettered, and of holds it
 * expired. It is registered with Kafka Streams' metrics (JMX group {@code stream-flashsale-metrics})
 * as {@code <name>-total} and {@code <name>-rate}.
 */
public final class RecordCounter {

    public static final String SCOPE = "flashsale";

    private final Sensor sensor;

    private RecordCounter(Sensor sensor) {
        this.sensor = sensor;
    }

    /** Registers the counter, or returns the existing one when another task of the thread did. */
    public static RecordCounter register(StreamsMetrics metrics, String processorName, String name) {
        return new RecordCounter(metrics.addRateTotalSensor(SCOPE, processorName, name, Sensor.RecordingLevel.INFO));
    }

    public void increment() {
        sensor.record();
    }
}
