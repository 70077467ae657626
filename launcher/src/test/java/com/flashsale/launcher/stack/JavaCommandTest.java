package com.flashsale.launcher.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaCommandTest {

    @Test
    void optionsReplaceDefaults() {
        List<String> command = JavaCommand.of(List.of("-jar", "service.jar"),
                Map.of(JavaCommand.OPTIONS_VARIABLE, " -XX:+UseSerialGC  -Xss512k "));

        assertThat(command.get(0)).endsWith("java");
        assertThat(command.subList(1, command.size())).containsExactly(JavaCommand.MAX_HEAP,
                "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-Xss512k", "-jar", "service.jar");
    }

    @Test
    void defaultsApplyWithoutTheVariable() {
        List<String> command = JavaCommand.of(List.of("-version"), Map.of());

        assertThat(command.subList(1, command.size())).containsExactly(JavaCommand.MAX_HEAP,
                "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-version");
    }

    @Test
    void blankOptionsAddNothing() {
        List<String> command = JavaCommand.of(List.of("-version"), Map.of(JavaCommand.OPTIONS_VARIABLE, "  "));

        assertThat(command).hasSize(4);
        assertThat(command.get(3)).isEqualTo("-version");
    }
}
