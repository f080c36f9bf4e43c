package eu.aifactory.server.routes;

import eu.aifactory.api.Health;
import eu.aifactory.api.Problem;
import eu.aifactory.api.ProblemType;
import eu.aifactory.server.db.Database;
import eu.aifactory.server.exec.EventHub;
import eu.aifactory.server.service.DatasetService;
import eu.aifactory.server.service.EnergyService;
import eu.aifactory.server.residency.DownloadLog;
import eu.aifactory.server.residency.ResidencyReportService;
import eu.aifactory.server.service.EstimateService;
import eu.aifactory.server.service.WorkloadService;
import eu.aifactory.server.signing.SigningKeyStore;
import eu.aifactory.server.service.BudgetLedger;
import eu.aifactory.server.service.BudgetService;
import eu.aifactory.server.service.UsageService;
import eu.aifactory.server.store.AdminStore;
import eu.aifactory.server.store.BudgetStore;
import eu.aifactory.server.store.LedgerStore;
import eu.aifactory.server.store.CatalogStore;
import eu.aifactory.server.store.EnergyStore;
import eu.aifactory.server.store.TenantStore;
import eu.aifactory.server.store.WorkloadStore;
import eu.aifactory.server.util.Ids;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The HTTP face of the factory: routes of the OpenAPI document, and RFC 9457 problems for every error. */
public final class FactoryApi {

    private static final Logger LOG = LoggerFactory.getLogger(FactoryApi.class);
    private static final String REQUEST_ID = "requestId";
    public static final String SITE = "Industrial AI Cloud Munich (Tucherpark), DE";

    private FactoryApi() {
    }

    /** Everything the routes need. */
    public record Services(Database database, TenantStore tenants, CatalogStore catalog, WorkloadStore workloads,
                           WorkloadService workloadService, EstimateService estimates, EventHub events, Clock clock,
                           String version, long keepAliveMs, ResidencyReportService residency,
                           SigningKeyStore signingKeys, DownloadLog downloads, DatasetService datasets,
                           int maxEventStreams) {
    }

    public static Javalin create(Services s) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = Http.MAX_BODY_BYTES;
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
        });
        Auth auth = new Auth(s.tenants());
        CatalogRoutes catalog = new CatalogRoutes(auth, s.catalog(), s.estimates());
        WorkloadRoutes workloads = new WorkloadRoutes(auth, s.workloadService(), s.workloads());
        EventStream events = new EventStream(auth, s.events(), s.workloads(), s.tenants(), s.keepAliveMs(),
                s.maxEventStreams());
        EnergyRoutes energy = new EnergyRoutes(auth, new EnergyService(new EnergyStore(s.database().jdbi()), s.workloads(),
                s.catalog(), s.clock()));
        ResidencyRoutes residency = new ResidencyRoutes(auth, s.residency(), s.signingKeys(), s.downloads());
        DatasetRoutes datasets = new DatasetRoutes(auth, s.datasets());
        UsageRoutes usage = usageRoutes(auth, s);
        AdminRoutes admin = new AdminRoutes(auth, new AdminStore(s.database().jdbi()), s.tenants(), s.clock(), events);

        app.before(ctx -> {
            String requestId = Ids.next("req");
            MDC.put(REQUEST_ID, requestId);
            ctx.attribute(REQUEST_ID, requestId);
            ctx.header("X-Request-Id", requestId);
        });
        app.after(ctx -> MDC.remove(REQUEST_ID));
        app.beforeMatched(RequestText::checkParameters);

        app.get("/v1/health", ctx -> {
            boolean up = s.database().isUp();
            if (!up) {
                throw new ProblemException(ProblemType.UNAVAILABLE, "The factory's database does not answer.");
            }
            Http.json(ctx, 200, new Health("ok", s.version(), SITE, Instant.now(s.clock())));
        });
        app.get("/v1/me", ctx -> Http.json(ctx, 200, auth.require(ctx).toMe()));
        app.get("/v1/apps", catalog::listApps);
        app.get("/v1/apps/{appId}", catalog::getApp);
        app.get("/v1/resource-plans", catalog::listPlans);
        app.post("/v1/estimates", catalog::estimate);
        app.post("/v1/workloads", workloads::submit);
        app.get("/v1/workloads", workloads::list);
        app.get("/v1/workloads/{workloadId}", workloads::get);
        app.post("/v1/workloads/{workloadId}/cancel", workloads::cancel);
        app.get("/v1/workloads/{workloadId}/logs", workloads::logs);
        app.get("/v1/workloads/{workloadId}/artifacts", workloads::artifacts);
        app.get("/v1/artifacts/{artifactId}/content", workloads::content);
        app.get("/v1/events", events::stream);
        app.get("/v1/workloads/{workloadId}/energy", energy::receipt);
        app.get("/v1/reports/energy", energy::report);
        app.after("/v1/artifacts/{artifactId}/content", residency::afterContent);
        app.get("/v1/reports/residency", residency::report);
        app.get("/.well-known/factory-keys", residency::keys);
        app.get("/v1/datasets", datasets::list);
        app.post("/v1/datasets", datasets::upload);
        app.get("/v1/usage", usage::usage);
        app.get("/v1/budgets", usage::budgets);
        app.get("/v1/projects/{projectId}/headroom", usage::headroom);
        app.put("/v1/projects/{projectId}/budgets/{month}", usage::putBudget);
        app.get("/v1/projects/{projectId}/budget-overrides", usage::listOverrides);
        app.post("/v1/projects/{projectId}/budget-overrides", usage::grantOverride);
        app.put("/v1/projects/{projectId}/quotas/{planId}", usage::putQuota);
        app.get("/v1/admin/users", admin::listUsers);
        app.post("/v1/admin/users", admin::createUser);
        app.patch("/v1/admin/users/{userId}", admin::updateUser);
        app.get("/v1/admin/tokens", admin::listTokens);
        app.post("/v1/admin/tokens", admin::createToken);
        app.delete("/v1/admin/tokens/{tokenId}", admin::revokeToken);
        app.get("/v1/admin/projects", admin::listProjects);
        app.post("/v1/admin/projects", admin::createProject);

        app.exception(ProblemException.class, (e, ctx) -> problem(ctx, e.type(), e.getMessage(), e.errors(), e.budget()));
        app.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, typeOf(e.getStatus()), detailOf(e), List.of()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed (request {})", ctx.method(), ctx.path(), ctx.attribute(REQUEST_ID), e);
            problem(ctx, ProblemType.INTERNAL, "Something went wrong on the factory's side. Quote request id "
                    + ctx.attribute(REQUEST_ID) + " when you report it.", List.of());
        });
        return app;
    }

    /** Usage reads the energy report's figures; budgets read the ledger, which books them with the same arithmetic. */
    private static UsageRoutes usageRoutes(Auth auth, Services s) {
        BudgetStore budgetStore = new BudgetStore(s.database().jdbi());
        AdminStore adminStore = new AdminStore(s.database().jdbi());
        EnergyService energy = new EnergyService(new EnergyStore(s.database().jdbi()), s.workloads(), s.catalog(), s.clock());
        BudgetLedger ledger = new BudgetLedger(new LedgerStore(s.database().jdbi()),
                new EnergyStore(s.database().jdbi()), s.catalog());
        BudgetService budgets = new BudgetService(budgetStore, adminStore, s.catalog(), ledger, s.clock());
        UsageService usage = new UsageService(energy, budgets, budgetStore, s.tenants(), adminStore, s.catalog(), s.clock());
        return new UsageRoutes(auth, usage, budgets, budgetStore, s.catalog(), s.clock());
    }

    private static ProblemType typeOf(int status) {
        return switch (status) {
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 409 -> ProblemType.CONFLICT;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 416 -> ProblemType.RANGE_NOT_SATISFIABLE;
            case 503 -> ProblemType.UNAVAILABLE;
            default -> status >= 500 ? ProblemType.INTERNAL : ProblemType.VALIDATION;
        };
    }

    private static String detailOf(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> "No such resource.";
            case 405 -> "This resource does not support that method.";
            default -> e.getMessage();
        };
    }

    static void problem(Context ctx, ProblemType type, String detail, List<Problem.FieldError> errors) {
        problem(ctx, type, detail, errors, null);
    }

    static void problem(Context ctx, ProblemType type, String detail, List<Problem.FieldError> errors,
                        eu.aifactory.api.usage.BudgetDenial budget) {
        if (type == ProblemType.UNAUTHENTICATED) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"ai-factory\"");
        }
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, ctx.path(), errors, budget);
        ctx.status(type.status()).contentType(Problem.MEDIA_TYPE).result(Http.problemBytes(problem));
    }

    /**
     * A request Jetty refused before any route ran (bad request line, URI, percent-encoding or header; a version
     * other than HTTP/1.x) is the client's error whatever status Jetty chose, so its type is never {@code internal}.
     */
    static ProblemType refusedType(int status) {
        return switch (status) {
            case 426, 505 -> ProblemType.UNSUPPORTED_HTTP_VERSION;
            case 400, 414, 431, 501 -> ProblemType.MALFORMED_REQUEST;
            default -> typeOf(status);
        };
    }

    private static Problem refused(int status, String reason, String instance) {
        ProblemType type = refusedType(status);
        String detail = reason == null || reason.isBlank() ? type.title() : type.title() + ": " + reason;
        return new Problem(type.uri(), type.title(), status, detail, instance, List.of());
    }

    /** Errors Jetty answers itself (bad request lines, oversized headers) are problems too, never HTML. */
    static final class ProblemErrorHandler extends ErrorHandler {

        @Override
        public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            int status = response.getStatus() >= 400 ? response.getStatus() : 500;
            Object reason = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
            byte[] body = Http.problemBytes(refused(status, reason == null ? null : reason.toString(),
                    request.getRequestURI()));
            response.setContentType(Problem.MEDIA_TYPE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            baseRequest.setHandled(true);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
            return ByteBuffer.wrap(Http.problemBytes(refused(status, reason, null)));
        }
    }
}
