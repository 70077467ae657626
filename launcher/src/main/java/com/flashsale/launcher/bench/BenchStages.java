package com.flashsale.launcher.bench;

import com.flashsale.launcher.bench.stages.ProjectionStage;
import com.flashsale.launcher.bench.stages.RawKafkaStage;
import com.flashsale.launcher.bench.stages.ReservationStage;
import java.util.List;

/** The stages of {@code flashsale bench}, in the order they run. */
public final class BenchStages {

    private BenchStages() {
    }

    public static List<BenchStage> all() {
        return List.of(new ReservationStage(), new ProjectionStage(), new RawKafkaStage());
    }
}
