package com.dealerpool.rothco.pool;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes catalog pages of Get Inventory (Primary) into the pool, one transaction per page.
 *
 * <p>Rows whose content hash matches the page are not written at all. New SKUs are inserted and
 * changed ones updated in JDBC batches; an update writes only the fields present in its
 * {@link VariantUpdate}. Stock and price columns keep values that Rothco observed later than the
 * page. Instances are thread-safe, so parallel page workers can share one.
 */
public final class CatalogWriter {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogWriter.class);

    private final DataSource dataSource;
    private final VariantStatements statements = new VariantStatements();
    private final ParentProductWriter parentProducts = new ParentProductWriter();
    private final VariantArchiver archiver;

    public CatalogWriter(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.archiver = new VariantArchiver(dataSource);
    }

    /**
     * Writes one page and marks the ids of all its variants, unchanged ones included, in
     * {@code seenVariantIds}, synchronizing on that set. When a concurrent writer inserted one of
     * the page's SKUs first, the page is rolled back and written once more.
     *
     * @param observedAt when Rothco's side observed the page's stock and price values
     * @throws IllegalArgumentException when an update is invalid; nothing of the page is written
     * @throws PoolStorageException when the database fails; nothing of the page is written
     */
    public PageWriteResult writePage(String sourceId, List<VariantUpdate> updates, Instant observedAt,
            BitSet seenVariantIds) {
        if (sourceId == null || sourceId.isBlank()) {
            throw new IllegalArgumentException("Missing source id for the page write; pass the configured source id");
        }
        Objects.requireNonNull(updates, "updates");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(seenVariantIds, "seenVariantIds");
        Map<String, PreparedVariant> page = PagePreparer.prepare(sourceId, updates);
        if (page.isEmpty()) {
            return PageWriteResult.EMPTY;
        }
        OffsetDateTime observed = DbTime.toDb(observedAt);
        PageWrite write = PageTransactions.write(dataSource,
                "a page of " + page.size() + " variants of source " + sourceId,
                () -> new PageWrite(sourceId, page, observed));
        markSeen(seenVariantIds, write.seenIds);
        LOG.debug("Wrote a page of source {}: {}", sourceId, write.result);
        return write.result;
    }

    /** Sets the bits of the ids in a run's seen set, synchronizing on that set. */
    static void markSeen(BitSet seenVariantIds, List<Long> ids) {
        synchronized (seenVariantIds) {
            for (long id : ids) {
                seenVariantIds.set(Math.toIntExact(id));
            }
        }
    }

    /**
     * Archives the active variants of the source whose ids are not in {@code seenVariantIds}:
     * sets archived, archived_at and quantity 0. Archives nothing when more than
     * {@code maxShrinkShare} of the active variants are absent.
     *
     * @param maxShrinkShare largest share of active variants that may be archived, from 0 to 1
     */
    public ArchiveOutcome archiveAbsent(String sourceId, BitSet seenVariantIds, double maxShrinkShare) {
        return archiver.archiveAbsent(sourceId, seenVariantIds, maxShrinkShare);
    }

    /** One attempt at writing a page, with the ids and counts of that attempt. */
    private final class PageWrite implements PageTransactions.Attempt {
        private final String sourceId;
        private final Map<String, PreparedVariant> variants;
        private final OffsetDateTime observedAt;
        private final List<Long> seenIds = new ArrayList<>();
        private PageWriteResult result;

        PageWrite(String sourceId, Map<String, PreparedVariant> variants, OffsetDateTime observedAt) {
            this.sourceId = sourceId;
            this.variants = variants;
            this.observedAt = observedAt;
        }

        @Override
        public void run(Connection connection) throws SQLException {
            OffsetDateTime now = DbTime.toDb(Instant.now());
            Map<String, StoredVariant> stored = readStored(connection);
            Map<String, List<PreparedVariant>> inserts = new LinkedHashMap<>();
            Map<String, List<Map.Entry<Long, PreparedVariant>>> updates = new LinkedHashMap<>();
            int updated = 0;
            int unchanged = 0;
            int unarchived = 0;

            for (PreparedVariant variant : variants.values()) {
                StoredVariant row = stored.get(variant.sku());
                if (row == null) {
                    inserts.computeIfAbsent(statements.insertSql(variant), sql -> new ArrayList<>()).add(variant);
                    continue;
                }
                seenIds.add(row.id);
                if (!row.archived && variant.contentHash().equals(row.contentHash)) {
                    unchanged++;
                    continue;
                }
                if (row.archived) {
                    unarchived++;
                } else {
                    updated++;
                }
                updates.computeIfAbsent(statements.updateSql(variant), sql -> new ArrayList<>())
                        .add(Map.entry(row.id, variant));
            }

            int created = 0;
            for (Map.Entry<String, List<PreparedVariant>> batch : inserts.entrySet()) {
                created += insert(connection, batch.getKey(), batch.getValue(), now);
            }
            for (Map.Entry<String, List<Map.Entry<Long, PreparedVariant>>> batch : updates.entrySet()) {
                update(connection, batch.getKey(), batch.getValue(), now);
            }
            int products = parentProducts.write(connection, sourceId, variants.values(), now);
            result = new PageWriteResult(created, updated, unchanged, unarchived, products);
        }

        private Map<String, StoredVariant> readStored(Connection connection) throws SQLException {
            Map<String, StoredVariant> stored = new HashMap<>();
            for (List<String> chunk : SqlChunks.split(variants.keySet())) {
                String sql = "SELECT id, sku, content_hash, archived FROM variant WHERE source_id = ? AND sku IN ("
                        + SqlChunks.placeholders(chunk.size()) + ")";
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, sourceId);
                    SqlChunks.bindStrings(statement, 2, chunk);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            stored.put(rows.getString("sku"), new StoredVariant(rows.getLong("id"),
                                    rows.getString("content_hash"), rows.getBoolean("archived")));
                        }
                    }
                }
            }
            return stored;
        }

        private int insert(Connection connection, String sql, List<PreparedVariant> batch, OffsetDateTime now)
                throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {"id"})) {
                for (PreparedVariant variant : batch) {
                    VariantStatements.bindInsert(statement, sourceId, variant, observedAt, now);
                    statement.addBatch();
                }
                statement.executeBatch();
                int generated = 0;
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    while (keys.next()) {
                        seenIds.add(keys.getLong(1));
                        generated++;
                    }
                }
                if (generated != batch.size()) {
                    throw new IllegalStateException("The JDBC driver returned " + generated + " generated ids for "
                            + batch.size() + " inserted variants of source " + sourceId);
                }
                return batch.size();
            }
        }

        private void update(Connection connection, String sql, List<Map.Entry<Long, PreparedVariant>> batch,
                OffsetDateTime now) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Map.Entry<Long, PreparedVariant> row : batch) {
                    VariantStatements.bindUpdate(statement, row.getKey(), row.getValue(), observedAt, now);
                    statement.addBatch();
                }
                int[] counts = statement.executeBatch();
                for (int count : counts) {
                    if (count == 0) {
                        throw new SQLException("A variant of source " + sourceId
                                + " was deleted while its page was written", "40001");
                    }
                }
            }
        }
    }

    /** The columns of a stored variant that decide how a page writes it. */
    private record StoredVariant(long id, String contentHash, boolean archived) {
    }
}
