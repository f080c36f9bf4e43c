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
    static String pendingReason(long jobId, String reason) {
        if ("Resources".equals(reason)) {
            return String.format(Locale.ROOT, "Slurm job %d is waiting for free GPUs", jobId);
        }
        if ("Priority".equals(reason)) {
            return String.format(Locale.ROOT, "Slurm job %d is waiting behind jobs of higher priority", jobId);
        }
        if (reason.startsWith("QOS") || LIMITS.contains(reason)) {
            return String.format(Locale.ROOT, "Slurm job %d is held by a Slurm limit (%s)", jobId, reason);
        }
        if (NODES.contains(reason)) {
            return String.format(Locale.ROOT, "Slurm job %d is waiting for nodes that are not available (%s)", jobId, reason);
        }
        if (reason.isEmpty() || "None".equals(reason) || "BeginTime".equals(reason)) {
            return String.format(Locale.ROOT, "Slurm job %d is waiting for the scheduler", jobId);
        }
        return String.format(Locale.ROOT, "Slurm job %d is waiting (%s)", jobId, reason);
    }

    static String startingReason(long jobId, String nodes) {
        return String.format(Locale.ROOT, "Slurm job %d is starting on %s", jobId, nodes.isEmpty() ? "its node" : nodes);
    }

    static String runningReason(long jobId, String nodes) {
        return String.format(Locale.ROOT, "running as Slurm job %d on %s", jobId, nodes.isEmpty() ? "its node" : nodes);
    }

    /** How an ended job ends its workload (SUCCEEDED is decided by the caller, which also counts the result files). */
    record Ending(WorkloadStatus status, String reason) {
    }

    static Ending ended(SlurmRest.Job job) {
        long id = job.id();
        return switch (job.state()) {
            case "COMPLETED" -> new Ending(WorkloadStatus.SUCCEEDED, null);
            case "CANCELLED" -> new Ending(WorkloadStatus.CANCELLED,
                    String.format(Locale.ROOT, "Slurm job %d was cancelled in Slurm", id));
            case "TIMEOUT" -> new Ending(WorkloadStatus.FAILED,
                    String.format(Locale.ROOT, "Slurm job %d reached its time limit of %d min", id, job.timeLimitMinutes()));
            case "NODE_FAIL" -> new Ending(WorkloadStatus.FAILED,
                    String.format(Locale.ROOT, "the node running Slurm job %d failed", id));
            case "OUT_OF_MEMORY" -> new Ending(WorkloadStatus.FAILED,
                    String.format(Locale.ROOT, "Slurm job %d ran out of memory", id));
            case "FAILED" -> new Ending(WorkloadStatus.FAILED, exited(id, job.exitCode(), job.signal()));
            default -> new Ending(WorkloadStatus.FAILED,
                    String.format(Locale.ROOT, "Slurm job %d ended in state %s", id, job.state()));
        };
    }

    static String exited(long jobId, int exitCode, int signal) {
        return signal != 0
                ? String.format(Locale.ROOT, "Slurm job %d was killed by signal %d", jobId, signal)
                : String.format(Locale.ROOT, "Slurm job %d exited with code %d", jobId, exitCode);
    }

    static String vanished(long jobId) {
        return String.format(Locale.ROOT, "Slurm no longer knows job %d and it left no exit record", jobId);
    }

    static String refused(String message) {
        return "Slurm refused the job: " + message;
    }
}
