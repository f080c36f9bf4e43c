package eu.aifactory.server.exec;

import eu.aifactory.server.exec.sim.SimulatedExecutor;
import eu.aifactory.server.workload.WorkloadRow;

/**
 * Runs queued workloads. All state lives in the database, so an executor can be stopped and a new one started
 * on the same database without losing work. Implementations: {@link SimulatedExecutor}; a Slurm executor fits here.
 */
public interface WorkloadExecutor extends AutoCloseable {

    /** Last preparation of a new workload before it is stored (e.g. a simulated run's planned outcome). */
    WorkloadRow admit(WorkloadRow queued);

    /** Starts working; picks up unfinished work left by an earlier run. */
    void start();

    /** Something changed (a submit or a cancel): look at the queue now rather than at the next tick. */
    void wake();

    @Override
    void close();
}
