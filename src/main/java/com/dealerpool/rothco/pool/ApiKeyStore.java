package com.dealerpool.rothco.pool;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * API keys rotated at runtime, in {@code source_api_key}, and the fingerprint of each source's
 * configured key in {@code source}. A rotated key takes precedence over the configured key when
 * it was stored after a runtime first saw that configured key, so editing the key in the settings
 * file after a rotation brings the settings file back in charge.
 * <p>
 * The key is stored in clear text because the runtime sends it; every account that can read the
 * pool's {@code source_api_key} table can read the keys.
 */
public final class ApiKeyStore {

    /** Maximum key length, from V5__source_operations.sql. */
    public static final int KEY_MAX_LENGTH = 500;
    private static final int ROTATED_BY_MAX_LENGTH = 200;

    private final DataSource dataSource;

    public ApiKeyStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * A key stored by a rotation.
     *
     * @param key       the key; never log it
     * @param rotatedAt when it was stored
     * @param rotatedBy who stored it, such as {@code jmx@node-1}
     */
    public record RotatedKey(String key, Instant rotatedAt, String rotatedBy) {

        @Override
        public String toString() {
            return "RotatedKey[rotatedAt=" + rotatedAt + ", rotatedBy=" + rotatedBy + "]";
        }
    }

    /**
     * Records the SHA-256 of the source's configured key; when it differs from the stored one,
     * stores the new fingerprint with the current time. The source row must exist.
     */
    public void recordConfiguredKey(String sourceId, String configuredKey) {
        String fingerprint = sha256(configuredKey);
        String sql = "UPDATE source SET configured_key_sha256 = ?, configured_key_seen_at = ? WHERE id = ?"
                + " AND (configured_key_sha256 IS NULL OR configured_key_sha256 <> ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, fingerprint);
            DbTime.bind(statement, 2, Instant.now());
            statement.setString(3, sourceId);
            statement.setString(4, fingerprint);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new PoolStorageException("Failed to record the configured API key of source " + sourceId
                    + " in the pool: " + e.getMessage(), e);
        }
    }

    /** Stores a rotated key; it becomes the source's key for every runtime on this pool. */
    public void store(String sourceId, String key, String rotatedBy) {
        if (key == null || key.isBlank() || key.trim().length() > KEY_MAX_LENGTH) {
            throw new IllegalArgumentException("The new API key of source " + sourceId + " is blank or longer than "
                    + KEY_MAX_LENGTH + " characters; paste the key from Rothco's API Portal Settings");
        }
        String sql = "INSERT INTO source_api_key (source_id, api_key, rotated_at, rotated_by) VALUES (?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, sourceId);
            statement.setString(2, key.trim());
            DbTime.bind(statement, 3, Instant.now());
            statement.setString(4, TextLimits.truncate(rotatedBy, ROTATED_BY_MAX_LENGTH));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new PoolStorageException("Failed to store the new API key of source " + sourceId + " in the pool: "
                    + e.getMessage(), e);
        }
    }

    /** Returns the newest rotated key of the source if it is newer than the configured key. */
    public Optional<RotatedKey> newerRotatedKey(String sourceId) {
        String sql = "SELECT k.api_key, k.rotated_at, k.rotated_by FROM source_api_key k JOIN source s"
                + " ON s.id = k.source_id WHERE k.source_id = ?"
                + " AND (s.configured_key_seen_at IS NULL OR k.rotated_at > s.configured_key_seen_at)"
                + " ORDER BY k.rotated_at DESC, k.id DESC";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setMaxRows(1);
            statement.setString(1, sourceId);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RotatedKey(result.getString("api_key"), DbTime.read(result, "rotated_at"),
                        result.getString("rotated_by")));
            }
        } catch (SQLException e) {
            throw new PoolStorageException("Failed to read the rotated API key of source " + sourceId
                    + " from the pool: " + e.getMessage(), e);
        }
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256, which every Java 17 runtime must provide", e);
        }
    }
}
