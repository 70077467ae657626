package com.flashsale.common.errors;

import java.util.Locale;

/** Language of error messages, chosen from the request's {@code Accept-Language} header. */
public enum Language {
    ENGLISH,
    CHINESE;

    /**
     * Picks Chinese when the highest-weighted language range is Chinese ({@code zh}, {@code zh-CN},
     * {@code zh-Hans}, ...) and English otherwise, including for a missing or malformed header.
     */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return ENGLISH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (tag.equals("zh") || tag.startsWith("zh-")) {
                    return CHINESE;
                }
                if (tag.equals("en") || tag.startsWith("en-")) {
                    return ENGLISH;
                }
            }
        } catch (IllegalArgumentException e) {
            return ENGLISH;
        }
        return ENGLISH;
    }
}
