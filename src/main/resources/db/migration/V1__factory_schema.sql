-- Schema of the reference factory. Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.
-- Times are epoch milliseconds (BIGINT, UTC); JSON documents are TEXT; money is NUMERIC.

CREATE TABLE tenants (
    id          VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    created_at  BIGINT       NOT NULL
);

CREATE TABLE projects (
    id          VARCHAR(64)  PRIMARY KEY,
    tenant_id   VARCHAR(64)  NOT NULL REFERENCES tenants (id),
    name        VARCHAR(200) NOT NULL
);
CREATE INDEX ix_projects_tenant ON projects (tenant_id);

CREATE TABLE users (
    id          VARCHAR(64)  PRIMARY KEY,
    tenant_id   VARCHAR(64)  NOT NULL REFERENCES tenants (id),
    name        VARCHAR(200) NOT NULL,
    email       VARCHAR(320) NOT NULL,
    created_at  BIGINT       NOT NULL
);
CREATE INDEX ix_users_tenant ON users (tenant_id);

CREATE TABLE user_roles (
    user_id     VARCHAR(64)  NOT NULL REFERENCES users (id),
    role        VARCHAR(32)  NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE project_members (
    project_id  VARCHAR(64)  NOT NULL REFERENCES projects (id),
    user_id     VARCHAR(64)  NOT NULL REFERENCES users (id),
    PRIMARY KEY (project_id, user_id)
);
CREATE INDEX ix_project_members_user ON project_members (user_id);

-- Only the SHA-256 of a token is kept; the prefix lets an admin tell tokens apart.
CREATE TABLE api_tokens (
    id           VARCHAR(64)  PRIMARY KEY,
    user_id      VARCHAR(64)  NOT NULL REFERENCES users (id),
    token_hash   VARCHAR(64)  NOT NULL UNIQUE,
    token_prefix VARCHAR(16)  NOT NULL,
    created_at   BIGINT       NOT NULL,
    revoked_at   BIGINT
);
CREATE INDEX ix_api_tokens_user ON api_tokens (user_id);

-- The share of the site's GPUs the portal's tenants can book, per GPU class; queues form when it is full.
CREATE TABLE gpu_pools (
    gpu_class   VARCHAR(64)  PRIMARY KEY,
    gpu_model   VARCHAR(100) NOT NULL,
    total_gpus  INTEGER      NOT NULL,
    site        VARCHAR(100) NOT NULL
);
INSERT INTO gpu_pools (gpu_class, gpu_model, total_gpus, site) VALUES ('b200', 'NVIDIA B200', 64, 'Munich (Tucherpark), DE');
INSERT INTO gpu_pools (gpu_class, gpu_model, total_gpus, site) VALUES ('rtx-pro-6000', 'NVIDIA RTX PRO 6000 Blackwell Server Edition', 16, 'Munich (Tucherpark), DE');

CREATE TABLE resource_plans (
    id            VARCHAR(64)   PRIMARY KEY,
    gpu_class     VARCHAR(64)   NOT NULL,
    gpu_count     INTEGER       NOT NULL,
    eur_per_hour  NUMERIC(14,4) NOT NULL,
    plan_json     TEXT          NOT NULL
);

-- One row per application; the whole AppDetail as JSON plus the columns search, filters and sorts use.
-- search_text and tags_folded are case- and umlaut-folded (see TextFold).
CREATE TABLE apps (
    id              VARCHAR(100)  PRIMARY KEY,
    name_sort       VARCHAR(400)  NOT NULL,
    category        VARCHAR(100)  NOT NULL,
    vendor          VARCHAR(200)  NOT NULL,
    vendor_folded   VARCHAR(200)  NOT NULL,
    gpu_class       VARCHAR(64)   NOT NULL,
    price_from      NUMERIC(14,4) NOT NULL,
    popularity      INTEGER       NOT NULL,
    latest_version  VARCHAR(50)   NOT NULL,
    tags_folded     TEXT          NOT NULL,
    search_text     TEXT          NOT NULL,
    detail_json     TEXT          NOT NULL
);
CREATE INDEX ix_apps_name ON apps (name_sort, id);
CREATE INDEX ix_apps_category ON apps (category);

CREATE TABLE app_versions (
    app_id                  VARCHAR(100)  NOT NULL REFERENCES apps (id),
    version                 VARCHAR(50)   NOT NULL,
    price_per_gpu_hour_eur  NUMERIC(14,4) NOT NULL,
    base_runtime_minutes    INTEGER       NOT NULL,
    gpu_utilisation         DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (app_id, version)
);

-- tenant_id and submitted_by have no foreign keys (the project's key ties the workload to a tenant; the submitter is
-- checked on submit): H2 backs every key with an index, which costs each insert, and it would prefer a single-column
-- tenant index for "tenant_id = ?" and then sort a whole tenant for every page.
CREATE TABLE workloads (
    id                  VARCHAR(40)   PRIMARY KEY,
    tenant_id           VARCHAR(64)   NOT NULL,
    project_id          VARCHAR(64)   NOT NULL REFERENCES projects (id),
    submitted_by        VARCHAR(64)   NOT NULL,
    name                VARCHAR(200)  NOT NULL,
    search_text         VARCHAR(1000) NOT NULL,
    app_id              VARCHAR(100)  NOT NULL,
    app_version         VARCHAR(50)   NOT NULL,
    plan_id             VARCHAR(64)   NOT NULL,
    gpu_class           VARCHAR(64)   NOT NULL,
    gpu_count           INTEGER       NOT NULL,
    priority            VARCHAR(8)    NOT NULL,
    priority_rank       INTEGER       NOT NULL,
    parameters_json     TEXT          NOT NULL,
    inputs_json         TEXT          NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    status_reason       VARCHAR(500),
    created_at          BIGINT        NOT NULL,
    started_at          BIGINT,
    ended_at            BIGINT,
    expected_runtime_s  BIGINT        NOT NULL,
    progress_ms         BIGINT        NOT NULL,
    fail_at_ms          BIGINT,
    fail_reason         VARCHAR(500),
    cost_eur            NUMERIC(18,4) NOT NULL,
    energy_wh           BIGINT        NOT NULL,
    energy_mj           BIGINT        NOT NULL,
    gpu_seconds         BIGINT        NOT NULL,
    log_lines           BIGINT        NOT NULL,
    updated_at          BIGINT        NOT NULL
);
-- Keyset pagination of a tenant's workloads, newest or oldest first, optionally for one project or status.
CREATE INDEX ix_workloads_tenant_created ON workloads (tenant_id, created_at, id);
CREATE INDEX ix_workloads_tenant_project_created ON workloads (tenant_id, project_id, created_at, id);
CREATE INDEX ix_workloads_tenant_status_created ON workloads (tenant_id, status, created_at, id);
-- The executor's queue: unfinished work of a GPU class in start order.
CREATE INDEX ix_workloads_queue ON workloads (status, gpu_class, priority_rank DESC, created_at, id);

-- Foreign keys below are added after an index on exactly their columns, which H2 then reuses instead of building a
-- second one (a duplicate index costs every insert).
CREATE TABLE status_history (
    id           BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    workload_id  VARCHAR(40)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    reason       VARCHAR(500),
    at           BIGINT       NOT NULL
);
CREATE INDEX ix_status_history_workload ON status_history (workload_id);
ALTER TABLE status_history ADD CONSTRAINT fk_status_history_workload FOREIGN KEY (workload_id) REFERENCES workloads (id);

-- The feed behind GET /v1/events; the id is the SSE event id clients resume from.
CREATE TABLE events (
    id           BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    tenant_id    VARCHAR(64)  NOT NULL,
    project_id   VARCHAR(64)  NOT NULL,
    workload_id  VARCHAR(40)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    reason       VARCHAR(500),
    at           BIGINT       NOT NULL
);
CREATE INDEX ix_events_tenant ON events (tenant_id, id);

CREATE TABLE idempotency_keys (
    tenant_id     VARCHAR(64)  NOT NULL,
    idem_key      VARCHAR(200) NOT NULL,
    request_hash  VARCHAR(64)  NOT NULL,
    workload_id   VARCHAR(40)  NOT NULL,
    created_at    BIGINT       NOT NULL,
    PRIMARY KEY (tenant_id, idem_key)
);

-- Telemetry tables (log lines, power samples) carry no foreign key: they are bulk-written, append-only, and
-- written by the same code that writes their workload.
CREATE TABLE log_lines (
    workload_id  VARCHAR(40)   NOT NULL,
    line_no      BIGINT        NOT NULL,
    ts           BIGINT        NOT NULL,
    message      VARCHAR(2000) NOT NULL,
    PRIMARY KEY (workload_id, line_no)
);

-- Artifact metadata; the bytes are in artifact_content (small outputs, kept in the database so a
-- backup of the database is a backup of everything).
CREATE TABLE artifacts (
    id           VARCHAR(40)   PRIMARY KEY,
    tenant_id    VARCHAR(64)   NOT NULL REFERENCES tenants (id),
    workload_id  VARCHAR(40),
    slot         VARCHAR(100),
    kind         VARCHAR(16)   NOT NULL,
    name         VARCHAR(300)  NOT NULL,
    media_type   VARCHAR(100)  NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    sha256       VARCHAR(64)   NOT NULL,
    site         VARCHAR(100)  NOT NULL,
    created_at   BIGINT        NOT NULL
);
CREATE INDEX ix_artifacts_workload ON artifacts (workload_id);
ALTER TABLE artifacts ADD CONSTRAINT fk_artifacts_workload FOREIGN KEY (workload_id) REFERENCES workloads (id);

CREATE TABLE artifact_content (
    artifact_id  VARCHAR(40)  PRIMARY KEY REFERENCES artifacts (id),
    content      BYTEA        NOT NULL
);

-- One sample per simulated minute per workload, named after the NVIDIA DCGM fields:
-- power_usage_w ~ DCGM_FI_DEV_POWER_USAGE summed over the workload's GPUs plus its node overhead share,
-- total_energy_mj ~ DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION (a counter since the run started),
-- gpu_util ~ DCGM_FI_DEV_GPU_UTIL (0..100, mean over the workload's GPUs).
CREATE TABLE power_samples (
    workload_id      VARCHAR(40)  NOT NULL,
    ts               BIGINT       NOT NULL,
    tenant_id        VARCHAR(64)  NOT NULL,
    gpu_count        INTEGER      NOT NULL,
    gpu_util         INTEGER      NOT NULL,
    power_usage_w    INTEGER      NOT NULL,
    total_energy_mj  BIGINT       NOT NULL,
    PRIMARY KEY (workload_id, ts)
);
CREATE INDEX ix_power_samples_tenant_ts ON power_samples (tenant_id, ts);

-- Every factor the energy and carbon figures use, with its unit, year and source.
CREATE TABLE energy_factors (
    factor_key  VARCHAR(64)    PRIMARY KEY,
    factor_value NUMERIC(14,6) NOT NULL,
    unit        VARCHAR(40)    NOT NULL,
    factor_year INTEGER       NOT NULL,
    source      VARCHAR(500)   NOT NULL
);
INSERT INTO energy_factors (factor_key, factor_value, unit, factor_year, source) VALUES
    ('grid_co2e_location_de', 363, 'g CO2e/kWh', 2024,
     'Umweltbundesamt (UBA), CO2 emission factor of the German electricity mix 2024 (estimate)');
INSERT INTO energy_factors (factor_key, factor_value, unit, factor_year, source) VALUES
    ('grid_co2e_market_site', 0, 'g CO2e/kWh', 2026,
     'Site supplied 100 % from renewables under PPAs with guarantees of origin (GHG Protocol Scope 2 market-based); illustrative');
INSERT INTO energy_factors (factor_key, factor_value, unit, factor_year, source) VALUES
    ('renewable_share_site', 1, 'fraction', 2026,
     'Site electricity contract: 100 % renewable (press reports, Feb 2026)');
INSERT INTO energy_factors (factor_key, factor_value, unit, factor_year, source) VALUES
    ('pue_site', 1.18, 'ratio', 2026,
     'Illustrative design PUE of the Munich site (ISO/IEC 30134-2); EnEfG limit for new sites is 1.2');
INSERT INTO energy_factors (factor_key, factor_value, unit, factor_year, source) VALUES
    ('estimate_reference_gpus', 8, 'GPUs', 2026,
     'baseRuntimeMinutes of an app version refers to one DGX B200 (8 GPUs); runtime scales linearly with GPU count');
