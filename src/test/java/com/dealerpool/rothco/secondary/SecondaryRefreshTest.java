package com.dealerpool.rothco.secondary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.dealerpool.rothco.job.RunOutcome;
import com.dealerpool.rothco.job.RunStatus;
import com.dealerpool.rothco.primary.ConnectorHarness;
import com.dealerpool.rothco.rothco.ApiMode;
import com.dealerpool.rothco.simulator.CatalogSnapshot;
import com.dealerpool.rothco.simulator.PagedQuery;
import com.dealerpool.rothco.simulator.RothcoSimulator;
import com.dealerpool.rothco.simulator.SimulatedVariant;
import com.dealerpool.rothco.simulator.SimulatorAccount;
import com.dealerpool.rothco.simulator.SimulatorSettings;

/**
 * Get Inventory (Secondary) end to end: the real runtime and routes, the simulator over HTTP and
 * an H2 file database. Each test imports the catalog with Primary at epoch 0 first; the
 * simulator's next epochs change prices and stock of about 10% of the variants.
 */
class SecondaryRefreshTest {

    private static final String KEY = "sandbox-test-key-5c1e9a7b";
    private static final int HIGH_STOCK_QUANTITY = 100;
    private static final String SECONDARY = "rothco.sources.dealer.get-inventory-secondary.";

    @TempDir
    Path folder;

    private RothcoSimulator simulator;
    private ConnectorHarness connector;

    @BeforeEach
    void startSimulator() {
        simulator = RothcoSimulator.start(SimulatorSettings.builder()
                .port(0)
                .seed(7)
                .variants(1000)
                .accounts(List.of(new SimulatorAccount(KEY, ApiMode.SANDBOX, "RC-700007", "Test Outfitters", Set.of())))
                .build());
    }

    @AfterEach
    void stopAll() {
        if (connector != null) {
            connector.close();
        }
        simulator.close();
    }

    @Test
    void refreshUpdatesExactlyChangedVariants() throws Exception {
        startAndImport(Map.of());
        simulator.setEpoch(1);

        RunOutcome outcome = connector.runSecondary();

        Set<String> known = intersection(skusAt(0), skusAt(1));
        Set<String> changed = changedBetween(known, 0, 1);
        assertThat(changed).as("variants whose stock or prices change between epochs 0 and 1").isNotEmpty();
        assertThat(outcome.status()).as("status; %s", outcome.summary()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(outcome.totals().variantsUpdated()).as("updated").isEqualTo(changed.size());
        assertThat(outcome.totals().variantsUnchanged()).as("unchanged").isEqualTo(known.size() - changed.size());
        assertThat(outcome.totals().variantsCreated()).as("created").isZero();
        assertThat(outcome.totals().pagesDone()).as("pages done").isEqualTo(outcome.totals().pagesTotal());
        for (String sku : known) {
            assertThat(quantityOf(sku)).as("quantity of %s", sku).isEqualTo(expectedQuantity(sku, 1));
        }
    }

    @Test
    void refreshLeavesCatalogFieldsUntouched() throws Exception {
        startAndImport(Map.of());
        Map<String, String> catalogBefore = catalogFields();
        long imagesBefore = connector.count("SELECT COUNT(*) FROM product_image");
        String parentsBefore = connector.text("SELECT CAST(MAX(updated_at) AS VARCHAR(64)) FROM parent_product");
        simulator.setEpoch(1);

        connector.runSecondary();

        assertThat(catalogFields()).as("titles, descriptions, categories and images of every variant")
                .isEqualTo(catalogBefore);
        assertThat(connector.count("SELECT COUNT(*) FROM product_image")).as("product images").isEqualTo(imagesBefore);
        assertThat(connector.text("SELECT CAST(MAX(updated_at) AS VARCHAR(64)) FROM parent_product"))
                .as("latest parent product update").isEqualTo(parentsBefore);
    }

    @Test
    void unchangedSnapshotWritesNoRows() throws Exception {
        startAndImport(Map.of());
        String lastUpdateBefore = connector.text("SELECT CAST(MAX(updated_at) AS VARCHAR(64)) FROM variant");

        RunOutcome outcome = connector.runSecondary();

        assertThat(outcome.totals().variantsUpdated()).as("updated; %s", outcome.summary()).isZero();
        assertThat(outcome.totals().variantsUnchanged()).as("unchanged").isEqualTo(skusAt(0).size());
        assertThat(connector.text("SELECT CAST(MAX(updated_at) AS VARCHAR(64)) FROM variant"))
                .as("latest variant update").isEqualTo(lastUpdateBefore);
    }

    @Test
    void unknownSkusSkippedAndListed() throws Exception {
        startAndImport(Map.of());
        simulator.setEpoch(1);
        Set<String> added = difference(skusAt(1), skusAt(0));

        RunOutcome outcome = connector.runSecondary();

        assertThat(added).as("SKUs new at epoch 1").isNotEmpty();
        assertThat(outcome.totals().variantsUnknown()).as("unknown; %s", outcome.summary()).isEqualTo(added.size());
        assertThat(outcome.totals().variantsCreated()).as("created").isZero();
        assertThat(connector.count("SELECT COUNT(*) FROM variant WHERE created_by = 'SECONDARY'"))
                .as("variants created by Secondary").isZero();
        String events = unknownSkuEvents(outcome.runId());
        for (String sku : added) {
            assertThat(events).as("unknown_skus events").contains(sku);
        }
        assertThat(events).as("unknown_skus events").contains("allow-create-variant is false");
    }

    @Test
    void unknownSkusCreatedWhenAllowed() throws Exception {
        startAndImport(Map.of(SECONDARY + "allow-create-variant", "true"));
        simulator.setEpoch(1);
        Set<String> added = difference(skusAt(1), skusAt(0));

        RunOutcome outcome = connector.runSecondary();

        assertThat(outcome.totals().variantsCreated()).as("created; %s", outcome.summary()).isEqualTo(added.size());
        assertThat(outcome.totals().variantsUnknown()).as("unknown").isEqualTo(added.size());
        assertThat(skusWhere("created_by = 'SECONDARY' AND title IS NULL")).as("minimal variants").isEqualTo(added);
        String sku = added.iterator().next();
        assertThat(quantityOf(sku)).as("quantity of created %s", sku).isEqualTo(expectedQuantity(sku, 1));
    }

    @Test
    void nextPrimaryCompletesCreatedVariants() throws Exception {
        startAndImport(Map.of(SECONDARY + "allow-create-variant", "true"));
        simulator.setEpoch(1);
        Set<String> added = difference(skusAt(1), skusAt(0));
        connector.runSecondary();

        RunOutcome primary = connector.runPrimary();

        assertThat(primary.status()).as("Primary status; %s", primary.summary()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(skusWhere("created_by = 'SECONDARY' AND title IS NOT NULL AND parent_sku IS NOT NULL"
                + " AND content_hash IS NOT NULL")).as("Secondary-created variants completed by Primary")
                .isEqualTo(added);
        CatalogSnapshot catalog = simulator.snapshotFor(KEY, 1);
        String sku = added.iterator().next();
        assertThat(connector.text("SELECT title FROM variant WHERE sku = ?", sku)).as("title of %s", sku)
                .startsWith(catalog.productLineOf(sku).orElseThrow().name());
    }

    @Test
    void concurrentRunsKeepNewestQuantity() throws Exception {
        startAndImport(Map.of("rothco.sources.dealer.get-inventory-primary.archive", "false"));
        CountDownLatch primaryHoldsPage = new CountDownLatch(1);
        CountDownLatch releasePrimary = new CountDownLatch(1);
        AdviceWith.adviceWith(connector.context(), "rothco-dealer-catalog-page", route -> route
                .weaveById("rothco-dealer-catalog-page-write").before().process(exchange -> {
                    primaryHoldsPage.countDown();
                    assertThat(releasePrimary.await(30, TimeUnit.SECONDS)).as("Primary released").isTrue();
                }));
        simulator.setEpoch(1);
        Set<String> heldChanges = changedBetween(intersection(skusAt(1), skusAt(2)), 1, 2);

        CompletableFuture<RunOutcome> primary = CompletableFuture.supplyAsync(connector::runPrimary);
        assertThat(primaryHoldsPage.await(30, TimeUnit.SECONDS)).as("Primary observed a page at epoch 1").isTrue();
        simulator.setEpoch(2);
        RunOutcome secondary = connector.runSecondary();
        releasePrimary.countDown();
        RunOutcome primaryOutcome = primary.get(60, TimeUnit.SECONDS);

        assertThat(heldChanges).as("variants whose values differ between epochs 1 and 2").isNotEmpty();
        assertThat(secondary.status()).as("Secondary; %s", secondary.summary()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(primaryOutcome.status()).as("Primary; %s", primaryOutcome.summary()).isNotEqualTo(RunStatus.FAILED);
        for (String sku : intersection(skusAt(0), skusAt(2))) {
            assertThat(quantityOf(sku)).as("quantity of %s after both runs", sku).isEqualTo(expectedQuantity(sku, 2));
        }
    }

    @Test
    void secondaryArchivesAbsentItems() throws Exception {
        startAndImport(Map.of("rothco.sources.dealer.get-inventory-primary.archive", "false",
                SECONDARY + "archive", "true"));
        simulator.setEpoch(1);
        Set<String> gone = difference(skusAt(0), skusAt(1));

        RunOutcome outcome = connector.runSecondary();

        assertThat(gone).as("items that leave between epochs 0 and 1").isNotEmpty();
        assertThat(outcome.totals().variantsArchived()).as("archived; %s", outcome.summary()).isEqualTo(gone.size());
        assertThat(skusWhere("archived = TRUE AND quantity = 0")).as("archived SKUs").isEqualTo(gone);
    }

    @Test
    void failedPageBlocksArchiving() throws Exception {
        startAndImport(Map.of("rothco.sources.dealer.get-inventory-primary.archive", "false",
                SECONDARY + "archive", "true"));
        simulator.setEpoch(1);
        simulator.faults().failPageAlways(PagedQuery.INVENTORY, 2);

        RunOutcome outcome = connector.runSecondary();

        assertThat(outcome.status()).as("status; %s", outcome.summary()).isEqualTo(RunStatus.SUCCEEDED_WITH_WARNINGS);
        assertThat(outcome.totals().pagesSkipped()).as("pages skipped").isEqualTo(1);
        assertThat(outcome.totals().variantsArchived()).as("archived").isZero();
        assertThat(skusWhere("archived = TRUE")).as("archived SKUs").isEmpty();
        assertThat(eventCount(outcome.runId(), "archive_skipped", null)).as("archive_skipped events").isEqualTo(1);
        assertThat(connector.count("SELECT COUNT(*) FROM dead_letter WHERE run_id = ? AND channel = 'inventory-pages'"
                + " AND reference = 'page 2'", outcome.runId())).as("dead letter of page 2").isEqualTo(1);
    }

    @Test
    void malformedPageCountsAsFailedPage() throws Exception {
        startAndImport(Map.of());
        simulator.faults().malformJsonOnPage(PagedQuery.INVENTORY, 3);

        RunOutcome outcome = connector.runSecondary();

        assertThat(outcome.status()).as("status; %s", outcome.summary()).isEqualTo(RunStatus.SUCCEEDED_WITH_WARNINGS);
        assertThat(outcome.totals().pagesSkipped()).as("pages skipped").isEqualTo(1);
        assertThat(connector.count("SELECT COUNT(*) FROM job_event WHERE run_id = ? AND kind = 'page_failed'"
                + " AND page = 3 AND message LIKE 'Inventory page 3%not valid JSON%'", outcome.runId()))
                .as("page_failed event naming the JSON error").isEqualTo(1);
    }

    @Test
    void badRecordsRejectedRestOfPageWritten() throws Exception {
        startAndImport(Map.of());
        simulator.setEpoch(1);
        simulator.faults().corruptRecordsOnPage(PagedQuery.INVENTORY, 1);

        RunOutcome outcome = connector.runSecondary();

        assertThat(outcome.status()).as("status; %s", outcome.summary()).isEqualTo(RunStatus.SUCCEEDED_WITH_WARNINGS);
        assertThat(outcome.totals().recordsRejected()).as("records rejected").isEqualTo(2);
        assertThat(outcome.totals().pagesSkipped()).as("pages skipped").isZero();
        assertThat(eventCount(outcome.runId(), "record_rejected", 1)).as("rejections logged for page 1").isEqualTo(2);
        assertThat(connector.count("SELECT COUNT(*) FROM job_event WHERE run_id = ? AND kind = 'record_rejected'"
                + " AND sku IS NOT NULL AND message LIKE '%lots%'", outcome.runId()))
                .as("rejection naming the SKU and the invalid quantity").isEqualTo(1);
        long known = intersection(skusAt(0), skusAt(1)).size();
        assertThat(outcome.totals().variantsUpdated() + outcome.totals().variantsUnchanged())
                .as("known variants written or unchanged, the two rejected ones aside").isEqualTo(known - 2);
    }

    private void startAndImport(Map<String, String> overrides) throws Exception {
        Map<String, String> settings = ConnectorHarness.defaultSettings(folder, simulator, KEY);
        settings.putAll(overrides);
        connector = ConnectorHarness.start(folder, settings);
        RunOutcome primary = connector.runPrimary();
        assertThat(primary.status()).as("first Primary import; %s", primary.summary()).isEqualTo(RunStatus.SUCCEEDED);
    }

    private Set<String> skusAt(int epoch) {
        return simulator.snapshotFor(KEY, epoch).skus();
    }

    /** SKUs whose cost, MSRP, MAP or quantity differ between two epochs. */
    private Set<String> changedBetween(Set<String> skus, int fromEpoch, int toEpoch) {
        CatalogSnapshot from = simulator.snapshotFor(KEY, fromEpoch);
        CatalogSnapshot to = simulator.snapshotFor(KEY, toEpoch);
        Set<String> changed = new HashSet<>();
        for (String sku : skus) {
            SimulatedVariant before = from.variant(sku).orElseThrow();
            SimulatedVariant after = to.variant(sku).orElseThrow();
            if (!Objects.equals(before.dealerPrice(), after.dealerPrice()) || !Objects.equals(before.msrp(), after.msrp())
                    || !Objects.equals(before.map(), after.map()) || !Objects.equals(before.quantity(), after.quantity())) {
                changed.add(sku);
            }
        }
        return changed;
    }

    private long expectedQuantity(String sku, int epoch) {
        String quantity = simulator.snapshotFor(KEY, epoch).variant(sku).orElseThrow().quantity();
        return "99+".equals(quantity) ? HIGH_STOCK_QUANTITY : Long.parseLong(quantity);
    }

    private long quantityOf(String sku) {
        return connector.count("SELECT quantity FROM variant WHERE source_id = ? AND sku = ?", ConnectorHarness.SOURCE,
                sku);
    }

    private long eventCount(long runId, String kind, Integer page) {
        return page == null
                ? connector.count("SELECT COUNT(*) FROM job_event WHERE run_id = ? AND kind = ?", runId, kind)
                : connector.count("SELECT COUNT(*) FROM job_event WHERE run_id = ? AND kind = ? AND page = ?", runId,
                        kind, page);
    }

    private String unknownSkuEvents(long runId) {
        StringBuilder text = new StringBuilder();
        connector.jobLog().events(runId).stream().filter(event -> event.kind().equals("unknown_skus"))
                .forEach(event -> text.append(event.message()).append('\n'));
        return text.toString();
    }

    /** Catalog columns of every variant, keyed by SKU. */
    private Map<String, String> catalogFields() throws SQLException {
        Map<String, String> fields = new HashMap<>();
        try (Connection connection = connector.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT sku, parent_sku, title,"
                        + " short_description, long_description, manufacturer, image, primary_category, sub_category,"
                        + " option_value_1, weight, custom_fields FROM variant");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 2; column <= 12; column++) {
                    row.append(rows.getString(column)).append('|');
                }
                fields.put(rows.getString(1), row.toString());
            }
        }
        return fields;
    }

    private Set<String> skusWhere(String condition) throws SQLException {
        Set<String> skus = new HashSet<>();
        try (Connection connection = connector.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT sku FROM variant WHERE " + condition);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                skus.add(rows.getString(1));
            }
        }
        return skus;
    }

    private static Set<String> intersection(Set<String> left, Set<String> right) {
        Set<String> result = new HashSet<>(left);
        result.retainAll(right);
        return result;
    }

    private static Set<String> difference(Set<String> left, Set<String> right) {
        Set<String> result = new HashSet<>(left);
        result.removeAll(right);
        return result;
    }
}
