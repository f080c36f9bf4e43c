package eu.aifactory.client;

import static eu.aifactory.client.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import eu.aifactory.api.Problem;
import eu.aifactory.api.ProblemType;
import eu.aifactory.api.access.AccessRequest;
import eu.aifactory.api.access.AccessRequestCreate;
import eu.aifactory.api.access.AccessRequestState;
import eu.aifactory.api.access.EmergencyAccessCreate;
import eu.aifactory.api.report.ResidencyReport.AccessReason;
import eu.aifactory.api.report.ResidencyReport.EmergencyCode;
import eu.aifactory.api.report.ResidencyReport.OperatorAccess;
import java.time.Instant;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The access approval calls of the tenant client and the operator client: methods, paths, bodies, no retries. */
class AccessApprovalClientTest extends MockFactoryTest {

    private static final Instant ASKED = Instant.parse("2026-11-18T09:00:00Z");
    private static final AccessRequest PENDING = new AccessRequest("ar 1", "acme", "Acme", "acme-qs", "QS", "Logs",
            AccessReason.HARDWARE_FAULT, "drive failing", "INC-1", "Jonas Berger", "Support engineer", "T-Systems", "DE",
            "AT", 120, ASKED, ASKED.plusSeconds(86_400), AccessRequestState.PENDING, null, null, null, null, 0);

    @Test
    void listFiltersByStateAndReadsEveryField() throws Exception {
        server.enqueue(json(200, List.of(PENDING)));

        List<AccessRequest> read = client.listAccessRequests(AccessRequestState.PENDING);

        assertThat(read).containsExactly(PENDING);
        RecordedRequest request = next();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo("/v1/access-requests?state=PENDING");
    }

    @Test
    void approveAndDenyPostTheCommentToTheirOwnPaths() throws Exception {
        server.enqueue(json(200, PENDING));
        server.enqueue(json(200, PENDING));
        server.enqueue(json(200, PENDING));

        client.approveAccessRequest("ar 1", null);
        client.denyAccessRequest("ar 1", "nicht ohne unsere IT");
        client.getAccessRequest("ar 1");

        RecordedRequest approve = next();
        assertThat(approve.getMethod()).isEqualTo("POST");
        assertThat(approve.getPath()).isEqualTo("/v1/access-requests/ar%201/approve");
        assertThat(approve.getBody().readUtf8()).isEqualTo("{}");
        RecordedRequest deny = next();
        assertThat(deny.getPath()).isEqualTo("/v1/access-requests/ar%201/deny");
        assertThat(deny.getBody().readUtf8()).isEqualTo("{\"comment\":\"nicht ohne unsere IT\"}");
        assertThat(next().getPath()).isEqualTo("/v1/access-requests/ar%201");
    }

    @Test
    void aDecisionIsNotRetriedAndARefusalCarriesTheProblem() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(503));
        assertThat(catchThrowableOfType(ApiException.class, () -> client.approveAccessRequest("ar-1", "ok")).status())
                .isEqualTo(503);
        assertThat(server.getRequestCount()).isEqualTo(1);
        next();

        server.enqueue(json(409, new Problem(ProblemType.CONFLICT.uri(), "Conflicting state", 409,
                "Access request ar-1 expired at its deadline", "/v1/access-requests/ar-1/approve", List.of()))
                .setHeader("Content-Type", "application/problem+json"));
        ApiException expired = catchThrowableOfType(ApiException.class, () -> client.approveAccessRequest("ar-1", null));
        assertThat(expired.type()).isEqualTo(ProblemType.CONFLICT);
        assertThat(expired.problem().detail()).contains("expired");
    }

    @Test
    void theOperatorClientAsksUsesAndDeclaresUnderOperatorPaths() throws Exception {
        OperatorAccess access = new OperatorAccess("oa-1", ASKED, "Support engineer", null, "Logs", AccessReason.HARDWARE_FAULT,
                "drive failing", "INC-1", "DE", true, null, "T-Systems", "DE", true, EmergencyCode.SERVICE_OUTAGE);
        server.enqueue(json(201, PENDING));
        server.enqueue(json(200, List.of(PENDING)));
        server.enqueue(json(201, access));
        server.enqueue(new MockResponse().setResponseCode(503));
        try (OperatorClient operator = new OperatorClient(Fixtures.config(server, sleeper).build())) {
            operator.requestAccess(new AccessRequestCreate("acme", null, "Logs", AccessReason.HARDWARE_FAULT, "drive failing",
                    "INC-1", "AT", 120, ASKED.plusSeconds(86_400)));
            assertThat(operator.accessRequests("acme", AccessRequestState.APPROVED)).containsExactly(PENDING);
            assertThat(operator.declareEmergency(new EmergencyAccessCreate("acme", null, "Logs", EmergencyCode.SERVICE_OUTAGE,
                    AccessReason.HARDWARE_FAULT, "drive failing", "INC-1", "DE"))).isEqualTo(access);
            assertThat(catchThrowableOfType(ApiException.class, () -> operator.access("ar-1", null)).status())
                    .as("an access is never sent twice").isEqualTo(503);
        }

        RecordedRequest ask = next();
        assertThat(ask.getPath()).isEqualTo("/v1/operator/access-requests");
        assertThat(ask.getBody().readUtf8()).contains("\"tenantId\":\"acme\"", "\"durationMinutes\":120",
                "\"deadline\":\"2026-11-19T09:00:00Z\"").doesNotContain("projectId");
        assertThat(next().getPath()).isIn("/v1/operator/access-requests?tenantId=acme&state=APPROVED",
                "/v1/operator/access-requests?state=APPROVED&tenantId=acme");
        assertThat(next().getPath()).isEqualTo("/v1/operator/emergency-accesses");
        RecordedRequest use = next();
        assertThat(use.getPath()).isEqualTo("/v1/operator/access-requests/ar-1/accesses");
        assertThat(server.getRequestCount()).isEqualTo(4);
    }
}
