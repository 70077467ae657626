package com.flashsale.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flashsale.launcher.bench.BenchOptions;
import com.flashsale.launcher.topics.TopicDumpOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void demoWithoutOptionsUsesDefaults() {
        Command command = CommandLine.parse(List.of("demo"));

        assertThat(command).isInstanceOf(Command.Demo.class);
        DemoOptions options = ((Command.Demo) command).options();
        assertThat(options.skus()).isEqualTo(5);
        assertThat(options.stock()).isEqualTo(50);
        assertThat(options.shoppers()).isEqualTo(2000);
        assertThat(options.submissions()).isEqualTo(4000);
        assertThat(options.report()).isEmpty();
        assertThat(options.keepRunning()).isFalse();
        assertThat(options.remote()).isEmpty();
        assertThat(options.hold()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.payRatio()).isEqualTo(0.5);
        assertThat(options.cancelRatio()).isEqualTo(0.2);
        assertThat(options.basePort()).isEmpty();
        assertThat(options.dataDirectory()).isEmpty();
    }

    @Test
    void demoReadsLifecycleAndStackOptions() {
        DemoOptions options = CommandLine.parseDemo(List.of("--hold", "30", "--pay-ratio=0.6", "--cancel-ratio", "0.4",
                "--base-port", "18070", "--data-dir", "/tmp/demo"));

        assertThat(options.hold()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.payRatio()).isEqualTo(0.6);
        assertThat(options.cancelRatio()).isEqualTo(0.4);
        assertThat(options.basePort()).hasValue(18070);
        assertThat(options.dataDirectory()).contains(Path.of("/tmp/demo"));
    }

    @Test
    void ratiosAboveOneInTotalAreRejected() {
        assertThatThrownBy(() -> CommandLine.parseDemo(List.of("--pay-ratio", "0.9", "--cancel-ratio", "0.2")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("add up to more than 1");
    }

    @Test
    void ratioOutsideZeroToOneIsRejected() {
        assertThatThrownBy(() -> CommandLine.parseDemo(List.of("--pay-ratio", "1.5")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--pay-ratio must be between 0 and 1, got 1.5");
        assertThatThrownBy(() -> CommandLine.parseDemo(List.of("--cancel-ratio", "NaN")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--cancel-ratio must be between 0 and 1");
    }

    @Test
    void basePortWithoutRoomForEightPortsIsRejected() {
        assertThatThrownBy(() -> CommandLine.parseDemo(List.of("--base-port", "65530")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--base-port must be between 1024 and 65528");
    }

    @Test
    void stackOptionsDoNotGoWithRemoteStack() {
        assertThatThrownBy(() -> CommandLine.parseDemo(List.of("--ingest-url", "http://127.0.0.1:8080",
                "--projection-url", "http://127.0.0.1:8090", "--jwt-secret-file", "secret", "--base-port", "18070")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("do not go with --ingest-url");
    }

    @Test
    void demoReadsOptionsInBothForms() {
        DemoOptions options = CommandLine.parseDemo(List.of("--skus", "2", "--stock=10", "--shoppers", "30",
                "--submissions=40", "--report", "out/report.json", "--keep-running", "--seed", "7"));

        assertThat(options.skus()).isEqualTo(2);
        assertThat(options.stock()).isEqualTo(10);
        assertThat(options.shoppers()).isEqualTo(30);
        assertThat(options.submissions()).isEqualTo(40);
        assertThat(options.report()).contains(Path.of("out/report.json"));
        assertThat(options.keepRunning()).isTrue();
        assertThat(options.seed()).isEqualTo(7);
    }

    @Test
    void demoReadsRemoteStack() {
        DemoOptions options = CommandLine.parseDemo(List.of("--ingest-url", "http://127.0.0.1:8080/",
                "--projection-url", "http://127.0.0.1:8090", "--jwt-secret-file", ".flashsale/jwt-secret"));

        assertThat(options.remote()).isPresent();
        assertThat(options.remote().get().ingestUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(options.remote().get().jwtSecretFile()).isEqualTo(Path.of(".flashsale/jwt-secret"));
    }

    @Test
    void remoteOptionsMustComeTogether() {
        assertThatThrownBy(() -> CommandLine.parseDemo(List.of("--ingest-url", "http://127.0.0.1:8080")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("go together");
    }

    @Test
    void nonNumericCountIsRejected() {
        assertThatThrownBy(() -> CommandLine.parseDemo(List.of("--skus", "five")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--skus must be a whole number, got 'five'");
    }

    @Test
    void zeroCountIsRejected() {
        assertThatThrownBy(() -> CommandLine.parseDemo(List.of("--shoppers", "0")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--shoppers must be at least 1");
    }

    @Test
    void optionWithoutValueIsRejected() {
        assertThatThrownBy(() -> CommandLine.parseDemo(List.of("--stock")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--stock needs a value");
    }

    @Test
    void unknownOptionIsRejected() {
        assertThatThrownBy(() -> CommandLine.parseDemo(List.of("--sku", "3")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("Unknown option '--sku'");
    }

    @Test
    void nonHttpUrlIsRejected() {
        assertThatThrownBy(() -> CommandLine.parseDemo(List.of("--ingest-url", "ftp://host", "--projection-url",
                "http://127.0.0.1:8090", "--jwt-secret-file", "secret")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--ingest-url must be an http or https URL");
    }

    @Test
    void unknownCommandIsRejected() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("run")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("Unknown command 'run'");
    }

    @Test
    void helpFlagWinsOverOtherOptions() {
        assertThat(CommandLine.parse(List.of("demo", "--skus", "x", "--help"))).isInstanceOf(Command.Help.class);
        assertThat(CommandLine.parse(List.of("--help"))).isInstanceOf(Command.Help.class);
    }

    @Test
    void upUsesDefaultsWithoutOptions() {
        Command.Up up = (Command.Up) CommandLine.parse(List.of("up"));

        assertThat(up.basePort()).isEmpty();
        assertThat(up.dataDirectory()).isEmpty();
    }

    @Test
    void upReadsBasePortAndDataDirectory() {
        Command.Up up = (Command.Up) CommandLine.parse(List.of("up", "--base-port", "21000", "--data-dir=/tmp/sale"));

        assertThat(up.basePort()).hasValue(21000);
        assertThat(up.dataDirectory()).contains(Path.of("/tmp/sale"));
    }

    @Test
    void upRejectsDemoOptions() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("up", "--skus", "2")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("for up");
        assertThatThrownBy(() -> CommandLine.parse(List.of("up", "--keep-running")))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> CommandLine.parse(List.of("up", "--base-port", "80")))
                .isInstanceOf(UsageException.class);
    }

    @Test
    void topicsPrefixesAShortTopicName() {
        Command command = CommandLine.parse(List.of("topics", "order-events"));

        TopicDumpOptions options = ((Command.Topics) command).options();
        assertThat(options.topic()).isEqualTo("flashsale.order-events");
        assertThat(options.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(options.follow()).isFalse();
    }

    @Test
    void topicsTakesFollowServersAndPrefix() {
        TopicDumpOptions options = CommandLine.parseTopics(List.of("--follow", "dead-letter", "--bootstrap-servers",
                "127.0.0.1:19092", "--topic-prefix", "shop7."));

        assertThat(options.topic()).isEqualTo("shop7.dead-letter");
        assertThat(options.bootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(options.follow()).isTrue();
    }

    @Test
    void topicsKeepsAFullTopicName() {
        assertThat(CommandLine.parseTopics(List.of("flashsale-stream-processor-sku-stock-store-changelog")).topic())
                .isEqualTo("flashsale-stream-processor-sku-stock-store-changelog");
    }

    @Test
    void topicsWithoutTopicIsAUsageError() {
        assertThatThrownBy(() -> CommandLine.parseTopics(List.of("--follow")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("Missing topic");
    }

    @Test
    void topicsWithTwoTopicsIsAUsageError() {
        assertThatThrownBy(() -> CommandLine.parseTopics(List.of("order-events", "stock-events")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("one topic");
    }

    @Test
    void benchDefaultsToFullRunWithPostgres() {
        BenchOptions options = ((Command.Bench) CommandLine.parse(List.of("bench"))).options();

        assertThat(options.quick()).isFalse();
        assertThat(options.outputRoot()).isEqualTo(Path.of("bench-results"));
        assertThat(options.postgresUrl()).contains("jdbc:postgresql://127.0.0.1:5432/test");
        assertThat(options.basePort()).isEmpty();
    }

    @Test
    void benchTakesQuickOutputAndNoPostgres() {
        BenchOptions options = CommandLine.parseBench(List.of("--quick", "--output", "/tmp/b", "--no-postgres"));

        assertThat(options.quick()).isTrue();
        assertThat(options.outputRoot()).isEqualTo(Path.of("/tmp/b"));
        assertThat(options.postgresUrl()).isEmpty();
    }

    @Test
    void benchRejectsContradictoryPostgresOptions() {
        assertThatThrownBy(() -> CommandLine.parseBench(List.of("--no-postgres", "--postgres-url", "jdbc:postgresql://x/y")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("contradict");
    }

    @Test
    void benchStagesSelectsByName() {
        BenchOptions options = CommandLine.parseBench(List.of("--stages", "ingest,end-to-end"));

        assertThat(options.runs("ingest")).isTrue();
        assertThat(options.runs("end-to-end")).isTrue();
        assertThat(options.runs("projection")).isFalse();
    }

    @Test
    void benchRejectsAnUnknownStage() {
        assertThatThrownBy(() -> CommandLine.parseBench(List.of("--stages", "ingest,warp")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("Unknown stage 'warp'");
    }
}
