package com.flashsale.processor.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DueKeyTest {

    @Test
    void padsMillisToNineteenDigits() {
        assertThat(DueKey.of(0, "order-1")).isEqualTo("0000000000000000000/order-1");
        assertThat(DueKey.of(1_700_000_000_123L, "order-1")).isEqualTo("0000001700000000123/order-1");
        assertThat(DueKey.of(Long.MAX_VALUE, "")).isEqualTo("9223372036854775807/");
    }

    @Test
    void keepsTheFormatOfEarlierBuilds() {
        // Stores and changelogs contain keys that earlier builds wrote with String.format.
        long[] instants = {0, 7, 1_700_000_000_123L, 99_999_999_999_999L, Long.MAX_VALUE};

        for (long instant : instants) {
            assertThat(DueKey.of(instant, "id/with/slashes"))
                    .isEqualTo(String.format("%019d/%s", instant, "id/with/slashes"));
        }
    }

    @Test
    void readsTheInstantBack() {
        String key = DueKey.of(1_700_000_000_123L, "order-1");

        assertThat(DueKey.dueAtOf(key)).isEqualTo(1_700_000_000_123L);
    }

    @Test
    void rejectsNegativeInstant() {
        assertThatThrownBy(() -> DueKey.of(-1, "order-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
