package eu.aifactory.server.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: short write transactions handed in by many request threads run on one thread, as many as are waiting
 * in one database transaction, and commit together, so a burst of them pays for one durable commit (one chunk write
 * on H2, one WAL flush on PostgreSQL) instead of one each. Every caller still returns only after its work is
 * committed, and sees its own result or exception.
 *
 * <p>Each piece of work runs under its own savepoint: one that throws is rolled back alone and its caller gets the
 * exception, while the others commit. If the shared transaction itself fails (its commit, or a savepoint the
 * database refused), every piece runs again in a transaction of its own, so no caller fails for another's sake. A
 * piece of work must therefore be safe to run again after a rollback (it writes only through the handle it is given).
 *
 * <p>Pieces run in the order of their {@code lockOrder} key: two group commits (in two factory processes on one
 * database) then take their row locks in the same order and cannot deadlock on each other.
 */
public final class GroupCommit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** How often a piece committed on its own may run when the database picks it as a deadlock victim. */
    private static final int ALONE_ATTEMPTS = 5;

    private final Jdbi jdbi;
    private final int maxBatch;
    private final LinkedBlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    /** Guards {@link #closed} against a caller adding work behind the closing marker. */
    private final Object lifecycle = new Object();
    private boolean closed;

    /** Put in the queue by {@link #close()}: the work before it is committed, then the thread ends. */
    private static final Pending<Object> CLOSE = new Pending<>("", h -> null);

    private static final class Pending<T> {
        final String lockOrder;
        final Function<Handle, T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();
        T value;
        RuntimeException failure;

        Pending(String lockOrder, Function<Handle, T> work) {
            this.lockOrder = lockOrder;
            this.work = work;
        }

        void run(Handle h) {
            value = work.apply(h);
        }

        void complete() {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(value);
            }
        }

        void reset() {
            value = null;
            failure = null;
        }
    }

    /**
     * @param maxBatch the most pieces of work committed together; a larger group waits for its rows' locks longer
     * @param name     the name of the committing thread
     */
    public GroupCommit(Jdbi jdbi, int maxBatch, String name) {
        this.jdbi = jdbi;
        this.maxBatch = maxBatch;
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Runs {@code work} in a transaction shared with other callers' work and returns its result once that transaction
     * is committed; rethrows what the work threw (its part is then rolled back).
     *
     * @param lockOrder sorts the pieces of one group, e.g. by the rows they lock
     */
    public <T> T inTransaction(String lockOrder, Function<Handle, T> work) {
        CompletableFuture<T> result = inTransactionLater(lockOrder, work);
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            // The work may still commit; the caller learns of that as of any interrupted request, by reading again.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the commit", e);
        }
    }

    /**
     * Hands {@code work} in as {@link #inTransaction} does, without waiting: the future completes once it is committed
     * (or with what it threw). One thread can so hand in many pieces that then share commits.
     */
    public <T> CompletableFuture<T> inTransactionLater(String lockOrder, Function<Handle, T> work) {
        Pending<T> pending = new Pending<>(lockOrder, work);
        synchronized (lifecycle) {
            if (closed) {
                throw new RejectedExecutionException("The group commit is closed.");
            }
            queue.add(pending);
        }
        return pending.result;
    }

    private void loop() {
        List<Pending<?>> group = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                // Only close() ends the loop, through its marker, so no waiting caller is left behind.
                continue;
            }
            queue.drainTo(group, maxBatch - 1);
            stop = group.remove(CLOSE);
            if (group.isEmpty()) {
                continue;
            }
            group.sort(Comparator.comparing(p -> p.lockOrder));
            try {
                commit(group);
            } catch (RuntimeException e) {
                LOG.warn("A group commit of {} failed ({}); committing each on its own", group.size(), e.toString());
                for (Pending<?> pending : group) {
                    pending.reset();
                    commitAlone(pending);
                }
            } catch (Error e) {
                // Out of memory, say: answer every waiting caller rather than leave them waiting for good.
                group.forEach(p -> p.result.completeExceptionally(e));
                group.clear();
                continue;
            }
            group.forEach(Pending::complete);
            group.clear();
        }
    }

    /** Runs the group in one transaction, each piece under a savepoint; throws if the transaction as a whole fails. */
    private void commit(List<Pending<?>> group) {
        jdbi.useTransaction(h -> {
            Connection connection = h.getConnection();
            for (Pending<?> pending : group) {
                Savepoint savepoint = savepoint(connection);
                try {
                    pending.run(h);
                } catch (RuntimeException e) {
                    if (rolledBackWhole(e)) {
                        // The database already ended the shared transaction (a deadlock victim, on H2 with every
                        // piece before this one); H2 2.3 breaks the session if we then return to the savepoint.
                        throw e;
                    }
                    pending.failure = e;
                    rollback(connection, savepoint);
                    continue;
                }
                release(connection, savepoint);
            }
        });
    }

    /** SQLSTATE class 40: the database rolled the transaction back (deadlock victim, serialization failure). */
    static boolean rolledBackWhole(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    private static void rollback(Connection connection, Savepoint savepoint) {
        try {
            connection.rollback(savepoint);
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    private static void release(Connection connection, Savepoint savepoint) {
        try {
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    private static Savepoint savepoint(Connection connection) {
        try {
            return connection.setSavepoint();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /**
     * Commits one piece on its own. A deadlock victim runs again, a bounded number of times: the other transaction
     * moves on once the victim's locks are gone, but the victim may take the first lock again before it wakes.
     */
    private void commitAlone(Pending<?> pending) {
        for (int attempt = 1; ; attempt++) {
            try {
                jdbi.useTransaction(pending::run);
                return;
            } catch (RuntimeException e) {
                pending.value = null;
                if (attempt < ALONE_ATTEMPTS && rolledBackWhole(e)) {
                    continue;
                }
                pending.failure = e;
                return;
            }
        }
    }

    /** Commits the work handed in so far, then refuses new work. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(CLOSE);
        }
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
