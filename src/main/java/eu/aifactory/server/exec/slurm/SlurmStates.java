package eu.aifactory.server.exec.slurm;

import eu.aifactory.api.workload.WorkloadStatus;
import java.util.Locale;
import java.util.Set;

/**
 * Slurm's job states and pending reasons in the factory's words. Every text here has a code in
 * {@code util.StatusReasons}, so the portal says it in its user's language.
 */
final class SlurmStates {

    /** Where a job stands, as the factory sees it. */
    enum Phase { PENDING, STARTING, RUNNING, ENDED }

    private static final Set<String> LIMITS = Set.of("AssocGrpGRES", "AssocMaxGRESPerJob", "AssocGrpCpuLimit",
            "AssocGrpJobsLimit", "AssocMaxJobsLimit", "AssocGrpNodeLimit");
    private static final Set<String> NODES = Set.of("ReqNodeNotAvail", "PartitionDown", "PartitionInactive", "NodeDown",
            "PartitionNodeLimit", "BadConstraints", "Reservation");

    /** A shell reports a child killed by signal N as exit status 128 + N; Linux's signals go up to 64. */
    private static final int SHELL_SIGNAL_BASE = 128;
    private static final int MAX_SIGNAL = 64;

    private SlurmStates() {
    }

    static Phase phase(String state) {
        return switch (state) {
            case "PENDING", "REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED", "RESV_DEL_HOLD", "SUSPENDED" -> Phase.PENDING;
            case "CONFIGURING" -> Phase.STARTING;
            case "RUNNING", "COMPLETING", "STAGE_OUT", "SIGNALING", "RESIZING" -> Phase.RUNNING;
            default -> Phase.ENDED;
        };
    }

    /** Why a pending job waits: Slurm's {@code state_reason} in plain words. */
    static String pendingReason(String job, String reason) {
        if ("Resources".equals(reason)) {
            return String.format(Locale.ROOT, "Slurm job %s is waiting for free GPUs", job);
        }
        if ("Priority".equals(reason)) {
            return String.format(Locale.ROOT, "Slurm job %s is waiting behind jobs of higher priority", job);
        }
        if (reason.startsWith("QOS") || LIMITS.contains(reason)) {
            return String.format(Locale.ROOT, "Slurm job %s is held by a Slurm limit (%s)", job, reason);
        }
        if (NODES.contains(reason)) {
            return String.format(Locale.ROOT, "Slurm job %s is waiting for nodes that are not available (%s)", job, reason);
        }
        if (reason.isEmpty() || "None".equals(reason) || "BeginTime".equals(reason)) {
            return String.format(Locale.ROOT, "Slurm job %s is waiting for the scheduler", job);
        }
        return String.format(Locale.ROOT, "Slurm job %s is waiting (%s)", job, reason);
    }

    static String startingReason(String job, String nodes) {
        return String.format(Locale.ROOT, "Slurm job %s is starting on %s", job, nodes.isEmpty() ? "its node" : nodes);
    }

    static String runningReason(String job, String nodes) {
        return String.format(Locale.ROOT, "running as Slurm job %s on %s", job, nodes.isEmpty() ? "its node" : nodes);
    }

    /** How an ended job ends its workload (SUCCEEDED is decided by the caller, which also counts the result files). */
    record Ending(WorkloadStatus status, String reason) {
    }

    /** How the job {@code id} ({@code 123} or {@code 123_4}) ends, from its record {@code job}. */
    static Ending ended(String id, SlurmRest.Job job) {
        return switch (job.state()) {
            case "COMPLETED" -> new Ending(WorkloadStatus.SUCCEEDED, null);
            case "CANCELLED" -> new Ending(WorkloadStatus.CANCELLED,
                    String.format(Locale.ROOT, "Slurm job %s was cancelled in Slurm", id));
            case "TIMEOUT" -> new Ending(WorkloadStatus.FAILED,
                    String.format(Locale.ROOT, "Slurm job %s reached its time limit of %d min", id, job.timeLimitMinutes()));
            case "NODE_FAIL" -> new Ending(WorkloadStatus.FAILED,
                    String.format(Locale.ROOT, "the node running Slurm job %s failed", id));
            case "OUT_OF_MEMORY" -> new Ending(WorkloadStatus.FAILED,
                    String.format(Locale.ROOT, "Slurm job %s ran out of memory", id));
            case "FAILED" -> new Ending(WorkloadStatus.FAILED, exited(id, job.exitCode(), job.signal()));
            default -> new Ending(WorkloadStatus.FAILED,
                    String.format(Locale.ROOT, "Slurm job %s ended in state %s", id, job.state()));
        };
    }

    static String exited(String job, int exitCode, int signal) {
        return signal != 0
                ? String.format(Locale.ROOT, "Slurm job %s was killed by signal %d", job, signal)
                : String.format(Locale.ROOT, "Slurm job %s exited with code %d", job, exitCode);
    }

    /**
     * How the job {@code job} ended by the exit record its script wrote: the shell reports a child killed by signal N
     * as 128 + N (a job cancelled in Slurm leaves 143, SIGTERM), so such a code is the signal, not an exit code. A
     * signal to a job whose cancel was asked for is that cancel.
     */
    static Ending fromExitRecord(String job, int code, boolean cancelAsked) {
        if (code == 0) {
            return new Ending(WorkloadStatus.SUCCEEDED, null);
        }
        boolean signalled = code > SHELL_SIGNAL_BASE && code <= SHELL_SIGNAL_BASE + MAX_SIGNAL;
        if (signalled && cancelAsked) {
            return new Ending(WorkloadStatus.CANCELLED, null);
        }
        return new Ending(WorkloadStatus.FAILED,
                signalled ? exited(job, 0, code - SHELL_SIGNAL_BASE) : exited(job, code, 0));
    }

    static String vanished(String job) {
        return String.format(Locale.ROOT, "Slurm no longer knows job %s and it left no exit record", job);
    }

    static String refused(String message) {
        return "Slurm refused the job: " + message;
    }
}
