-- A running budget ledger per project and site-local month, so a submit checks its budget by reading (and row-locking)
-- one row instead of recomputing the month's energy report and the whole queue's estimates. Portable SQL like V1
-- (H2 2.x and PostgreSQL 12+).
--
-- The tables start empty: the factory fills them at start for every workload they do not know yet (this covers a
-- database from before this migration), because the figures need the site's time zone for the days and the catalog's
-- prices for the estimates, which SQL here does not have.

-- Per project and month: the charges of the month (the energy report's cost cells, in cents, and facility Wh) and
-- the remaining estimated charges of unfinished work submitted in that month.
CREATE TABLE budget_ledger (
    project_id     VARCHAR(64)    NOT NULL,
    ledger_month   VARCHAR(7)     NOT NULL,
    tenant_id      VARCHAR(64)    NOT NULL,
    spent_cents    BIGINT         DEFAULT 0 NOT NULL,
    facility_wh    BIGINT         DEFAULT 0 NOT NULL,
    committed_eur  NUMERIC(18,4)  DEFAULT 0 NOT NULL,
    PRIMARY KEY (project_id, ledger_month)
);
CREATE INDEX ix_budget_ledger_tenant ON budget_ledger (tenant_id, ledger_month);

-- What each workload has put into the ledger: its estimate and the part of it still committed (on the row of the
-- month it was submitted in) ...
CREATE TABLE workload_commitments (
    workload_id    VARCHAR(40)    PRIMARY KEY,
    tenant_id      VARCHAR(64)    NOT NULL,
    project_id     VARCHAR(64)    NOT NULL,
    commit_month   VARCHAR(7)     NOT NULL,
    estimate_eur   NUMERIC(14,4)  NOT NULL,
    committed_eur  NUMERIC(14,4)  NOT NULL
);

-- ... and its charges per month, so a change is booked as the difference to what was booked before.
CREATE TABLE workload_charges (
    workload_id    VARCHAR(40)    NOT NULL,
    charge_month   VARCHAR(7)     NOT NULL,
    tenant_id      VARCHAR(64)    NOT NULL,
    project_id     VARCHAR(64)    NOT NULL,
    spent_cents    BIGINT         NOT NULL,
    facility_wh    BIGINT         NOT NULL,
    PRIMARY KEY (workload_id, charge_month)
);
