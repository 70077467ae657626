package com.flashsale.launcher.topics;

/**
 * Options of {@code flashsale topics}: the cluster, the topic and whether to follow it.
 *
 * @param bootstrapServers the Kafka cluster
 * @param topic            the full topic name, prefix included
 * @param follow           keep printing new records until Ctrl-C instead of stopping at the end
 */
public record TopicDumpOptions(String bootstrapServers, String topic, boolean follow) {
}
