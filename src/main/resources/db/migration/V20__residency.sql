-- Residency and trust: where tenant data lives and runs, who moved or touched it, what covers the site.
-- Portable SQL like V1 (H2 2.x and PostgreSQL 12+); times are epoch milliseconds (BIGINT, UTC).
-- Country codes are ISO 3166-1 alpha-2.

-- The factory's sites. label is the text the workload and artifact tables carry in their site column.
CREATE TABLE sites (
    id          VARCHAR(64)      PRIMARY KEY,
    name        VARCHAR(200)     NOT NULL,
    city        VARCHAR(100)     NOT NULL,
    country     VARCHAR(2)          NOT NULL,
    site_role   VARCHAR(16)      NOT NULL,
    processing  BOOLEAN          NOT NULL,
    latitude    DOUBLE PRECISION NOT NULL,
    longitude   DOUBLE PRECISION NOT NULL,
    label       VARCHAR(100)     NOT NULL UNIQUE,
    description VARCHAR(500)     NOT NULL
);
INSERT INTO sites (id, name, city, country, site_role, processing, latitude, longitude, label, description) VALUES
    ('muc-tucherpark', 'Munich (Tucherpark)', 'Munich', 'DE', 'primary', TRUE, 48.1517, 11.5981,
     'Munich (Tucherpark), DE', 'Industrial AI Cloud: GPU halls, tenant storage and all processing');
INSERT INTO sites (id, name, city, country, site_role, processing, latitude, longitude, label, description) VALUES
    ('biere', 'Biere', 'Biere', 'DE', 'backup', FALSE, 51.9500, 11.6500,
     'Biere, DE', 'Backup storage only (encrypted object storage); no processing');

-- Where each GPU class runs: the processing record of a workload is derived from its GPU class through this
-- table unless workload_placements records the placement explicitly.
CREATE TABLE clusters (
    id             VARCHAR(64)  PRIMARY KEY,
    site_id        VARCHAR(64)  NOT NULL REFERENCES sites (id),
    hall           VARCHAR(100) NOT NULL,
    name           VARCHAR(200) NOT NULL,
    gpu_class      VARCHAR(64)  NOT NULL UNIQUE,
    gpus_per_node  INTEGER      NOT NULL
);
INSERT INTO clusters (id, site_id, hall, name, gpu_class, gpus_per_node) VALUES
    ('muc-h1-dgx-b200', 'muc-tucherpark', 'Hall 1', 'DGX B200 SuperPOD 1', 'b200', 8);
INSERT INTO clusters (id, site_id, hall, name, gpu_class, gpus_per_node) VALUES
    ('muc-h2-rtx-pro', 'muc-tucherpark', 'Hall 2', 'RTX PRO Server cluster 1', 'rtx-pro-6000', 8);

-- Placements recorded by the scheduler; nodes is a comma-separated list of node names.
CREATE TABLE workload_placements (
    workload_id  VARCHAR(40)   PRIMARY KEY REFERENCES workloads (id),
    site_id      VARCHAR(64)   NOT NULL REFERENCES sites (id),
    hall         VARCHAR(100)  NOT NULL,
    cluster      VARCHAR(200)  NOT NULL,
    nodes        VARCHAR(2000) NOT NULL
);

-- How each kind of stored object is kept: storage class, encryption and retention.
CREATE TABLE storage_policies (
    artifact_kind   VARCHAR(16)  PRIMARY KEY,
    storage_class   VARCHAR(64)  NOT NULL,
    retention_days  INTEGER      NOT NULL,
    replica_class   VARCHAR(64)  NOT NULL,
    description     VARCHAR(500) NOT NULL
);
INSERT INTO storage_policies (artifact_kind, storage_class, retention_days, replica_class, description) VALUES
    ('dataset', 'nvme-encrypted', 730, 'object-backup-encrypted', 'Uploaded data: all-flash NVMe, AES-256 at rest; nightly replica in Biere');
INSERT INTO storage_policies (artifact_kind, storage_class, retention_days, replica_class, description) VALUES
    ('model', 'nvme-encrypted', 730, 'object-backup-encrypted', 'Trained models: all-flash NVMe, AES-256 at rest; nightly replica in Biere');
INSERT INTO storage_policies (artifact_kind, storage_class, retention_days, replica_class, description) VALUES
    ('resultset', 'nvme-encrypted', 365, 'object-backup-encrypted', 'Workload results: all-flash NVMe, AES-256 at rest; nightly replica in Biere');
INSERT INTO storage_policies (artifact_kind, storage_class, retention_days, replica_class, description) VALUES
    ('other', 'nvme-encrypted', 365, 'object-backup-encrypted', 'Other files: all-flash NVMe, AES-256 at rest; nightly replica in Biere');

-- Datasets uploaded by tenants into their storage. Unlike workload outputs (artifacts) their bytes live in
-- the storage system, not in this database; only their metadata is here.
CREATE TABLE datasets (
    id          VARCHAR(40)  PRIMARY KEY,
    tenant_id   VARCHAR(64)  NOT NULL REFERENCES tenants (id),
    project_id  VARCHAR(64)  NOT NULL REFERENCES projects (id),
    name        VARCHAR(300) NOT NULL,
    media_type  VARCHAR(100) NOT NULL,
    size_bytes  BIGINT       NOT NULL,
    sha256      VARCHAR(64)  NOT NULL,
    site_id     VARCHAR(64)  NOT NULL REFERENCES sites (id),
    created_at  BIGINT       NOT NULL
);
CREATE INDEX ix_datasets_tenant ON datasets (tenant_id, created_at);

-- Copies of a dataset or artifact at another site (object_id is a datasets.id or an artifacts.id).
CREATE TABLE data_replicas (
    object_id      VARCHAR(40)  NOT NULL,
    site_id        VARCHAR(64)  NOT NULL REFERENCES sites (id),
    tenant_id      VARCHAR(64)  NOT NULL REFERENCES tenants (id),
    storage_class  VARCHAR(64)  NOT NULL,
    replicated_at  BIGINT       NOT NULL,
    PRIMARY KEY (object_id, site_id)
);
CREATE INDEX ix_data_replicas_tenant ON data_replicas (tenant_id);

-- Every movement of tenant data out of its primary site. to_site_id is null when the destination is not a
-- factory site (a download); client_country is where the client was, when known.
CREATE TABLE data_transfers (
    id              VARCHAR(40)  PRIMARY KEY,
    tenant_id       VARCHAR(64)  NOT NULL REFERENCES tenants (id),
    project_id      VARCHAR(64),
    object_id       VARCHAR(40)  NOT NULL,
    object_name     VARCHAR(300) NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    from_site_id    VARCHAR(64)  NOT NULL REFERENCES sites (id),
    to_site_id      VARCHAR(64)  REFERENCES sites (id),
    to_country      VARCHAR(2),
    client_country  VARCHAR(2),
    bytes           BIGINT       NOT NULL,
    legal_basis     VARCHAR(500) NOT NULL,
    at              BIGINT       NOT NULL
);
CREATE INDEX ix_data_transfers_tenant_at ON data_transfers (tenant_id, at);

-- Operator access to tenant data, after Google Access Transparency: a role, never a person's name.
CREATE TABLE operator_accesses (
    id                VARCHAR(40)   PRIMARY KEY,
    tenant_id         VARCHAR(64)   NOT NULL REFERENCES tenants (id),
    project_id        VARCHAR(64),
    operator_role     VARCHAR(100)  NOT NULL,
    at                BIGINT        NOT NULL,
    resource          VARCHAR(300)  NOT NULL,
    reason_code       VARCHAR(40)   NOT NULL,
    justification     VARCHAR(1000) NOT NULL,
    ticket_ref        VARCHAR(100),
    operator_country  VARCHAR(2)       NOT NULL
);
CREATE INDEX ix_operator_accesses_tenant_at ON operator_accesses (tenant_id, at);

-- Certifications and attestations covering the sites; valid_from/valid_to are the first and last day (UTC
-- midnight, epoch ms).
CREATE TABLE attestations (
    id          VARCHAR(64)   PRIMARY KEY,
    standard    VARCHAR(200)  NOT NULL,
    issuer      VARCHAR(200)  NOT NULL,
    scope       VARCHAR(1000) NOT NULL,
    valid_from  BIGINT        NOT NULL,
    valid_to    BIGINT        NOT NULL,
    reference   VARCHAR(200)  NOT NULL
);

-- Deviations from the residency and access promises. subject_ref names the record a finding is about (an
-- operator access, a workload, a stored object), so a derived finding is not reported twice.
CREATE TABLE residency_findings (
    id           VARCHAR(40)   PRIMARY KEY,
    tenant_id    VARCHAR(64)   NOT NULL REFERENCES tenants (id),
    project_id   VARCHAR(64),
    category     VARCHAR(16)   NOT NULL,
    state        VARCHAR(16)   NOT NULL,
    description  VARCHAR(1000) NOT NULL,
    remediation  VARCHAR(1000),
    subject_ref  VARCHAR(40),
    opened_at    BIGINT        NOT NULL,
    closed_at    BIGINT
);
CREATE INDEX ix_residency_findings_tenant ON residency_findings (tenant_id, opened_at);
