package com.flashsale.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.common.errors.ErrorCode;
import com.flashsale.common.errors.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/error-codes.md} equal to the {@link ErrorCode} enum. When a code or message
 * changes, run {@code mvn -pl ingest-service test -Dtest=ErrorCodeDocTest -DupdateErrorCodeDoc=true}
 * from the repository root to rewrite the file, then review the diff.
 */
class ErrorCodeDocTest {

    /** Surefire runs tests in the module's directory, so the repository root is its parent. */
    private static final Path DOC = Path.of("..", "docs", "error-codes.md");
    private static final String DETAIL = "{name}";

    static String markdown() {
        StringBuilder doc = new StringBuilder();
        doc.append("# Error codes\n\n")
                .append("Every error response of the HTTP services has the JSON body `{\"code\": ..., \"message\": ...}`.\n")
                .append("The `code` is stable; the `message` is in Simplified Chinese when the highest-weighted\n")
                .append("`Accept-Language` range is Chinese (`zh`, `zh-CN`, `zh-Hans`, ...) and in English otherwise.\n")
                .append("`").append(DETAIL).append("` stands for the invalid field or parameter. Every 429 and 503 carries\n")
                .append("`Retry-After` in whole seconds.\n\n")
                .append("This file is generated from `ErrorCode` (module `service-common`) by `ErrorCodeDocTest` in\n")
                .append("`ingest-service`, which fails when the two differ.\n\n")
                .append("| code | status | English | Chinese |\n")
                .append("| --- | --- | --- | --- |\n");
        for (ErrorCode code : ErrorCode.values()) {
            doc.append("| `").append(code.name()).append("` | ").append(code.status())
                    .append(" | ").append(code.message(Language.ENGLISH, DETAIL))
                    .append(" | ").append(code.message(Language.CHINESE, DETAIL))
                    .append(" |\n");
        }
        return doc.toString();
    }

    @Test
    void errorCodeDocMatchesEnum() throws IOException {
        String expected = markdown();
        if (Boolean.getBoolean("updateErrorCodeDoc")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }

        String actual = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";

        assertThat(actual)
                .as("%s is out of date; rerun this test with -DupdateErrorCodeDoc=true to regenerate it", DOC.toAbsolutePath())
                .isEqualTo(expected);
    }

    @Test
    void docNamesEveryCodeOnce() {
        String doc = markdown();

        for (ErrorCode code : ErrorCode.values()) {
            assertThat(doc.split("\\| `" + code.name() + "` \\|", -1)).as("rows of %s", code).hasSize(2);
        }
    }
}
