package com.flashsale.ingest.resources;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the address of the client for the per-address rate limit. By default this is the TCP peer
 * and {@code X-Forwarded-For} is ignored, because any client can send that header. Behind n trusted
 * proxies, each appends the address it received the request from, so the n-th entry from the right
 * is the last one that no client could forge.
 */
public final class ClientAddresses {

    public static final String FORWARDED_FOR = "X-Forwarded-For";

    /** IPv4 or IPv6 text, as a proxy writes it; anything else falls back to the TCP peer. */
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:\\[\\]]{2,45}");

    private final int trustedProxyCount;

    public ClientAddresses(int trustedProxyCount) {
        this.trustedProxyCount = trustedProxyCount;
    }

    public String of(HttpServletRequest request) {
        return resolve(request.getRemoteAddr(), Collections.list(request.getHeaders(FORWARDED_FOR)));
    }

    /** Picks the client address from the TCP peer and the values of every {@code X-Forwarded-For} header line. */
    String resolve(String peer, List<String> forwardedForHeaders) {
        if (trustedProxyCount == 0) {
            return peer;
        }
        List<String> forwarded = entries(forwardedForHeaders);
        int index = forwarded.size() - trustedProxyCount;
        if (index < 0) {
            // Fewer entries than proxies: the request bypassed a proxy or one is misconfigured.
            return peer;
        }
        String candidate = forwarded.get(index);
        return ADDRESS.matcher(candidate).matches() ? candidate : peer;
    }

    private static List<String> entries(List<String> headers) {
        List<String> entries = new ArrayList<>();
        for (String header : headers) {
            for (String entry : header.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.trim());
                }
            }
        }
        return entries;
    }
}
