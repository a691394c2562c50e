package com.dealerpool.rothco.pool;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job log of the pool: runs, their events and dead letters. Each call is its own short
 * auto-commit transaction, so the log stays readable while a run is in progress. Texts longer
 * than their column are cut to fit.
 */
public final class JobLog {

    private static final Logger LOG = LoggerFactory.getLogger(JobLog.class);

    public static final String STATUS_RUNNING = "running";
    public static final String STATUS_SUCCEEDED = "succeeded";
    public static final String STATUS_SUCCEEDED_WITH_WARNINGS = "succeeded_with_warnings";
    public static final String STATUS_FAILED = "failed";
    /** A start that did not run because another runtime had a run of the operation in flight. */
    public static final String STATUS_SKIPPED = "skipped";

    /** Statuses that {@link #finishRun} accepts. */
    public static final Set<String> FINAL_STATUSES = Set.of(STATUS_SUCCEEDED, STATUS_SUCCEEDED_WITH_WARNINGS,
            STATUS_FAILED, STATUS_SKIPPED);
    public static final Set<String> TRIGGERS = Set.of("schedule", "manual", "startup", "command-line");
    public static final Set<String> LEVELS = Set.of("INFO", "WARN", "ERROR");

    /** Column lengths from V1__pool.sql. */
    static final int MESSAGE_MAX_LENGTH = 4000;
    static final int NOTE_MAX_LENGTH = 1000;
    static final int KIND_MAX_LENGTH = 64;
    static final int REFERENCE_MAX_LENGTH = 200;
    static final int SKU_MAX_LENGTH = 100;
    static final int NODE_MAX_LENGTH = 200;
    static final int PAYLOAD_MAX_LENGTH = 1_000_000;

    private static final String RUN_COLUMNS = "id, source_id, operation, trigger, status, started_at, ended_at,"
            + " heartbeat_at, node_name, pages_total, pages_done, pages_skipped, products, variants_created,"
            + " variants_updated, variants_unchanged, variants_archived, variants_unarchived, variants_unknown,"
            + " records_rejected, archive_note, summary, error_message";

    private final DataSource dataSource;
    private final String nodeName;
    private final Clock clock;

    /** @param nodeName name of this node, stored with each run it starts */
    public JobLog(DataSource dataSource, String nodeName) {
        this(dataSource, nodeName, Clock.systemUTC());
    }

    JobLog(DataSource dataSource, String nodeName, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        if (nodeName == null || nodeName.isBlank()) {
            throw new IllegalArgumentException("Missing node name for the job log; configure a name for this node");
        }
        this.nodeName = TextLimits.truncate(nodeName, NODE_MAX_LENGTH);
        this.clock = clock;
    }

    /**
     * Inserts a run in status running and returns its id.
     *
     * @param trigger schedule, manual, startup or command-line
     */
    public long startRun(String sourceId, String operationSlug, String trigger) {
        return startRun(sourceId, operationSlug, trigger, null);
    }

    /**
     * Inserts a run in status running and returns its id.
     *
     * @param trigger         schedule, manual, startup or command-line
     * @param scheduledFireAt Quartz's scheduled fire time of a scheduled run, or null
     */
    public long startRun(String sourceId, String operationSlug, String trigger, Instant scheduledFireAt) {
        requireText("source id", sourceId);
        requireText("operation", operationSlug);
        requireOneOf("trigger", trigger, TRIGGERS);
        Instant now = clock.instant();
        String sql = "INSERT INTO job_run (source_id, operation, trigger, status, started_at, heartbeat_at, node_name,"
                + " scheduled_fire_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql, new String[] {"id"})) {
            statement.setString(1, sourceId);
            statement.setString(2, operationSlug);
            statement.setString(3, trigger);
            statement.setString(4, STATUS_RUNNING);
            DbTime.bind(statement, 5, now);
            DbTime.bind(statement, 6, now);
            statement.setString(7, nodeName);
            DbTime.bind(statement, 8, scheduledFireAt);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("The JDBC driver returned no id for the new job run");
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("start a run of " + sourceId + " " + operationSlug, e);
        }
    }

    /** Records progress and that this node is still working on the run. */
    public void heartbeat(long runId, int pagesDone, int pagesTotal) {
        String sql = "UPDATE job_run SET heartbeat_at = ?, pages_done = ?, pages_total = ? WHERE id = ? AND status = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            DbTime.bind(statement, 1, clock.instant());
            statement.setInt(2, pagesDone);
            statement.setInt(3, pagesTotal);
            statement.setLong(4, runId);
            statement.setString(5, STATUS_RUNNING);
            if (statement.executeUpdate() == 0) {
                LOG.warn("Heartbeat of run {} ignored: no running job run has that id", runId);
            }
        } catch (SQLException e) {
            throw failure("record the heartbeat of run " + runId, e);
        }
    }

    /**
     * Appends an event to a run.
     *
     * @param level INFO, WARN or ERROR
     * @param kind  short slug such as page_failed or record_rejected
     */
    public void event(long runId, String level, String kind, Integer page, String sku, String message) {
        requireOneOf("event level", level, LEVELS);
        requireText("event kind", kind);
        String sql = "INSERT INTO job_event (run_id, occurred_at, level, kind, page, sku, message)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, runId);
            DbTime.bind(statement, 2, clock.instant());
            statement.setString(3, level);
            statement.setString(4, TextLimits.truncate(kind, KIND_MAX_LENGTH));
            if (page == null) {
                statement.setNull(5, Types.INTEGER);
            } else {
                statement.setInt(5, page);
            }
            statement.setString(6, TextLimits.truncate(sku, SKU_MAX_LENGTH));
            statement.setString(7, TextLimits.truncate(message == null ? "" : message, MESSAGE_MAX_LENGTH));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failure("record a " + kind + " event of run " + runId, e);
        }
    }

    /** Keeps input that a run could not process, such as a catalog page that failed. */
    public void deadLetter(long runId, String channel, String sourceId, String reference, String error,
            String payload) {
        requireText("dead letter channel", channel);
        requireText("source id", sourceId);
        String sql = "INSERT INTO dead_letter (run_id, created_at, channel, source_id, reference, error, payload)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, runId);
            DbTime.bind(statement, 2, clock.instant());
            statement.setString(3, TextLimits.truncate(channel, KIND_MAX_LENGTH));
            statement.setString(4, sourceId);
            statement.setString(5, TextLimits.truncate(reference, REFERENCE_MAX_LENGTH));
            statement.setString(6, TextLimits.truncate(error == null ? "" : error, MESSAGE_MAX_LENGTH));
            statement.setString(7, TextLimits.truncate(payload, PAYLOAD_MAX_LENGTH));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failure("store a dead letter of run " + runId, e);
        }
    }

    /**
     * Ends a run with its final status and counts.
     *
     * @param status succeeded, succeeded_with_warnings or failed
     * @throws IllegalArgumentException for another status or an unknown run id
     */
    public void finishRun(long runId, String status, RunTotals totals, String archiveNote, String summary,
            String errorMessage) {
        requireOneOf("final run status", status, FINAL_STATUSES);
        RunTotals counts = totals == null ? RunTotals.ZERO : totals;
        String sql = "UPDATE job_run SET status = ?, ended_at = ?, heartbeat_at = ?, pages_total = ?, pages_done = ?,"
                + " pages_skipped = ?, products = ?, variants_created = ?, variants_updated = ?,"
                + " variants_unchanged = ?, variants_archived = ?, variants_unarchived = ?, variants_unknown = ?,"
                + " records_rejected = ?, archive_note = ?, summary = ?, error_message = ? WHERE id = ?";
        int updated;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            Instant now = clock.instant();
            int index = 1;
            statement.setString(index++, status);
            DbTime.bind(statement, index++, now);
            DbTime.bind(statement, index++, now);
            statement.setInt(index++, counts.pagesTotal());
            statement.setInt(index++, counts.pagesDone());
            statement.setInt(index++, counts.pagesSkipped());
            statement.setLong(index++, counts.products());
            statement.setLong(index++, counts.variantsCreated());
            statement.setLong(index++, counts.variantsUpdated());
            statement.setLong(index++, counts.variantsUnchanged());
            statement.setLong(index++, counts.variantsArchived());
            statement.setLong(index++, counts.variantsUnarchived());
            statement.setLong(index++, counts.variantsUnknown());
            statement.setLong(index++, counts.recordsRejected());
            statement.setString(index++, TextLimits.truncate(archiveNote, NOTE_MAX_LENGTH));
            statement.setString(index++, TextLimits.truncate(summary, NOTE_MAX_LENGTH));
            statement.setString(index++, TextLimits.truncate(errorMessage, MESSAGE_MAX_LENGTH));
            statement.setLong(index, runId);
            updated = statement.executeUpdate();
        } catch (SQLException e) {
            throw failure("finish run " + runId, e);
        }
        if (updated == 0) {
            throw new IllegalArgumentException("No job run with id " + runId + " to finish; pass an id from startRun");
        }
    }

    public Optional<RunRecord> findRun(long runId) {
        List<RunRecord> runs = queryRuns("SELECT " + RUN_COLUMNS + " FROM job_run WHERE id = ?",
                statement -> statement.setLong(1, runId), 1);
        return runs.stream().findFirst();
    }

    /** Returns the most recently started run of the operation for the source. */
    public Optional<RunRecord> lastRun(String sourceId, String operationSlug) {
        List<RunRecord> runs = queryRuns("SELECT " + RUN_COLUMNS + " FROM job_run WHERE source_id = ? AND operation = ?"
                + " ORDER BY started_at DESC, id DESC", statement -> {
                    statement.setString(1, sourceId);
                    statement.setString(2, operationSlug);
                }, 1);
        return runs.stream().findFirst();
    }

    /** Returns the most recently started run of the operation that has ended, whatever its outcome. */
    public Optional<RunRecord> lastEndedRun(String sourceId, String operationSlug) {
        return latestRun(sourceId, operationSlug, "status <> ?");
    }

    /** Returns the most recently started run of the operation that is still running, on any runtime. */
    public Optional<RunRecord> runningRun(String sourceId, String operationSlug) {
        return latestRun(sourceId, operationSlug, "status = ?");
    }

    private Optional<RunRecord> latestRun(String sourceId, String operationSlug, String statusCondition) {
        List<RunRecord> runs = queryRuns("SELECT " + RUN_COLUMNS + " FROM job_run WHERE source_id = ? AND operation = ?"
                + " AND " + statusCondition + " ORDER BY started_at DESC, id DESC", statement -> {
                    statement.setString(1, sourceId);
                    statement.setString(2, operationSlug);
                    statement.setString(3, STATUS_RUNNING);
                }, 1);
        return runs.stream().findFirst();
    }

    /** Returns the run's events in the order they were recorded. */
    public List<RunEvent> events(long runId) {
        String sql = "SELECT id, run_id, occurred_at, level, kind, page, sku, message FROM job_event WHERE run_id = ?"
                + " ORDER BY id";
        return query(sql, statement -> statement.setLong(1, runId), 0, "read the events of run " + runId,
                rows -> new RunEvent(rows.getLong("id"), rows.getLong("run_id"), DbTime.read(rows, "occurred_at"),
                        rows.getString("level"), rows.getString("kind"), rows.getObject("page", Integer.class),
                        rows.getString("sku"), rows.getString("message")));
    }

    /** Returns the run's dead letters in the order they were stored. */
    public List<DeadLetterRecord> deadLetters(long runId) {
        String sql = "SELECT id, run_id, created_at, channel, source_id, reference, error, payload FROM dead_letter"
                + " WHERE run_id = ? ORDER BY id";
        return query(sql, statement -> statement.setLong(1, runId), 0, "read the dead letters of run " + runId,
                rows -> new DeadLetterRecord(rows.getLong("id"), rows.getLong("run_id"),
                        DbTime.read(rows, "created_at"), rows.getString("channel"), rows.getString("source_id"),
                        rows.getString("reference"), rows.getString("error"), rows.getString("payload")));
    }

    /**
     * Marks running runs whose last heartbeat is older than the given age as failed, because the
     * node that ran them stopped. Called at startup; returns the number of runs marked.
     */
    public int failStaleRuns(Duration heartbeatOlderThan) {
        if (heartbeatOlderThan == null || heartbeatOlderThan.isNegative()) {
            throw new IllegalArgumentException("Invalid heartbeat age " + heartbeatOlderThan
                    + " for stale runs; use a positive duration such as PT5M");
        }
        Instant now = clock.instant();
        Instant limit = now.minus(heartbeatOlderThan);
        List<RunRecord> stale = queryRuns("SELECT " + RUN_COLUMNS + " FROM job_run WHERE status = ? AND heartbeat_at < ?"
                + " ORDER BY id", statement -> {
                    statement.setString(1, STATUS_RUNNING);
                    DbTime.bind(statement, 2, limit);
                }, 0);
        String sql = "UPDATE job_run SET status = ?, ended_at = ?, error_message = ?"
                + " WHERE id = ? AND status = ? AND heartbeat_at < ?";
        int failed = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (RunRecord run : stale) {
                String message = "Node " + run.nodeName() + " stopped sending heartbeats (last at " + run.heartbeatAt()
                        + "); the run was marked failed at " + now;
                statement.setString(1, STATUS_FAILED);
                DbTime.bind(statement, 2, now);
                statement.setString(3, message);
                statement.setLong(4, run.id());
                statement.setString(5, STATUS_RUNNING);
                DbTime.bind(statement, 6, limit);
                if (statement.executeUpdate() == 1) {
                    failed++;
                    LOG.warn("Run {} of {} {} on node {} marked failed: no heartbeat since {}", run.id(),
                            run.sourceId(), run.operation(), run.nodeName(), run.heartbeatAt());
                }
            }
        } catch (SQLException e) {
            throw failure("mark stale runs failed", e);
        }
        return failed;
    }

    private List<RunRecord> queryRuns(String sql, ParameterBinder binder, int maxRows) {
        return query(sql, binder, maxRows, "read job runs", JobLog::readRun);
    }

    /** Runs a query and reads every row; {@code maxRows} 0 means no limit. */
    private <T> List<T> query(String sql, ParameterBinder binder, int maxRows, String action, RowReader<T> reader) {
        List<T> results = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            statement.setMaxRows(maxRows);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    results.add(reader.read(rows));
                }
            }
        } catch (SQLException e) {
            throw failure(action, e);
        }
        return results;
    }

    private static RunRecord readRun(ResultSet rows) throws SQLException {
        return new RunRecord(rows.getLong("id"), rows.getString("source_id"), rows.getString("operation"),
                rows.getString("trigger"), rows.getString("status"), DbTime.read(rows, "started_at"),
                DbTime.read(rows, "ended_at"), DbTime.read(rows, "heartbeat_at"), rows.getString("node_name"),
                rows.getInt("pages_total"), rows.getInt("pages_done"), rows.getInt("pages_skipped"),
                rows.getLong("products"), rows.getLong("variants_created"), rows.getLong("variants_updated"),
                rows.getLong("variants_unchanged"), rows.getLong("variants_archived"),
                rows.getLong("variants_unarchived"), rows.getLong("variants_unknown"),
                rows.getLong("records_rejected"), rows.getString("archive_note"), rows.getString("summary"),
                rows.getString("error_message"));
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing " + name + " for the job log");
        }
    }

    private static void requireOneOf(String name, String value, Set<String> accepted) {
        if (!accepted.contains(value)) {
            throw new IllegalArgumentException("Invalid " + name + " '" + value + "'; use one of "
                    + accepted.stream().sorted().toList());
        }
    }

    private static PoolStorageException failure(String action, SQLException error) {
        return new PoolStorageException("Failed to " + action + " in the job log: " + error.getMessage(), error);
    }

    /** Reads one row of a query result. */
    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Binds the parameters of a query. */
    @FunctionalInterface
    private interface ParameterBinder {
        void bind(PreparedStatement statement) throws SQLException;
    }
}
