package com.flashsale.launcher.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Prints a {@link DemoReport} as text and writes it as JSON. */
public final class ReportPrinter {

    private ReportPrinter() {
    }

    public static void print(DemoReport report, PrintStream out) {
        out.println();
        out.println("Flash-sale report (seed " + report.seed() + ")");
        out.println("  shoppers:              " + report.shoppers());
        out.println("  submissions:           " + report.submissions() + " (" + report.httpRequests()
                + " HTTP requests with overload retries; 1 of them to a SKU without stock)");
        out.println("  202 responses:         " + report.responses202());
        out.println("  failed submissions:    " + describe(report.failedSubmissions()));
        out.println("  accepted orders:       " + report.acceptedOrders() + " (distinct order ids)");
        out.println("  decisions:             " + describe(report.decisions()));
        out.println("  rejected by reason:    " + describe(report.rejectedByReason()));

        out.println("  reservations handled:  " + describe(report.holdActions())
                + (report.failedCommands() == 0 ? "" : ", " + report.failedCommands() + " commands not accepted"));
        out.println("  final statuses:        " + describe(report.ordersByStatus()));
        out.println("  confirmed:             " + count(report, OrderStatuses.CONFIRMED)
                + "   expired: " + count(report, OrderStatuses.EXPIRED)
                + "   cancelled: " + count(report, OrderStatuses.CANCELLED)
                + "   dead-lettered: " + count(report, OrderStatuses.DEAD_LETTERED));
        out.println("  payments rejected:     " + report.paymentsRejected()
                + " (accepted payments of orders that had expired or were cancelled)");
        long paid = report.holdActions().getOrDefault(HoldAction.PAY.name(), 0L);
        if (paid > 0 && count(report, OrderStatuses.CONFIRMED) * 2 < paid) {
            out.println("    most payments came after the hold had ended: the pipeline took longer than the hold"
                    + " to show reservations; try a longer --hold");
        }

        printSkus(report, out);
        printChecks(report, out);

        out.println("  latency to 202:        " + report.acceptLatency());
        out.println("  submit to decision:    " + report.decisionLatency());
        out.println("  submit to final:       " + report.finalLatency() + " (includes holds until paid, cancelled"
                + " or expired)");

        printAudit(report.audit(), out);
        out.println(report.passed()
                ? "PASSED: no oversell, no duplicates, every order final, stock adds up on every SKU."
                : "FAILED: see the lines marked above.");
    }

    private static void printSkus(DemoReport report, PrintStream out) {
        out.println("  per SKU: stock = available + reserved + sold (projection); sold vs units of CONFIRMED orders");
        for (SkuReport sku : report.skus()) {
            out.printf("    %-28s %5d = %s + %s + %s; confirmed units %d%s%n", sku.skuId(), sku.stock(),
                    sku.available(), sku.reserved(), sku.sold(), sku.confirmedUnits(),
                    sku.passed() ? "" : "  <-- " + String.join("; ", sku.problems()));
        }
    }

    private static void printChecks(DemoReport report, PrintStream out) {
        out.println("  oversold units:        " + report.oversoldUnits() + mark(report.oversoldUnits()));
        out.println("  duplicate orders:      " + report.duplicateOrders() + mark(report.duplicateOrders()));
        out.println("  unfinished orders:     " + report.unfinishedOrders() + mark(report.unfinishedOrders()));
        for (String sample : report.unfinishedSamples()) {
            out.println("    " + sample);
        }
        DeadLetterCheck deadLetter = report.deadLetter();
        out.println("  dead letter:           order " + deadLetter.orderId() + " for a SKU without stock ended "
                + deadLetter.status() + (deadLetter.passed() ? "" : "  <-- must be DEAD_LETTERED"));
        LatePaymentCheck late = report.latePayment();
        if (!late.ran()) {
            out.println("  late payment:          not run: no reservation was left to expire");
        } else {
            String events = late.paymentRejectedSeen() == null
                    ? "order events not available (GET /v1/orders/{orderId}/events answered HTTP " + late.eventsStatus() + ")"
                    : late.paymentRejectedSeen() ? "PaymentRejected in its events" : "no PaymentRejected in its events";
            out.println("  late payment:          order " + late.orderId() + " paid after expiry (HTTP "
                    + late.paymentStatus() + "), status now " + late.statusAfter() + "; " + events
                    + (late.passed() ? "" : "  <-- must stay EXPIRED with PaymentRejected"));
        }
    }

    private static void printAudit(AuditResult audit, PrintStream out) {
        String label = switch (audit.outcome()) {
            case PASSED -> "passed";
            case FAILED -> "FAILED  <-- must pass";
            case NOT_AVAILABLE, NOT_RUN -> audit.output();
        };
        out.println("  audit:                 " + label);
        if (audit.outcome() == AuditResult.Outcome.PASSED || audit.outcome() == AuditResult.Outcome.FAILED) {
            audit.output().lines().forEach(line -> out.println("    " + line));
        }
    }

    private static long count(DemoReport report, String status) {
        return report.ordersByStatus().getOrDefault(status, 0L);
    }

    public static void writeJson(DemoReport report, Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Map<String, Object> document = Map.of("report", report, "passed", report.passed());
        json.writeValue(file.toFile(), document);
    }

    private static String describe(Map<String, Long> counts) {
        return counts.isEmpty() ? "none" : counts.toString();
    }

    private static String mark(long problems) {
        return problems == 0 ? "" : "  <-- must be 0";
    }
}
