package com.flashsale.launcher.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The HMAC key of the embedded stack's tokens: generated on the first run and kept in the data
 * directory, readable by its owner only, so that tokens stay valid across restarts. Never printed.
 */
public final class JwtSecretFile {

    /** 48 random bytes: 64 Base64 characters, above the services' 32-character minimum. */
    private static final int SECRET_BYTES = 48;
    private static final int MIN_LENGTH = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private JwtSecretFile() {
    }

    /** Returns the secret stored in {@code file}, creating the file with a new secret if it is missing. */
    public static String loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            create(file);
        }
        return read(file);
    }

    /** Reads a secret written by {@link #loadOrCreate} or by an operator; surrounding whitespace is dropped. */
    public static String read(Path file) throws IOException {
        String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalStateException("The JWT secret in " + file + " is shorter than " + MIN_LENGTH
                    + " characters; delete the file to generate a new one.");
        }
        return secret;
    }

    private static void create(Path file) throws IOException {
        byte[] bytes = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            // Created with owner-only permissions, so the secret is never readable by others, not even briefly.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            return;
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
    }
}
