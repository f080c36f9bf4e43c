package eu.aifactory.server.operator;

import eu.aifactory.api.ProblemType;
import eu.aifactory.api.access.AccessRequest;
import eu.aifactory.api.access.AccessRequestState;
import eu.aifactory.api.report.ResidencyReport.AccessReason;
import eu.aifactory.api.report.ResidencyReport.AccessRequestRecord;
import eu.aifactory.api.report.ResidencyReport.EmergencyCode;
import eu.aifactory.api.report.ResidencyReport.OperatorAccess;
import eu.aifactory.api.report.ResidencyReport.RequestOutcome;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.server.db.Transactions;
import eu.aifactory.server.http.FieldError;
import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.http.Text;
import eu.aifactory.server.operator.OperatorStore.RequestRow;
import eu.aifactory.server.residency.AccessRequestHistory;
import eu.aifactory.server.residency.OperatorAccessLog;
import eu.aifactory.server.residency.ResidencyStore.AccessRow;
import eu.aifactory.server.tenant.Principal;
import eu.aifactory.server.tenant.TenantService;
import eu.aifactory.server.util.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Operator access approval (decision record 0014): operators ask, the tenant's admins decide before the deadline, an
 * access is refused unless its request is approved and within its window or it is a declared emergency, and every
 * access made is recorded through the residency feature's operator-access log in the same transaction.
 */
public final class AccessApprovalService implements AccessRequestHistory {

    /** The longest access one request may ask for: a week. */
    static final int MAX_DURATION_MINUTES = 7 * 24 * 60;
    /** The latest deadline a request may set, from now: 30 days. */
    static final long MAX_DEADLINE_MS = 30L * 24 * 60 * 60 * 1000;

    private final OperatorStore store;
    private final Transactions transactions;
    private final TenantService tenants;
    private final OperatorAccessLog accessLog;
    private final Clock clock;

    public AccessApprovalService(OperatorStore store, Transactions transactions, TenantService tenants,
                                 OperatorAccessLog accessLog, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.tenants = tenants;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** What an operator asks for, checked by the routes: text lengths, codes and countries. */
    public record NewRequest(String tenantId, String projectId, String resource, AccessReason reason, String justification,
                             String caseId, String locationCountry, int durationMinutes, Instant deadline) {
    }

    /** What an operator declares as an emergency, checked by the routes. */
    public record NewEmergency(String tenantId, String projectId, String resource, EmergencyCode code, AccessReason reason,
                               String justification, String caseId, String locationCountry) {
    }

    // ---------------------------------------------------------------- operators

    public AccessRequest create(OperatorPrincipal operator, NewRequest r) {
        long now = clock.millis();
        if (!r.deadline().isAfter(Instant.ofEpochMilli(now))) {
            throw ProblemException.validation("deadline", "field.inFuture");
        }
        if (r.deadline().toEpochMilli() - now > MAX_DEADLINE_MS) {
            throw ProblemException.validation("deadline", "field.deadlineWithin", 30);
        }
        checkTenantAndProject(r.tenantId(), r.projectId());
        String id = Ids.next("ar");
        transactions.useTransaction(h -> store.insertRequest(h, new RequestRow(id, r.tenantId(), null, r.projectId(), null,
                r.resource(), r.reason(), r.justification(), r.caseId(), operator.tokenId(), operator.name(),
                operator.jobTitle(), operator.employer(), operator.officeCountry(), r.locationCountry(),
                r.durationMinutes(), now, r.deadline().toEpochMilli(), null, null, null, null, null, 0)));
        return view(store.request(id).orElseThrow(), now);
    }

    public List<AccessRequest> list(String tenantId, AccessRequestState state) {
        long now = clock.millis();
        return store.requests(tenantId, state, now).stream().map(r -> view(r, now)).toList();
    }

    public AccessRequest get(String id) {
        return view(store.request(id).orElseThrow(() -> notFound(id)), clock.millis());
    }

    /**
     * Records an access under an approved request of this operator, within its window; anything else is refused and
     * nothing is recorded.
     */
    public OperatorAccess use(OperatorPrincipal operator, String requestId, String locationCountry) {
        return transactions.inTransaction(h -> {
            long now = clock.millis();
            RequestRow r = store.requestForUpdate(h, requestId).orElseThrow(() -> notFound(requestId));
            if (!r.operatorId().equals(operator.tokenId())) {
                throw ProblemException.forbidden("problem.operator.notYourRequest", requestId);
            }
            AccessRequestState state = state(r, now);
            if (state != AccessRequestState.APPROVED) {
                throw new ProblemException(ProblemType.CONFLICT, switch (state) {
                    case PENDING -> "problem.operator.notApproved.pending";
                    case DENIED -> "problem.operator.notApproved.denied";
                    default -> "problem.operator.notApproved.expired";
                }, requestId);
            }
            if (now >= accessUntil(r)) {
                throw new ProblemException(ProblemType.CONFLICT, "problem.operator.windowOver", requestId,
                        Instant.ofEpochMilli(accessUntil(r)).toString());
            }
            AccessRow access = new AccessRow(Ids.next("oa"), r.tenantId(), r.projectId(), r.accessorRole(), now,
                    r.resource(), r.reason(), r.justification(), r.caseId(),
                    locationCountry == null ? r.locationCountry() : locationCountry, r.id(), r.employer(),
                    r.officeCountry(), false, null);
            return accessLog.record(h, access);
        });
    }

    /** Records an access that cannot wait for approval, flagged as an emergency. */
    public OperatorAccess emergency(OperatorPrincipal operator, NewEmergency e) {
        checkTenantAndProject(e.tenantId(), e.projectId());
        AccessRow access = new AccessRow(Ids.next("oa"), e.tenantId(), e.projectId(), operator.jobTitle(), clock.millis(),
                e.resource(), e.reason(), e.justification(), e.caseId(), e.locationCountry(), null, operator.employer(),
                operator.officeCountry(), true, e.code());
        return transactions.inTransaction(h -> accessLog.record(h, access));
    }

    // ---------------------------------------------------------------- tenants

    /** The caller's tenant's requests: tenant admins and account managers. */
    public List<AccessRequest> list(Principal caller, AccessRequestState state) {
        requireReader(caller);
        long now = clock.millis();
        return store.requests(caller.tenantId(), state, now).stream().map(r -> view(r, now)).toList();
    }

    public AccessRequest get(Principal caller, String id) {
        requireReader(caller);
        return view(store.request(caller.tenantId(), id).orElseThrow(() -> notFound(id)), clock.millis());
    }

    /** Approves or denies a pending request of the caller's tenant (tenant admins), before its deadline. */
    public AccessRequest decide(Principal caller, String id, AccessRequestState decision, String comment) {
        if (!caller.roles().contains(Role.TENANT_ADMIN)) {
            // An account manager may read the request, so says why not; an engineer may not even learn it exists.
            if (caller.seesAllProjects()) {
                throw ProblemException.forbidden("problem.adminOnly", Text.of("action.decideAccess"));
            }
            requireReader(caller);
        }
        if (decision == AccessRequestState.DENIED && comment == null) {
            throw ProblemException.validation("comment", "field.denyComment");
        }
        long now = transactions.inTransaction(h -> {
            long at = clock.millis();
            RequestRow r = store.requestForUpdate(h, id).filter(row -> row.tenantId().equals(caller.tenantId()))
                    .orElseThrow(() -> notFound(id));
            AccessRequestState state = state(r, at);
            if (state == AccessRequestState.EXPIRED) {
                throw new ProblemException(ProblemType.CONFLICT, "problem.access.expired", id,
                        Instant.ofEpochMilli(r.deadline()).toString());
            }
            if (state != AccessRequestState.PENDING) {
                throw new ProblemException(ProblemType.CONFLICT, "problem.access.decided", id, r.decidedByName());
            }
            store.decide(h, id, decision, at, caller.userId(), caller.userName(), comment);
            return at;
        });
        return view(store.request(caller.tenantId(), id).orElseThrow(), now);
    }

    @Override
    public List<AccessRequestRecord> settled(String tenantId, long from, long to) {
        long now = clock.millis();
        return store.settled(tenantId, from, to, now).stream().map(r -> {
            AccessRequestState state = state(r, now);
            RequestOutcome outcome = RequestOutcome.valueOf(state.name());
            long settledAt = r.decidedAt() != null ? r.decidedAt() : r.deadline();
            return new AccessRequestRecord(r.id(), r.projectId(), r.resource(), r.reason(), r.justification(), r.caseId(),
                    r.accessorRole(), r.employer(), r.officeCountry(), r.locationCountry(), r.durationMinutes(),
                    Instant.ofEpochMilli(r.requestedAt()), Instant.ofEpochMilli(r.deadline()), outcome,
                    Instant.ofEpochMilli(settledAt), r.decidedByName(), r.comment(), r.accesses());
        }).toList();
    }

    // ---------------------------------------------------------------- helpers

    private static void requireReader(Principal caller) {
        if (!caller.seesAllProjects()) {
            throw ProblemException.forbidden("problem.forbidden.accessRequests");
        }
    }

    private void checkTenantAndProject(String tenantId, String projectId) {
        Optional<List<Me.Project>> projects = tenants.tenantName(tenantId).map(name -> tenants.projects(tenantId));
        if (projects.isEmpty()) {
            throw ProblemException.validation(List.of(new FieldError("tenantId", "field.unknownTenant")));
        }
        if (projectId != null && projects.get().stream().noneMatch(p -> p.id().equals(projectId))) {
            throw ProblemException.validation("projectId", "field.unknownProject");
        }
    }

    static AccessRequestState state(RequestRow r, long now) {
        if (r.decision() != null) {
            return r.decision();
        }
        return now < r.deadline() ? AccessRequestState.PENDING : AccessRequestState.EXPIRED;
    }

    private static long accessUntil(RequestRow r) {
        return r.decidedAt() + r.durationMinutes() * 60_000L;
    }

    private static AccessRequest view(RequestRow r, long now) {
        AccessRequestState state = state(r, now);
        return new AccessRequest(r.id(), r.tenantId(), r.tenantName(), r.projectId(), r.projectName(), r.resource(),
                r.reason(), r.justification(), r.caseId(), r.accessorName(), r.accessorRole(), r.employer(),
                r.officeCountry(), r.locationCountry(), r.durationMinutes(), Instant.ofEpochMilli(r.requestedAt()),
                Instant.ofEpochMilli(r.deadline()), state, r.decidedAt() == null ? null : Instant.ofEpochMilli(r.decidedAt()),
                r.decidedByName(), r.comment(),
                state == AccessRequestState.APPROVED ? Instant.ofEpochMilli(accessUntil(r)) : null, r.accesses());
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("problem.notFound.accessRequest", id);
    }
}
