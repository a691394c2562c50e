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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes pages of Rothco's stock and price snapshot (Get Inventory (Secondary)) into the pool,
 * one transaction per page. It changes only cost, MSRP, MAP and quantity of variants, and only
 * of rows whose values differ from the page. Titles, descriptions, categories and images stay
 * untouched.
 *
 * <p>A value observed later is never replaced: a row whose {@code stock_observed_at} is later
 * than the page is skipped, and the UPDATE checks the same condition in SQL so that a concurrent
 * catalog import cannot slip in between. Every row it writes gets {@code content_hash = NULL},
 * so the next catalog import rewrites it. Instances are thread-safe.
 */
public final class InventorySnapshotWriter {

    private static final Logger LOG = LoggerFactory.getLogger(InventorySnapshotWriter.class);

    static final String CREATED_BY_SECONDARY = "SECONDARY";

    private static final List<VariantField> STOCK_AND_PRICE_FIELDS = VariantField.all().stream()
            .filter(VariantField::isStockOrPrice).toList();

    private final DataSource dataSource;
    private final Map<String, String> updateSql = new ConcurrentHashMap<>();
    private final Map<Long, String> insertSql = new ConcurrentHashMap<>();

    public InventorySnapshotWriter(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Writes one page and marks the ids of all its known variants, unchanged ones included, in
     * {@code seenVariantIds}, synchronizing on that set.
     *
     * @param updates    mapped snapshot rows; each may set only sku, cost, msrp, map and quantity
     * @param observedAt when Rothco's side observed the page's values
     * @throws IllegalArgumentException when an update is invalid or sets another field; nothing
     *                                  of the page is written
     * @throws PoolStorageException when the database fails; nothing of the page is written
     */
    public SnapshotPageResult writePage(String sourceId, List<VariantUpdate> updates, Instant observedAt,
            BitSet seenVariantIds, SnapshotWriteOptions options) {
        if (sourceId == null || sourceId.isBlank()) {
            throw new IllegalArgumentException("Missing source id for the snapshot page write; pass the configured"
                    + " source id");
        }
        Objects.requireNonNull(updates, "updates");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(seenVariantIds, "seenVariantIds");
        Objects.requireNonNull(options, "options");
        Map<String, PreparedVariant> page = PagePreparer.prepare(sourceId, updates);
        if (page.isEmpty()) {
            return SnapshotPageResult.EMPTY;
        }
        page.values().forEach(InventorySnapshotWriter::requireStockAndPriceOnly);
        OffsetDateTime observed = DbTime.toDb(observedAt);
        SnapshotWrite write = PageTransactions.write(dataSource,
                "a snapshot page of " + page.size() + " variants of source " + sourceId,
                () -> new SnapshotWrite(sourceId, page, observed, options));
        CatalogWriter.markSeen(seenVariantIds, write.seenIds);
        LOG.debug("Wrote a snapshot page of source {}: {}", sourceId, write.result);
        return write.result;
    }

    private static void requireStockAndPriceOnly(PreparedVariant variant) {
        for (VariantField field : variant.values().keySet()) {
            if (!field.isStockOrPrice()) {
                throw new IllegalArgumentException("Field " + field.name() + " in the snapshot update of SKU "
                        + variant.sku() + " is not a stock or price field; a stock and price snapshot sets only "
                        + STOCK_AND_PRICE_FIELDS.stream().map(VariantField::name).toList());
            }
        }
    }

    /** Builds the UPDATE for one set of fields; the WHERE clause keeps later observations. */
    private String updateSql(PreparedVariant variant, boolean unarchive) {
        String key = variant.fieldMask() + (unarchive ? "/unarchive" : "");
        return updateSql.computeIfAbsent(key, unused -> {
            StringJoiner assignments = new StringJoiner(", ", "UPDATE variant SET ",
                    " WHERE id = ? AND (stock_observed_at IS NULL OR stock_observed_at <= ?)");
            variant.values().keySet().forEach(field -> assignments.add(field.column() + " = ?"));
            if (unarchive) {
                assignments.add("archived = FALSE").add("archived_at = NULL");
            }
            assignments.add("stock_observed_at = ?").add("content_hash = NULL").add("updated_at = ?");
            return assignments.toString();
        });
    }

    private String insertSql(PreparedVariant variant) {
        return insertSql.computeIfAbsent(variant.fieldMask(), unused -> {
            StringJoiner columns = new StringJoiner(", ", "INSERT INTO variant (source_id, sku, ", ")");
            StringJoiner parameters = new StringJoiner(", ", " VALUES (?, ?, ", ")");
            variant.values().keySet().forEach(field -> {
                columns.add(field.column());
                parameters.add("?");
            });
            columns.add("stock_observed_at").add("created_by").add("created_at").add("updated_at");
            parameters.add("?").add("'" + CREATED_BY_SECONDARY + "'").add("?").add("?");
            return columns + parameters.toString();
        });
    }

    /** One attempt at writing a snapshot page, with the ids and counts of that attempt. */
    private final class SnapshotWrite implements PageTransactions.Attempt {
        private final String sourceId;
        private final Map<String, PreparedVariant> variants;
        private final OffsetDateTime observedAt;
        private final SnapshotWriteOptions options;
        private final List<Long> seenIds = new ArrayList<>();
        private SnapshotPageResult result;

        SnapshotWrite(String sourceId, Map<String, PreparedVariant> variants, OffsetDateTime observedAt,
                SnapshotWriteOptions options) {
            this.sourceId = sourceId;
            this.variants = variants;
            this.observedAt = observedAt;
            this.options = options;
        }

        @Override
        public void run(Connection connection) throws SQLException {
            OffsetDateTime now = DbTime.toDb(Instant.now());
            Map<String, StoredStock> stored = readStored(connection);
            Map<String, UpdateBatch> updates = new LinkedHashMap<>();
            List<String> unknownSkus = new ArrayList<>();
            Map<String, List<PreparedVariant>> inserts = new LinkedHashMap<>();
            int unchanged = 0;
            int keptNewer = 0;
            int archivedLeft = 0;

            for (PreparedVariant variant : variants.values()) {
                StoredStock row = stored.get(variant.sku());
                if (row == null) {
                    unknownSkus.add(variant.sku());
                    if (options.createUnknown()) {
                        inserts.computeIfAbsent(insertSql(variant), sql -> new ArrayList<>()).add(variant);
                    }
                    continue;
                }
                seenIds.add(row.id);
                if (row.archived && !options.unarchive()) {
                    archivedLeft++;
                } else if (row.observedAt != null && row.observedAt.isAfter(observedAt)) {
                    keptNewer++;
                } else if (!row.archived && row.sameValues(variant)) {
                    unchanged++;
                } else {
                    updates.computeIfAbsent(updateSql(variant, row.archived), sql -> new UpdateBatch(row.archived))
                            .rows().add(Map.entry(row.id, variant));
                }
            }

            int updated = 0;
            int unarchived = 0;
            for (Map.Entry<String, UpdateBatch> batch : updates.entrySet()) {
                List<Map.Entry<Long, PreparedVariant>> rows = batch.getValue().rows();
                int written = update(connection, batch.getKey(), rows, now);
                // A row that a concurrent writer stamped with a later observation meanwhile is kept.
                keptNewer += rows.size() - written;
                if (batch.getValue().unarchive()) {
                    unarchived += written;
                } else {
                    updated += written;
                }
            }
            int created = 0;
            for (Map.Entry<String, List<PreparedVariant>> batch : inserts.entrySet()) {
                created += insert(connection, batch.getKey(), batch.getValue(), now);
            }
            result = new SnapshotPageResult(updated, unchanged, unarchived, keptNewer, archivedLeft,
                    List.copyOf(unknownSkus), created);
        }

        private Map<String, StoredStock> readStored(Connection connection) throws SQLException {
            Map<String, StoredStock> stored = new HashMap<>();
            StringJoiner columns = new StringJoiner(", ");
            STOCK_AND_PRICE_FIELDS.forEach(field -> columns.add(field.column()));
            for (List<String> chunk : SqlChunks.split(variants.keySet())) {
                String sql = "SELECT id, sku, archived, stock_observed_at, " + columns + " FROM variant"
                        + " WHERE source_id = ? AND sku IN (" + SqlChunks.placeholders(chunk.size()) + ")";
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, sourceId);
                    SqlChunks.bindStrings(statement, 2, chunk);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            Map<VariantField, Object> values = new HashMap<>();
                            for (VariantField field : STOCK_AND_PRICE_FIELDS) {
                                values.put(field, VariantColumns.read(rows, field));
                            }
                            OffsetDateTime observed = rows.getObject("stock_observed_at", OffsetDateTime.class);
                            stored.put(rows.getString("sku"), new StoredStock(rows.getLong("id"),
                                    rows.getBoolean("archived"), observed, values));
                        }
                    }
                }
            }
            return stored;
        }

        /** Runs one UPDATE batch and returns the rows it changed. */
        private int update(Connection connection, String sql, List<Map.Entry<Long, PreparedVariant>> batch,
                OffsetDateTime now) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Map.Entry<Long, PreparedVariant> row : batch) {
                    int index = 1;
                    for (Map.Entry<VariantField, Object> value : row.getValue().values().entrySet()) {
                        VariantColumns.bind(statement, index++, value.getKey(), value.getValue());
                    }
                    statement.setObject(index++, observedAt);
                    statement.setObject(index++, now);
                    statement.setLong(index++, row.getKey());
                    statement.setObject(index, observedAt);
                    statement.addBatch();
                }
                int written = 0;
                for (int count : statement.executeBatch()) {
                    // SUCCESS_NO_INFO means the driver ran the row without reporting its count.
                    written += count == Statement.SUCCESS_NO_INFO ? 1 : count;
                }
                return written;
            }
        }

        private int insert(Connection connection, String sql, List<PreparedVariant> batch, OffsetDateTime now)
                throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {"id"})) {
                for (PreparedVariant variant : batch) {
                    int index = 1;
                    statement.setString(index++, sourceId);
                    statement.setString(index++, variant.sku());
                    for (Map.Entry<VariantField, Object> value : variant.values().entrySet()) {
                        VariantColumns.bind(statement, index++, value.getKey(), value.getValue());
                    }
                    statement.setObject(index++, observedAt);
                    statement.setObject(index++, now);
                    statement.setObject(index, now);
                    statement.addBatch();
                }
                statement.executeBatch();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    while (keys.next()) {
                        seenIds.add(keys.getLong(1));
                    }
                }
                return batch.size();
            }
        }
    }

    /** Rows written by one UPDATE statement, and whether it un-archives them. */
    private record UpdateBatch(boolean unarchive, List<Map.Entry<Long, PreparedVariant>> rows) {

        UpdateBatch(boolean unarchive) {
            this(unarchive, new ArrayList<>());
        }
    }

    /** The stock and price columns of a stored variant, with when Rothco observed them. */
    private record StoredStock(long id, boolean archived, OffsetDateTime observedAt, Map<VariantField, Object> values) {

        /** True when every field the update sets has the same value in the stored row. */
        boolean sameValues(PreparedVariant variant) {
            for (Map.Entry<VariantField, Object> value : variant.values().entrySet()) {
                if (!sameValue(values.get(value.getKey()), value.getValue())) {
                    return false;
                }
            }
            return true;
        }

        private static boolean sameValue(Object stored, Object page) {
            if (stored instanceof BigDecimal left && page instanceof BigDecimal right) {
                return left.compareTo(right) == 0;
            }
            return Objects.equals(stored, page);
        }
    }
}
