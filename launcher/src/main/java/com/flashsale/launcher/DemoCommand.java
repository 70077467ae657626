package com.flashsale.launcher;

import com.flashsale.common.auth.JwtSettings;
import com.flashsale.common.auth.TokenIssuer;
import com.flashsale.launcher.audit.ProjectionAudit;
import com.flashsale.launcher.cli.DemoOptions;
import com.flashsale.launcher.demo.ApiClient;
import com.flashsale.launcher.demo.AuditResult;
import com.flashsale.launcher.demo.DemoReport;
import com.flashsale.launcher.demo.FlashSale;
import com.flashsale.launcher.demo.ReportPrinter;
import com.flashsale.launcher.stack.JwtSecretFile;
import com.flashsale.launcher.stack.ProcessorTimings;
import com.flashsale.launcher.stack.Stack;
import com.flashsale.launcher.stack.StackPorts;
import com.flashsale.launcher.stack.StackSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** {@code flashsale demo}: runs a flash sale on the embedded stack (or a running one) and reports. */
final class DemoCommand {

    /** Short retries, so that the dead-letter probe ends within seconds instead of the default 14 s. */
    static final List<Duration> RETRY_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(3));

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
            stack = StackRunner.start(stackSettings(options), err);
            api = new ApiClient(URI.create(stack.settings().ingestUrl()), URI.create(stack.settings().projectionUrl()));
            tokens = stack.tokenIssuer();
        }

        err.println("Running the flash sale: " + options.skus() + " SKUs x " + options.stock() + " units, "
                + options.shoppers() + " shoppers, " + options.submissions() + " submissions, hold "
                + options.hold().toSeconds() + " s, paying " + options.payRatio() + " and cancelling "
                + options.cancelRatio() + " of the reservations, seed " + options.seed());
        FlashSale.Parameters parameters = new FlashSale.Parameters(options.skus(), options.stock(), options.shoppers(),
                options.submissions(), options.seed(), options.payRatio(), options.cancelRatio(), options.hold());
        DemoReport report = new FlashSale(api, tokens, err).run(parameters);
        report = report.withAudit(audit(stack, options.keepRunning(), err));
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

    private static StackSettings stackSettings(DemoOptions options) {
        StackSettings settings = StackSettings.defaults(StackRunner.repositoryRoot())
                .withProcessorTimings(new ProcessorTimings(options.hold(), RETRY_DELAYS));
        if (options.basePort().isPresent()) {
            settings = settings.withPorts(StackPorts.fromBase(options.basePort().getAsInt()));
        }
        if (options.dataDirectory().isPresent()) {
            settings = settings.withDataDirectory(options.dataDirectory().get());
        }
        return settings;
    }

    private static AuditResult audit(Stack stack, boolean keepRunning, PrintStream err) throws InterruptedException {
        if (stack == null) {
            return AuditResult.notRun("not run: the demo used a stack started elsewhere");
        }
        err.println("Running the projection's audit (the projection service stops for it)...");
        try {
            return new ProjectionAudit(stack).run(keepRunning);
        } catch (IOException e) {
            // The sale's report is still worth printing, so the failed audit becomes part of it.
            return new AuditResult(AuditResult.Outcome.FAILED, "could not run the audit: " + e.getMessage(), null);
        }
    }
}
