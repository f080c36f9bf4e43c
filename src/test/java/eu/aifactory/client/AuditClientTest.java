package eu.aifactory.client;

import static eu.aifactory.client.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import eu.aifactory.api.Page;
import eu.aifactory.api.audit.AuditAction;
import eu.aifactory.api.audit.AuditEntry;
import eu.aifactory.api.audit.AuditOutcome;
import eu.aifactory.api.audit.AuditQuery;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The audit trail calls of the client: query parameters, paging, the CSV stream and problems. */
class AuditClientTest extends MockFactoryTest {

    private static final AuditEntry ENTRY = new AuditEntry("aud-1", Instant.parse("2026-11-25T10:00:00Z"),
            AuditAction.BUDGET_SET, AuditOutcome.OK, null, "u-1", "Anna Admin", "tok-1", "10.0.0.7", "project", "p-1",
            "Line 3", "2026-11: EUR 5000");

    @Test
    void listAuditSendsEveryFilterAndReadsThePage() throws Exception {
        server.enqueue(json(200, new Page<>(List.of(ENTRY), "next-1")));

        Page<AuditEntry> page = client.listAudit(new AuditQuery(AuditAction.WORKLOAD_SUBMIT, "u 1", AuditOutcome.REFUSED,
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"), "c-0", 25));

        assertThat(page.items()).containsExactly(ENTRY);
        assertThat(page.nextCursor()).isEqualTo("next-1");
        RecordedRequest request = next();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo("/v1/audit?action=workload.submit&userId=u%201&outcome=refused"
                + "&from=2026-11-01T00%3A00%3A00Z&to=2026-12-01T00%3A00%3A00Z&limit=25&cursor=c-0");
        assertThat(request.getHeader("Authorization")).startsWith("Bearer ");
    }

    @Test
    void exportAuditStreamsTheCsvWithoutPagingParameters() throws Exception {
        String csv = "at,action\r\n\"2026-11-25T10:00:00Z\",\"budget.set\"\r\n";
        server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/csv; charset=utf-8")
                .setBody(csv));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long written = client.exportAudit(AuditQuery.all().withCursor("ignored"), out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(csv);
        assertThat(written).isEqualTo(csv.length());
        RecordedRequest request = next();
        assertThat(request.getPath()).isEqualTo("/v1/audit?format=csv");
        assertThat(request.getHeader("Accept")).isEqualTo("text/csv");
    }

    @Test
    void anEngineerIsRefusedWithTheFactorysProblem() {
        server.enqueue(new MockResponse().setResponseCode(403).setHeader("Content-Type", "application/problem+json")
                .setBody("{\"type\":\"https://aifactory.eu/problems/forbidden\",\"title\":\"Not allowed for your role\","
                        + "\"status\":403,\"detail\":\"Only tenant admins and account managers can read the audit trail.\"}"));

        ApiException e = catchThrowableOfType(ApiException.class, () -> client.listAudit(AuditQuery.all()));

        assertThat(e.status()).isEqualTo(403);
        assertThat(e.problem().detail()).contains("audit trail");
    }
}
