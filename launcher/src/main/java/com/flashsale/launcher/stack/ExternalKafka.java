package com.flashsale.launcher.stack;

import java.util.Objects;

/**
 * A Kafka cluster that runs outside the stack, such as a multi-node test cluster, which the stack
 * uses instead of starting its own single broker.
 *
 * @param bootstrapServers comma-separated {@code host:port} list of the cluster's brokers
 * @param replicationFactor of the topics the stack creates and of the processor's internal topics
 */
public record ExternalKafka(String bootstrapServers, short replicationFactor) {

    public ExternalKafka {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replicationFactor must be at least 1, got " + replicationFactor);
        }
    }
}
