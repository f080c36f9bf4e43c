-- Per-tenant transparency log of residency-relevant events (RFC 9162 Merkle tree over the leaves, decision record
-- 0012). Append-only: the factory never updates or deletes a leaf. leaf is the RFC 8785 JSON the leaf hash is
-- taken over; (kind, ref) names the record it logs, so a record is logged once.
CREATE TABLE transparency_leaves (
    tenant_id   VARCHAR(64)   NOT NULL REFERENCES tenants (id),
    leaf_index  BIGINT        NOT NULL,
    kind        VARCHAR(32)   NOT NULL,
    ref         VARCHAR(200)  NOT NULL,
    at          BIGINT        NOT NULL,
    leaf        VARCHAR(4000) NOT NULL,
    leaf_hash   VARCHAR(64)   NOT NULL,
    PRIMARY KEY (tenant_id, leaf_index)
);
CREATE UNIQUE INDEX ux_transparency_leaves_record ON transparency_leaves (tenant_id, kind, ref);
CREATE INDEX ix_transparency_leaves_at ON transparency_leaves (tenant_id, at);

-- The size of each tenant's log; its row is the lock that orders concurrent appends of one tenant.
CREATE TABLE transparency_heads (
    tenant_id  VARCHAR(64) PRIMARY KEY REFERENCES tenants (id),
    tree_size  BIGINT      NOT NULL
);
