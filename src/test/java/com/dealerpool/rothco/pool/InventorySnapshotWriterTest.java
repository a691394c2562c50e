package com.dealerpool.rothco.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour of {@link InventorySnapshotWriter}; run on H2 and PostgreSQL by the subclasses. */
abstract class InventorySnapshotWriterTest extends PoolDatabaseTest {

    private static final Instant T1 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2025-03-01T11:00:00Z");
    private static final Instant T3 = Instant.parse("2025-03-01T12:00:00Z");
    private static final SnapshotWriteOptions SKIP_UNKNOWN = new SnapshotWriteOptions(false, false);
    private static final SnapshotWriteOptions CREATE_UNKNOWN = new SnapshotWriteOptions(true, false);

    private CatalogWriter catalog;
    private InventorySnapshotWriter snapshot;
    private PoolQueries queries;
    private String sourceId;

    @BeforeEach
    void createWriters() {
        catalog = new CatalogWriter(database.dataSource());
        snapshot = new InventorySnapshotWriter(database.dataSource());
        queries = new PoolQueries(database.dataSource());
        sourceId = newSourceId();
        catalog.writePage(sourceId, List.of(catalogVariant("A-1", "Jacket S", 5), catalogVariant("A-2", "Jacket M", 6)),
                T1, new BitSet());
    }

    @Test
    void changedRowIsUpdated() {
        SnapshotPageResult result = snapshot.writePage(sourceId, List.of(stock("A-1", 9, "13.75"), stock("A-2", 6, "12.50")),
                T2, new BitSet(), SKIP_UNKNOWN);

        assertThat(result.updated()).as("updated").isEqualTo(1);
        assertThat(result.unchanged()).as("unchanged").isEqualTo(1);
        Map<String, Object> row = queries.findVariant(sourceId, "A-1").orElseThrow();
        assertThat(row.get("quantity")).as("quantity").isEqualTo(9);
        assertThat(row.get("cost")).as("cost").isEqualTo(new BigDecimal("13.75"));
        assertThat(row.get(PoolQueries.STOCK_OBSERVED_AT)).as("observed at").isEqualTo(T2);
    }

    @Test
    void updateKeepsCatalogFields() {
        snapshot.writePage(sourceId, List.of(stock("A-1", 9, "13.75")), T2, new BitSet(), SKIP_UNKNOWN);

        Map<String, Object> row = queries.findVariant(sourceId, "A-1").orElseThrow();
        assertThat(row.get("title")).as("title").isEqualTo("Jacket S");
        assertThat(row.get("parentSku")).as("parent SKU").isEqualTo("P-1");
        assertThat(row.get("msrp")).as("MSRP, absent from the update").isEqualTo(new BigDecimal("24.99"));
    }

    @Test
    void updatedRowLosesContentHash() {
        snapshot.writePage(sourceId, List.of(stock("A-1", 9, "13.75")), T2, new BitSet(), SKIP_UNKNOWN);

        assertThat(contentHash("A-1")).as("content hash of the updated row").isNull();
        assertThat(contentHash("A-2")).as("content hash of a row not on the page").isNotNull();
    }

    @Test
    void unchangedPageWritesNothing() {
        Instant before = queries.lastVariantUpdate(sourceId);

        SnapshotPageResult result = snapshot.writePage(sourceId, List.of(stock("A-1", 5, "12.5"), stock("A-2", 6, "12.50")),
                T2, new BitSet(), SKIP_UNKNOWN);

        assertThat(result.unchanged()).as("unchanged").isEqualTo(2);
        assertThat(result.updated()).as("updated").isZero();
        assertThat(queries.lastVariantUpdate(sourceId)).as("latest updated_at").isEqualTo(before);
        assertThat(queries.findVariant(sourceId, "A-1").orElseThrow().get(PoolQueries.STOCK_OBSERVED_AT))
                .as("observed at of an unchanged row").isEqualTo(T1);
    }

    @Test
    void laterObservationIsKept() {
        snapshot.writePage(sourceId, List.of(stock("A-1", 9, "13.75")), T3, new BitSet(), SKIP_UNKNOWN);

        SnapshotPageResult older = snapshot.writePage(sourceId, List.of(stock("A-1", 2, "11.00")), T2, new BitSet(),
                SKIP_UNKNOWN);

        assertThat(older.keptNewer()).as("rows kept because they were observed later").isEqualTo(1);
        assertThat(queries.findVariant(sourceId, "A-1").orElseThrow().get("quantity")).as("quantity").isEqualTo(9);
    }

    @Test
    void olderCatalogPageKeepsSnapshotStock() {
        snapshot.writePage(sourceId, List.of(stock("A-1", 9, "13.75")), T3, new BitSet(), SKIP_UNKNOWN);

        catalog.writePage(sourceId, List.of(catalogVariant("A-1", "Jacket S (new)", 4)), T2, new BitSet());

        Map<String, Object> row = queries.findVariant(sourceId, "A-1").orElseThrow();
        assertThat(row.get("quantity")).as("quantity observed later by the snapshot").isEqualTo(9);
        assertThat(row.get("title")).as("title of the catalog page").isEqualTo("Jacket S (new)");
    }

    @Test
    void unknownSkuSkipped() {
        SnapshotPageResult result = snapshot.writePage(sourceId, List.of(stock("A-1", 5, "12.5"), stock("Z-9", 3, "4.00")),
                T2, new BitSet(), SKIP_UNKNOWN);

        assertThat(result.unknownSkus()).as("unknown SKUs").containsExactly("Z-9");
        assertThat(result.created()).as("created").isZero();
        assertThat(queries.findVariant(sourceId, "Z-9")).as("row of Z-9").isEmpty();
    }

    @Test
    void unknownSkuCreatedWhenAllowed() {
        BitSet seen = new BitSet();

        SnapshotPageResult result = snapshot.writePage(sourceId, List.of(stock("Z-9", 3, "4.00")), T2, seen,
                CREATE_UNKNOWN);

        assertThat(result.created()).as("created").isEqualTo(1);
        Map<String, Object> row = queries.findVariant(sourceId, "Z-9").orElseThrow();
        assertThat(row.get(PoolQueries.CREATED_BY)).as("created by").isEqualTo("SECONDARY");
        assertThat(row.get("quantity")).as("quantity").isEqualTo(3);
        assertThat(row.get("title")).as("title before the next catalog import").isNull();
        assertThat(contentHash("Z-9")).as("content hash").isNull();
        assertThat(seen.get(Math.toIntExact((Long) row.get(PoolQueries.ID)))).as("new id marked as seen").isTrue();
    }

    @Test
    void catalogFillsCreatedVariant() {
        snapshot.writePage(sourceId, List.of(stock("Z-9", 3, "4.00")), T2, new BitSet(), CREATE_UNKNOWN);

        PageWriteResult result = catalog.writePage(sourceId, List.of(catalogVariant("Z-9", "Boots", 7)), T3,
                new BitSet());

        assertThat(result.updated()).as("updated by the catalog import").isEqualTo(1);
        Map<String, Object> row = queries.findVariant(sourceId, "Z-9").orElseThrow();
        assertThat(row.get("title")).as("title").isEqualTo("Boots");
        assertThat(row.get("parentSku")).as("parent SKU").isEqualTo("P-1");
        assertThat(row.get("manufacturer")).as("manufacturer").isEqualTo("Rothco");
        assertThat(row.get("quantity")).as("quantity observed later by the catalog").isEqualTo(7);
        assertThat(contentHash("Z-9")).as("content hash after the catalog import").isNotNull();
    }

    @Test
    void archivedRowLeftWithoutUnarchive() {
        catalog.archiveAbsent(sourceId, seenIdsOf("A-2"), 1.0);

        SnapshotPageResult result = snapshot.writePage(sourceId, List.of(stock("A-1", 9, "13.75")), T2, new BitSet(),
                SKIP_UNKNOWN);

        assertThat(result.archivedLeft()).as("left archived").isEqualTo(1);
        assertThat(queries.findVariant(sourceId, "A-1").orElseThrow().get("quantity")).as("quantity").isEqualTo(0);
    }

    @Test
    void archivedRowUnarchivedWhenAllowed() {
        catalog.archiveAbsent(sourceId, seenIdsOf("A-2"), 1.0);

        SnapshotPageResult result = snapshot.writePage(sourceId, List.of(stock("A-1", 9, "13.75")), T2, new BitSet(),
                new SnapshotWriteOptions(false, true));

        assertThat(result.unarchived()).as("un-archived").isEqualTo(1);
        Map<String, Object> row = queries.findVariant(sourceId, "A-1").orElseThrow();
        assertThat(row.get(PoolQueries.ARCHIVED)).as("archived").isEqualTo(false);
        assertThat(row.get("quantity")).as("quantity").isEqualTo(9);
    }

    @Test
    void catalogFieldInUpdateRejected() {
        Map<String, Object> fields = new HashMap<>(stock("A-1", 9, "13.75").fields());
        fields.put("title", "Renamed");

        assertThatThrownBy(() -> snapshot.writePage(sourceId, List.of(new VariantUpdate("A-1", fields, Map.of(),
                List.of())), T2, new BitSet(), SKIP_UNKNOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("title").hasMessageContaining("A-1");
        assertThat(queries.findVariant(sourceId, "A-1").orElseThrow().get("title")).as("title").isEqualTo("Jacket S");
    }

    private BitSet seenIdsOf(String... skus) {
        BitSet seen = new BitSet();
        for (String sku : skus) {
            seen.set(Math.toIntExact((Long) queries.findVariant(sourceId, sku).orElseThrow().get(PoolQueries.ID)));
        }
        return seen;
    }

    private String contentHash(String sku) {
        try (var connection = database.dataSource().getConnection();
                var statement = connection.prepareStatement(
                        "SELECT content_hash FROM variant WHERE source_id = ? AND sku = ?")) {
            statement.setString(1, sourceId);
            statement.setString(2, sku);
            try (var rows = statement.executeQuery()) {
                assertThat(rows.next()).as("row of %s", sku).isTrue();
                return rows.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static VariantUpdate stock(String sku, int quantity, String cost) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("sku", sku);
        fields.put("quantity", quantity);
        fields.put("cost", cost);
        return new VariantUpdate(sku, fields, Map.of(), List.of());
    }

    private static VariantUpdate catalogVariant(String sku, String title, int quantity) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("parentSku", "P-1");
        fields.put("title", title);
        fields.put("manufacturer", "Rothco");
        fields.put("cost", "12.5");
        fields.put("msrp", 24.99);
        fields.put("quantity", quantity);
        return new VariantUpdate(sku, fields, Map.of(), List.of("https://img.example/" + sku + ".jpg"));
    }
}
