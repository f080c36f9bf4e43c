-- Workloads handed to Slurm together run as the tasks of one array job (decision 0018): job_id is then the array's
-- job id, array_task the workload's task index (NULL for a plain job) and job_name the array's name, which the
-- engine checks Slurm's records against (a plain job is named after its workload). Portable SQL like V1.
ALTER TABLE slurm_jobs ADD COLUMN array_task INTEGER;
ALTER TABLE slurm_jobs ADD COLUMN job_name VARCHAR(80);
