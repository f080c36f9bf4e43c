package eu.aifactory.server.operator;

import eu.aifactory.api.access.AccessDecision;
import eu.aifactory.api.access.AccessRequest;
import eu.aifactory.api.access.AccessRequestState;
import eu.aifactory.server.http.Http;
import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.http.Routes;
import eu.aifactory.server.tenant.Auth;
import eu.aifactory.server.tenant.Principal;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenant's side of operator access approval: tenant admins and account managers read the requests for their
 * tenant; only tenant admins approve or deny them. Another tenant's request is 404.
 */
public final class AccessRequestRoutes implements Routes {

    private static final Logger LOG = LoggerFactory.getLogger(AccessRequestRoutes.class);
    static final int MAX_COMMENT = 1000;

    private final Auth auth;
    private final AccessApprovalService service;

    public AccessRequestRoutes(Auth auth, AccessApprovalService service) {
        this.auth = auth;
        this.service = service;
    }

    @Override
    public void register(Javalin app) {
        app.get("/v1/access-requests", this::list);
        app.get("/v1/access-requests/{requestId}", this::get);
        app.post("/v1/access-requests/{requestId}/approve", ctx -> decide(ctx, AccessRequestState.APPROVED));
        app.post("/v1/access-requests/{requestId}/deny", ctx -> decide(ctx, AccessRequestState.DENIED));
    }

    void list(Context ctx) {
        Principal caller = auth.require(ctx);
        Http.json(ctx, 200, service.list(caller, state(ctx)));
    }

    void get(Context ctx) {
        Principal caller = auth.require(ctx);
        Http.json(ctx, 200, service.get(caller, ctx.pathParam("requestId")));
    }

    void decide(Context ctx, AccessRequestState decision) {
        Principal caller = auth.require(ctx);
        AccessDecision body = Http.body(ctx, AccessDecision.class);
        String comment = body.comment() == null || body.comment().isBlank() ? null : body.comment().strip();
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw ProblemException.validation("comment", "field.maxLength", MAX_COMMENT);
        }
        AccessRequest decided = service.decide(caller, ctx.pathParam("requestId"), decision, comment);
        LOG.info("Access request {} of tenant {} {} by {}", decided.id(), caller.tenantId(),
                decision == AccessRequestState.APPROVED ? "approved" : "denied", caller.userId());
        Http.json(ctx, 200, decided);
    }

    /** The optional {@code state} filter. */
    static AccessRequestState state(Context ctx) {
        String value = Http.string(ctx, "state", 20);
        if (value == null) {
            return null;
        }
        try {
            return AccessRequestState.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("state", "field.oneOf", Arrays.stream(AccessRequestState.values())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
