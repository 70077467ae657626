package com.flashsale.ingest.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Derives an order id from the user and the client's request id, so that a retried or double-tapped
 * request gets the same order id and the stream processor can drop the duplicate. The id is the
 * first 16 bytes of SHA-256 over {@code userId}, a NUL byte and {@code clientRequestId} (UTF-8),
 * marked as a version 8 (custom) UUID with the IETF variant. The NUL keeps ("ab", "c") and
 * ("a", "bc") apart; neither id may contain NUL.
 */
public final class OrderIds {

    private OrderIds() {
    }

    public static String derive(String userId, String clientRequestId) {
        MessageDigest sha256 = sha256();
        sha256.update(userId.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        sha256.update(clientRequestId.getBytes(StandardCharsets.UTF_8));
        byte[] bytes = sha256.digest();

        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x80);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, 16);
        return new UUID(buffer.getLong(), buffer.getLong()).toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime must provide SHA-256", e);
        }
    }
}
