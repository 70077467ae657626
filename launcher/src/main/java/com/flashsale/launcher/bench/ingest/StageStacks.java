package com.flashsale.launcher.bench.ingest;

import com.flashsale.launcher.bench.BenchContext;
import com.flashsale.launcher.stack.Service;
import com.flashsale.launcher.stack.Stack;
import com.flashsale.launcher.stack.StackPorts;
import com.flashsale.launcher.stack.StackSettings;
import java.util.Map;
import java.util.Set;

/** Stacks of the ingest and end-to-end stages: their own ports and data, limits out of the load's way. */
final class StageStacks {

    /**
     * The per-address bucket of every request, which all come from 127.0.0.1. The maximum the
     * configuration accepts, so that the address limit never rejects the load.
     */
    static final String ADDRESS_LIMIT = "1000000";

    private StageStacks() {
    }

    /**
     * Returns settings for a stack of {@code services} under the stage's directory, on the
     * {@code --base-port} ports or on free ones.
     */
    static StackSettings settings(BenchContext context, String stage, Set<Service> services,
            Map<String, String> ingestEnvironment) {
        StackPorts ports = context.options().basePort().isPresent()
                ? StackPorts.fromBase(context.options().basePort().getAsInt())
                : StackPorts.findFree();
        return StackSettings.defaults(context.repositoryRoot())
                .withDataDirectory(context.stageDirectory(stage))
                .withPorts(ports)
                .withServices(services)
                .withEnvironment(Service.INGEST_SERVICE, ingestEnvironment);
    }

    /**
     * Starts the stack, which also stops on a JVM shutdown such as after Ctrl-C. The caller closes
     * it when the stage ends; closing twice is harmless.
     */
    static Stack start(StackSettings settings, BenchContext context) {
        Stack stack = new Stack(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-bench-stack"));
        context.log().println("Starting Kafka and " + settings.services() + "; data and logs in "
                + settings.dataDirectory());
        stack.start();
        return stack;
    }
}
