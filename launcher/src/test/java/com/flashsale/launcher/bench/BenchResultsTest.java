package com.flashsale.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchResultsTest {

    private static final MachineInfo MACHINE = new MachineInfo(2, 24_000, "Linux", "Temurin 17", Map.of("partitions", "3"));

    @Test
    void ratioDividesPipelineByBaseline() {
        assertThat(new Comparison(300, 400).ratio()).isEqualTo(0.75);
    }

    @Test
    void ratioWithoutBaselineIsNaN() {
        assertThat(new Comparison(300, 0).ratio()).isNaN();
        assertThat(new Comparison(Double.NaN, 400).ratio()).isNaN();
    }

    @Test
    void maxSustainableSkipsStepsThatFellBehind() {
        RateSweep sweep = new RateSweep("POST /v1/orders", List.of(
                point(100, 100, 20, 0),
                point(200, 199, 40, 0),
                point(400, 300, 900, 0),      // achieved 75 % of the offered rate
                point(300, 295, 1_500, 0),    // p99 above one second
                point(250, 250, 80, 10)));    // 4 % errors

        assertThat(sweep.maxSustainablePerSecond()).isEqualTo(199);
    }

    @Test
    void maxSustainableOfAnOverloadedSweepIsZero() {
        RateSweep sweep = new RateSweep("POST /v1/orders", List.of(point(100, 50, 2_000, 0)));

        assertThat(sweep.maxSustainablePerSecond()).isZero();
    }

    @Test
    void goalsCompareRatiosAndLatency() {
        BenchResults results = sample();

        List<Goal> goals = results.goals();

        assertThat(goals).extracting(Goal::name).containsExactly(
                "ingest / baseline, max sustainable requests/s",
                "reservation, 64 SKUs / EOS pass-through",
                "projection, H2 / raw JDBC batches",
                "end-to-end p99 at half load, ms");
        assertThat(goals.get(0).actual()).isCloseTo(0.5, within(1e-9));
        assertThat(goals.get(0).met()).isFalse();
        assertThat(goals.get(1).actual()).isCloseTo(0.8, within(1e-9));
        assertThat(goals.get(1).met()).isTrue();
        assertThat(goals.get(2).met()).isTrue();
        assertThat(goals.get(3).actual()).isEqualTo(300);
        assertThat(goals.get(3).met()).isFalse();
    }

    @Test
    void missingStageIsAGoalNotMet() {
        BenchResults results = new BenchResults.Builder(Instant.EPOCH, "quick", MACHINE)
                .stageFailed("ingest", "port taken")
                .build();

        Goal ingest = results.goals().get(0);
        assertThat(ingest.actual()).isNaN();
        assertThat(ingest.met()).isFalse();
        assertThat(results.stageErrors()).containsEntry("ingest", "port taken");
    }

    @Test
    void jsonCarriesFiguresRatiosAndGoals() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ResultsJson.toJson(sample()));

        assertThat(json.path("startedAt").asText()).isEqualTo("2026-12-04T10:00:00Z");
        assertThat(json.path("mode").asText()).isEqualTo("quick");
        assertThat(json.path("machine").path("cores").asInt()).isEqualTo(2);
        assertThat(json.path("machine").path("settings").path("partitions").asText()).isEqualTo("3");
        JsonNode ingest = json.path("ingest");
        assertThat(ingest.path("product").path("points")).hasSize(2);
        assertThat(ingest.path("product").path("points").get(0).path("p999Ms").asDouble()).isEqualTo(30);
        assertThat(ingest.path("maxSustainable").path("ratio").asDouble()).isEqualTo(0.5);
        assertThat(json.path("reservation").get(0).path("throughput").path("ratio").asDouble()).isCloseTo(0.8, within(1e-9));
        assertThat(json.path("projection").get(0).path("records").asLong()).isEqualTo(10_000);
        assertThat(json.path("endToEnd").path("p99Ms").asDouble()).isEqualTo(300);
        assertThat(json.path("endToEndLight").path("ratePerSecond").asDouble()).isEqualTo(10);
        assertThat(json.path("rawKafka").isNull()).isTrue();
        assertThat(json.path("goals")).hasSize(4);
        assertThat(json.path("goals").get(1).path("met").asBoolean()).isTrue();
    }

    @Test
    void chartIsAReadablePng(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("chart.png");

        BenchChart.write(sample(), file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isGreaterThan(800);
    }

    @Test
    void tableNamesEveryGoal() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        ResultsTable.print(sample(), new PrintStream(buffer, true, StandardCharsets.UTF_8));

        String table = buffer.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("max sustainable: pipeline 100/s, baseline 200/s, ratio 0.50");
        assertThat(table).contains("reservation, 64 SKUs");
        assertThat(table).contains("end-to-end p99 at half load, ms");
        assertThat(table).contains("End to end, light load, 10 orders/s: 100 decisions seen, 0 missing, p50 80 ms");
    }

    private static BenchResults sample() {
        IngestResult ingest = new IngestResult(
                new RateSweep("POST /v1/orders", List.of(point(100, 100, 20, 0), point(200, 120, 2_000, 0))),
                new RateSweep("POST /v1/benchmark/orders", List.of(point(100, 100, 5, 0), point(200, 200, 8, 0))));
        return new BenchResults.Builder(Instant.parse("2026-12-04T10:00:00Z"), "quick", MACHINE)
                .ingest(ingest)
                .addReservation(new ThroughputResult("reservation, 64 SKUs", "events/s", 20_000,
                        new Comparison(4_000, 5_000), "Kafka Streams pass-through"))
                .addProjection(new ThroughputResult("projection, H2", "rows/s", 10_000,
                        new Comparison(2_000, 3_000), "JDBC batches of 500"))
                .endToEnd(new EndToEndResult(50, 500, 0, 120, 300))
                .endToEndLight(new EndToEndResult(10, 100, 0, 80, 150))
                .build();
    }

    private static LatencyPoint point(double offered, double achieved, double p99, long errors) {
        return new LatencyPoint(offered, achieved, p99 / 4, p99, p99 * 1.5, (long) offered * 10, errors * 25);
    }
}
