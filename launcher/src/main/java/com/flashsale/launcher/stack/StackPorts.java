package com.flashsale.launcher.stack;

import com.flashsale.kafka.embedded.BrokerSettings;
import com.flashsale.kafka.embedded.Ports;
import java.util.List;

/** Every port the embedded stack binds on 127.0.0.1. */
public record StackPorts(
        int ingest,
        int ingestAdmin,
        int processor,
        int processorAdmin,
        int projection,
        int projectionAdmin,
        int kafka,
        int kafkaController) {

    /** The ports of docs/architecture.md, which the services' config.yml files also default to. */
    public static StackPorts defaults() {
        return new StackPorts(8080, 8081, 8070, 8071, 8090, 8091,
                BrokerSettings.DEFAULT_CLIENT_PORT, BrokerSettings.DEFAULT_CONTROLLER_PORT);
    }

    /** The highest base port: the stack binds the base port and the seven ports above it. */
    public static final int MAX_BASE_PORT = 65535 - 7;

    /**
     * Eight consecutive ports from {@code base}: ingest and its admin, processor and its admin,
     * projection and its admin, then Kafka's client and controller listeners.
     */
    public static StackPorts fromBase(int base) {
        if (base < 1 || base > MAX_BASE_PORT) {
            throw new IllegalArgumentException("The base port must be between 1 and " + MAX_BASE_PORT + ", got " + base);
        }
        return new StackPorts(base, base + 1, base + 2, base + 3, base + 4, base + 5, base + 6, base + 7);
    }

    /** Ports that were free a moment ago, for tests that must not collide with a running stack. */
    public static StackPorts findFree() {
        List<Integer> ports = Ports.findFree(8);
        return new StackPorts(ports.get(0), ports.get(1), ports.get(2), ports.get(3), ports.get(4), ports.get(5),
                ports.get(6), ports.get(7));
    }

    /**
     * Throws {@link com.flashsale.kafka.embedded.PortInUseException} naming the first taken port
     * and the process that needs it.
     */
    public void requireAllFree() {
        Ports.requireFree(Ports.LOOPBACK, kafka, "Kafka client listener");
        Ports.requireFree(Ports.LOOPBACK, kafkaController, "Kafka controller listener");
        requireServicePortsFree();
    }

    /** Like {@link #requireAllFree()} but for the services' ports only, for a stack on an external Kafka cluster. */
    public void requireServicePortsFree() {
        Ports.requireFree(Ports.LOOPBACK, processor, "stream-processor application");
        Ports.requireFree(Ports.LOOPBACK, processorAdmin, "stream-processor admin");
        Ports.requireFree(Ports.LOOPBACK, projection, "projection-service application");
        Ports.requireFree(Ports.LOOPBACK, projectionAdmin, "projection-service admin");
        Ports.requireFree(Ports.LOOPBACK, ingest, "ingest-service application");
        Ports.requireFree(Ports.LOOPBACK, ingestAdmin, "ingest-service admin");
    }
}
