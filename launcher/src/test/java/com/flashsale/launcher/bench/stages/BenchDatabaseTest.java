package com.flashsale.launcher.bench.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchDatabaseTest {

    @Test
    void withDatabaseReplacesOnlyDatabase() {
        assertThat(BenchDatabase.withDatabase("jdbc:postgresql://127.0.0.1:5432/test", "postgres"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres");
    }

    @Test
    void withDatabaseKeepsParameters() {
        assertThat(BenchDatabase.withDatabase("jdbc:postgresql://db:5433/shop?sslmode=disable", "flashsale_bench_1"))
                .isEqualTo("jdbc:postgresql://db:5433/flashsale_bench_1?sslmode=disable");
    }

    @Test
    void withDatabaseRejectsOtherUrls() {
        assertThatThrownBy(() -> BenchDatabase.withDatabase("jdbc:h2:./projection", "postgres"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:h2:./projection");
    }
}
