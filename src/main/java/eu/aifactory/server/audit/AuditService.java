package eu.aifactory.server.audit;

import eu.aifactory.api.Page;
import eu.aifactory.api.ProblemType;
import eu.aifactory.api.audit.AuditAction;
import eu.aifactory.api.audit.AuditEntry;
import eu.aifactory.api.audit.AuditOutcome;
import eu.aifactory.server.db.Transactions;
import eu.aifactory.server.http.Cursors;
import eu.aifactory.server.tenant.Principal;
import eu.aifactory.server.tenant.SignInListener;
import eu.aifactory.server.tenant.TenantService;
import eu.aifactory.server.tenant.TenantStore;
import eu.aifactory.server.util.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tenant's audit trail. A change is recorded in the transaction that makes it ({@link #record}), so a committed
 * change always has its entry and a rolled-back one none; a refusal is recorded in a transaction of its own
 * ({@link #refused}). Failed sign-ins with a token whose clear prefix is known go to that token's tenant.
 */
public final class AuditService implements SignInListener {

    private static final Logger LOG = LoggerFactory.getLogger(AuditService.class);
    private static final String CURSOR_KIND = "audit";
    private static final int MAX_TEXT = 200;
    private static final int MAX_DETAIL = 1_000;

    /** What an entry is about. */
    public record Target(String type, String id, String name) {

        public static Target user(String id, String name) {
            return new Target("user", id, name);
        }

        public static Target token(String id, String label) {
            return new Target("token", id, label);
        }

        public static Target project(String id, String name) {
            return new Target("project", id, name);
        }

        public static Target workload(String id, String name) {
            return new Target("workload", id, name);
        }
    }

    private final AuditStore store;
    private final Transactions transactions;
    private final TenantService tenants;
    private final Clock clock;

    public AuditService(AuditStore store, Transactions transactions, TenantService tenants, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** Records a change {@code who} made, in the transaction {@code h} that makes it. */
    public void record(Handle h, Principal who, AuditAction action, Target target, String detail) {
        store.append(h, who.tenantId(), entry(who, action, AuditOutcome.OK, null, target, detail));
    }

    /** Records that the factory refused {@code who} an action, with the problem it answered. */
    public void refused(Principal who, AuditAction action, Target target, ProblemType problem) {
        AuditEntry entry = entry(who, action, AuditOutcome.REFUSED, problem.uri(), target, null);
        transactions.useTransaction(h -> store.append(h, who.tenantId(), entry));
    }

    /** A sign-in with a token of this prefix failed: each tenant holding a token with it gets an entry. */
    @Override
    public void failed(String clientAddress, String tokenPrefix, String reasonKey) {
        if (tokenPrefix == null) {
            return;
        }
        List<TenantStore.TokenOwner> owners = tenants.tokensWithPrefix(tokenPrefix);
        if (owners.isEmpty()) {
            return;
        }
        Instant at = Instant.ofEpochMilli(clock.millis());
        transactions.useTransaction(h -> {
            for (TenantStore.TokenOwner owner : owners) {
                store.append(h, owner.tenantId(), new AuditEntry(Ids.ordered("aud", at.toEpochMilli()), at,
                        AuditAction.SIGN_IN_FAILED, AuditOutcome.REFUSED, ProblemType.UNAUTHENTICATED.uri(),
                        owner.userId(), owner.userName(), owner.tokenId(), clientAddress, "token", owner.tokenId(),
                        tokenPrefix, null));
            }
        });
        LOG.debug("Failed sign-in with prefix {} recorded for {} token(s)", tokenPrefix, owners.size());
    }

    /** One page of the reader's tenant's trail, newest first; {@code cursor} is the previous page's next cursor. */
    public Page<AuditEntry> page(Principal reader, AuditFilter filter, String cursor, int limit) {
        Long beforeAt = null;
        String beforeId = null;
        if (cursor != null) {
            List<String> parts = Cursors.decode(cursor);
            if (parts.size() != 3 || !CURSOR_KIND.equals(parts.get(0))) {
                throw Cursors.invalid();
            }
            try {
                beforeAt = Long.parseLong(parts.get(1));
            } catch (NumberFormatException e) {
                throw Cursors.invalid();
            }
            beforeId = parts.get(2);
        }
        List<AuditEntry> rows = store.page(reader.tenantId(), filter, beforeAt, beforeId, limit + 1);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<AuditEntry> page = rows.subList(0, limit);
        AuditEntry last = page.get(limit - 1);
        return new Page<>(page, Cursors.encode(List.of(CURSOR_KIND, Long.toString(last.at().toEpochMilli()), last.id())));
    }

    /** Every entry of the reader's tenant matching {@code filter}, newest first, at most {@code max}. */
    public void export(Principal reader, AuditFilter filter, int max, Consumer<AuditEntry> sink) {
        store.each(reader.tenantId(), filter, max, sink);
    }

    private AuditEntry entry(Principal who, AuditAction action, AuditOutcome outcome, String problem, Target target,
                             String detail) {
        long now = clock.millis();
        return new AuditEntry(Ids.ordered("aud", now), Instant.ofEpochMilli(now), action, outcome, problem,
                who.userId(), cut(who.userName(), MAX_TEXT), who.tokenId() == null ? AuditEntry.SSO : who.tokenId(),
                who.clientAddress(), target == null ? null : target.type(),
                target == null ? null : cut(target.id(), MAX_TEXT), target == null ? null : cut(target.name(), MAX_TEXT),
                cut(detail, MAX_DETAIL));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
