package com.flashsale.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flashsale.launcher.audit.ProjectionAudit;
import com.flashsale.launcher.demo.AuditResult;
import com.flashsale.launcher.stack.Service;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault suite: the projection service is killed with SIGKILL in the middle of a sale over HTTP and
 * restarted on the same H2 file. Whatever it had half applied, the audit's replay of the event log
 * must then match the read model exactly. Its logs go to {@code target/fault-reports/projection-kill-logs}.
 */
class ProjectionKillFaultIT {

    private static final int SUBMISSIONS = 3_000;
    private static final int CLIENTS = 16;
    private static final List<String> SKUS = List.of("pk-sku-0", "pk-sku-1", "pk-sku-2");
    private static final long STOCK_PER_SKU = 60;

    @TempDir
    Path dataDirectory;

    /** Keeps the logs of every run, so that a failure can be explained after the temporary directory is gone. */
    @AfterEach
    void keepLogs() throws IOException {
        FaultLogs.keep(dataDirectory, "projection-kill-logs");
    }

    @Test
    void auditIsCleanAfterTheProjectionIsKilledMidSale() throws Exception {
        try (FaultSale sale = new FaultSale(dataDirectory)) {
            sale.loadStock(SKUS, STOCK_PER_SKU);
            List<ShopperRequest> requests = sale.requests("pk", SUBMISSIONS, SKUS, 20_261_204L);
            OneFault kill = new OneFault(() -> killAndRestart(sale));

            sale.submitAll(requests, CLIENTS, accepted -> {
                if (accepted >= SUBMISSIONS / 3) {
                    kill.trigger();
                }
            });
            Duration unavailable = awaitRestart(kill, sale);
            Map<String, Integer> statuses = sale.awaitSettled(requests);
            AuditResult audit = new ProjectionAudit(sale.stack()).run(false);

            JsonNode auditReport = audit.reportFile() == null ? null
                    : new ObjectMapper().readTree(Path.of(audit.reportFile()).toFile());
            int violations = auditReport == null ? -1 : auditReport.path("violations").size();
            int differences = auditReport == null ? -1 : auditReport.path("differences").size();
            FaultReport.publish("ProjectionKillFaultIT", String.format("""
                    ProjectionKillFaultIT
                      faults injected:        1 x SIGKILL of the projection service after %d accepted submissions,
                                              restarted on the same H2 file
                      longest unavailability: %d ms (SIGKILL until the projection's health check answered 200)
                      submissions:            %d accepted requests, %d answers in all, %d error answers and %d attempts without an answer, all retried
                      orders by status:       %s
                      audit:                  %s, violations %d, differences %d
                    """, SUBMISSIONS / 3, unavailable.toMillis(), sale.orderIdByRequest().size(),
                    sale.acceptedAnswers(), sale.errorAnswers(), sale.noAnswers(), statuses, audit.outcome(), violations,
                    differences));
            assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(SUBMISSIONS);
            assertThat(audit.outcome()).as(audit.output()).isEqualTo(AuditResult.Outcome.PASSED);
            assertThat(violations).as(audit.output()).isZero();
            assertThat(differences).as(audit.output()).isZero();
        }
    }

    /** Waits for the restart; when it failed, publishes a report that says so before the test fails. */
    private static Duration awaitRestart(OneFault kill, FaultSale sale) throws Exception {
        try {
            return kill.awaitOutage(Duration.ofMinutes(3));
        } catch (ExecutionException e) {
            FaultReport.publish("ProjectionKillFaultIT", String.format("""
                    ProjectionKillFaultIT
                      faults injected:        1 x SIGKILL of the projection service after %d accepted submissions
                      longest unavailability: unbounded: the projection did not restart on its H2 file
                      submissions:            %d accepted requests
                      violations found:       1: %s
                    """, SUBMISSIONS / 3, sale.orderIdByRequest().size(), firstLine(e.getCause().getMessage())));
            throw e;
        }
    }

    /** Returns the first line of a message that may carry a log excerpt, which the log file itself still contains. */
    private static String firstLine(String message) {
        return message == null ? "(no message)" : message.lines().findFirst().orElse("");
    }

    private static Duration killAndRestart(FaultSale sale) {
        long killedAt = System.nanoTime();
        sale.stack().kill(Service.PROJECTION_SERVICE);
        sale.stack().startService(Service.PROJECTION_SERVICE);
        return Duration.ofNanos(System.nanoTime() - killedAt);
    }
}
