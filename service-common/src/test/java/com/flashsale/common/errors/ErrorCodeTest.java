package com.flashsale.common.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorCodeTest {

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyCodeHasBothMessages(ErrorCode code) {
        String english = code.message(Language.ENGLISH, "quantity");
        String chinese = code.message(Language.CHINESE, "quantity");

        assertThat(english).isNotBlank().doesNotContain("%s");
        assertThat(chinese).isNotBlank().doesNotContain("%s").isNotEqualTo(english);
        assertThat(chinese).containsPattern("\\p{IsHan}");
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyCodeIsUpperCaseWithClientOrServerStatus(ErrorCode code) {
        assertThat(code.name()).matches("[A-Z][A-Z_]*");
        assertThat(code.status()).isBetween(400, 599);
    }

    @Test
    void messageNamesTheDetail() {
        assertThat(ErrorCode.INVALID_FIELD.message(Language.ENGLISH, "quantity")).contains("quantity");
        assertThat(ErrorCode.INVALID_FIELD.message(Language.CHINESE, "quantity")).contains("quantity");
    }
}
