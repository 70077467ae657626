package com.flashsale.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.ingest.api.IdPatterns;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderIdsTest {

    @Test
    void sameInputGivesSameId() {
        String first = OrderIds.derive("shopper-1", "tap-1");
        String second = OrderIds.derive("shopper-1", "tap-1");

        assertThat(second).isEqualTo(first);
    }

    @Test
    void differentUserGivesDifferentId() {
        String first = OrderIds.derive("shopper-1", "tap-1");
        String second = OrderIds.derive("shopper-2", "tap-1");

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void differentClientRequestIdGivesDifferentId() {
        String first = OrderIds.derive("shopper-1", "tap-1");
        String second = OrderIds.derive("shopper-1", "tap-2");

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void separatorKeepsShiftedBoundariesApart() {
        String first = OrderIds.derive("ab", "c");
        String second = OrderIds.derive("a", "bc");

        assertThat(second).isNotEqualTo(first);
    }

    /** Expected values computed independently with Python's hashlib and uuid modules. */
    @Test
    void matchesSha256DerivationOfArchitecture() {
        assertThat(OrderIds.derive("shopper-1", "tap-1")).isEqualTo("1771b912-60fc-82bf-b8ff-32b7c0b9d33f");
        assertThat(OrderIds.derive("用户", "req:1")).isEqualTo("2656fd71-56ac-80fe-b783-68cc2fe87f46");
    }

    @Test
    void idIsVersion8WithIetfVariant() {
        UUID id = UUID.fromString(OrderIds.derive("shopper-1", "tap-1"));

        assertThat(id.version()).isEqualTo(8);
        assertThat(id.variant()).isEqualTo(2);
    }

    /** The payment and cancel paths accept only this form, so every derived id must pass it. */
    @Test
    void derivedIdsPassOrderIdPattern() {
        for (int i = 0; i < 1000; i++) {
            String orderId = OrderIds.derive("shopper-" + i, "tap-" + i);

            assertThat(IdPatterns.isOrderId(orderId)).as("orderId %s", orderId).isTrue();
        }
    }
}
