package com.dealerpool.rothco.pool;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the {@code source} table in line with the configured sources. */
public final class SourceRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(SourceRegistry.class);

    /** Column lengths from V1__pool.sql. */
    static final int ID_MAX_LENGTH = 64;
    static final int NAME_MAX_LENGTH = 200;
    static final int MODE_MAX_LENGTH = 32;

    private final DataSource dataSource;

    public SourceRegistry(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Inserts the source, or updates its name and mode when it exists. Safe to call from several
     * nodes at once: an insert that loses the race becomes an update.
     */
    public void ensureSource(String id, String name, String mode) {
        if (id == null || id.isBlank() || id.length() > ID_MAX_LENGTH) {
            throw new IllegalArgumentException("Invalid source id '" + id + "'; use 1 to " + ID_MAX_LENGTH
                    + " characters");
        }
        String storedName = TextLimits.truncate(name == null || name.isBlank() ? id : name, NAME_MAX_LENGTH);
        if (mode == null || mode.isBlank() || mode.length() > MODE_MAX_LENGTH) {
            throw new IllegalArgumentException("Invalid mode '" + mode + "' of source " + id + "; use 1 to "
                    + MODE_MAX_LENGTH + " characters");
        }
        try (Connection connection = dataSource.getConnection()) {
            if (update(connection, id, storedName, mode)) {
                return;
            }
            try {
                insert(connection, id, storedName, mode);
                LOG.info("Registered source {} ({}, mode {}) in the pool", id, storedName, mode);
            } catch (SQLException insertError) {
                if (!SqlErrors.isUniqueViolation(insertError) || !update(connection, id, storedName, mode)) {
                    throw insertError;
                }
            }
        } catch (SQLException e) {
            throw new PoolStorageException("Failed to register source " + id + " in the pool: " + e.getMessage(), e);
        }
    }

    private static boolean update(Connection connection, String id, String name, String mode) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE source SET name = ?, mode = ? WHERE id = ?")) {
            statement.setString(1, name);
            statement.setString(2, mode);
            statement.setString(3, id);
            return statement.executeUpdate() == 1;
        }
    }

    private static void insert(Connection connection, String id, String name, String mode) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO source (id, name, mode, created_at) VALUES (?, ?, ?, ?)")) {
            statement.setString(1, id);
            statement.setString(2, name);
            statement.setString(3, mode);
            DbTime.bind(statement, 4, Instant.now());
            statement.executeUpdate();
        }
    }
}
