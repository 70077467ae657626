package com.flashsale.launcher.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one {@code flashsale bench} run measured. The end to end latency is measured at half
 * the ingest's max sustainable rate ({@code endToEnd}, the goal's load) and at a light rate
 * ({@code endToEndLight}). A stage that failed leaves its part empty
 * and its error in {@link #stageErrors()}, so one broken stage does not hide the others.
 */
public record BenchResults(
        Instant startedAt,
        String mode,
        MachineInfo machine,
        Optional<IngestResult> ingest,
        List<ThroughputResult> reservation,
        List<ThroughputResult> projection,
        Optional<EndToEndResult> endToEnd,
        Optional<EndToEndResult> endToEndLight,
        Optional<RawKafkaResult> rawKafka,
        Map<String, String> stageErrors) {

    public static final double INGEST_GOAL = 0.60;
    public static final double RESERVATION_GOAL = 0.70;
    public static final double PROJECTION_GOAL = 0.50;
    public static final double END_TO_END_P99_GOAL_MS = 250;

    public BenchResults {
        reservation = List.copyOf(reservation);
        projection = List.copyOf(projection);
        stageErrors = Map.copyOf(stageErrors);
    }

    /** Returns the targets the pipeline aims for, as ratios to the baselines on the same machine. */
    @JsonProperty
    public List<Goal> goals() {
        List<Goal> goals = new ArrayList<>();
        goals.add(new Goal("ingest / baseline, max sustainable requests/s", INGEST_GOAL,
                ingest.map(i -> i.maxSustainable().ratio()).orElse(Double.NaN), false));
        for (ThroughputResult result : reservation) {
            goals.add(new Goal(result.name() + " / EOS pass-through", RESERVATION_GOAL, result.throughput().ratio(), false));
        }
        for (ThroughputResult result : projection) {
            goals.add(new Goal(result.name() + " / raw JDBC batches", PROJECTION_GOAL, result.throughput().ratio(), false));
        }
        goals.add(new Goal("end-to-end p99 at half load, ms", END_TO_END_P99_GOAL_MS,
                endToEnd.map(EndToEndResult::p99Ms).orElse(Double.NaN), true));
        return goals;
    }

    /** Collects the stages' results while a run goes on; stages may add from any thread. */
    public static final class Builder {

        private final Instant startedAt;
        private final String mode;
        private final MachineInfo machine;
        private IngestResult ingest;
        private final List<ThroughputResult> reservation = new ArrayList<>();
        private final List<ThroughputResult> projection = new ArrayList<>();
        private EndToEndResult endToEnd;
        private EndToEndResult endToEndLight;
        private RawKafkaResult rawKafka;
        private final Map<String, String> stageErrors = new LinkedHashMap<>();

        public Builder(Instant startedAt, String mode, MachineInfo machine) {
            this.startedAt = startedAt;
            this.mode = mode;
            this.machine = machine;
        }

        public synchronized Builder ingest(IngestResult result) {
            this.ingest = result;
            return this;
        }

        public synchronized Builder addReservation(ThroughputResult result) {
            reservation.add(result);
            return this;
        }

        public synchronized Builder addProjection(ThroughputResult result) {
            projection.add(result);
            return this;
        }

        public synchronized Builder endToEnd(EndToEndResult result) {
            this.endToEnd = result;
            return this;
        }

        public synchronized Builder endToEndLight(EndToEndResult result) {
            this.endToEndLight = result;
            return this;
        }

        public synchronized Builder rawKafka(RawKafkaResult result) {
            this.rawKafka = result;
            return this;
        }

        /** Records that a stage failed, with a message for the operator. */
        public synchronized Builder stageFailed(String stage, String message) {
            stageErrors.put(stage, message);
            return this;
        }

        /** Returns the ingest result so far, from which the end-to-end stage derives its rate. */
        public synchronized Optional<IngestResult> ingestSoFar() {
            return Optional.ofNullable(ingest);
        }

        public synchronized BenchResults build() {
            return new BenchResults(startedAt, mode, machine, Optional.ofNullable(ingest), reservation, projection,
                    Optional.ofNullable(endToEnd), Optional.ofNullable(endToEndLight), Optional.ofNullable(rawKafka),
                    stageErrors);
        }
    }
}
