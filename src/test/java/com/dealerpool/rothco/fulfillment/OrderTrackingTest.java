package com.dealerpool.rothco.fulfillment;

import static com.dealerpool.rothco.fulfillment.FulfillmentFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.job.RunOutcome;
import com.dealerpool.rothco.job.RunStatus;
import com.dealerpool.rothco.pool.FulfillmentStore;
import com.dealerpool.rothco.pool.RunEvent;
import com.dealerpool.rothco.primary.ConnectorHarness;
import com.dealerpool.rothco.simulator.OrderLifecycle;
import com.dealerpool.rothco.simulator.RothcoSimulator;

/**
 * Get FR Acknowledgments and Get Shipments end to end: the real runtime and routes, the
 * simulator over HTTP with its order clock stepped by the test, and H2.
 */
class OrderTrackingTest {

    private static final String SOURCE = ConnectorHarness.SOURCE;
    private static final Path SAMPLES = Path.of("samples", "fulfillment-requests");

    @TempDir
    Path folder;

    private RothcoSimulator simulator;
    private ConnectorHarness connector;
    private List<String> skus;

    @BeforeEach
    void startSimulator() {
        simulator = FulfillmentFixtures.simulator();
        skus = FulfillmentFixtures.orderableSkus(simulator, 2);
    }

    @AfterEach
    void stopAll() {
        if (connector != null) {
            connector.close();
        }
        simulator.close();
    }

    private FulfillmentStore start(Map<String, String> overrides) throws Exception {
        Map<String, String> settings = FulfillmentFixtures.settings(folder, simulator);
        settings.put("rothco.sources.dealer.send-fulfillment-requests.use-ack-process", "true");
        settings.putAll(overrides);
        connector = ConnectorHarness.start(folder, settings);
        return connector.runtime().fulfillmentStore();
    }

    /** Stores an FR with two lines, quantities 2 and 1, and sends it. */
    private void sendTwoLineFr(FulfillmentStore store, String frNumber) {
        FulfillmentRequest base = request(frNumber, SOURCE, skus.get(0), skus.get(1));
        List<FulfillmentItem> items = List.of(new FulfillmentItem(1, skus.get(0), 2, null, Map.of()),
                new FulfillmentItem(2, skus.get(1), 1, null, Map.of()));
        store.insert(new FulfillmentRequest(null, frNumber, frNumber, SOURCE, FulfillmentStatus.NEW, null, Map.of(),
                base.confirmToEmail(), base.confirmToName(), base.customerEmail(), base.shippingAddress(), null, items,
                0, List.of()), FulfillmentStatus.NEW, null, "test");
        RunOutcome sent = FulfillmentFixtures.runSend(connector, SOURCE);
        assertThat(status(frNumber)).as("status after sending; summary %s", sent.summary()).isEqualTo("sent");
    }

    private String status(String frNumber) {
        return connector.text("SELECT status FROM fulfillment_request WHERE fr_number = ?", frNumber);
    }

    private long itemColumn(String column, String frNumber, int line) {
        return connector.count("SELECT item." + column + " FROM fulfillment_request_item item JOIN fulfillment_request"
                + " fr ON fr.id = item.request_id WHERE fr.fr_number = ? AND item.line_number = ?", frNumber, line);
    }

    private long committed(String sku) {
        return connector.count("SELECT COALESCE(SUM(committed), 0) FROM committed_stock WHERE source_id = ?"
                + " AND sku = ?", SOURCE, sku);
    }

    private void advance(int minutes) {
        simulator.clock().advance(Duration.ofMinutes(minutes));
    }

    private List<String> eventKinds(RunOutcome outcome) {
        return connector.jobLog().events(outcome.runId()).stream().map(RunEvent::kind).toList();
    }

    private String eventMessage(RunOutcome outcome, String kind) {
        return connector.jobLog().events(outcome.runId()).stream().filter(event -> event.kind().equals(kind))
                .map(RunEvent::message).findFirst().orElse("(no " + kind + " event)");
    }

    @Test
    void roundTripFromInboxToShipped() throws Exception {
        Path inbox = folder.resolve("inbox");
        FulfillmentStore store = start(Map.of("fulfillment.inbox.enabled", "true",
                "fulfillment.inbox.directory", inbox.toString(),
                "rothco.sources.dealer.send-fulfillment-requests.commit-stock", "true"));
        String sample = Files.readString(SAMPLES.resolve("FR-10010-SPLIT.json"))
                .replace("RTH-1000-ACU-OS", skus.get(0)).replace("RTH-1001-MTC-OS", skus.get(1));
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("FR-10010-SPLIT.json"), sample);
        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(inbox.resolve("done/FR-10010-SPLIT.json")));

        FulfillmentFixtures.runSend(connector, SOURCE);
        assertThat(status("FR-10010-SPLIT")).as("after sending").isEqualTo("sent");
        assertThat(committed(skus.get(0))).as("committed while sent").isEqualTo(2);

        RunOutcome open = connector.run(Operation.GET_FR_ACKNOWLEDGMENTS);
        assertThat(status("FR-10010-SPLIT")).as("while Rothco's order is open; summary %s", open.summary())
                .isEqualTo("sent");

        advance(OrderLifecycle.CONFIRM_MINUTES);
        RunOutcome confirmed = connector.run(Operation.GET_FR_ACKNOWLEDGMENTS);
        assertThat(confirmed.status()).as("ack run; summary %s", confirmed.summary()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(status("FR-10010-SPLIT")).as("after confirmation").isEqualTo("acknowledged");
        assertThat(itemColumn("acknowledged_quantity", "FR-10010-SPLIT", 1)).as("acknowledged, line 1").isEqualTo(2);
        assertThat(itemColumn("acknowledged_quantity", "FR-10010-SPLIT", 2)).as("acknowledged, line 2").isEqualTo(1);

        advance(OrderLifecycle.FIRST_SHIPMENT_MINUTES);
        RunOutcome first = connector.run(Operation.GET_SHIPMENTS);
        assertThat(first.status()).as("first shipments run; summary %s", first.summary())
                .isEqualTo(RunStatus.SUCCEEDED);
        assertThat(status("FR-10010-SPLIT")).as("after the first parcel").isEqualTo("partially_shipped");
        assertThat(itemColumn("shipped_quantity", "FR-10010-SPLIT", 1)).as("shipped, line 1").isEqualTo(2);
        assertThat(itemColumn("shipped_quantity", "FR-10010-SPLIT", 2)).as("shipped, line 2").isZero();
        assertThat(committed(skus.get(0))).as("line 1 released once shipped").isZero();
        assertThat(committed(skus.get(1))).as("line 2 still committed").isEqualTo(1);

        advance(OrderLifecycle.SECOND_SHIPMENT_MINUTES - OrderLifecycle.FIRST_SHIPMENT_MINUTES);
        RunOutcome second = connector.run(Operation.GET_SHIPMENTS);
        assertThat(status("FR-10010-SPLIT")).as("after the second parcel; summary %s", second.summary())
                .isEqualTo("shipped");
        assertThat(connector.count("SELECT COUNT(DISTINCT tracking_number) FROM shipment s JOIN fulfillment_request fr"
                + " ON fr.id = s.request_id WHERE fr.fr_number = ?", "FR-10010-SPLIT")).as("tracking numbers")
                .isEqualTo(2);
        assertThat(connector.text("SELECT shipping_method_name FROM shipment WHERE po_number = ? ORDER BY id",
                "FR-10010-SPLIT")).as("method").isEqualTo("UPS Ground");
        assertThat(committed(skus.get(1))).as("line 2 released once shipped").isZero();
        assertThat(store.history("FR-10010-SPLIT")).extracting(FulfillmentStore.StatusChange::toStatus)
                .as("status history")
                .containsExactly("new", "sending", "sent", "acknowledged", "partially_shipped", "shipped");
        String sentBy = store.history("FR-10010-SPLIT").get(2).changedBy();
        String node = sentBy.substring(0, sentBy.lastIndexOf('#') + 1);
        assertThat(node).as("node part of the send step's changed_by %s", sentBy).isNotEmpty().doesNotContain("get-");
        assertThat(store.history("FR-10010-SPLIT").subList(3, 6)).extracting(FulfillmentStore.StatusChange::changedBy)
                .as("changed_by of the acknowledgment and shipment steps: node and run")
                .containsExactly(node + confirmed.runId(), node + first.runId(), node + second.runId());

        advance(OrderLifecycle.CLOSE_MINUTES);
        RunOutcome closed = connector.run(Operation.GET_FR_ACKNOWLEDGMENTS);
        assertThat(connector.text("SELECT rothco_order_status FROM fulfillment_request WHERE fr_number = ?",
                "FR-10010-SPLIT")).as("Rothco status; summary %s", closed.summary()).isEqualTo("CLOSED");
        assertThat(connector.text("SELECT rothco_invoice_number FROM fulfillment_request WHERE fr_number = ?",
                "FR-10010-SPLIT")).as("invoice").startsWith("INV-");
        assertThat(status("FR-10010-SPLIT")).as("closure keeps the shipped status").isEqualTo("shipped");
        RunOutcome afterClose = connector.run(Operation.GET_FR_ACKNOWLEDGMENTS);
        assertThat(afterClose.summary()).as("a closed order is not asked about again").contains("checked 0");
    }

    @ParameterizedTest(name = "Rothco {1} -> FR {2}")
    @CsvSource({
            "FR-4001-SPLIT, OPEN, sent, 0",
            "FR-4002-HOLD, HOLD, sent, 3",
            "FR-4003-SPLIT, CONFIRMED, acknowledged, 5",
            "FR-4004-SPLIT, PARTIALLY_SHIPPED, sent, 15",
            "FR-4005-SPLIT, FULLY_SHIPPED, acknowledged, 35",
            "FR-4006-SPLIT, CLOSED, acknowledged, 55",
            "FR-4007-CANCEL, CANCELLED, cancelled, 5"})
    void statusTableRow(String frNumber, String rothcoStatus, String frStatus, int minutes) throws Exception {
        FulfillmentStore store = start(Map.of());
        sendTwoLineFr(store, frNumber);
        advance(minutes);

        RunOutcome first = connector.run(Operation.GET_FR_ACKNOWLEDGMENTS);
        int historySize = store.history(frNumber).size();
        RunOutcome second = connector.run(Operation.GET_FR_ACKNOWLEDGMENTS);

        assertThat(simulator.orders().statusOf(frNumber)).as("status at the simulator").contains(rothcoStatus);
        assertThat(connector.text("SELECT rothco_order_status FROM fulfillment_request WHERE fr_number = ?", frNumber))
                .as("Rothco status; summary %s", first.summary()).isEqualTo(rothcoStatus);
        assertThat(status(frNumber)).as("FR status").isEqualTo(frStatus);
        assertThat(store.history(frNumber)).as("history after acting twice; second run %s", second.summary())
                .hasSize(historySize);
        assertThat(second.status()).as("second run").isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void autoAcknowledgedFrStillCancels() throws Exception {
        FulfillmentStore store = start(Map.of("rothco.sources.dealer.send-fulfillment-requests.use-ack-process",
                "false"));
        store.insert(request("FR-4008-CANCEL", SOURCE, skus.get(0)), FulfillmentStatus.NEW, null, "test");
        store.insert(request("FR-4009-SPLIT", SOURCE, skus.get(0)), FulfillmentStatus.NEW, null, "test");
        FulfillmentFixtures.runSend(connector, SOURCE);
        assertThat(status("FR-4008-CANCEL")).as("auto-acknowledged on acceptance").isEqualTo("acknowledged");
        advance(120);

        RunOutcome outcome = connector.run(Operation.GET_FR_ACKNOWLEDGMENTS);

        assertThat(status("FR-4008-CANCEL")).as("cancellation; summary %s", outcome.summary()).isEqualTo("cancelled");
        assertThat(connector.text("SELECT rothco_order_status FROM fulfillment_request WHERE fr_number = ?",
                "FR-4009-SPLIT")).as("closure recorded").isEqualTo("CLOSED");
        assertThat(status("FR-4009-SPLIT")).as("closed FR status").isEqualTo("acknowledged");
    }

    @Test
    void cancelledOrderCancelsFr() throws Exception {
        FulfillmentStore store = start(Map.of("rothco.sources.dealer.send-fulfillment-requests.commit-stock", "true"));
        sendTwoLineFr(store, "FR-3001-CANCEL");
        assertThat(committed(skus.get(0))).as("committed while sent").isEqualTo(2);

        advance(OrderLifecycle.CONFIRM_MINUTES);
        RunOutcome outcome = connector.run(Operation.GET_FR_ACKNOWLEDGMENTS);

        assertThat(status("FR-3001-CANCEL")).as("status; summary %s", outcome.summary()).isEqualTo("cancelled");
        assertThat(eventKinds(outcome)).as("events").contains("fr_cancelled");
        assertThat(itemColumn("cancelled_quantity", "FR-3001-CANCEL", 1)).as("cancelled, line 1").isEqualTo(2);
        assertThat(committed(skus.get(0))).as("released once cancelled").isZero();
        assertThat(store.history("FR-3001-CANCEL").get(store.history("FR-3001-CANCEL").size() - 1).note())
                .as("history note").contains("cancelled by Rothco");

        advance(60);
        RunOutcome shipments = connector.run(Operation.GET_SHIPMENTS);
        assertThat(connector.count("SELECT COUNT(*) FROM shipment")).as("shipments of a cancelled order; summary %s",
                shipments.summary()).isZero();
    }

    @Test
    void missingShippedAtStaysEmpty() throws Exception {
        FulfillmentStore store = start(Map.of());
        sendTwoLineFr(store, "FR-3002-NODATE");
        advance(60);

        RunOutcome outcome = connector.run(Operation.GET_SHIPMENTS);

        assertThat(status("FR-3002-NODATE")).as("status; summary %s", outcome.summary()).isEqualTo("shipped");
        assertThat(connector.count("SELECT COUNT(*) FROM shipment WHERE po_number = ? AND shipped_at IS NULL"
                + " AND shipped_at_source = 'empty'", "FR-3002-NODATE")).as("shipments without Shipped At")
                .isEqualTo(1);
        assertThat(eventMessage(outcome, "shipment_shipped_at_fallback")).as("job log")
                .contains("has no Shipped At; left it empty (shipped-at-fallback=empty)");
    }

    @Test
    void missingShippedAtTakesRunTime() throws Exception {
        FulfillmentStore store = start(Map.of("rothco.sources.dealer.get-shipments.shipped-at-fallback", "run-time"));
        sendTwoLineFr(store, "FR-3003-NODATE");
        advance(60);

        RunOutcome first = connector.run(Operation.GET_SHIPMENTS);
        String stored = connector.text("SELECT shipped_at FROM shipment WHERE po_number = ?", "FR-3003-NODATE");
        RunOutcome second = connector.run(Operation.GET_SHIPMENTS);

        assertThat(connector.text("SELECT shipped_at_source FROM shipment WHERE po_number = ?", "FR-3003-NODATE"))
                .as("source of Shipped At; summary %s", first.summary()).isEqualTo("run-time");
        assertThat(stored).as("Shipped At").isNotNull();
        assertThat(eventMessage(first, "shipment_shipped_at_fallback")).as("job log")
                .contains("stored the run time").contains("shipped-at-fallback=run-time");
        assertThat(connector.text("SELECT shipped_at FROM shipment WHERE po_number = ?", "FR-3003-NODATE"))
                .as("Shipped At after a rerun; summary %s", second.summary()).isEqualTo(stored);
    }

    @Test
    void rerunCreatesNoDuplicatesAndCorrects() throws Exception {
        FulfillmentStore store = start(Map.of());
        sendTwoLineFr(store, "FR-3004-SPLIT");
        advance(60);
        RunOutcome first = connector.run(Operation.GET_SHIPMENTS);
        int historySize = store.history("FR-3004-SPLIT").size();

        RunOutcome rerun = connector.run(Operation.GET_SHIPMENTS);
        assertThat(rerun.summary()).as("rerun counts").contains("created 0, updated 0, unchanged 2");
        assertThat(connector.count("SELECT COUNT(*) FROM shipment")).as("shipments; first run %s", first.summary())
                .isEqualTo(2);
        assertThat(connector.count("SELECT COUNT(*) FROM shipment_item")).as("shipment items").isEqualTo(2);
        assertThat(store.history("FR-3004-SPLIT")).as("status history after the rerun").hasSize(historySize);

        connector.count("SELECT COUNT(*) FROM shipment");
        try (var connection = connector.dataSource().getConnection();
                var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE shipment_item SET quantity_shipped = 1 WHERE quantity_shipped = 2");
            statement.executeUpdate("UPDATE shipment SET shipping_method_name = 'wrong'");
        }
        RunOutcome corrected = connector.run(Operation.GET_SHIPMENTS);
        assertThat(corrected.summary()).as("correcting run").contains("updated 2");
        assertThat(connector.count("SELECT MAX(quantity_shipped) FROM shipment_item")).as("quantity from Rothco")
                .isEqualTo(2);
        assertThat(itemColumn("shipped_quantity", "FR-3004-SPLIT", 1)).as("FR line 1 shipped").isEqualTo(2);
    }

    @Test
    void shipmentOfUnknownPoIsKept() throws Exception {
        FulfillmentStore store = start(Map.of());
        sendTwoLineFr(store, "FR-3005");
        try (var connection = connector.dataSource().getConnection();
                var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE fulfillment_request SET po_number = 'FR-3005-OTHER' WHERE fr_number = 'FR-3005'");
        }
        advance(120);

        RunOutcome outcome = connector.run(Operation.GET_SHIPMENTS);

        assertThat(outcome.status()).as("run status; summary %s", outcome.summary())
                .isEqualTo(RunStatus.SUCCEEDED_WITH_WARNINGS);
        assertThat(connector.count("SELECT COUNT(*) FROM shipment WHERE po_number = 'FR-3005' AND request_id IS NULL"))
                .as("shipments kept without an FR").isPositive();
        assertThat(eventMessage(outcome, "shipment_unknown_po")).as("job log").contains("matches no FR");
        assertThat(status("FR-3005")).as("FR status").isEqualTo("sent");
    }

    @Test
    void invoicePoMatchingNoFrWarns() throws Exception {
        Path mappings = folder.resolve("mapping-sets");
        Files.createDirectories(mappings);
        try (var files = Files.list(Path.of("mapping-sets"))) {
            for (Path file : files.toList()) {
                Files.copy(file, mappings.resolve(file.getFileName()));
            }
        }
        Path ack = mappings.resolve("rothco-get-po-ack.template.yaml");
        Files.writeString(ack, Files.readString(ack).replace("    match: poNumber",
                "    match: poNumber\n    transforms: [{prefix: \"X-\"}]"));
        FulfillmentStore store = start(Map.of("mapping.directory", mappings.toString()));
        sendTwoLineFr(store, "FR-3006");
        advance(OrderLifecycle.CONFIRM_MINUTES);

        RunOutcome outcome = connector.run(Operation.GET_FR_ACKNOWLEDGMENTS);

        assertThat(outcome.status()).as("run status; summary %s", outcome.summary())
                .isEqualTo(RunStatus.SUCCEEDED_WITH_WARNINGS);
        assertThat(eventMessage(outcome, "ack_unknown_po")).as("job log")
                .contains("Invoice PO X-FR-3006").contains("matches no FR");
        assertThat(status("FR-3006")).as("FR status").isEqualTo("sent");
    }

    @Test
    void orderMissingAtRothcoWarns() throws Exception {
        FulfillmentStore store = start(Map.of());
        sendTwoLineFr(store, "FR-3012");
        simulator.orders().clear();

        RunOutcome outcome = connector.run(Operation.GET_FR_ACKNOWLEDGMENTS);
        RunOutcome again = connector.run(Operation.GET_FR_ACKNOWLEDGMENTS);

        assertThat(outcome.status()).as("run status; summary %s", outcome.summary())
                .isEqualTo(RunStatus.SUCCEEDED_WITH_WARNINGS);
        assertThat(eventMessage(outcome, "ack_order_not_found")).as("job log")
                .contains("FR FR-3012").contains("Rothco has no order for the PO");
        assertThat(status("FR-3012")).as("FR status").isEqualTo("sent");
        assertThat(again.summary()).as("the claim was released, so the next run checks it again")
                .contains("checked 1");
    }

    @Test
    void failedStatusRequestReleasesClaim() throws Exception {
        FulfillmentStore store = start(Map.of("rothco.retry.rate-limited-redeliveries", "1"));
        sendTwoLineFr(store, "FR-3013");
        advance(OrderLifecycle.CONFIRM_MINUTES);
        simulator.faults().rateLimitNextRequests(2, 0);

        RunOutcome failed = connector.run(Operation.GET_FR_ACKNOWLEDGMENTS);
        RunOutcome retried = connector.run(Operation.GET_FR_ACKNOWLEDGMENTS);

        assertThat(failed.summary()).as("first run").contains("failed 1");
        assertThat(eventMessage(failed, "ack_failed")).as("job log").contains("FR FR-3013")
                .contains("was not checked").contains("the next run tries again");
        assertThat(retried.summary()).as("second run").contains("acknowledged 1");
        assertThat(status("FR-3013")).as("FR status").isEqualTo("acknowledged");
    }

    @Test
    void shortAcknowledgmentWarnsAndKeepsQuantities() throws Exception {
        FulfillmentStore store = start(Map.of());
        sendTwoLineFr(store, "FR-3007-SHORT");
        advance(OrderLifecycle.CONFIRM_MINUTES);

        RunOutcome outcome = connector.run(Operation.GET_FR_ACKNOWLEDGMENTS);

        assertThat(status("FR-3007-SHORT")).as("status; summary %s", outcome.summary()).isEqualTo("acknowledged");
        assertThat(eventMessage(outcome, "ack_quantity_mismatch")).as("job log")
                .contains("ordered 1, acknowledged 0").contains("cancel-unacknowledged-items is off");
        assertThat(itemColumn("cancelled_quantity", "FR-3007-SHORT", 2)).as("cancelled, line 2").isZero();

        RunOutcome again = connector.run(Operation.GET_FR_ACKNOWLEDGMENTS);
        assertThat(again.status()).as("second run; summary %s", again.summary()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void shortAcknowledgmentCancelsLeftOutItems() throws Exception {
        FulfillmentStore store = start(Map.of(
                "rothco.sources.dealer.get-fr-acknowledgments.cancel-unacknowledged-items", "true"));
        sendTwoLineFr(store, "FR-3008-SHORT");
        advance(OrderLifecycle.CONFIRM_MINUTES);

        RunOutcome outcome = connector.run(Operation.GET_FR_ACKNOWLEDGMENTS);

        assertThat(status("FR-3008-SHORT")).as("status; summary %s", outcome.summary()).isEqualTo("acknowledged");
        assertThat(itemColumn("cancelled_quantity", "FR-3008-SHORT", 2)).as("cancelled, line 2").isEqualTo(1);
        assertThat(eventMessage(outcome, "ack_items_cancelled")).as("job log").contains("cancelled 1 unit(s)");

        advance(60);
        connector.run(Operation.GET_SHIPMENTS);
        assertThat(status("FR-3008-SHORT")).as("shipped once every unit not cancelled shipped").isEqualTo("shipped");
    }

    @ParameterizedTest(name = "lookback {0} days, shipments 20 days old")
    @CsvSource({"10, sent, true", "15, sent, true", "30, shipped, false", "5, sent, true"})
    void lookbackWindow(int days, String frStatus, boolean outsideWindow) throws Exception {
        FulfillmentStore store = start(Map.of("rothco.sources.dealer.get-shipments.lookback-days",
                String.valueOf(days)));
        simulator.clock().set(java.time.Instant.now().minus(Duration.ofDays(20)));
        sendTwoLineFr(store, "FR-3009");
        advance(120);

        RunOutcome outcome = connector.run(Operation.GET_SHIPMENTS);

        assertThat(outcome.summary().contains("shipments 0")).as("no shipment fetched; summary %s", outcome.summary())
                .isEqualTo(outsideWindow);
        assertThat(eventMessage(outcome, "shipments_window")).as("job log").contains("the last " + days + " days");
        assertThat(status("FR-3009")).as("FR status").isEqualTo(frStatus);
    }

    @Test
    void bothSourcesGetTheirOperations() throws Exception {
        Map<String, String> overrides = FulfillmentFixtures.routingGroupSettings(folder, simulator, "second");
        overrides.put("rothco.sources.second.get-inventory-secondary.enabled", "false");
        overrides.put("rothco.sources.second.send-fulfillment-requests.use-ack-process", "true");
        FulfillmentStore store = start(overrides);
        store.insert(request("FR-3011", "second", skus.get(0)), FulfillmentStatus.NEW, null, "test");
        FulfillmentFixtures.runSend(connector, "second");
        advance(60);

        RunOutcome ack = connector.run("second", Operation.GET_FR_ACKNOWLEDGMENTS);
        RunOutcome shipments = connector.run("second", Operation.GET_SHIPMENTS);
        RunOutcome dealerShipments = connector.run(SOURCE, Operation.GET_SHIPMENTS);

        assertThat(ack.summary()).as("second source acknowledgment run").contains("acknowledged 1");
        assertThat(status("FR-3011")).as("FR of the second source; summary %s", shipments.summary())
                .isEqualTo("shipped");
        assertThat(dealerShipments.summary()).as("the dealer account sees no shipment of the second account")
                .contains("shipments 0");
    }
}
