package eu.aifactory.server.operator;

import eu.aifactory.api.access.AccessRequest;
import eu.aifactory.api.access.AccessRequestCreate;
import eu.aifactory.api.access.AccessUse;
import eu.aifactory.api.access.EmergencyAccessCreate;
import eu.aifactory.api.report.ResidencyReport.OperatorAccess;
import eu.aifactory.server.http.FieldError;
import eu.aifactory.server.http.Http;
import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.http.Routes;
import eu.aifactory.server.operator.AccessApprovalService.NewEmergency;
import eu.aifactory.server.operator.AccessApprovalService.NewRequest;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's side, under {@code /v1/operator}: operator tokens only. Ask a tenant for access, read the requests,
 * make an access under an approved request, or declare an emergency access.
 */
public final class OperatorRoutes implements Routes {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorRoutes.class);
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final int MAX_ID = 64;
    private static final int MAX_RESOURCE = 300;
    private static final int MAX_JUSTIFICATION = 1000;
    private static final int MAX_CASE = 100;

    private final OperatorAuth auth;
    private final AccessApprovalService service;

    public OperatorRoutes(OperatorAuth auth, AccessApprovalService service) {
        this.auth = auth;
        this.service = service;
    }

    @Override
    public void register(Javalin app) {
        app.post("/v1/operator/access-requests", this::create);
        app.get("/v1/operator/access-requests", this::list);
        app.get("/v1/operator/access-requests/{requestId}", this::get);
        app.post("/v1/operator/access-requests/{requestId}/accesses", this::use);
        app.post("/v1/operator/emergency-accesses", this::emergency);
    }

    void create(Context ctx) {
        OperatorPrincipal operator = auth.require(ctx);
        AccessRequestCreate body = Http.body(ctx, AccessRequestCreate.class);
        List<FieldError> errors = new ArrayList<>();
        String tenantId = text(errors, "tenantId", body.tenantId(), MAX_ID);
        String projectId = optional(errors, "projectId", body.projectId(), MAX_ID);
        String resource = text(errors, "resource", body.resource(), MAX_RESOURCE);
        required(errors, "reasonCode", body.reasonCode());
        String justification = text(errors, "justification", body.justification(), MAX_JUSTIFICATION);
        String caseId = text(errors, "caseId", body.caseId(), MAX_CASE);
        String country = country(errors, "locationCountry", body.locationCountry());
        Integer duration = body.durationMinutes();
        if (duration == null) {
            errors.add(new FieldError("durationMinutes", "field.required"));
        } else if (duration < 1 || duration > AccessApprovalService.MAX_DURATION_MINUTES) {
            errors.add(new FieldError("durationMinutes", "field.between", 1, AccessApprovalService.MAX_DURATION_MINUTES));
        }
        if (body.deadline() == null) {
            errors.add(new FieldError("deadline", "field.requiredDateTime"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        AccessRequest created = service.create(operator, new NewRequest(tenantId, projectId, resource, body.reasonCode(),
                justification, caseId, country, duration, body.deadline()));
        LOG.info("Operator {} asked tenant {} for access ({}, case {}): request {}", operator.tokenId(), tenantId,
                body.reasonCode(), caseId, created.id());
        ctx.header("Location", "/v1/operator/access-requests/" + created.id());
        Http.json(ctx, 201, created);
    }

    void list(Context ctx) {
        auth.require(ctx);
        Http.json(ctx, 200, service.list(Http.string(ctx, "tenantId", MAX_ID), AccessRequestRoutes.state(ctx)));
    }

    void get(Context ctx) {
        auth.require(ctx);
        Http.json(ctx, 200, service.get(ctx.pathParam("requestId")));
    }

    void use(Context ctx) {
        OperatorPrincipal operator = auth.require(ctx);
        AccessUse body = Http.body(ctx, AccessUse.class);
        List<FieldError> errors = new ArrayList<>();
        String country = body.locationCountry() == null ? null : country(errors, "locationCountry", body.locationCountry());
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        OperatorAccess access = service.use(operator, ctx.pathParam("requestId"), country);
        LOG.info("Operator {} accessed tenant data under request {}: access {}", operator.tokenId(), access.requestId(),
                access.id());
        Http.json(ctx, 201, access);
    }

    void emergency(Context ctx) {
        OperatorPrincipal operator = auth.require(ctx);
        EmergencyAccessCreate body = Http.body(ctx, EmergencyAccessCreate.class);
        List<FieldError> errors = new ArrayList<>();
        String tenantId = text(errors, "tenantId", body.tenantId(), MAX_ID);
        String projectId = optional(errors, "projectId", body.projectId(), MAX_ID);
        String resource = text(errors, "resource", body.resource(), MAX_RESOURCE);
        required(errors, "emergencyCode", body.emergencyCode());
        required(errors, "reasonCode", body.reasonCode());
        String justification = text(errors, "justification", body.justification(), MAX_JUSTIFICATION);
        String caseId = text(errors, "caseId", body.caseId(), MAX_CASE);
        String country = country(errors, "locationCountry", body.locationCountry());
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        OperatorAccess access = service.emergency(operator, new NewEmergency(tenantId, projectId, resource,
                body.emergencyCode(), body.reasonCode(), justification, caseId, country));
        LOG.warn("Operator {} declared an emergency access ({}) to tenant {}: access {}", operator.tokenId(),
                body.emergencyCode(), tenantId, access.id());
        Http.json(ctx, 201, access);
    }

    // ---------------------------------------------------------------- checks

    private static String text(List<FieldError> errors, String field, String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            errors.add(new FieldError(field, "field.required"));
            return null;
        }
        if (v.length() > max) {
            errors.add(new FieldError(field, "field.maxLength", max));
            return null;
        }
        return v;
    }

    private static String optional(List<FieldError> errors, String field, String value, int max) {
        return value == null || value.isBlank() ? null : text(errors, field, value, max);
    }

    private static void required(List<FieldError> errors, String field, Object value) {
        if (value == null) {
            errors.add(new FieldError(field, "field.required"));
        }
    }

    private static String country(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "field.required"));
            return null;
        }
        if (!COUNTRY.matcher(value).matches()) {
            errors.add(new FieldError(field, "field.country"));
            return null;
        }
        return value;
    }
}
