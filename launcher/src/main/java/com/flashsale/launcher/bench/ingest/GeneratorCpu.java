package com.flashsale.launcher.bench.ingest;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * CPU time of this JVM over a step. The services run in their own processes, so during a step this
 * is the load generator's own cost, which shows whether it could have been the bottleneck.
 */
record GeneratorCpu(long startCpuNanos, long startWallNanos) {

    static GeneratorCpu start() {
        return new GeneratorCpu(processCpuNanos(), System.nanoTime());
    }

    /** Returns the cores used since the start and the CPU time per request, or "n/a" where the JVM cannot tell. */
    String describe(long requests) {
        long cpu = processCpuNanos() - startCpuNanos;
        long wall = System.nanoTime() - startWallNanos;
        if (startCpuNanos < 0 || cpu < 0 || requests == 0) {
            return "generator CPU n/a";
        }
        return String.format(Locale.ROOT, "generator CPU %.2f cores, %.0f µs per request", (double) cpu / wall,
                cpu / 1e3 / requests);
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
