package com.flashsale.launcher;

import com.flashsale.common.auth.Role;
import com.flashsale.common.auth.TokenIssuer;
import com.flashsale.launcher.cli.Command;
import com.flashsale.launcher.stack.Stack;
import com.flashsale.launcher.stack.StackPorts;
import com.flashsale.launcher.stack.StackSettings;
import java.io.PrintStream;
import java.time.Duration;

/** {@code flashsale up}: starts the stack and keeps it running for manual use. */
final class UpCommand {

    private static final Duration TOKEN_VALIDITY = Duration.ofHours(12);

    private UpCommand() {
    }

    static int run(Command.Up options, PrintStream out, PrintStream err) throws InterruptedException {
        StackSettings settings = StackSettings.defaults(StackRunner.repositoryRoot());
        if (options.basePort().isPresent()) {
            settings = settings.withPorts(StackPorts.fromBase(options.basePort().getAsInt()));
        }
        if (options.dataDirectory().isPresent()) {
            settings = settings.withDataDirectory(options.dataDirectory().get());
        }
        Stack stack = StackRunner.start(settings, err);
        printWelcome(stack, out);
        StackRunner.waitForShutdown();
        return 0;
    }

    /** Prints the URLs, demo tokens and an example request. The tokens are meant for the user; the signing key is never printed. */
    static void printWelcome(Stack stack, PrintStream out) {
        StackPorts ports = stack.settings().ports();
        TokenIssuer tokens = stack.tokenIssuer();
        String shopperToken = tokens.issue("shopper-demo", Role.SHOPPER, TOKEN_VALIDITY);
        String merchantToken = tokens.issue("merchant-demo", Role.MERCHANT, TOKEN_VALIDITY);
        String ingest = stack.settings().ingestUrl();
        out.println();
        out.println("The flash-sale stack is running. Press Ctrl-C to stop it.");
        out.println("  ingest:     " + ingest + "  (admin http://127.0.0.1:" + ports.ingestAdmin() + ")");
        out.println("  projection: " + stack.settings().projectionUrl() + "  (admin http://127.0.0.1:"
                + ports.projectionAdmin() + ")");
        out.println("  processor:  admin http://127.0.0.1:" + ports.processorAdmin());
        out.println("  kafka:      " + stack.bootstrapServers());
        out.println("  logs:       " + stack.settings().logDirectory());
        out.println();
        out.println("Tokens, valid for 12 hours:");
        out.println("  shopper (shopper-demo):   " + shopperToken);
        out.println("  merchant (merchant-demo): " + merchantToken);
        out.println();
        out.println("Example:");
        out.println("  curl -X PUT " + ingest + "/v1/skus/sku-1/stock -H 'Authorization: Bearer " + merchantToken
                + "' -H 'Content-Type: application/json' -d '{\"stock\":10,\"perUserLimit\":2,"
                + "\"saleStart\":\"2020-01-01T00:00:00Z\",\"saleEnd\":\"2100-01-01T00:00:00Z\"}'");
        out.println("  curl -X POST " + ingest + "/v1/orders -H 'Authorization: Bearer " + shopperToken
                + "' -H 'Content-Type: application/json' -d '{\"skuId\":\"sku-1\",\"quantity\":1,"
                + "\"clientRequestId\":\"first-try\"}'");
        out.flush();
    }
}
