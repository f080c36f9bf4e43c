-- A tenant's audit trail: who did what, when, from where, and how it ended. Rows are only ever inserted; the
-- factory has no statement that changes or removes one.
CREATE TABLE audit_log (
    id             VARCHAR(64)   PRIMARY KEY,
    tenant_id      VARCHAR(64)   NOT NULL REFERENCES tenants (id),
    at             BIGINT        NOT NULL,
    action         VARCHAR(32)   NOT NULL,
    outcome        VARCHAR(16)   NOT NULL,
    problem_type   VARCHAR(200),
    user_id        VARCHAR(64),
    user_name      VARCHAR(200),
    token_id       VARCHAR(64),
    client_address VARCHAR(64),
    target_type    VARCHAR(32),
    target_id      VARCHAR(200),
    target_name    VARCHAR(200),
    detail         VARCHAR(1000)
);
-- Newest first per tenant, the order the trail is read in.
CREATE INDEX ix_audit_log_tenant_at ON audit_log (tenant_id, at, id);

-- A failed sign-in names the token it tried by its clear prefix only.
CREATE INDEX ix_api_tokens_prefix ON api_tokens (token_prefix);
