package com.flashsale.processor.topics;

/**
 * Names of the internal repartition topics. Kafka Streams creates each one as
 * {@code <application.id>-<name>-repartition}, with the partition count given in the topology.
 */
public final class RepartitionTopics {

    /** Submissions keyed by orderId, read by the route-orders stage. */
    public static final String SUBMISSIONS_BY_ORDER = "submissions-by-order";

    /** First submissions of each order keyed by skuId again, read by the reserve-stock stage. */
    public static final String SUBMISSIONS_BY_SKU = "submissions-by-sku";

    private RepartitionTopics() {
    }

    /** Returns the full topic name that Kafka Streams gives a repartition topic of this application. */
    public static String topicName(String applicationId, String name) {
        return applicationId + "-" + name + "-repartition";
    }
}
