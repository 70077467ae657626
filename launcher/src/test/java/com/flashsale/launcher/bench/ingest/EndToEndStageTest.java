package com.flashsale.launcher.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.launcher.bench.IngestResult;
import com.flashsale.launcher.bench.LatencyPoint;
import com.flashsale.launcher.bench.RateSweep;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndToEndStageTest {

    @Test
    void rateIsHalfOfSustainedIngest() {
        RateSweep product = new RateSweep("POST /v1/orders", List.of(
                new LatencyPoint(800, 799, 3, 20, 30, 6_400, 0),
                new LatencyPoint(1_200, 1_195, 4, 40, 60, 9_600, 0),
                new LatencyPoint(1_600, 1_100, 900, 3_000, 3_200, 12_800, 0)));
        RateSweep baseline = new RateSweep("POST /v1/benchmark/orders", List.of());

        double rate = EndToEndStage.rateFrom(Optional.of(new IngestResult(product, baseline)));

        assertThat(rate).isEqualTo(597);
    }

    @Test
    void fallbackRateWithoutIngestResult() {
        assertThat(EndToEndStage.rateFrom(Optional.empty())).isEqualTo(EndToEndStage.FALLBACK_RATE);
    }

    @Test
    void fallbackRateWhenNothingWasSustained() {
        RateSweep unsustained = new RateSweep("POST /v1/orders", List.of(
                new LatencyPoint(400, 200, 900, 3_000, 3_200, 3_200, 0)));

        double rate = EndToEndStage.rateFrom(Optional.of(new IngestResult(unsustained, unsustained)));

        assertThat(rate).isEqualTo(EndToEndStage.FALLBACK_RATE);
    }
}
