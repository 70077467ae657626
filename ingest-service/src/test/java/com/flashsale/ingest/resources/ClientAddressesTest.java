package com.flashsale.ingest.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private static final String PEER = "192.0.2.10";

    @Test
    void forwardedForIsIgnoredByDefault() {
        ClientAddresses addresses = new ClientAddresses(0);

        assertThat(addresses.resolve(PEER, List.of("203.0.113.5"))).isEqualTo(PEER);
    }

    @Test
    void oneTrustedProxyUsesRightmostEntry() {
        ClientAddresses addresses = new ClientAddresses(1);

        assertThat(addresses.resolve(PEER, List.of("1.1.1.1, 203.0.113.5"))).isEqualTo("203.0.113.5");
    }

    @Test
    void twoTrustedProxiesSkipTheNearerProxy() {
        ClientAddresses addresses = new ClientAddresses(2);

        assertThat(addresses.resolve(PEER, List.of("1.1.1.1, 203.0.113.5", "10.0.0.2"))).isEqualTo("203.0.113.5");
    }

    @Test
    void ipv6EntryIsAccepted() {
        ClientAddresses addresses = new ClientAddresses(1);

        assertThat(addresses.resolve(PEER, List.of("2001:db8::1"))).isEqualTo("2001:db8::1");
    }

    @Test
    void missingOrShortHeaderFallsBackToPeer() {
        ClientAddresses addresses = new ClientAddresses(2);

        assertThat(addresses.resolve(PEER, List.of())).isEqualTo(PEER);
        assertThat(addresses.resolve(PEER, List.of("203.0.113.5"))).isEqualTo(PEER);
    }

    @Test
    void malformedEntryFallsBackToPeer() {
        ClientAddresses addresses = new ClientAddresses(1);

        assertThat(addresses.resolve(PEER, List.of("unknown"))).isEqualTo(PEER);
        assertThat(addresses.resolve(PEER, List.of("203.0\u0000.113.5"))).isEqualTo(PEER);
    }
}
