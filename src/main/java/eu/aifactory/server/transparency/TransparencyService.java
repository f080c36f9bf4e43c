package eu.aifactory.server.transparency;

import eu.aifactory.api.transparency.ConsistencyProof;
import eu.aifactory.api.transparency.InclusionProof;
import eu.aifactory.api.transparency.LogEntry;
import eu.aifactory.api.transparency.LogSection;
import eu.aifactory.api.transparency.Merkle;
import eu.aifactory.api.transparency.TreeHead;
import eu.aifactory.server.db.Transactions;
import eu.aifactory.server.http.FieldError;
import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.signing.SigningKeyStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signed tree heads and proofs of the tenants' transparency logs. Each call first logs the tenant's records that no
 * writer logged ({@link TransparencyStore#catchUp}), so a head covers everything the factory holds when it is made.
 */
public final class TransparencyService {

    private static final Logger LOG = LoggerFactory.getLogger(TransparencyService.class);

    private final TransparencyStore store;
    private final Transactions transactions;
    private final SigningKeyStore keys;
    private final Clock clock;

    public TransparencyService(TransparencyStore store, Transactions transactions, SigningKeyStore keys, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.keys = keys;
        this.clock = clock;
    }

    /** Logs every tenant's unlogged records, once at start: data directories from before the log, seeded history. */
    public void catchUpAll() {
        long started = System.nanoTime();
        int total = 0;
        for (String tenantId : store.tenantIds()) {
            total += transactions.inTransaction(h -> TransparencyStore.catchUp(h, tenantId));
        }
        LOG.info("Transparency logs caught up: {} records logged in {} ms", total, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The report's section: the signed head now, the period's index range with its entries, and, with
     * {@code since}, the consistency proof from that size.
     */
    public LogSection section(String tenantId, Instant from, Instant to, Long since) {
        return transactions.inTransaction(h -> {
            TransparencyStore.catchUp(h, tenantId);
            long size = TransparencyStore.size(h, tenantId);
            if (since != null && (since < 0 || since > size)) {
                throw ProblemException.validation(List.of(new FieldError("since", "field.treeSize", size)));
            }
            List<byte[]> leaves = TransparencyStore.leafHashes(h, tenantId, size);
            TreeHead head = keys.signTreeHead(tenantId, size, Merkle.root(leaves));
            Optional<long[]> range = TransparencyStore.range(h, tenantId, from.toEpochMilli(), to.toEpochMilli());
            List<LogEntry> entries = range.map(r -> TransparencyStore.entries(h, tenantId, r[0], r[1])).orElse(List.of());
            ConsistencyProof proof = since == null ? null
                    : ConsistencyProof.of(since, size, Merkle.consistencyProof(Math.toIntExact(since), leaves));
            return new LogSection(head, range.map(r -> r[0]).orElse(null), range.map(r -> r[1]).orElse(null), entries, proof);
        });
    }

    /** The signed head of the tenant's log now. */
    public TreeHead head(String tenantId) {
        return transactions.inTransaction(h -> {
            TransparencyStore.catchUp(h, tenantId);
            long size = TransparencyStore.size(h, tenantId);
            return keys.signTreeHead(tenantId, size, Merkle.root(TransparencyStore.leafHashes(h, tenantId, size)));
        });
    }

    /** The consistency proof between two sizes of the tenant's own log; a size beyond it is not found. */
    public ConsistencyProof consistency(String tenantId, long fromSize, long toSize) {
        return transactions.inTransaction(h -> {
            long size = TransparencyStore.size(h, tenantId);
            if (toSize > size) {
                throw ProblemException.notFound("problem.notFound.treeSize", toSize);
            }
            List<byte[]> leaves = TransparencyStore.leafHashes(h, tenantId, toSize);
            return ConsistencyProof.of(fromSize, toSize, Merkle.consistencyProof(Math.toIntExact(fromSize), leaves));
        });
    }

    /** The inclusion proof of leaf {@code index} in the tree of {@code treeSize} of the tenant's own log. */
    public InclusionProof inclusion(String tenantId, long index, long treeSize) {
        return transactions.inTransaction(h -> {
            long size = TransparencyStore.size(h, tenantId);
            if (treeSize > size) {
                throw ProblemException.notFound("problem.notFound.treeSize", treeSize);
            }
            List<byte[]> leaves = TransparencyStore.leafHashes(h, tenantId, treeSize);
            LogEntry entry = TransparencyStore.entries(h, tenantId, index, index).get(0);
            return InclusionProof.of(entry, treeSize, Merkle.inclusionProof(Math.toIntExact(index), leaves));
        });
    }
}
