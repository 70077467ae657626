package com.flashsale.projection.db;

/** One row of {@code rebuild_progress}: where a rebuild continues in one partition. */
public record RebuildOffset(String topic, int kafkaPartition, long nextOffset) {
}
