package com.dealerpool.rothco.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour of {@link CatalogWriter}; run on H2 and PostgreSQL by the subclasses. */
abstract class CatalogWriterTest extends PoolDatabaseTest {

    private static final Instant T1 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2025-03-01T11:00:00Z");
    private static final Instant T3 = Instant.parse("2025-03-01T12:00:00Z");

    private CatalogWriter writer;
    private PoolQueries queries;
    private String sourceId;

    @BeforeEach
    void createWriter() {
        writer = new CatalogWriter(database.dataSource());
        queries = new PoolQueries(database.dataSource());
        sourceId = newSourceId();
    }

    @Test
    void newSkusAreInserted() {
        BitSet seen = new BitSet();

        PageWriteResult result = writer.writePage(sourceId, List.of(variant("A-1", "P-1", "Jacket S", 5),
                variant("A-2", "P-1", "Jacket M", 6), variant("B-1", "P-2", "Boots", 7)), T1, seen);

        assertThat(result).isEqualTo(new PageWriteResult(3, 0, 0, 0, 2));
        Map<String, Object> stored = queries.findVariant(sourceId, "A-2").orElseThrow();
        assertThat(stored.get("title")).isEqualTo("Jacket M");
        assertThat(stored.get("quantity")).isEqualTo(6);
        assertThat(stored.get("cost")).isEqualTo(new BigDecimal("12.50"));
        assertThat(stored.get(PoolQueries.CREATED_BY)).isEqualTo("PRIMARY");
        assertThat(stored.get(PoolQueries.ARCHIVED)).isEqualTo(false);
        assertThat(stored.get(PoolQueries.STOCK_OBSERVED_AT)).isEqualTo(T1);
    }

    @Test
    void seenIdsAreTheGeneratedIds() {
        BitSet seen = new BitSet();

        writer.writePage(sourceId, List.of(variant("A-1", "P-1", "Jacket S", 5), variant("A-2", "P-1", "Jacket M", 6)),
                T1, seen);

        BitSet expected = new BitSet();
        for (String sku : List.of("A-1", "A-2")) {
            expected.set(Math.toIntExact((Long) queries.findVariant(sourceId, sku).orElseThrow().get(PoolQueries.ID)));
        }
        assertThat(seen).as("ids marked as seen").isEqualTo(expected);
    }

    @Test
    void identicalPageWritesNothing() {
        List<VariantUpdate> page = List.of(variant("A-1", "P-1", "Jacket S", 5), variant("A-2", "P-1", "Jacket M", 6));
        writer.writePage(sourceId, page, T1, new BitSet());
        Instant firstWrite = queries.lastVariantUpdate(sourceId);
        BitSet seen = new BitSet();

        PageWriteResult second = writer.writePage(sourceId, page, T2, seen);

        assertThat(second).isEqualTo(new PageWriteResult(0, 0, 2, 0, 1));
        assertThat(queries.lastVariantUpdate(sourceId)).as("latest updated_at").isEqualTo(firstWrite);
        assertThat(queries.findVariant(sourceId, "A-1").orElseThrow().get(PoolQueries.STOCK_OBSERVED_AT))
                .as("stock_observed_at of an unchanged row").isEqualTo(T1);
        assertThat(seen.cardinality()).as("unchanged rows are marked as seen").isEqualTo(2);
    }

    @Test
    void changedVariantIsUpdated() {
        writer.writePage(sourceId, List.of(variant("A-1", "P-1", "Jacket S", 5), variant("A-2", "P-1", "Jacket M", 6)),
                T1, new BitSet());

        PageWriteResult result = writer.writePage(sourceId,
                List.of(variant("A-1", "P-1", "Jacket S", 5), variant("A-2", "P-1", "Jacket M (new)", 6)), T2,
                new BitSet());

        assertThat(result).isEqualTo(new PageWriteResult(0, 1, 1, 0, 1));
        assertThat(queries.findVariant(sourceId, "A-2").orElseThrow().get("title")).isEqualTo("Jacket M (new)");
    }

    @Test
    void absentFieldKeepsValue() {
        writer.writePage(sourceId, List.of(variant("A-1", "P-1", "Jacket S", 5)), T1, new BitSet());
        Map<String, Object> fields = new HashMap<>();
        fields.put("mpn", "MPN-9");

        writer.writePage(sourceId, List.of(new VariantUpdate("A-1", fields, Map.of(), List.of())), T2, new BitSet());

        Map<String, Object> stored = queries.findVariant(sourceId, "A-1").orElseThrow();
        assertThat(stored.get("mpn")).isEqualTo("MPN-9");
        assertThat(stored.get("title")).as("title absent from the update").isEqualTo("Jacket S");
        assertThat(stored.get("quantity")).as("quantity absent from the update").isEqualTo(5);
    }

    @Test
    void nullFieldClearsValue() {
        writer.writePage(sourceId, List.of(variant("A-1", "P-1", "Jacket S", 5)), T1, new BitSet());
        Map<String, Object> fields = new HashMap<>();
        fields.put("title", null);
        fields.put("quantity", null);

        writer.writePage(sourceId, List.of(new VariantUpdate("A-1", fields, Map.of(), List.of())), T2, new BitSet());

        Map<String, Object> stored = queries.findVariant(sourceId, "A-1").orElseThrow();
        assertThat(stored.get("title")).as("title").isNull();
        assertThat(stored.get("quantity")).as("quantity").isNull();
    }

    @Test
    void olderObservationKeepsNewerStock() {
        writer.writePage(sourceId, List.of(variant("A-1", "P-1", "Jacket S", 5)), T2, new BitSet());

        PageWriteResult result = writer.writePage(sourceId, List.of(variant("A-1", "P-1", "Jacket S v2", 3)), T1,
                new BitSet());

        Map<String, Object> stored = queries.findVariant(sourceId, "A-1").orElseThrow();
        assertThat(result.updated()).isEqualTo(1);
        assertThat(stored.get("title")).as("text field of the older page").isEqualTo("Jacket S v2");
        assertThat(stored.get("quantity")).as("quantity observed later").isEqualTo(5);
        assertThat(stored.get(PoolQueries.STOCK_OBSERVED_AT)).isEqualTo(T2);
    }

    @Test
    void newerObservationReplacesStock() {
        writer.writePage(sourceId, List.of(variant("A-1", "P-1", "Jacket S", 5)), T1, new BitSet());

        writer.writePage(sourceId, List.of(variant("A-1", "P-1", "Jacket S", 9)), T2, new BitSet());

        Map<String, Object> stored = queries.findVariant(sourceId, "A-1").orElseThrow();
        assertThat(stored.get("quantity")).isEqualTo(9);
        assertThat(stored.get(PoolQueries.STOCK_OBSERVED_AT)).isEqualTo(T2);
    }

    @Test
    void staleWriteDoesNotHideLaterChange() {
        writer.writePage(sourceId, List.of(variant("A-1", "P-1", "Jacket S", 5)), T2, new BitSet());
        writer.writePage(sourceId, List.of(variant("A-1", "P-1", "Jacket S", 3)), T1, new BitSet());

        PageWriteResult result = writer.writePage(sourceId, List.of(variant("A-1", "P-1", "Jacket S", 3)), T3,
                new BitSet());

        assertThat(result.updated()).as("a row that kept newer stock is written again").isEqualTo(1);
        assertThat(queries.findVariant(sourceId, "A-1").orElseThrow().get("quantity")).isEqualTo(3);
    }

    @Test
    void returningSkuIsUnarchived() {
        writer.writePage(sourceId, List.of(variant("A-1", "P-1", "Jacket S", 5), variant("A-2", "P-1", "Jacket M", 6)),
                T1, new BitSet());
        BitSet secondRun = new BitSet();
        writer.writePage(sourceId, List.of(variant("A-1", "P-1", "Jacket S", 5)), T2, secondRun);
        writer.archiveAbsent(sourceId, secondRun, 1.0);
        assertThat(queries.findVariant(sourceId, "A-2").orElseThrow().get(PoolQueries.ARCHIVED)).isEqualTo(true);

        PageWriteResult result = writer.writePage(sourceId,
                List.of(variant("A-1", "P-1", "Jacket S", 5), variant("A-2", "P-1", "Jacket M", 6)), T3, new BitSet());

        Map<String, Object> stored = queries.findVariant(sourceId, "A-2").orElseThrow();
        assertThat(result).isEqualTo(new PageWriteResult(0, 0, 1, 1, 1));
        assertThat(stored.get(PoolQueries.ARCHIVED)).as("archived").isEqualTo(false);
        assertThat(stored.get(PoolQueries.ARCHIVED_AT)).as("archived_at").isNull();
        assertThat(stored.get("quantity")).as("quantity").isEqualTo(6);
    }

    @Test
    void archiveAbsentArchivesUnseen() {
        writer.writePage(sourceId, numberedPage(10), T1, new BitSet());
        BitSet seen = new BitSet();
        writer.writePage(sourceId, numberedPage(9), T2, seen);

        ArchiveOutcome outcome = writer.archiveAbsent(sourceId, seen, 0.2);

        assertThat(outcome).isEqualTo(new ArchiveOutcome(true, 1, 10, 1, null));
        Map<String, Object> absent = queries.findVariant(sourceId, "SKU-9").orElseThrow();
        assertThat(absent.get(PoolQueries.ARCHIVED)).as("archived").isEqualTo(true);
        assertThat(absent.get("quantity")).as("quantity").isEqualTo(0);
        assertThat(absent.get(PoolQueries.ARCHIVED_AT)).as("archived_at").isNotNull();
        assertThat(queries.countVariants(sourceId, false)).as("active variants").isEqualTo(9);
    }

    @Test
    void shrinkGuardSkipsArchiving() {
        writer.writePage(sourceId, numberedPage(10), T1, new BitSet());
        BitSet seen = new BitSet();
        writer.writePage(sourceId, numberedPage(6), T2, seen);

        ArchiveOutcome outcome = writer.archiveAbsent(sourceId, seen, 0.2);

        assertThat(outcome.archivedAny()).isFalse();
        assertThat(outcome.absent()).isEqualTo(4);
        assertThat(outcome.skippedReason()).isEqualTo("feed shrank by 40.0% of 10 active items (limit 20%)");
        assertThat(queries.countVariants(sourceId, true)).as("archived variants").isZero();
    }

    @Test
    void archiveAbsentLeavesOtherSources() {
        String otherSource = newSourceId();
        writer.writePage(otherSource, numberedPage(3), T1, new BitSet());
        writer.writePage(sourceId, numberedPage(3), T1, new BitSet());

        writer.archiveAbsent(sourceId, new BitSet(), 1.0);

        assertThat(queries.countVariants(sourceId, true)).as("archived in the source").isEqualTo(3);
        assertThat(queries.countVariants(otherSource, false)).as("active in the other source").isEqualTo(3);
    }

    @Test
    void archiveRejectsInvalidShare() {
        assertThatThrownBy(() -> writer.archiveAbsent(sourceId, new BitSet(), 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("20.0")
                .hasMessageContaining("from 0 to 1");
    }

    @Test
    void duplicateSkuLaterWins() {
        PageWriteResult result = writer.writePage(sourceId,
                List.of(variant("A-1", "P-1", "First", 1), variant("A-1", "P-1", "Second", 2)), T1, new BitSet());

        Map<String, Object> stored = queries.findVariant(sourceId, "A-1").orElseThrow();
        assertThat(result.created()).isEqualTo(1);
        assertThat(stored.get("title")).isEqualTo("Second");
        assertThat(stored.get("quantity")).isEqualTo(2);
    }

    @Test
    void parentTakesFirstVariant() {
        writer.writePage(sourceId, List.of(variant("A-1", "P-1", "Jacket S", 5), variant("A-2", "P-1", "Jacket M", 6)),
                T1, new BitSet());

        Map<String, String> parent = queries.findParentProduct(sourceId, "P-1").orElseThrow();
        assertThat(parent.get("title")).isEqualTo("Jacket S");
        assertThat(parent.get("primaryCategory")).isEqualTo("Outerwear");
        assertThat(parent.get("manufacturer")).isEqualTo("Rothco");
        assertThat(queries.countParentProducts(sourceId)).isEqualTo(1);
    }

    @Test
    void productImagesAreReplacedWhenChanged() {
        writer.writePage(sourceId, List.of(withImages("A-1", "P-1", "https://img.example/1.jpg",
                "https://img.example/2.jpg")), T1, new BitSet());
        assertThat(queries.productImages(sourceId, "P-1"))
                .containsExactly("https://img.example/1.jpg", "https://img.example/2.jpg");

        writer.writePage(sourceId, List.of(withImages("A-1", "P-1", "https://img.example/3.jpg")), T2, new BitSet());

        assertThat(queries.productImages(sourceId, "P-1")).containsExactly("https://img.example/3.jpg");
    }

    @Test
    void emptyImagesKeepStoredImages() {
        writer.writePage(sourceId, List.of(withImages("A-1", "P-1", "https://img.example/1.jpg")), T1, new BitSet());

        writer.writePage(sourceId, List.of(variant("A-1", "P-1", "Jacket S v2", 5)), T2, new BitSet());

        assertThat(queries.productImages(sourceId, "P-1")).containsExactly("https://img.example/1.jpg");
    }

    @Test
    void customFieldsAreStoredAndKept() {
        VariantUpdate withCustom = new VariantUpdate("A-1", baseFields("P-1", "Jacket S", 5),
                Map.of("camo", "Woodland", "season", "winter"), List.of());
        writer.writePage(sourceId, List.of(withCustom), T1, new BitSet());

        writer.writePage(sourceId, List.of(variant("A-1", "P-1", "Jacket S v2", 5)), T2, new BitSet());

        assertThat(queries.findVariant(sourceId, "A-1").orElseThrow().get(PoolQueries.CUSTOM_FIELDS))
                .isEqualTo(Map.of("camo", "Woodland", "season", "winter"));
    }

    @Test
    void invalidNumberRejectsPage() {
        Map<String, Object> fields = baseFields("P-1", "Jacket S", 5);
        fields.put("cost", "twelve");
        List<VariantUpdate> page = List.of(variant("A-1", "P-1", "Jacket S", 5),
                new VariantUpdate("A-2", fields, Map.of(), List.of()));

        assertThatThrownBy(() -> writer.writePage(sourceId, page, T1, new BitSet()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'twelve'")
                .hasMessageContaining("cost")
                .hasMessageContaining("A-2");
        assertThat(queries.countVariants(sourceId, false)).as("variants written").isZero();
    }

    @Test
    void longTextIsCutToColumn() {
        Map<String, Object> fields = baseFields("P-1", "T".repeat(600), 5);

        writer.writePage(sourceId, List.of(new VariantUpdate("A-1", fields, Map.of(), List.of())), T1, new BitSet());

        assertThat((String) queries.findVariant(sourceId, "A-1").orElseThrow().get("title")).hasSize(500);
    }

    @Test
    void concurrentWritersBothSucceed() throws Exception {
        List<VariantUpdate> page = numberedPage(200);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<PageWriteResult>> writes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                writes.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(start);
                    return writer.writePage(sourceId, page, T1, new BitSet());
                }, executor));
            }
            start.countDown();

            int created = 0;
            for (CompletableFuture<PageWriteResult> write : writes) {
                PageWriteResult result = write.get(30, TimeUnit.SECONDS);
                assertThat(result.created() + result.unchanged()).as("variants of one writer").isEqualTo(200);
                created += result.created();
            }
            assertThat(created).as("variants created by both writers").isEqualTo(200);
            assertThat(queries.countVariants(sourceId, false)).isEqualTo(200);
        } finally {
            executor.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<VariantUpdate> numberedPage(int count) {
        List<VariantUpdate> page = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            page.add(variant("SKU-" + i, "PARENT-" + (i / 3), "Item " + i, i));
        }
        return page;
    }

    private static VariantUpdate variant(String sku, String parentSku, String title, int quantity) {
        return new VariantUpdate(sku, baseFields(parentSku, title, quantity), Map.of(), List.of());
    }

    private static VariantUpdate withImages(String sku, String parentSku, String... urls) {
        return new VariantUpdate(sku, baseFields(parentSku, "Jacket S", 5), Map.of(), List.of(urls));
    }

    private static Map<String, Object> baseFields(String parentSku, String title, int quantity) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("parentSku", parentSku);
        fields.put("title", title);
        fields.put("manufacturer", "Rothco");
        fields.put("primaryCategory", "Outerwear");
        fields.put("cost", "12.5");
        fields.put("msrp", 24.99);
        fields.put("quantity", quantity);
        fields.put("optionName1", "Size");
        fields.put("optionValue1", "M");
        return fields;
    }
}
