package com.dealerpool.rothco.primary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.dealerpool.rothco.Application;
import com.dealerpool.rothco.CommandLine;
import com.dealerpool.rothco.job.RunOutcome;
import com.dealerpool.rothco.job.RunStatus;
import com.dealerpool.rothco.rothco.ApiMode;
import com.dealerpool.rothco.simulator.CatalogSnapshot;
import com.dealerpool.rothco.simulator.PagedQuery;
import com.dealerpool.rothco.simulator.RequestLog;
import com.dealerpool.rothco.simulator.RothcoSimulator;
import com.dealerpool.rothco.simulator.SimulatorAccount;
import com.dealerpool.rothco.simulator.SimulatorSettings;

/**
 * Get Inventory (Primary) end to end: the real runtime and routes, the simulator over HTTP and
 * an H2 file database.
 */
class PrimaryImportTest {

    private static final String KEY = "sandbox-test-key-5c1e9a7b";

    @TempDir
    Path folder;

    private RothcoSimulator simulator;
    private ConnectorHarness connector;

    @BeforeEach
    void startSimulator() {
        simulator = RothcoSimulator.start(SimulatorSettings.builder()
                .port(0)
                .seed(7)
                .variants(1500)
                .accounts(List.of(new SimulatorAccount(KEY, ApiMode.SANDBOX, "RC-700007", "Test Outfitters", Set.of()),
                        SimulatorAccount.demoLive()))
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
    void importedCountsEqualSimulator() throws Exception {
        start(Map.of());
        RunOutcome outcome = connector.runPrimary();

        CatalogSnapshot expected = simulator.snapshotFor(KEY);
        assertThat(outcome.status()).as("status; summary %s", outcome.summary()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(outcome.totals().variantsCreated()).as("variants created").isEqualTo(expected.totalVariants());
        assertThat(outcome.totals().products()).as("products").isEqualTo(expected.totalProductLines());
        assertThat(activeVariants()).as("active variants in the pool").isEqualTo(expected.totalVariants());
        assertThat(connector.count("SELECT COUNT(*) FROM parent_product WHERE source_id = ?", ConnectorHarness.SOURCE))
                .as("parent products in the pool").isEqualTo(expected.totalProductLines());
        assertThat(outcome.totals().pagesDone()).as("pages done").isEqualTo(outcome.totals().pagesTotal());
    }

    @Test
    void highStockQuantityBecomesConfiguredNumber() throws Exception {
        start(Map.of("mapping.high-stock-quantity", "250"));
        connector.runPrimary();

        CatalogSnapshot catalog = simulator.snapshotFor(KEY);
        String highStockSku = catalog.skus().stream()
                .filter(sku -> "99+".equals(catalog.variant(sku).orElseThrow().quantity()))
                .findFirst().orElseThrow();
        String numericSku = catalog.skus().stream()
                .filter(sku -> !"99+".equals(catalog.variant(sku).orElseThrow().quantity()))
                .findFirst().orElseThrow();
        assertThat(quantityOf(highStockSku)).as("quantity of %s, 99+ at Rothco", highStockSku).isEqualTo(250);
        assertThat(quantityOf(numericSku)).as("quantity of %s", numericSku)
                .isEqualTo(Long.parseLong(catalog.variant(numericSku).orElseThrow().quantity()));
    }

    @Test
    void rerunWithoutChangesWritesNoVariantRows() throws Exception {
        start(Map.of());
        connector.runPrimary();
        String lastUpdateBefore = connector.text("SELECT CAST(MAX(updated_at) AS VARCHAR(64)) FROM variant");
        long updatesBefore = connector.count("SELECT COUNT(DISTINCT updated_at) FROM variant");

        RunOutcome second = connector.runPrimary();

        assertThat(second.status()).as("second run; %s", second.summary()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(second.totals().variantsCreated()).as("created by the rerun").isZero();
        assertThat(second.totals().variantsUpdated()).as("updated by the rerun").isZero();
        assertThat(second.totals().variantsUnchanged()).as("unchanged").isEqualTo(activeVariants());
        assertThat(connector.text("SELECT CAST(MAX(updated_at) AS VARCHAR(64)) FROM variant"))
                .as("latest variant update time").isEqualTo(lastUpdateBefore);
        assertThat(connector.count("SELECT COUNT(DISTINCT updated_at) FROM variant"))
                .as("distinct variant update times").isEqualTo(updatesBefore);
    }

    @Test
    void driftArchivesAndUnarchivesExactlyChangedItems() throws Exception {
        start(Map.of());
        connector.runPrimary();
        Set<String> epoch0 = simulator.snapshotFor(KEY, 0).skus();

        simulator.setEpoch(1);
        Set<String> epoch1 = simulator.snapshotFor(KEY, 1).skus();
        RunOutcome second = connector.runPrimary();

        Set<String> gone = difference(epoch0, epoch1);
        Set<String> added = difference(epoch1, epoch0);
        assertThat(gone).as("items that leave between epochs 0 and 1").isNotEmpty();
        assertThat(second.totals().variantsArchived()).as("archived; %s", second.summary()).isEqualTo(gone.size());
        assertThat(second.totals().variantsCreated()).as("created").isEqualTo(added.size());
        assertThat(archivedSkus()).as("archived SKUs").isEqualTo(gone);

        simulator.setEpoch(2);
        Set<String> epoch2 = simulator.snapshotFor(KEY, 2).skus();
        RunOutcome third = connector.runPrimary();

        Set<String> returned = new HashSet<>(gone);
        returned.retainAll(epoch2);
        assertThat(returned).as("archived items back at epoch 2").isNotEmpty();
        assertThat(third.totals().variantsUnarchived()).as("un-archived; %s", third.summary())
                .isEqualTo(returned.size());
        Set<String> expectedArchived = difference(union(epoch0, epoch1), epoch2);
        assertThat(archivedSkus()).as("archived SKUs after epoch 2").isEqualTo(expectedArchived);
        for (String sku : returned) {
            assertThat(quantityOf(sku)).as("quantity of returned %s", sku).isNotNegative();
        }
    }

    @Test
    void failedPageIsSkippedAndBlocksArchiving() throws Exception {
        start(Map.of());
        connector.runPrimary();
        simulator.setEpoch(1);
        simulator.faults().failPageAlways(PagedQuery.CATALOG, 3);
        simulator.requestLog().reset();

        RunOutcome outcome = connector.runPrimary();

        assertThat(outcome.status()).as("status; %s", outcome.summary()).isEqualTo(RunStatus.SUCCEEDED_WITH_WARNINGS);
        assertThat(outcome.totals().pagesSkipped()).as("pages skipped").isEqualTo(1);
        assertThat(outcome.totals().variantsArchived()).as("archived with a failed page").isZero();
        assertThat(archivedSkus()).as("archived SKUs").isEmpty();
        assertThat(connector.count("SELECT COUNT(*) FROM job_event WHERE run_id = ? AND kind = 'page_failed' AND page = 3",
                outcome.runId())).as("page_failed event for page 3").isEqualTo(1);
        assertThat(connector.count("SELECT COUNT(*) FROM job_event WHERE run_id = ? AND kind = 'archive_skipped'",
                outcome.runId())).as("archive_skipped event").isEqualTo(1);
        assertThat(connector.count("SELECT COUNT(*) FROM dead_letter WHERE run_id = ? AND channel = 'catalog-pages'"
                + " AND reference = 'page 3'", outcome.runId())).as("dead letter of page 3").isEqualTo(1);
        assertThat(simulator.requestLog().pageRequests(PagedQuery.CATALOG, 3)).as("attempts at page 3 (1 + 2 retries)")
                .isEqualTo(3);
    }

    @Test
    void failedPagesPastLimitFailRun() throws Exception {
        start(Map.of("rothco.sources.dealer.get-inventory-primary.max-failed-pages", "1"));
        simulator.faults().failPageAlways(PagedQuery.CATALOG, 2);
        simulator.faults().failPageAlways(PagedQuery.CATALOG, 3);

        RunOutcome outcome = connector.runPrimary();

        assertThat(outcome.status()).as("status; %s", outcome.summary()).isEqualTo(RunStatus.FAILED);
        assertThat(outcome.error()).as("error").contains("more than the limit of 1").contains("max-failed-pages");
    }

    @Test
    void pageRetriedAfterServerErrorSucceeds() throws Exception {
        start(Map.of());
        simulator.faults().failPage(PagedQuery.CATALOG, 2, 2);

        RunOutcome outcome = connector.runPrimary();

        assertThat(outcome.status()).as("status; %s", outcome.summary()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(simulator.requestLog().pageRequests(PagedQuery.CATALOG, 2)).as("attempts at page 2").isEqualTo(3);
        assertThat(outcome.summary()).as("summary").contains("retries 2");
    }

    @Test
    void malformedPageCountsAsFailedPage() throws Exception {
        start(Map.of());
        simulator.faults().malformJsonOnPage(PagedQuery.CATALOG, 2);

        RunOutcome outcome = connector.runPrimary();

        assertThat(outcome.status()).as("status; %s", outcome.summary()).isEqualTo(RunStatus.SUCCEEDED_WITH_WARNINGS);
        assertThat(outcome.totals().pagesSkipped()).as("pages skipped").isEqualTo(1);
        assertThat(connector.count("SELECT COUNT(*) FROM job_event WHERE run_id = ? AND kind = 'page_failed' AND page = 2"
                + " AND message LIKE '%not valid JSON%'", outcome.runId())).as("page_failed event naming the JSON error")
                .isEqualTo(1);
    }

    @Test
    void badRecordsRejectedRestOfPageImported() throws Exception {
        start(Map.of());
        simulator.faults().corruptRecordsOnPage(PagedQuery.CATALOG, 2);

        RunOutcome outcome = connector.runPrimary();

        assertThat(outcome.status()).as("status; %s", outcome.summary()).isEqualTo(RunStatus.SUCCEEDED_WITH_WARNINGS);
        assertThat(outcome.totals().recordsRejected()).as("records rejected").isGreaterThanOrEqualTo(3);
        assertThat(outcome.totals().pagesSkipped()).as("pages skipped").isZero();
        assertThat(connector.count("SELECT COUNT(*) FROM job_event WHERE run_id = ? AND kind = 'record_rejected'"
                + " AND page = 2", outcome.runId())).as("rejections logged for page 2")
                .isEqualTo(outcome.totals().recordsRejected());
        List<String> reasons = connector.jobLog().events(outcome.runId()).stream()
                .filter(event -> "record_rejected".equals(event.kind())).map(event -> event.message()).toList();
        assertThat(reasons).as("rejection reasons").anyMatch(reason -> reason.contains("Record without SKU"));
        assertThat(reasons).as("rejection reasons").anyMatch(reason -> reason.contains("'lots' is not a number"));
        assertThat(reasons).as("rejection reasons").anyMatch(reason -> reason.contains("11 specifications"));
        assertThat(reasons).as("rejection reasons").anyMatch(reason -> reason.contains("field 'title'")
                && reason.contains("(5000 characters)"));
        assertThat(outcome.totals().variantsCreated() + outcome.totals().recordsRejected())
                .as("created plus rejected covers every record served").isGreaterThanOrEqualTo(
                        simulator.snapshotFor(KEY).totalVariants());
    }

    @Test
    void invalidKeyFailsFastWithoutRetries() throws Exception {
        start(Map.of("rothco.sources.dealer.api-key", "sandbox-wrong-key-0000"));

        RunOutcome outcome = connector.runPrimary();

        assertThat(outcome.status()).as("status").isEqualTo(RunStatus.FAILED);
        assertThat(outcome.error()).as("error").contains("HTTP 401").contains("rothco.sources.dealer.api-key")
                .contains("****0000");
        assertThat(simulator.requestLog().totalRequests()).as("requests sent with a rejected key").isEqualTo(1);
    }

    @Test
    void wrongKeyRunPrintsReason() throws Exception {
        Map<String, String> settings = ConnectorHarness.defaultSettings(folder, simulator, "sandbox-wrong-key-9999");
        Path config = folder.resolve("application.properties");
        Files.writeString(config, settings.entrySet().stream().map(entry -> entry.getKey() + " = " + entry.getValue())
                .collect(Collectors.joining(System.lineSeparator())));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        String log;
        try (LogCapture capture = new LogCapture();
                PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = Application.run(CommandLine.parse("--run", "dealer:get-inventory-secondary", "--config",
                    config.toString()), out);
            log = capture.text();
        }

        String result = output.toString(StandardCharsets.UTF_8);
        assertThat(exitCode).as("exit code; output %s", result).isEqualTo(1);
        assertThat(result).as("result line").contains("get-inventory-secondary failed").contains("; error: ")
                .contains("HTTP 401").contains("****9999").contains("rothco.sources.dealer.api-key");
        assertThat(log).as("log of the failed run").contains("HTTP 401")
                .doesNotContain("DefaultErrorHandler").doesNotContain("\tat org.apache.camel");

        ByteArrayOutputStream statusOutput = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(statusOutput, true, StandardCharsets.UTF_8)) {
            Application.run(CommandLine.parse("--status", "--config", config.toString()), out);
        }
        assertThat(statusOutput.toString(StandardCharsets.UTF_8)).as("status after the failed run")
                .contains("get-inventory-secondary last run: ").contains("; error: ").contains("HTTP 401");
    }

    @Test
    void rateLimitWaitsForRetryAfter() throws Exception {
        start(Map.of());
        simulator.faults().rateLimitNextRequests(1, 1);

        RunOutcome outcome = connector.runPrimary();

        assertThat(outcome.status()).as("status; %s", outcome.summary()).isEqualTo(RunStatus.SUCCEEDED);
        List<RequestLog.RecordedRequest> requests = simulator.requestLog().recentRequests();
        Duration gap = Duration.between(requests.get(0).receivedAt(), requests.get(1).receivedAt());
        assertThat(gap).as("gap between the 429 answer and the retry").isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void restrictedItemsAppearAfterEnrollment() throws Exception {
        start(Map.of());
        connector.runPrimary();
        long before = activeVariants();
        String brand = com.dealerpool.rothco.simulator.CatalogModel.arpBrandNames().iterator().next();

        simulator.enroll(KEY, brand);
        RunOutcome outcome = connector.runPrimary();

        CatalogSnapshot expected = simulator.snapshotFor(KEY);
        assertThat(expected.totalVariants()).as("variants visible after enrolling in %s", brand).isGreaterThan((int) before);
        assertThat(outcome.totals().variantsCreated()).as("restricted variants created")
                .isEqualTo(expected.totalVariants() - before);
        assertThat(activeVariants()).as("active variants").isEqualTo(expected.totalVariants());
        String restrictedSku = expected.skus().stream()
                .filter(sku -> expected.productLineOf(sku).orElseThrow().restricted()).findFirst().orElseThrow();
        assertThat(connector.count("SELECT COUNT(*) FROM variant WHERE sku = ? AND archived = FALSE", restrictedSku))
                .as("restricted %s in the pool", restrictedSku).isEqualTo(1);
    }

    @Test
    void noCamelHeadersReachRothco() throws Exception {
        start(Map.of());
        connector.runPrimary();

        for (RequestLog.RecordedRequest request : simulator.requestLog().recentRequests()) {
            assertThat(request.headers().keySet()).as("headers of %s", request.path())
                    .noneMatch(name -> name.toLowerCase().startsWith("camel") || name.equalsIgnoreCase("breadcrumbId")
                            || name.toLowerCase().startsWith("rothco"));
            assertThat(request.header("X-Api-Key")).as("key header").isEqualTo(KEY);
        }
    }

    @Test
    void apiKeyAppearsInNoLogOutput() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            start(Map.of("rothco.sources.dealer.test-connection-at-startup", "true"));
            connector.testConnection();
            simulator.faults().failPageAlways(PagedQuery.CATALOG, 2);
            connector.runPrimary();
            connector.close();
            connector = null;

            start(Map.of("rothco.sources.dealer.api-key", "sandbox-rejected-key-9d41"));
            connector.testConnection();
            connector.runPrimary();

            assertThat(logs.text()).as("captured log output").isNotBlank().contains("****9d41")
                    .doesNotContain(KEY).doesNotContain("sandbox-rejected-key-9d41");
        }
        assertThat(connector.count("SELECT COUNT(*) FROM dead_letter WHERE payload LIKE ? OR error LIKE ?",
                "%" + KEY + "%", "%" + KEY + "%")).as("dead letters containing the key").isZero();
        assertThat(connector.count("SELECT COUNT(*) FROM job_event WHERE message LIKE ?", "%rejected-key-9d41%"))
                .as("job events containing the key").isZero();
    }

    private void start(Map<String, String> overrides) throws Exception {
        Map<String, String> settings = ConnectorHarness.defaultSettings(folder, simulator, KEY);
        settings.putAll(overrides);
        connector = ConnectorHarness.start(folder, settings);
    }

    private long activeVariants() {
        return connector.count("SELECT COUNT(*) FROM variant WHERE source_id = ? AND archived = FALSE",
                ConnectorHarness.SOURCE);
    }

    private long quantityOf(String sku) {
        return connector.count("SELECT quantity FROM variant WHERE source_id = ? AND sku = ?", ConnectorHarness.SOURCE, sku);
    }

    private Set<String> archivedSkus() {
        Set<String> skus = new HashSet<>();
        try (var connection = connector.dataSource().getConnection();
                var statement = connection.prepareStatement("SELECT sku FROM variant WHERE source_id = ? AND archived = TRUE")) {
            statement.setString(1, ConnectorHarness.SOURCE);
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    skus.add(result.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return skus;
    }

    private static Set<String> difference(Set<String> left, Set<String> right) {
        Set<String> result = new HashSet<>(left);
        result.removeAll(right);
        return result;
    }

    private static Set<String> union(Set<String> left, Set<String> right) {
        Set<String> result = new HashSet<>(left);
        result.addAll(right);
        return result;
    }
}
