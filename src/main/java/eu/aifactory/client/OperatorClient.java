package eu.aifactory.client;

import com.fasterxml.jackson.databind.JavaType;
import eu.aifactory.api.access.AccessRequest;
import eu.aifactory.api.access.AccessRequestCreate;
import eu.aifactory.api.access.AccessRequestState;
import eu.aifactory.api.access.AccessUse;
import eu.aifactory.api.access.EmergencyAccessCreate;
import eu.aifactory.api.report.ResidencyReport.OperatorAccess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The factory's operator endpoints ({@code /v1/operator/…}) for operator staff, with an operator token ({@code afo_…})
 * in the config. Same transport, errors and settings as {@link HttpFactoryClient}; writes are never retried, as each
 * records an access or a request.
 */
public final class OperatorClient implements AutoCloseable {

    private final HttpFactoryClient http;
    private final JavaType request;
    private final JavaType requestList;
    private final JavaType access;

    public OperatorClient(FactoryClientConfig config) {
        this.http = new HttpFactoryClient(config);
        this.request = http.mapper().constructType(AccessRequest.class);
        this.requestList = http.mapper().getTypeFactory().constructCollectionType(List.class, AccessRequest.class);
        this.access = http.mapper().constructType(OperatorAccess.class);
    }

    /** Asks the tenant for access; the tenant's admins see it at once. */
    public AccessRequest requestAccess(AccessRequestCreate create) {
        return http.postJson(request, Objects.requireNonNull(create, "create"), "v1", "operator", "access-requests");
    }

    /** Requests newest first, of one tenant or all (null), in one state or any (null). */
    public List<AccessRequest> accessRequests(String tenantId, AccessRequestState state) {
        Map<String, String> query = new HashMap<>();
        query.put("tenantId", tenantId);
        query.put("state", state == null ? null : state.name());
        return http.getJson(requestList, query, "v1", "operator", "access-requests");
    }

    public AccessRequest accessRequest(String requestId) {
        return http.getJson(request, Map.of(), "v1", "operator", "access-requests", requireId(requestId));
    }

    /**
     * Records an access under an approved request, within its window; refused (409) otherwise.
     *
     * @param locationCountry where the operator is now; null for the request's country
     */
    public OperatorAccess access(String requestId, String locationCountry) {
        return http.postJson(access, new AccessUse(locationCountry), "v1", "operator", "access-requests",
                requireId(requestId), "accesses");
    }

    /** Records an access that cannot wait for approval; it is flagged in the tenant's report. */
    public OperatorAccess declareEmergency(EmergencyAccessCreate emergency) {
        return http.postJson(access, Objects.requireNonNull(emergency, "emergency"), "v1", "operator", "emergency-accesses");
    }

    @Override
    public void close() {
        http.close();
    }

    private static String requireId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("requestId must not be blank");
        }
        return id;
    }
}
