package com.flashsale.launcher.bench;

import java.util.Map;

/**
 * The machine and JVM a run measured, so that figures from two machines are not compared blindly.
 *
 * @param cores     processors available to the JVM
 * @param memoryMib physical memory, or -1 when the JVM cannot tell
 * @param os        name, version and architecture
 * @param jvm       vendor and version of the JVM that ran the benchmark and the services
 * @param settings  the settings of the run that matter for its figures (partitions, commit interval, ...)
 */
public record MachineInfo(int cores, long memoryMib, String os, String jvm, Map<String, String> settings) {

    public MachineInfo {
        settings = Map.copyOf(settings);
    }

    /** Describes this JVM's machine. */
    public static MachineInfo current(Map<String, String> settings) {
        long memory = -1;
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize() / (1024 * 1024);
        }
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), memory,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
                settings);
    }
}
