package com.dealerpool.rothco.pool;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Cluster-wide guards of the {@code run_guard} table: at most one run per source and operation
 * in flight across every runtime on the pool. A runtime takes a guard with a conditional UPDATE
 * that succeeds only while the guard is free or its lease ran out, so two runtimes never both
 * take it, on H2 or PostgreSQL. The holder renews the lease with each heartbeat; a runtime that
 * dies stops renewing and its guard becomes free once the lease ends.
 */
public final class RunGuards {

    private final DataSource dataSource;

    public RunGuards(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The run that holds a guard, with the runtime it runs on. */
    public record Holder(long runId, String ownerNode, Instant acquiredAt, Instant heartbeatAt, Instant leaseUntil) {

        /** Describes the holder for a log line or a JMX operation result. */
        public String describe() {
            return "run " + runId + " on node " + ownerNode + " (started " + acquiredAt + ", last heartbeat "
                    + heartbeatAt + ")";
        }
    }

    /**
     * Takes the guard of a source and operation for a run until {@code leaseUntil}. Returns
     * empty when the run got the guard, or the holder that keeps it from starting.
     */
    public Optional<Holder> acquire(String sourceId, String operation, long runId, String node, Instant now,
            Instant leaseUntil) {
        String update = "UPDATE run_guard SET run_id = ?, owner_node = ?, acquired_at = ?, heartbeat_at = ?,"
                + " lease_until = ? WHERE source_id = ? AND operation = ? AND (run_id IS NULL OR lease_until < ?)";
        try (Connection connection = dataSource.getConnection()) {
            insertIfMissing(connection, sourceId, operation);
            // The holder may end its run between a failed UPDATE and the read, so try twice.
            for (int attempt = 0; attempt < 2; attempt++) {
                try (PreparedStatement statement = connection.prepareStatement(update)) {
                    statement.setLong(1, runId);
                    statement.setString(2, TextLimits.truncate(node, JobLog.NODE_MAX_LENGTH));
                    DbTime.bind(statement, 3, now);
                    DbTime.bind(statement, 4, now);
                    DbTime.bind(statement, 5, leaseUntil);
                    statement.setString(6, sourceId);
                    statement.setString(7, operation);
                    DbTime.bind(statement, 8, now);
                    if (statement.executeUpdate() == 1) {
                        return Optional.empty();
                    }
                }
                Optional<Holder> holder = holder(connection, sourceId, operation);
                if (holder.isPresent()) {
                    return holder;
                }
            }
            throw new SQLException("the guard changed hands twice while it was being taken");
        } catch (SQLException e) {
            throw failure("take the run guard of " + sourceId + " " + operation + " for run " + runId, e);
        }
    }

    /** Returns the run that holds the guard of a source and operation, if any, including an expired holder. */
    public Optional<Holder> holder(String sourceId, String operation) {
        try (Connection connection = dataSource.getConnection()) {
            return holder(connection, sourceId, operation);
        } catch (SQLException e) {
            throw failure("read the run guard of " + sourceId + " " + operation, e);
        }
    }

    /**
     * Extends the lease of a run's guard. Returns false when the run no longer holds it, because
     * its lease ran out and another runtime took the guard or a sweeper freed it.
     */
    public boolean renew(String sourceId, String operation, long runId, Instant now, Instant leaseUntil) {
        String sql = "UPDATE run_guard SET heartbeat_at = ?, lease_until = ? WHERE source_id = ? AND operation = ?"
                + " AND run_id = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            DbTime.bind(statement, 1, now);
            DbTime.bind(statement, 2, leaseUntil);
            statement.setString(3, sourceId);
            statement.setString(4, operation);
            statement.setLong(5, runId);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("renew the run guard of run " + runId, e);
        }
    }

    /** Frees the guard when the run still holds it; returns false when it did not. */
    public boolean release(String sourceId, String operation, long runId) {
        String sql = "UPDATE run_guard SET run_id = NULL, owner_node = NULL, acquired_at = NULL, heartbeat_at = NULL,"
                + " lease_until = NULL WHERE source_id = ? AND operation = ? AND run_id = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, sourceId);
            statement.setString(2, operation);
            statement.setLong(3, runId);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("free the run guard of run " + runId, e);
        }
    }

    /** Frees every guard whose lease ended before {@code now}; returns the number freed. */
    public int releaseExpired(Instant now) {
        String sql = "UPDATE run_guard SET run_id = NULL, owner_node = NULL, acquired_at = NULL, heartbeat_at = NULL,"
                + " lease_until = NULL WHERE run_id IS NOT NULL AND lease_until < ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            DbTime.bind(statement, 1, now);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure("free expired run guards", e);
        }
    }

    private static void insertIfMissing(Connection connection, String sourceId, String operation)
            throws SQLException {
        String select = "SELECT 1 FROM run_guard WHERE source_id = ? AND operation = ?";
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            statement.setString(1, sourceId);
            statement.setString(2, operation);
            try (ResultSet rows = statement.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO run_guard (source_id, operation) VALUES (?, ?)")) {
            statement.setString(1, sourceId);
            statement.setString(2, operation);
            statement.executeUpdate();
        } catch (SQLException e) {
            // Another runtime inserted the row first; the UPDATE that follows competes for it.
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    private static Optional<Holder> holder(Connection connection, String sourceId, String operation)
            throws SQLException {
        String sql = "SELECT run_id, owner_node, acquired_at, heartbeat_at, lease_until FROM run_guard"
                + " WHERE source_id = ? AND operation = ? AND run_id IS NOT NULL";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, sourceId);
            statement.setString(2, operation);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Holder(rows.getLong("run_id"), rows.getString("owner_node"),
                        DbTime.read(rows, "acquired_at"), DbTime.read(rows, "heartbeat_at"),
                        DbTime.read(rows, "lease_until")));
            }
        }
    }

    private static PoolStorageException failure(String action, SQLException error) {
        return new PoolStorageException("Failed to " + action + ": " + error.getMessage(), error);
    }
}
