package com.flashsale.processor.processor;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The two children of a stage's processor. A forward without a child name would reach both, so
 * every forward names one: events go to the node that splits them by topic, and copies of given-up
 * records go to the stage's own dead-letter sink. Every emitted order outcome is counted.
 */
final class StageOutput {

    private final ProcessorContext<String, SpecificRecord> context;
    private final String eventsChild;
    private final String deadLetterChild;
    private final OutcomeCounter outcomes;

    StageOutput(ProcessorContext<String, SpecificRecord> context, String processorName, String eventsChild,
                String deadLetterChild) {
        this.context = context;
        this.eventsChild = eventsChild;
        this.deadLetterChild = deadLetterChild;
        this.outcomes = new OutcomeCounter(context.metrics(), processorName);
    }

    void emit(Record<String, SpecificRecord> record) {
        context.forward(record, eventsChild);
        outcomes.count(record.value());
    }

    void deadLetter(Record<String, SpecificRecord> record) {
        context.forward(record, deadLetterChild);
    }
}
