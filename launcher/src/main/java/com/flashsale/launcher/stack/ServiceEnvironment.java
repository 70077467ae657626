package com.flashsale.launcher.stack;

import java.util.HashMap;
import java.util.Map;

/** The environment variables that each service's config.yml reads, as listed in docs/architecture.md. */
final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    static Map<String, String> of(Service service, StackSettings settings, String bootstrapServers, String jwtSecret) {
        return of(service, settings, bootstrapServers, (short) 1, jwtSecret);
    }

    /** @param replicationFactor of the processor's repartition and changelog topics */
    static Map<String, String> of(Service service, StackSettings settings, String bootstrapServers,
            short replicationFactor, String jwtSecret) {
        StackPorts ports = settings.ports();
        Map<String, String> environment = new HashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        environment.put("FLASHSALE_TOPIC_PREFIX", settings.topicPrefix());
        switch (service) {
            case STREAM_PROCESSOR -> {
                environment.put("PROCESSOR_PORT", Integer.toString(ports.processor()));
                environment.put("PROCESSOR_ADMIN_PORT", Integer.toString(ports.processorAdmin()));
                environment.put("PROCESSOR_STATE_DIR", settings.dataDirectory().resolve("streams").toString());
                // A static group member takes its tasks back at once after a crash and restart,
                // instead of waiting out the dead member's session timeout.
                environment.put("PROCESSOR_INSTANCE_ID", "embedded-processor-1");
                // The repartition topics must have as many partitions as the topics the launcher creates.
                environment.put("PROCESSOR_PARTITIONS", Integer.toString(settings.partitions()));
                environment.put("PROCESSOR_REPLICATION_FACTOR", Short.toString(replicationFactor));
                settings.processorTimings().ifPresent(timings -> {
                    environment.put("PROCESSOR_HOLD_DURATION", timings.holdSetting());
                    environment.put("PROCESSOR_RETRY_DELAYS", timings.retryDelaysSetting());
                });
            }
            case PROJECTION_SERVICE -> {
                environment.put("FLASHSALE_JWT_SECRET", jwtSecret);
                environment.put("PROJECTION_PORT", Integer.toString(ports.projection()));
                environment.put("PROJECTION_ADMIN_PORT", Integer.toString(ports.projectionAdmin()));
                environment.put("DATABASE_URL", h2Url(settings));
            }
            case INGEST_SERVICE -> {
                environment.put("FLASHSALE_JWT_SECRET", jwtSecret);
                environment.put("INGEST_PORT", Integer.toString(ports.ingest()));
                environment.put("INGEST_ADMIN_PORT", Integer.toString(ports.ingestAdmin()));
                environment.put("PROJECTION_PUBLIC_URL", settings.projectionUrl());
            }
        }
        environment.putAll(settings.extraEnvironment().getOrDefault(service, Map.of()));
        return environment;
    }

    /** The default database URL of the projection's config.yml, but inside the stack's data directory. */
    private static String h2Url(StackSettings settings) {
        return "jdbc:h2:" + settings.dataDirectory().resolve("projection")
                + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    }
}
