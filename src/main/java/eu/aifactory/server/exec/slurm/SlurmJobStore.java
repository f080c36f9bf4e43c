package eu.aifactory.server.exec.slurm;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The Slurm job of each workload the engine handed to Slurm (table slurm_jobs, V75). */
public final class SlurmJobStore {

    /**
     * A workload's job and how far its output has been read. {@code arrayTask} is the workload's task in the array job
     * {@code jobId}, or null for a plain job; {@code jobName} the array's name (null: the job is named after the workload).
     */
    public record JobRecord(String workloadId, long jobId, Integer arrayTask, String jobName, String jobDir,
                            long stdoutOffset, long stderrOffset, boolean cancelSent, long submittedAt) {

        /** The job as Slurm names it: {@code 123}, or {@code 123_4} for task 4 of array job 123 (as squeue shows). */
        public String ref() {
            return SlurmRest.ref(jobId, arrayTask);
        }

        /** The name Slurm lists the job under. */
        public String name() {
            return jobName == null ? workloadId : jobName;
        }

        /** The record of a job Slurm has just taken: none of its output read yet, no cancel sent. */
        public static JobRecord submitted(String workloadId, long jobId, Integer arrayTask, String jobName, String jobDir,
                                          long at) {
            return new JobRecord(workloadId, jobId, arrayTask, jobName, jobDir, 0, 0, false, at);
        }
    }

    private static final String INSERT_SQL = "INSERT INTO slurm_jobs (workload_id, job_id, array_task, job_name, job_dir, "
            + "submitted_at) VALUES (?, ?, ?, ?, ?, ?)";

    private final Jdbi jdbi;

    public SlurmJobStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<JobRecord> unfinished() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM slurm_jobs WHERE finished = FALSE ORDER BY submitted_at")
                .map((rs, ctx) -> new JobRecord(rs.getString("workload_id"), rs.getLong("job_id"),
                        (Integer) rs.getObject("array_task", Integer.class), rs.getString("job_name"), rs.getString("job_dir"),
                        rs.getLong("stdout_offset"), rs.getLong("stderr_offset"), rs.getBoolean("cancel_sent"),
                        rs.getLong("submitted_at")))
                .list());
    }

    /**
     * The first {@code limit} queued workloads of a GPU class that have no unfinished job, in the order they will
     * start: those still to hand to Slurm. (The queue's head may be all workloads already waiting in Slurm.)
     */
    public List<String> queuedWithoutJob(String gpuClass, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT w.id FROM workloads w WHERE w.status = 'QUEUED' AND w.gpu_class = :c "
                        + "AND NOT EXISTS (SELECT 1 FROM slurm_jobs j WHERE j.workload_id = w.id AND j.finished = FALSE) "
                        + "ORDER BY w.status, w.gpu_class, w.priority_rank DESC, w.created_at, w.id LIMIT :limit")
                .bind("c", gpuClass).bind("limit", limit)
                .mapTo(String.class)
                .list());
    }

    public void insert(Handle h, String workloadId, long jobId, String jobDir, long at) {
        insert(h, List.of(JobRecord.submitted(workloadId, jobId, null, null, jobDir, at)));
    }

    /** Records in one batch, e.g. the tasks of one array job; plain JDBC, on the thread that commits the API's submits. */
    public void insert(Handle h, List<JobRecord> records) {
        try (PreparedStatement ps = h.getConnection().prepareStatement(INSERT_SQL)) {
            for (JobRecord r : records) {
                ps.setString(1, r.workloadId());
                ps.setLong(2, r.jobId());
                ps.setObject(3, r.arrayTask(), Types.INTEGER);
                ps.setString(4, r.jobName());
                ps.setString(5, r.jobDir());
                ps.setLong(6, r.submittedAt());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
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
}
