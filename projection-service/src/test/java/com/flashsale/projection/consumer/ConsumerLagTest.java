package com.flashsale.projection.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ConsumerLagTest {

    private static final TopicPartition FIRST = new TopicPartition("events", 0);
    private static final TopicPartition SECOND = new TopicPartition("events", 1);

    @Test
    void totalSumsLagOfAssignedPartitions() {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(FIRST, SECOND));
        consumer.updateBeginningOffsets(Map.of(FIRST, 0L, SECOND, 0L));
        consumer.updateEndOffsets(Map.of(FIRST, 70L, SECOND, 30L));
        consumer.seek(FIRST, 20);
        consumer.seek(SECOND, 30);

        long lag = ConsumerLag.total(consumer);

        assertThat(lag).isEqualTo(50);
    }

    @Test
    void maxIsZeroWithoutFetchMetrics() {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");

        double lagMax = ConsumerLag.max(consumer);

        assertThat(lagMax).isZero();
    }
}
