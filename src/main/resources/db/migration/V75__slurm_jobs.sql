-- The Slurm engine's record of each workload it handed to Slurm: the job id (kept after the run, so an operator can
-- find the job in Slurm's logs), the job's directory and how far its stdout and stderr have been read into log_lines.
-- Portable SQL like V1 (H2 2.x and PostgreSQL 12+).
CREATE TABLE slurm_jobs (
    workload_id   VARCHAR(40)    PRIMARY KEY,
    job_id        BIGINT         NOT NULL,
    job_dir       VARCHAR(1000)  NOT NULL,
    stdout_offset BIGINT         DEFAULT 0 NOT NULL,
    stderr_offset BIGINT         DEFAULT 0 NOT NULL,
    cancel_sent   BOOLEAN        DEFAULT FALSE NOT NULL,
    finished      BOOLEAN        DEFAULT FALSE NOT NULL,
    submitted_at  BIGINT         NOT NULL
);
CREATE INDEX ix_slurm_jobs_unfinished ON slurm_jobs (finished, workload_id);
CREATE INDEX ix_slurm_jobs_job ON slurm_jobs (job_id);

-- Where a power sample's figures come from: 'simulated' (the simulator's synthetic samples, all rows before this
-- migration), 'modelled: <model>' (derived from a plan's power and the run time) or 'measured: <source>' (a meter,
-- e.g. Slurm's acct_gather_energy or DCGM).
ALTER TABLE power_samples ADD COLUMN provenance VARCHAR(80) DEFAULT 'simulated' NOT NULL;
