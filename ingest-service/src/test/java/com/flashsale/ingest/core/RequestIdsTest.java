package com.flashsale.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "trace-1.2_3:4", "0123456789012345678901234567890123456789012345678901234567890123"})
    void safeIncomingIdIsKept(String incoming) {
        assertThat(RequestIds.choose(incoming)).isEqualTo(incoming);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"a b", "a\nb", "a\u0000b", "<script>", "01234567890123456789012345678901234567890123456789012345678901234"})
    void unsafeIncomingIdIsReplacedByUuid(String incoming) {
        String chosen = RequestIds.choose(incoming);

        assertThat(chosen).isNotEqualTo(incoming).matches("[0-9a-f-]{36}");
    }
}
