package com.flashsale.ingest.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.common.auth.Role;
import com.flashsale.ingest.TestIngestApp;
import com.flashsale.ingest.TestIngestApp.Reply;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Without {@code benchmarkBaseline}, the benchmark's baseline endpoint does not exist. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BenchmarkBaselineDisabledTest {

    private static final TestIngestApp APP = new TestIngestApp();
    private static final DropwizardAppExtension<?> EXTENSION = APP.extension();

    @Test
    void baselineIsNotFoundByDefault() {
        String order = """
                {"skuId": "sku-1", "quantity": 1, "clientRequestId": "tap-1"}""";

        Reply reply = APP.post("/v1/benchmark/orders", order,
                Map.of("Authorization", "Bearer " + APP.token("shopper-1", Role.SHOPPER)));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(APP.publisher().published()).isEmpty();
    }
}
