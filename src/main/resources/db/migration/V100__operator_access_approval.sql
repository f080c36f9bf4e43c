-- Operator access approval (decision record 0014): operator staff hold operator tokens, which are not tenant users;
-- they ask a tenant for access to a resource, the tenant's admins approve or deny before a deadline, and every access
-- actually made is an operator_accesses row. Portable SQL like V1 (H2 2.x and PostgreSQL 12+); times in epoch ms.

-- The factory's operator staff. Only the SHA-256 of a token is stored; name is the person, job_title the role the
-- residency report shows (a role, never a person's name), employer and office_country after Access Transparency.
CREATE TABLE operator_tokens (
    id              VARCHAR(40)   PRIMARY KEY,
    name            VARCHAR(200)  NOT NULL,
    job_title       VARCHAR(100)  NOT NULL,
    employer        VARCHAR(200)  NOT NULL,
    office_country  VARCHAR(2)    NOT NULL,
    token_hash      VARCHAR(64)   NOT NULL UNIQUE,
    token_prefix    VARCHAR(16)   NOT NULL,
    created_at      BIGINT        NOT NULL,
    revoked_at      BIGINT
);

-- A request for access to a tenant's resource. decision is APPROVED or DENIED, null while undecided; an undecided
-- request past its deadline is EXPIRED (computed, never stored, so it needs no job). The accessor's identity is
-- copied from the token at request time, so a report still names it after the token is revoked.
CREATE TABLE access_requests (
    id                VARCHAR(40)   PRIMARY KEY,
    tenant_id         VARCHAR(64)   NOT NULL REFERENCES tenants (id),
    project_id        VARCHAR(64)   REFERENCES projects (id),
    resource          VARCHAR(300)  NOT NULL,
    reason_code       VARCHAR(40)   NOT NULL,
    justification     VARCHAR(1000) NOT NULL,
    case_id           VARCHAR(100)  NOT NULL,
    operator_id       VARCHAR(40)   NOT NULL REFERENCES operator_tokens (id),
    accessor_name     VARCHAR(200)  NOT NULL,
    accessor_role     VARCHAR(100)  NOT NULL,
    employer          VARCHAR(200)  NOT NULL,
    office_country    VARCHAR(2)    NOT NULL,
    location_country  VARCHAR(2)    NOT NULL,
    duration_minutes  INTEGER       NOT NULL,
    requested_at      BIGINT        NOT NULL,
    deadline          BIGINT        NOT NULL,
    decision          VARCHAR(16),
    decided_at        BIGINT,
    decided_by        VARCHAR(64)   REFERENCES users (id),
    decided_by_name   VARCHAR(200),
    decision_comment  VARCHAR(1000)
);
CREATE INDEX ix_access_requests_tenant ON access_requests (tenant_id, requested_at);

-- What an access made under this model adds to its record: the request it was approved under (null for emergency
-- and for accesses recorded before this migration), the accessor's employer and office country (operator_country
-- stays the physical location, ticket_ref the case id), and whether it was a declared emergency without approval.
ALTER TABLE operator_accesses ADD COLUMN request_id VARCHAR(40);
ALTER TABLE operator_accesses ADD COLUMN employer VARCHAR(200);
ALTER TABLE operator_accesses ADD COLUMN office_country VARCHAR(2);
ALTER TABLE operator_accesses ADD COLUMN emergency BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE operator_accesses ADD COLUMN emergency_code VARCHAR(40);
CREATE INDEX ix_operator_accesses_request ON operator_accesses (request_id);
