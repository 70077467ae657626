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
                + " HTTP requests with overload retries)");
        out.println("  202 responses:         " + report.responses202());
        out.println("  failed submissions:    " + describe(report.failedSubmissions()));
        out.println("  accepted orders:       " + report.acceptedOrders() + " (distinct order ids)");
        out.println("  orders by status:      " + describe(report.ordersByStatus()));
        out.println("  rejected by reason:    " + describe(report.rejectedByReason()));
        out.println("  per SKU (stock / held by orders / projection reserved, sold, available):");
        for (SkuReport sku : report.skus()) {
            out.printf("    %-28s %6d / %6d / %s, %s, %s%s%n", sku.skuId(), sku.stock(), sku.unitsHeldByOrders(),
                    sku.reserved(), sku.sold(), sku.available(),
                    sku.oversoldUnits() > 0 ? "  OVERSOLD " + sku.oversoldUnits() : "");
        }
        out.println("  oversold units:        " + report.oversoldUnits() + mark(report.oversoldUnits()));
        out.println("  duplicate orders:      " + report.duplicateOrders() + mark(report.duplicateOrders()));
        out.println("  unfinished orders:     " + report.unfinishedOrders() + mark(report.unfinishedOrders()));
        out.println("  latency to 202:        " + report.acceptLatency());
        out.println("  submit to final:       " + report.finalLatency());
        out.println(report.passed() ? "PASSED: no oversell, no duplicates, every order final."
                : "FAILED: see the lines marked above.");
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
