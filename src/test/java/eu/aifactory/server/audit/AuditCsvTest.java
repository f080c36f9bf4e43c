package eu.aifactory.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditCsvTest {

    @Test
    void cellsAreQuotedAndFormulasDefused() {
        assertThat(AuditRoutes.cell(null)).isEmpty();
        assertThat(AuditRoutes.cell("Adam \"the\" Admin")).isEqualTo("\"Adam \"\"the\"\" Admin\"");
        assertThat(AuditRoutes.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditRoutes.cell("-1")).isEqualTo("\"'-1\"");
        assertThat(AuditRoutes.cell("a,b\r\nc")).isEqualTo("\"a,b\r\nc\"");
    }
}
