package com.flashsale.common.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class LanguageTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "zh-CN|CHINESE",
        "zh|CHINESE",
        "zh-Hans|CHINESE",
        "zh-Hans-CN,zh;q=0.9,en;q=0.8|CHINESE",
        "en-US,en;q=0.9,zh-CN;q=0.8|ENGLISH",
        "fr-FR|ENGLISH",
        "en|ENGLISH",
        "fr,zh;q=0.5|CHINESE",
        "zh;q=0.2,en;q=0.9|ENGLISH",
        "not a language header;;;|ENGLISH"
    })
    void picksLanguageFromHeader(String header, Language expected) {
        assertThat(Language.fromAcceptLanguage(header)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void defaultsToEnglishWithoutHeader(String header) {
        assertThat(Language.fromAcceptLanguage(header)).isEqualTo(Language.ENGLISH);
    }
}
