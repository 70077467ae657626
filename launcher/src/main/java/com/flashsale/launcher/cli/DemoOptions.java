package com.flashsale.launcher.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Options of {@code demo}.
 *
 * @param submissions HTTP submissions in total, double taps and retries included
 * @param remote a running stack to use instead of starting one
 * @param seed drives every random choice of the workload, so that a run can be repeated
 */
public record DemoOptions(
        int skus,
        int stock,
        int shoppers,
        int submissions,
        Optional<Path> report,
        boolean keepRunning,
        Optional<RemoteStack> remote,
        long seed) {

    public static final int DEFAULT_SKUS = 5;
    public static final int DEFAULT_STOCK = 50;
    public static final int DEFAULT_SHOPPERS = 2000;
    public static final int DEFAULT_SUBMISSIONS = 4000;

    /** A stack started elsewhere, for example by {@code flashsale up}. */
    public record RemoteStack(URI ingestUrl, URI projectionUrl, Path jwtSecretFile) {
    }
}
