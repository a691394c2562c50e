package com.dealerpool.rothco.pool;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Archives the active variants of a source that a full import did not see. */
final class VariantArchiver {

    private static final Logger LOG = LoggerFactory.getLogger(VariantArchiver.class);
    private static final int BATCH_SIZE = 500;

    private final DataSource dataSource;

    VariantArchiver(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    ArchiveOutcome archiveAbsent(String sourceId, BitSet seenVariantIds, double maxShrinkShare) {
        if (sourceId == null || sourceId.isBlank()) {
            throw new IllegalArgumentException("Missing source id for archiving; pass the configured source id");
        }
        if (!(maxShrinkShare >= 0.0 && maxShrinkShare <= 1.0)) {
            throw new IllegalArgumentException("Invalid maximum shrink share " + maxShrinkShare
                    + "; use a fraction from 0 to 1, such as 0.2 for 20%");
        }
        BitSet seen;
        synchronized (seenVariantIds) {
            seen = (BitSet) seenVariantIds.clone();
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                ArchiveOutcome outcome = archive(connection, sourceId, seen, maxShrinkShare);
                connection.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new PoolStorageException("Failed to archive absent variants of source " + sourceId + ": "
                    + e.getMessage(), e);
        }
    }

    private static ArchiveOutcome archive(Connection connection, String sourceId, BitSet seen, double maxShrinkShare)
            throws SQLException {
        int active = 0;
        List<Long> absent = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM variant WHERE source_id = ? AND archived = FALSE")) {
            statement.setString(1, sourceId);
            statement.setFetchSize(1000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    active++;
                    long id = rows.getLong(1);
                    if (id > Integer.MAX_VALUE || !seen.get((int) id)) {
                        absent.add(id);
                    }
                }
            }
        }
        if (absent.isEmpty()) {
            LOG.info("No variant of source {} is absent from the import; {} remain active", sourceId, active);
            return new ArchiveOutcome(false, 0, active, 0, null);
        }
        if (absent.size() > maxShrinkShare * active) {
            String reason = String.format(Locale.ROOT, "feed shrank by %.1f%% of %d active items (limit %s%%)",
                    100.0 * absent.size() / active, active, percent(maxShrinkShare));
            LOG.warn("Archiving skipped for source {}: {}", sourceId, reason);
            return new ArchiveOutcome(false, 0, active, absent.size(), reason);
        }
        int archived = setArchived(connection, absent, DbTime.toDb(Instant.now()));
        LOG.info("Archived {} of {} active variants of source {} that the import did not see",
                archived, active, sourceId);
        return new ArchiveOutcome(archived > 0, archived, active, absent.size(), null);
    }

    private static int setArchived(Connection connection, List<Long> ids, OffsetDateTime now) throws SQLException {
        int archived = 0;
        try (PreparedStatement statement = connection.prepareStatement("UPDATE variant SET archived = TRUE,"
                + " archived_at = ?, quantity = 0, updated_at = ? WHERE id = ? AND archived = FALSE")) {
            for (int start = 0; start < ids.size(); start += BATCH_SIZE) {
                for (Long id : ids.subList(start, Math.min(ids.size(), start + BATCH_SIZE))) {
                    statement.setObject(1, now);
                    statement.setObject(2, now);
                    statement.setLong(3, id);
                    statement.addBatch();
                }
                for (int count : statement.executeBatch()) {
                    // SUCCESS_NO_INFO means the driver ran the row without reporting its count.
                    archived += count == Statement.SUCCESS_NO_INFO ? 1 : count;
                }
            }
        }
        return archived;
    }

    /** Formats a share as a percentage without trailing zeros, such as 20 for 0.2. */
    private static String percent(double share) {
        return BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
