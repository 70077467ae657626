package com.flashsale.launcher;

import com.flashsale.common.auth.JwtSettings;
import com.flashsale.common.auth.TokenIssuer;
import com.flashsale.launcher.cli.DemoOptions;
import com.flashsale.launcher.demo.ApiClient;
import com.flashsale.launcher.demo.DemoReport;
import com.flashsale.launcher.demo.FlashSale;
import com.flashsale.launcher.demo.ReportPrinter;
import com.flashsale.launcher.stack.JwtSecretFile;
import com.flashsale.launcher.stack.Stack;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;

/** {@code flashsale demo}: runs a flash sale on the embedded stack (or a running one) and reports. */
final class DemoCommand {

    private DemoCommand() {
    }

    /** Returns 0 when the report passed, 1 otherwise. */
    static int run(DemoOptions options, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        Stack stack = null;
        ApiClient api;
        TokenIssuer tokens;
        if (options.remote().isPresent()) {
            DemoOptions.RemoteStack remote = options.remote().get();
            api = new ApiClient(remote.ingestUrl(), remote.projectionUrl());
            tokens = new TokenIssuer(new JwtSettings(JwtSecretFile.read(remote.jwtSecretFile()), Stack.TOKEN_ISSUER));
        } else {
            stack = StackRunner.start(err);
            api = new ApiClient(URI.create(stack.settings().ingestUrl()), URI.create(stack.settings().projectionUrl()));
            tokens = stack.tokenIssuer();
        }

        err.println("Running the flash sale: " + options.skus() + " SKUs x " + options.stock() + " units, "
                + options.shoppers() + " shoppers, " + options.submissions() + " submissions, seed " + options.seed());
        FlashSale.Parameters parameters = new FlashSale.Parameters(options.skus(), options.stock(), options.shoppers(),
                options.submissions(), options.seed());
        DemoReport report = new FlashSale(api, tokens, err).run(parameters);
        ReportPrinter.print(report, out);
        if (options.report().isPresent()) {
            ReportPrinter.writeJson(report, options.report().get());
            out.println("JSON report written to " + options.report().get().toAbsolutePath());
        }

        if (options.keepRunning() && stack != null) {
            UpCommand.printWelcome(stack, out);
            StackRunner.waitForShutdown();
        }
        if (stack != null) {
            stack.close();
        }
        return report.passed() ? 0 : 1;
    }
}
