package eu.aifactory.server.exec.slurm;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The Slurm job of each workload the engine handed to Slurm (table slurm_jobs, V75). */
public final class SlurmJobStore {

    /** A workload's job and how far its output has been read. */
    public record JobRecord(String workloadId, long jobId, String jobDir, long stdoutOffset, long stderrOffset,
                            boolean cancelSent, long submittedAt) {
    }

    private final Jdbi jdbi;

    public SlurmJobStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<JobRecord> unfinished() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM slurm_jobs WHERE finished = FALSE ORDER BY submitted_at")
                .map((rs, ctx) -> new JobRecord(rs.getString("workload_id"), rs.getLong("job_id"), rs.getString("job_dir"),
                        rs.getLong("stdout_offset"), rs.getLong("stderr_offset"), rs.getBoolean("cancel_sent"),
                        rs.getLong("submitted_at")))
                .list());
    }

    public void insert(Handle h, String workloadId, long jobId, String jobDir, long at) {
        h.createUpdate("INSERT INTO slurm_jobs (workload_id, job_id, job_dir, submitted_at) VALUES (:w, :j, :d, :at)")
                .bind("w", workloadId).bind("j", jobId).bind("d", jobDir).bind("at", at)
                .execute();
    }

    public void offsets(Handle h, String workloadId, long stdoutOffset, long stderrOffset) {
        h.createUpdate("UPDATE slurm_jobs SET stdout_offset = :o, stderr_offset = :e WHERE workload_id = :w")
                .bind("o", stdoutOffset).bind("e", stderrOffset).bind("w", workloadId)
                .execute();
    }

    public void cancelSent(String workloadId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE slurm_jobs SET cancel_sent = TRUE WHERE workload_id = :w")
                .bind("w", workloadId).execute());
    }

    public void finish(Handle h, String workloadId) {
        h.createUpdate("UPDATE slurm_jobs SET finished = TRUE WHERE workload_id = :w").bind("w", workloadId).execute();
    }

    /** The Slurm job id of a workload, if it was ever handed to Slurm. */
    public java.util.Optional<Long> jobId(String workloadId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT job_id FROM slurm_jobs WHERE workload_id = :w")
                .bind("w", workloadId).mapTo(Long.class).findOne());
    }
}
