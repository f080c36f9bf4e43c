-- Each tenant numbers its events 1, 2, 3, ... in its own sequence: that number is the SSE id, so one tenant cannot
-- gauge another's activity from gaps. The global id stays, as the event hub's commit order across tenants.
ALTER TABLE events ADD COLUMN seq BIGINT;

CREATE TABLE event_seq_backfill AS
    SELECT id, ROW_NUMBER() OVER (PARTITION BY tenant_id ORDER BY id) AS seq FROM events;
CREATE UNIQUE INDEX ux_event_seq_backfill ON event_seq_backfill (id);
UPDATE events SET seq = (SELECT b.seq FROM event_seq_backfill b WHERE b.id = events.id);
DROP TABLE event_seq_backfill;

ALTER TABLE events ALTER COLUMN seq SET NOT NULL;
CREATE UNIQUE INDEX ux_events_tenant_seq ON events (tenant_id, seq);
DROP INDEX ix_events_tenant;

-- The last number handed out per tenant; an event's insert bumps its tenant's row, whose lock keeps the numbers
-- dense and in commit order.
CREATE TABLE event_sequences (
    tenant_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    last_seq   BIGINT      NOT NULL
);
INSERT INTO event_sequences (tenant_id, last_seq)
    SELECT tenant_id, MAX(seq) FROM events GROUP BY tenant_id;
INSERT INTO event_sequences (tenant_id, last_seq)
    SELECT id, 0 FROM tenants WHERE id NOT IN (SELECT tenant_id FROM event_sequences);
