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
        Ports.requireFree(Ports.LOOPBACK, processor, "stream-processor application");
        Ports.requireFree(Ports.LOOPBACK, processorAdmin, "stream-processor admin");
        Ports.requireFree(Ports.LOOPBACK, projection, "projection-service application");
        Ports.requireFree(Ports.LOOPBACK, projectionAdmin, "projection-service admin");
        Ports.requireFree(Ports.LOOPBACK, ingest, "ingest-service application");
        Ports.requireFree(Ports.LOOPBACK, ingestAdmin, "ingest-service admin");
    }
}
