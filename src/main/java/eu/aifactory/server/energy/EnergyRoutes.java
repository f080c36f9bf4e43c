package eu.aifactory.server.energy;

import eu.aifactory.api.report.EnergyGroupBy;
import eu.aifactory.api.report.EnergyStackBy;
import eu.aifactory.server.http.Http;
import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.http.Routes;
import eu.aifactory.server.tenant.Auth;
import eu.aifactory.server.tenant.Principal;
import eu.aifactory.server.http.FieldError;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Energy receipts and reports (issue 5). */
public final class EnergyRoutes implements Routes {

    private final Auth auth;
    private final EnergyService service;
    private final SignedReceipts signed;

    public EnergyRoutes(Auth auth, EnergyService service, SignedReceipts signed) {
        this.auth = auth;
        this.service = service;
        this.signed = signed;
    }

    @Override
    public void register(Javalin app) {
        app.get("/v1/workloads/{workloadId}/energy", this::receipt);
        app.get("/v1/reports/energy", this::report);
        app.get("/v1/workloads/{workloadId}/energy/signed", this::signedReceipt);
    }

    void receipt(Context ctx) {
        Principal principal = auth.require(ctx);
        Http.json(ctx, 200, service.receipt(principal, ctx.pathParam("workloadId")));
    }

    void signedReceipt(Context ctx) {
        Principal principal = auth.require(ctx);
        ctx.header("Cache-Control", "no-store");
        Http.json(ctx, 200, signed.sign(principal, ctx.pathParam("workloadId")));
    }

    void report(Context ctx) {
        Principal principal = auth.require(ctx);
        List<FieldError> errors = new ArrayList<>();
        Instant from = Http.instant(ctx, "from", errors);
        Instant to = Http.instant(ctx, "to", errors);
        EnergyGroupBy groupBy = EnergyGroupBy.MONTH;
        String groupParam = ctx.queryParam("groupBy");
        if (groupParam != null && !groupParam.isEmpty()) {
            try {
                groupBy = EnergyGroupBy.fromWire(groupParam.trim());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("groupBy", "field.oneOf", Arrays.stream(EnergyGroupBy.values())
                        .map(EnergyGroupBy::wire).collect(Collectors.joining(", "))));
            }
        }
        EnergyStackBy stackBy = null;
        String stackParam = ctx.queryParam("stackBy");
        if (stackParam != null && !stackParam.isEmpty()) {
            try {
                stackBy = EnergyStackBy.fromWire(stackParam.trim());
                if (!groupBy.isTime()) {
                    errors.add(new FieldError("stackBy", "field.stackByNeedsPeriods"));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("stackBy", "field.oneOf", Arrays.stream(EnergyStackBy.values())
                        .map(EnergyStackBy::wire).collect(Collectors.joining(", "))));
            }
        }
        if (errors.stream().noneMatch(e -> e.field().equals("from") || e.field().equals("to"))) {
            EnergyService.validatePeriod(from, to, service.zone(), errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        String rules = ctx.queryParam("rules");
        Http.json(ctx, 200, service.report(principal, from, to, groupBy, stackBy,
                rules == null || rules.isBlank() ? null : rules.trim()));
    }
}
