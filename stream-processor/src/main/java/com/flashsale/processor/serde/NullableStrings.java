package com.flashsale.processor.serde;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a string as its UTF-8 length and bytes, with length -1 for null. Unlike
 * {@link DataOutput#writeUTF} it has no 64 KiB limit and writes standard UTF-8.
 */
final class NullableStrings {

    private static final int NULL_LENGTH = -1;

    private NullableStrings() {
    }

    static void write(String value, DataOutput out) throws IOException {
        if (value == null) {
            out.writeInt(NULL_LENGTH);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String read(DataInput in) throws IOException {
        int length = in.readInt();
        if (length == NULL_LENGTH) {
            return null;
        }
        if (length < 0) {
            throw new IOException("Invalid string length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
