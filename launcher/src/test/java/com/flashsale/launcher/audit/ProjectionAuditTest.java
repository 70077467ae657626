package com.flashsale.launcher.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProjectionAuditTest {

    @Test
    void helpListingAuditOffersIt() {
        String help = """
                usage: java -jar projection-service.jar
                       [-h] [-v] {server,check,audit,rebuild} ...
                """;

        assertThat(ProjectionAudit.hasAuditCommand(help)).isTrue();
    }

    @Test
    void helpWithoutAuditDoesNotOfferIt() {
        String help = """
                usage: java -jar projection-service.jar
                       [-h] [-v] {server,check} ...
                  --auditor-mode   a named argument that only looks similar
                """;

        assertThat(ProjectionAudit.hasAuditCommand(help)).isFalse();
    }

    @Test
    void auditTextStartsAtItsReport() {
        String stdout = """
                Running Changeset: migrations.xml::1-orders::projection-service
                INFO  [2026-12-04 21:16:57,579] com.flashsale.projection.replay.LogReplayer: Replaying topics
                Audit of the event log
                  records replayed:        445
                Result: CLEAN
                """;

        assertThat(ProjectionAudit.auditText(stdout))
                .isEqualTo("Audit of the event log\n  records replayed:        445\nResult: CLEAN");
    }

    @Test
    void auditTextWithoutHeadingIsKeptWhole() {
        assertThat(ProjectionAudit.auditText("  Exception in thread main\n")).isEqualTo("Exception in thread main");
    }
}
