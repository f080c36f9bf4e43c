-- Sorting a tenant's workloads by any column of the table (issue 4, 100,000 workloads per tenant): one index per
-- sort key, (tenant_id, key, id), so that a page, first or after a keyset cursor, is read in index order and the
-- query stops after one page instead of sorting the whole tenant.

-- "Not started yet" sorts as if started at the epoch. COALESCE(started_at, 0) cannot be indexed in H2, so the
-- store keeps that value in a NOT NULL column of its own, written with started_at.
ALTER TABLE workloads ADD COLUMN started_sort BIGINT DEFAULT 0 NOT NULL;
UPDATE workloads SET started_sort = started_at WHERE started_at IS NOT NULL;

CREATE INDEX ix_workloads_tenant_status_id ON workloads (tenant_id, status, id);
CREATE INDEX ix_workloads_tenant_app_id ON workloads (tenant_id, app_id, id);
CREATE INDEX ix_workloads_tenant_started ON workloads (tenant_id, started_sort, id);
CREATE INDEX ix_workloads_tenant_cost ON workloads (tenant_id, cost_eur, id);
CREATE INDEX ix_workloads_tenant_energy ON workloads (tenant_id, energy_wh, id);
