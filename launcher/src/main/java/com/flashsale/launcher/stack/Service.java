package com.flashsale.launcher.stack;

import java.nio.file.Path;

/** The three Dropwizard services of the pipeline, in the order the stack starts them. */
public enum Service {
    STREAM_PROCESSOR("stream-processor"),
    PROJECTION_SERVICE("projection-service"),
    INGEST_SERVICE("ingest-service");

    private final String module;

    Service(String module) {
        this.module = module;
    }

    /** The Maven module, which is also the service's name in logs and messages. */
    public String module() {
        return module;
    }

    public Path jar(Path repositoryRoot) {
        return repositoryRoot.resolve(module).resolve("target").resolve(module + ".jar");
    }

    public Path config(Path repositoryRoot) {
        return repositoryRoot.resolve(module).resolve("config.yml");
    }

    public int port(StackPorts ports) {
        return switch (this) {
            case STREAM_PROCESSOR -> ports.processor();
            case PROJECTION_SERVICE -> ports.projection();
            case INGEST_SERVICE -> ports.ingest();
        };
    }

    public int adminPort(StackPorts ports) {
        return switch (this) {
            case STREAM_PROCESSOR -> ports.processorAdmin();
            case PROJECTION_SERVICE -> ports.projectionAdmin();
            case INGEST_SERVICE -> ports.ingestAdmin();
        };
    }
}
