package eu.aifactory.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.aifactory.server.support.Await;
import eu.aifactory.server.support.TestDatabases;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Group commit: work of concurrent callers commits in one transaction, each caller gets its own result or exception,
 * one piece's failure (a thrown exception, an SQL error, a broken transaction) never fails the others, and what a
 * caller was told is committed is there for a fresh connection. On H2 and PostgreSQL.
 */
class GroupCommitTest {

    abstract static class Contract {

        private final TestDatabases.Kind kind;
        private Jdbi jdbi;
        private GroupCommit commits;
        private ExecutorService callers;
        /** Holds the committing thread inside a first piece, so the pieces handed in meanwhile form one group. */
        private final CountDownLatch release = new CountDownLatch(1);
        /** Names this test's threads, so it counts only its own callers. */
        private final String prefix = "group-commit-test-" + System.identityHashCode(this) + "-";

        Contract(TestDatabases.Kind kind) {
            this.kind = kind;
        }

        @BeforeEach
        void open() {
            jdbi = Jdbi.create(TestDatabases.freshUrl(kind));
            jdbi.useHandle(h -> h.execute("CREATE TABLE items (id VARCHAR(20) PRIMARY KEY, tx VARCHAR(20))"));
            commits = new GroupCommit(jdbi, 64, "test-group-commit");
            AtomicInteger threads = new AtomicInteger();
            callers = Executors.newCachedThreadPool(r -> new Thread(r, prefix + threads.incrementAndGet()));
        }

        @AfterEach
        void close() {
            release.countDown();
            commits.close();
            callers.shutdownNow();
        }

        @Test
        void concurrentPiecesCommitTogetherAndEachIsThereForAFreshConnection() throws Exception {
            Future<?> blocker = holdTheCommitter();
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String id = "item-" + i;
                results.add(handIn(id, h -> {
                    insert(h, id);
                    return id + " in " + System.identityHashCode(h);
                }));
            }
            awaitWaiting(8);
            release.countDown();
            blocker.get();

            List<String> answers = new ArrayList<>();
            for (Future<String> result : results) {
                answers.add(result.get());
            }
            // One handle, so one transaction, for all eight.
            assertThat(answers.stream().map(a -> a.substring(a.indexOf(" in "))).distinct()).hasSize(1);
            assertThat(ids()).containsExactly("blocker", "item-0", "item-1", "item-2", "item-3", "item-4", "item-5",
                    "item-6", "item-7");
        }

        @Test
        void aPieceThatThrowsIsRolledBackAloneAndItsCallerGetsTheException() throws Exception {
            Future<?> blocker = holdTheCommitter();
            Future<String> first = handIn("a", h -> insert(h, "first"));
            Future<String> refused = handIn("b", h -> {
                insert(h, "refused");
                throw new IllegalStateException("over budget");
            });
            Future<String> third = handIn("c", h -> insert(h, "third"));
            awaitWaiting(3);
            release.countDown();
            blocker.get();

            assertThat(first.get()).isEqualTo("first");
            assertThat(third.get()).isEqualTo("third");
            assertThatThrownBy(refused::get).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IllegalStateException.class).hasMessage("over budget");
            assertThat(ids()).containsExactly("blocker", "first", "third");
        }

        @Test
        void anSqlErrorInOnePieceLeavesTheSharedTransactionUsableForTheOthers() throws Exception {
            jdbi.useHandle(h -> insert(h, "taken"));
            Future<?> blocker = holdTheCommitter();
            Future<String> duplicate = handIn("a", h -> insert(h, "taken"));
            Future<String> after = handIn("b", h -> insert(h, "after"));
            awaitWaiting(2);
            release.countDown();
            blocker.get();

            assertThatThrownBy(duplicate::get).isInstanceOf(ExecutionException.class)
                    .satisfies(e -> assertThat(Database.isUniqueViolation(e.getCause())).isTrue());
            // On PostgreSQL the failed INSERT would abort the whole transaction without the piece's savepoint.
            assertThat(after.get()).isEqualTo("after");
            assertThat(ids()).containsExactly("after", "blocker", "taken");
        }

        @Test
        void whenTheSharedTransactionBreaksEveryPieceRunsAgainOnItsOwn() throws Exception {
            AtomicInteger runsOfOthers = new AtomicInteger();
            Future<?> blocker = holdTheCommitter();
            Future<String> before = handIn("a", h -> {
                runsOfOthers.incrementAndGet();
                return insert(h, "before");
            });
            Future<String> breaker = handIn("b", h -> {
                insert(h, "broken");
                try {
                    // Rolls back the whole shared transaction, and with it the savepoint the group would return to.
                    h.getConnection().rollback();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                throw new IllegalStateException("gave up");
            });
            Future<String> after = handIn("c", h -> {
                runsOfOthers.incrementAndGet();
                return insert(h, "after");
            });
            awaitWaiting(3);
            release.countDown();
            blocker.get();

            assertThat(before.get()).isEqualTo("before");
            assertThat(after.get()).isEqualTo("after");
            assertThatThrownBy(breaker::get).isInstanceOf(ExecutionException.class).cause().hasMessage("gave up");
            // "before" ran in the group and again alone; "after" never ran in the group, as it broke off before it.
            assertThat(runsOfOthers).hasValue(3);
            assertThat(ids()).containsExactly("after", "before", "blocker");
        }

        /**
         * A submit numbers its event under the tenant's counter row, then locks a ledger row; an engine's transaction
         * holding that ledger row then wants the counter: a deadlock, and the database picks the group's piece as the
         * victim. On H2 that rolled back the whole shared transaction, and returning to the piece's savepoint broke
         * the session with the counter still locked (the other writer timed out, later numbers repeated); on
         * PostgreSQL the victim's caller got the deadlock. Every writer must commit, with dense, unique numbers.
         */
        @Test
        void aPieceChosenAsDeadlockVictimRunsAgainAndNoOtherWriterFails() throws Exception {
            jdbi.useHandle(h -> {
                h.execute("CREATE TABLE counters (tenant VARCHAR(20) PRIMARY KEY, last_seq BIGINT)");
                h.execute("CREATE TABLE ledger (project VARCHAR(20) PRIMARY KEY, spent BIGINT)");
                h.execute("CREATE TABLE numbered (tenant VARCHAR(20), seq BIGINT, writer VARCHAR(20), PRIMARY KEY (tenant, seq))");
                h.execute("INSERT INTO counters VALUES ('t', 0)");
                h.execute("INSERT INTO ledger VALUES ('p', 0)");
            });
            CountDownLatch engineHoldsLedger = new CountDownLatch(1);
            CountDownLatch engineMayGoOn = new CountDownLatch(1);
            Future<String> engine = callers.submit(() -> jdbi.inTransaction(h -> {
                h.execute("UPDATE ledger SET spent = spent + 1 WHERE project = 'p'");
                engineHoldsLedger.countDown();
                engineMayGoOn.await();
                return number(h, "engine");
            }));
            engineHoldsLedger.await();
            Future<?> blocker = holdTheCommitter();
            Future<String> first = handIn("a", h -> number(h, "first"));
            Future<String> victim = handIn("b", h -> {
                String seq = number(h, "victim");
                h.createQuery("SELECT spent FROM ledger WHERE project = 'p' FOR UPDATE").mapTo(Long.class).one();
                return seq;
            });
            awaitWaiting(2);
            release.countDown();
            blocker.get();
            Await.until("the group's piece to wait for the engine's ledger row", this::sessionsWaitingForALock, n -> n >= 1);
            engineMayGoOn.countDown();

            assertThat(engine.get()).startsWith("engine ");
            assertThat(first.get()).startsWith("first ");
            assertThat(victim.get()).startsWith("victim ");
            List<Long> numbers = jdbi.withHandle(h -> h.createQuery("SELECT seq FROM numbered ORDER BY seq")
                    .mapTo(Long.class).list());
            long last = jdbi.withHandle(h -> h.createQuery("SELECT last_seq FROM counters").mapTo(Long.class).one());
            assertThat(numbers).containsExactly(1L, 2L, 3L);
            assertThat(last).isEqualTo(3L);
        }

        /** Takes the tenant's next number the way WorkloadStore does, and records it. */
        private static String number(Handle h, String writer) {
            h.execute("UPDATE counters SET last_seq = last_seq + 1 WHERE tenant = 't'");
            long seq = h.createQuery("SELECT last_seq FROM counters WHERE tenant = 't'").mapTo(Long.class).one();
            h.execute("INSERT INTO numbered (tenant, seq, writer) VALUES ('t', ?, ?)", seq, writer);
            return writer + " " + seq;
        }

        private long sessionsWaitingForALock() {
            String sql = kind == TestDatabases.Kind.H2
                    ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL"
                    : "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()";
            return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
        }

        @Test
        void piecesOfAGroupRunInTheirLockOrder() throws Exception {
            List<String> order = Collections.synchronizedList(new ArrayList<>());
            Future<?> blocker = holdTheCommitter();
            List<Future<String>> results = new ArrayList<>();
            for (String key : List.of("tenant-c\np1", "tenant-a\np2", "tenant-b\np1", "tenant-a\np1")) {
                results.add(handIn(key, h -> {
                    order.add(key);
                    return key;
                }));
            }
            awaitWaiting(4);
            release.countDown();
            blocker.get();
            for (Future<String> result : results) {
                result.get();
            }

            assertThat(order).containsExactly("tenant-a\np1", "tenant-a\np2", "tenant-b\np1", "tenant-c\np1");
        }

        @Test
        void closingCommitsWhatWasHandedInAndRefusesWhatComesAfter() throws Exception {
            Future<?> blocker = holdTheCommitter();
            Future<String> waiting = handIn("a", h -> insert(h, "waiting"));
            awaitWaiting(1);
            Thread closing = new Thread(commits::close, prefix + "closing");
            closing.start();
            Await.until("close() to wait for the committing thread", () -> closing.getState() == Thread.State.TIMED_WAITING
                    && java.util.Arrays.stream(closing.getStackTrace()).anyMatch(f -> f.getMethodName().equals("close")),
                    inClose -> inClose);
            assertThatThrownBy(() -> commits.inTransaction("z", h -> insert(h, "late")))
                    .isInstanceOf(RejectedExecutionException.class);
            release.countDown();
            blocker.get();
            closing.join();

            assertThat(waiting.get()).isEqualTo("waiting");
            assertThat(ids()).containsExactly("blocker", "waiting");
        }

        private Future<?> holdTheCommitter() {
            CountDownLatch holding = new CountDownLatch(1);
            Future<?> blocker = handIn("", h -> {
                holding.countDown();
                insert(h, "blocker");
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "blocker";
            });
            try {
                holding.await();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return blocker;
        }

        private <T> Future<T> handIn(String lockOrder, Function<Handle, T> work) {
            return callers.submit(() -> commits.inTransaction(lockOrder, work));
        }

        /** Waits until {@code count} callers (besides the blocker's) wait for their commit. */
        private void awaitWaiting(int count) {
            Await.until(count + " callers waiting for their commit", () -> Thread.getAllStackTraces().entrySet().stream()
                    .filter(e -> e.getKey().getName().startsWith(prefix) && e.getKey().getState() == Thread.State.WAITING)
                    .map(Map.Entry::getValue)
                    .filter(stack -> java.util.Arrays.stream(stack).anyMatch(f -> f.getMethodName().equals("inTransaction")
                            && f.getClassName().equals(GroupCommit.class.getName())))
                    .count(), waiting -> waiting >= count + 1);
        }

        private static String insert(Handle h, String id) {
            h.execute("INSERT INTO items (id) VALUES (?)", id);
            return id;
        }

        private List<String> ids() {
            return jdbi.withHandle(h -> h.createQuery("SELECT id FROM items ORDER BY id").mapTo(String.class).list());
        }
    }

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(TestDatabases.Kind.H2);
        }
    }

    @Nested
    class OnPostgres extends Contract {
        OnPostgres() {
            super(TestDatabases.Kind.POSTGRES);
        }
    }
}
