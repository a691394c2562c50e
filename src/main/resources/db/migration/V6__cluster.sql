-- Running several runtimes on one pool. Like V1 this file runs unchanged on H2 2.x and
-- PostgreSQL 15.
--
-- run_guard holds one row per source and operation while a run of it is in flight anywhere in
-- the cluster. A runtime takes the row with a conditional UPDATE (free, or its lease ran out),
-- renews lease_until with every heartbeat and clears the row when the run ends. A runtime that
-- dies stops renewing, so its lease runs out and another runtime may start the operation.
CREATE TABLE run_guard (
    source_id     VARCHAR(64)  NOT NULL,
    operation     VARCHAR(64)  NOT NULL,
    -- job_run.id of the run in flight, or NULL while the guard is free.
    run_id        BIGINT,
    owner_node    VARCHAR(200),
    acquired_at   TIMESTAMP WITH TIME ZONE,
    heartbeat_at  TIMESTAMP WITH TIME ZONE,
    lease_until   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (source_id, operation)
);

-- Quartz's scheduled fire time of a run started by a schedule, so that the job log shows which
-- firing each run belongs to; NULL for manual, startup and command-line runs.
ALTER TABLE job_run ADD COLUMN scheduled_fire_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX ix_job_run_scheduled_fire ON job_run (source_id, operation, scheduled_fire_at);

-- skipped: a start that did not run because a run of the same source and operation was in
-- flight on another runtime; its summary names that run and runtime.
ALTER TABLE job_run DROP CONSTRAINT ck_job_run_status;
ALTER TABLE job_run ADD CONSTRAINT ck_job_run_status
    CHECK (status IN ('running', 'succeeded', 'succeeded_with_warnings', 'failed', 'skipped'));
