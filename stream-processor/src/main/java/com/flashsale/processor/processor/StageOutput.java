package com.flashsale.processor.processor;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The two children of a stage's processor. A forward without a child name would reach both, so
 * every forward names one: events go to the node that splits them by topic, and copies of given-up
 * records go to the stage's own dead-letter sink.
 */
final class StageOutput {

    private final ProcessorContext<String, SpecificRecord> context;
    private final String eventsChild;
    private final String deadLetterChild;

    StageOutput(ProcessorContext<String, SpecificRecord> context, String eventsChild, String deadLetterChild) {
        this.context = context;
        this.eventsChild = eventsChild;
        this.deadLetterChild = deadLetterChild;
    }

    void emit(Record<String, SpecificRecord> record) {
        context.forward(record, eventsChild);
    }

    void deadLetter(Record<String, SpecificRecord> record) {
        context.forward(record, deadLetterChild);
    }
}
