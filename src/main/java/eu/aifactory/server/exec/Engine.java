package eu.aifactory.server.exec;

import java.util.Optional;

/**
 * Runs queued workloads. All state lives in the database, so an engine can be stopped and a new one started on the
 * same database without losing work. Implementations: {@code exec.sim.SimulatedEngine}; a Slurm engine fits here.
 * The engine sees the workload feature, never the other way round: submits reach it only through this interface.
 */
public interface Engine extends AutoCloseable {

    /** What an engine learns of a new workload before it is stored. */
    record Submission(String appId, String appVersion, String planId, String name, String parametersJson,
                      long expectedRuntimeMs) {
    }

    /** A failure the engine already knows this run will meet (the simulator scripts some), at a point of its run time. */
    record PlannedFailure(long atMs, String reason) {
    }

    /** The engine cannot take work now (its scheduler does not answer): the submit is refused before anything is stored. */
    final class Unavailable extends RuntimeException {
        private final int retryAfterSeconds;

        public Unavailable(String message, int retryAfterSeconds) {
            super(message, null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /**
     * Last look at a new workload before it is stored: a failure it will meet, or none.
     *
     * @throws Unavailable when the engine cannot take the workload now
     */
    Optional<PlannedFailure> admit(Submission submission);

    /** Starts working; picks up unfinished work left by an earlier run. */
    void start();

    /** Something changed (a submit or a cancel): look at the queue now rather than at the next tick. */
    void wake();

    /**
     * Runs {@code change} while no pass is under way, then reads all work afresh from the database: for a change
     * made beneath the engine, such as a demo factory put back to its seeded state.
     */
    void whilePaused(Runnable change);

    @Override
    void close();
}
