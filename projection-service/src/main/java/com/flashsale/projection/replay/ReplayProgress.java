package com.flashsale.projection.replay;

/** Receives the progress of a replay after each polled batch. */
@FunctionalInterface
public interface ReplayProgress {

    ReplayProgress NONE = (done, total) -> { };

    /**
     * @param done offsets replayed so far, over all partitions
     * @param total offsets to replay, from each partition's start to its end offset at the start;
     *              transaction markers count as offsets but carry no record
     */
    void update(long done, long total);
}
