package com.dealerpool.rothco.pool;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Paused schedules in {@code schedule_pause}: one row per source and operation whose Quartz
 * trigger an operator paused. The row outlives a restart, so a runtime that starts pauses the
 * trigger again, and --status reads it from another process.
 */
public final class SchedulePauses {

    private static final int PAUSED_BY_MAX_LENGTH = 200;

    private final DataSource dataSource;

    public SchedulePauses(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * A paused schedule.
     *
     * @param pausedBy who paused it, such as {@code jmx@node-1}
     */
    public record Pause(String sourceId, String operation, Instant pausedAt, String pausedBy) {
    }

    /** Records the schedule as paused; pausing a paused schedule keeps the first record. */
    public void pause(String sourceId, String operationSlug, String pausedBy) {
        if (find(sourceId, operationSlug).isPresent()) {
            return;
        }
        String sql = "INSERT INTO schedule_pause (source_id, operation, paused_at, paused_by) VALUES (?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, sourceId);
            statement.setString(2, operationSlug);
            DbTime.bind(statement, 3, Instant.now());
            statement.setString(4, TextLimits.truncate(pausedBy, PAUSED_BY_MAX_LENGTH));
            statement.executeUpdate();
        } catch (SQLException e) {
            // Another runtime paused the same schedule at the same moment: the schedule is paused either way.
            if (!SqlErrors.isUniqueViolation(e)) {
                throw new PoolStorageException("Failed to record the pause of " + sourceId + " " + operationSlug
                        + " in the pool: " + e.getMessage(), e);
            }
        }
    }

    /** Removes the pause record; returns false when the schedule was not paused. */
    public boolean resume(String sourceId, String operationSlug) {
        String sql = "DELETE FROM schedule_pause WHERE source_id = ? AND operation = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, sourceId);
            statement.setString(2, operationSlug);
            return statement.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new PoolStorageException("Failed to remove the pause of " + sourceId + " " + operationSlug
                    + " from the pool: " + e.getMessage(), e);
        }
    }

    /** Returns the pause record of one schedule, if it is paused. */
    public Optional<Pause> find(String sourceId, String operationSlug) {
        return Optional.ofNullable(all().get(key(sourceId, operationSlug)));
    }

    /** Returns every paused schedule by {@code <source>/<operation>}. */
    public Map<String, Pause> all() {
        String sql = "SELECT source_id, operation, paused_at, paused_by FROM schedule_pause";
        Map<String, Pause> pauses = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                Pause pause = new Pause(result.getString("source_id"), result.getString("operation"),
                        DbTime.read(result, "paused_at"), result.getString("paused_by"));
                pauses.put(key(pause.sourceId(), pause.operation()), pause);
            }
            return pauses;
        } catch (SQLException e) {
            throw new PoolStorageException("Failed to read the paused schedules from the pool: " + e.getMessage(), e);
        }
    }

    /** Key of {@link #all()}: {@code <source>/<operation>}. */
    public static String key(String sourceId, String operationSlug) {
        return sourceId + "/" + operationSlug;
    }
}
