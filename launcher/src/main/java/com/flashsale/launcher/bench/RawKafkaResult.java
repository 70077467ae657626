package com.flashsale.launcher.bench;

/**
 * The broker's ceiling on this machine, from Kafka's own performance tools with the pipeline's
 * producer settings ({@code acks=all}, idempotent) and record size.
 *
 * @param recordBytes              size of each record's value
 * @param producerRecordsPerSecond what {@code kafka-producer-perf-test} reported
 * @param producerP99Ms            its 99th percentile latency
 * @param consumerRecordsPerSecond what {@code kafka-consumer-perf-test} reported
 */
public record RawKafkaResult(int recordBytes, double producerRecordsPerSecond, double producerP99Ms,
                             double consumerRecordsPerSecond) {
}
