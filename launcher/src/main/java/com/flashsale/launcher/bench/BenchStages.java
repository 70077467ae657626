package com.flashsale.launcher.bench;

import com.flashsale.launcher.bench.ingest.EndToEndStage;
import com.flashsale.launcher.bench.ingest.IngestStage;
import com.flashsale.launcher.bench.stages.ProjectionStage;
import com.flashsale.launcher.bench.stages.RawKafkaStage;
import com.flashsale.launcher.bench.stages.ReservationStage;
import java.util.List;

/** The stages of {@code flashsale bench}, in the order they run. */
public final class BenchStages {

    private BenchStages() {
    }

    public static List<BenchStage> all() {
        // The end-to-end stage runs last: it takes its rate from the ingest stage's result.
        return List.of(
                new IngestStage(),
                new ReservationStage(),
                new ProjectionStage(),
                new RawKafkaStage(),
                new EndToEndStage());
    }
}
