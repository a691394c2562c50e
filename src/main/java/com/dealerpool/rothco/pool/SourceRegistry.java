package com.dealerpool.rothco.pool;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
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
    /** Column lengths from V5__source_operations.sql. */
    static final int CONNECTION_STATUS_MAX_LENGTH = 64;
    static final int CONNECTION_MESSAGE_MAX_LENGTH = 1000;

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

    /** Stores the source's type and whether FRs may be routed to it; the source row must exist. */
    public void describe(String id, String sourceType, boolean acceptsFulfillmentRequests) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "UPDATE source SET source_type = ?, accepts_fulfillment_requests = ? WHERE id = ?")) {
            statement.setString(1, sourceType);
            statement.setBoolean(2, acceptsFulfillmentRequests);
            statement.setString(3, id);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new PoolStorageException("Failed to store the type of source " + id + " in the pool: "
                    + e.getMessage(), e);
        }
    }

    /**
     * A Test Connection result as the pool keeps it.
     *
     * @param status   status label, such as Connected or Invalid API key
     * @param message  the account on success, the cause and fix otherwise; never the key
     * @param testedAt when the test ran
     */
    public record StoredConnection(String status, String message, Instant testedAt) {
    }

    /** Stores the last Test Connection result of a source, so other runtimes and --status show it. */
    public void recordConnection(String id, StoredConnection result) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("UPDATE source SET connection_status = ?,"
                        + " connection_message = ?, connection_tested_at = ? WHERE id = ?")) {
            statement.setString(1, TextLimits.truncate(result.status(), CONNECTION_STATUS_MAX_LENGTH));
            statement.setString(2, TextLimits.truncate(result.message(), CONNECTION_MESSAGE_MAX_LENGTH));
            DbTime.bind(statement, 3, result.testedAt());
            statement.setString(4, id);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new PoolStorageException("Failed to store the Test Connection result of source " + id
                    + " in the pool: " + e.getMessage(), e);
        }
    }

    /** Returns the last Test Connection result that any runtime stored for the source. */
    public Optional<StoredConnection> lastConnection(String id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT connection_status,"
                        + " connection_message, connection_tested_at FROM source WHERE id = ?")) {
            statement.setString(1, id);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next() || result.getString("connection_status") == null) {
                    return Optional.empty();
                }
                return Optional.of(new StoredConnection(result.getString("connection_status"),
                        result.getString("connection_message"), DbTime.read(result, "connection_tested_at")));
            }
        } catch (SQLException e) {
            throw new PoolStorageException("Failed to read the Test Connection result of source " + id
                    + " from the pool: " + e.getMessage(), e);
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
