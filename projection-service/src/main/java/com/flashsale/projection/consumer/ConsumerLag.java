package com.flashsale.projection.consumer;

import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;

/** Reads a consumer's lag from what its fetches already returned, without a request to the broker. */
final class ConsumerLag {

    private static final String FETCH_GROUP = "consumer-fetch-manager-metrics";
    private static final String LAG_MAX = "records-lag-max";

    private ConsumerLag() {
    }

    /** Sums {@link Consumer#currentLag} over the assignment; a partition not fetched yet counts as 0. */
    static long total(Consumer<?, ?> consumer) {
        long lag = 0;
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong partitionLag = consumer.currentLag(partition);
            lag += partitionLag.orElse(0);
        }
        return lag;
    }

    /** Returns the client-wide {@code records-lag-max}, or 0 when the consumer has not sampled one yet. */
    static double max(Consumer<?, ?> consumer) {
        for (Map.Entry<MetricName, ? extends Metric> entry : consumer.metrics().entrySet()) {
            MetricName name = entry.getKey();
            if (FETCH_GROUP.equals(name.group()) && LAG_MAX.equals(name.name()) && !name.tags().containsKey("topic")
                    && entry.getValue().metricValue() instanceof Double value && Double.isFinite(value)) {
                return value;
            }
        }
        return 0;
    }
}
