package com.flashsale.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flashsale.common.errors.ApiException;
import com.flashsale.common.errors.ErrorCode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SaleWindowTest {

    @Test
    void offsetTimesBecomeInstants() {
        SaleWindow window = SaleWindow.parse("2026-12-04T10:00:00+08:00", "2026-12-04T02:30:00.250Z");

        assertThat(window.start()).isEqualTo(Instant.parse("2026-12-04T02:00:00Z"));
        assertThat(window.end()).isEqualTo(Instant.parse("2026-12-04T02:30:00.250Z"));
    }

    @Test
    void timeWithoutOffsetIsRejectedNamingField() {
        assertThatThrownBy(() -> SaleWindow.parse("2026-12-04T10:00:00Z", "2026-12-04T11:00:00"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.detail()).isEqualTo("saleEnd");
                });
    }

    @Test
    void endNotAfterStartIsRejected() {
        assertThatThrownBy(() -> SaleWindow.parse("2026-12-04T10:00:00Z", "2026-12-04T10:00:00Z"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.detail()).isEqualTo("saleEnd"));
    }
}
