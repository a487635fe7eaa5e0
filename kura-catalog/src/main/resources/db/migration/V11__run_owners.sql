-- Several Kura processes may share one PostgreSQL catalog: a run records which store instance runs it
-- (host/pid/process start/instance) and when that store last said it was alive, so that opening the catalog
-- elsewhere no longer marks live runs INTERRUPTED. Runs from before this version have neither and count as
-- abandoned when left RUNNING, as before.
ALTER TABLE harvest_runs ADD COLUMN run_owner VARCHAR(255);
ALTER TABLE harvest_runs ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX harvest_runs_state ON harvest_runs (state);
