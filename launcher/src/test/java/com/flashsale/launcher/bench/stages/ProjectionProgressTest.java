package com.flashsale.launcher.bench.stages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProjectionProgressTest {

    @Test
    void countComesFromHistogramCountLine() {
        String exposition = """
                # HELP flashsale_projection_event_lag_seconds Time from an event's occurredAt to the commit
                # TYPE flashsale_projection_event_lag_seconds histogram
                flashsale_projection_event_lag_seconds_bucket{le="0.005"} 0
                flashsale_projection_event_lag_seconds_bucket{le="+Inf"} 12480
                flashsale_projection_event_lag_seconds_count 12480
                flashsale_projection_event_lag_seconds_sum 9876.5
                """;

        assertThat(ProjectionProgress.parse(exposition)).hasValue(12_480);
    }

    @Test
    void labelsAndTimestampAreSkipped() {
        String exposition = "flashsale_projection_event_lag_seconds_count{instance=\"a\"} 7.0 1733300000000\n";

        assertThat(ProjectionProgress.parse(exposition)).hasValue(7);
    }

    @Test
    void seriesWithLongerNameIsIgnored() {
        String exposition = "flashsale_projection_event_lag_seconds_count_total 99\n";

        assertThat(ProjectionProgress.parse(exposition)).isEmpty();
    }

    @Test
    void absentSeriesGivesNoCount() {
        assertThat(ProjectionProgress.parse("jvm_threads_current 30\n")).isEmpty();
    }
}
