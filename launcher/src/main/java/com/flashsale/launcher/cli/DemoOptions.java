package com.flashsale.launcher.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Options of {@code demo}.
 *
 * @param submissions HTTP submissions in total, double taps and retries included
 * @param hold the processor's hold time; with a remote stack, the hold it was started with
 * @param payRatio share of the reservations that the merchant pays
 * @param cancelRatio share of the reservations that the shopper cancels; the rest expire
 * @param basePort first of the eight consecutive ports of the embedded stack, or empty for the defaults
 * @param dataDirectory data, logs and token key of the embedded stack, or empty for {@code .flashsale}
 * @param remote a running stack to use instead of starting one
 * @param seed drives every random choice of the workload, so that a run can be repeated
 */
public record DemoOptions(
        int skus,
        int stock,
        int shoppers,
        int submissions,
        Duration hold,
        double payRatio,
        double cancelRatio,
        OptionalInt basePort,
        Optional<Path> dataDirectory,
        Optional<Path> report,
        boolean keepRunning,
        Optional<RemoteStack> remote,
        long seed) {

    public static final int DEFAULT_SKUS = 5;
    public static final int DEFAULT_STOCK = 50;
    public static final int DEFAULT_SHOPPERS = 2000;
    public static final int DEFAULT_SUBMISSIONS = 4000;
    /**
     * Long enough for the projection to show most reservations before they expire. In the default
     * sale of this demo, measured on a busy 2-core machine, the projection applied events 30 to 55 s
     * after their submission on average, so with a 20 s hold every payment came too late.
     */
    public static final int DEFAULT_HOLD_SECONDS = 60;
    public static final double DEFAULT_PAY_RATIO = 0.5;
    public static final double DEFAULT_CANCEL_RATIO = 0.2;

    /** A stack started elsewhere, for example by {@code flashsale up}. */
    public record RemoteStack(URI ingestUrl, URI projectionUrl, Path jwtSecretFile) {
    }
}
