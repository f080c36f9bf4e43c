-- Usage, budgets, quotas and tenant administration (issue 7). Portable SQL like V1 (H2 2.x and PostgreSQL 12+).

-- A disabled user's tokens are refused; the user and their history stay.
ALTER TABLE users ADD COLUMN disabled BOOLEAN DEFAULT FALSE NOT NULL;

-- What a token is for, and when it last authenticated a request (updated at most every few seconds per token).
ALTER TABLE api_tokens ADD COLUMN label VARCHAR(100);
ALTER TABLE api_tokens ADD COLUMN last_used_at BIGINT;

-- A project's budget for one site-local month (YYYY-MM): EUR is the hard stop, kWh (facility energy) only warns.
CREATE TABLE project_budgets (
    project_id   VARCHAR(64)    NOT NULL REFERENCES projects (id),
    budget_month VARCHAR(7)     NOT NULL,
    tenant_id    VARCHAR(64)    NOT NULL,
    budget_eur   NUMERIC(14,2)  NOT NULL,
    budget_kwh   NUMERIC(16,3),
    updated_by   VARCHAR(64)    NOT NULL,
    updated_at   BIGINT         NOT NULL,
    PRIMARY KEY (project_id, budget_month)
);

-- One-off overrides: each lets exactly one over-budget submit through and records who granted it, when and why,
-- and which workload used it.
CREATE TABLE budget_overrides (
    id                VARCHAR(40)   PRIMARY KEY,
    tenant_id         VARCHAR(64)   NOT NULL,
    project_id        VARCHAR(64)   NOT NULL,
    budget_month      VARCHAR(7)    NOT NULL,
    reason            VARCHAR(500)  NOT NULL,
    granted_by        VARCHAR(64)   NOT NULL,
    granted_by_name   VARCHAR(200)  NOT NULL,
    granted_at        BIGINT        NOT NULL,
    used_by_workload  VARCHAR(40),
    used_at           BIGINT
);
CREATE INDEX ix_budget_overrides_project ON budget_overrides (project_id, budget_month);
ALTER TABLE budget_overrides ADD CONSTRAINT fk_budget_overrides_project FOREIGN KEY (project_id) REFERENCES projects (id);

-- Most GPUs a project may hold at once on a resource plan; no row means no limit.
CREATE TABLE project_quotas (
    project_id   VARCHAR(64)  NOT NULL REFERENCES projects (id),
    plan_id      VARCHAR(64)  NOT NULL,
    tenant_id    VARCHAR(64)  NOT NULL,
    max_gpus     INTEGER      NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    updated_at   BIGINT       NOT NULL,
    PRIMARY KEY (project_id, plan_id)
);
