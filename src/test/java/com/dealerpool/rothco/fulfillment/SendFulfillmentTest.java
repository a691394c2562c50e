package com.dealerpool.rothco.fulfillment;

import static com.dealerpool.rothco.fulfillment.FulfillmentFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.dealerpool.rothco.job.RunOutcome;
import com.dealerpool.rothco.job.RunStatus;
import com.dealerpool.rothco.pool.FulfillmentStore;
import com.dealerpool.rothco.primary.ConnectorHarness;
import com.dealerpool.rothco.simulator.PlacedOrder;
import com.dealerpool.rothco.simulator.RothcoSimulator;

/** Send Fulfillment Requests end to end: the real runtime and routes, the simulator over HTTP and H2. */
class SendFulfillmentTest {

    private static final String SOURCE = ConnectorHarness.SOURCE;

    @TempDir
    Path folder;

    private RothcoSimulator simulator;
    private ConnectorHarness connector;

    @BeforeEach
    void startSimulator() {
        simulator = FulfillmentFixtures.simulator();
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
        settings.putAll(overrides);
        connector = ConnectorHarness.start(folder, settings);
        return connector.runtime().fulfillmentStore();
    }

    private String status(String frNumber) {
        return connector.text("SELECT status FROM fulfillment_request WHERE fr_number = ?", frNumber);
    }

    @Test
    void acceptedOrderAcknowledgesAtOnce() throws Exception {
        FulfillmentStore store = start(Map.of());
        List<String> skus = FulfillmentFixtures.orderableSkus(simulator, 2);
        store.insert(request("FR-1001", SOURCE, skus.get(0), skus.get(1)), FulfillmentStatus.NEW, null, "test");

        RunOutcome outcome = FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(outcome.status()).as("run status; summary %s", outcome.summary()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(status("FR-1001")).as("FR status").isEqualTo("acknowledged");
        List<PlacedOrder> orders = simulator.orders().ordersWithPo("FR-1001");
        assertThat(orders).as("orders at Rothco for the PO").hasSize(1);
        assertThat(connector.text("SELECT rothco_order_number FROM fulfillment_request WHERE fr_number = ?", "FR-1001"))
                .as("stored order number").isEqualTo(orders.get(0).orderNumber());
        assertThat(connector.text("SELECT rothco_confirmation_id FROM fulfillment_request WHERE fr_number = ?",
                "FR-1001")).as("stored confirmation id").isEqualTo(orders.get(0).confirmationId());
        assertThat(store.history("FR-1001")).extracting(FulfillmentStore.StatusChange::toStatus)
                .as("status history").containsExactly("new", "sending", "acknowledged");
    }

    @Test
    void ackProcessLeavesOrderSent() throws Exception {
        FulfillmentStore store = start(Map.of("rothco.sources.dealer.send-fulfillment-requests.use-ack-process", "true"));
        store.insert(request("FR-1002", SOURCE, FulfillmentFixtures.orderableSkus(simulator, 1).get(0)),
                FulfillmentStatus.NEW, null, "test");

        FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(status("FR-1002")).as("FR status").isEqualTo("sent");
    }

    @Test
    void orderCarriesMappedFields() throws Exception {
        FulfillmentStore store = start(Map.of());
        String sku = FulfillmentFixtures.orderableSkus(simulator, 1).get(0);
        store.insert(FulfillmentFixtures.withShippingMethod(request("FR-1003", SOURCE, sku), "UPS Ground"),
                FulfillmentStatus.NEW, null, "test");

        FulfillmentFixtures.runSend(connector, SOURCE);

        PlacedOrder order = simulator.orders().ordersWithPo("FR-1003").get(0);
        assertThat(order.lines()).as("order lines").containsExactly(Map.of("sku", sku, "quantity", 1));
        assertThat(order.shippingMethod()).as("shipping method without accepts-shipping-method").isNull();
    }

    @Test
    void shippingMethodMapsToRothcoCode() throws Exception {
        FulfillmentStore store = start(Map.of(
                "rothco.sources.dealer.send-fulfillment-requests.accepts-shipping-method", "true"));
        String sku = FulfillmentFixtures.orderableSkus(simulator, 1).get(0);
        store.insert(FulfillmentFixtures.withShippingMethod(request("FR-1004", SOURCE, sku), "UPS Ground"),
                FulfillmentStatus.NEW, null, "test");

        FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(simulator.orders().ordersWithPo("FR-1004").get(0).shippingMethod()).as("shipping code")
                .isEqualTo("UPSGND");
    }

    @Test
    void lostReplyIsFoundByPoLookup() throws Exception {
        FulfillmentStore store = start(Map.of());
        simulator.faults().dropConnectionAfterAccept(1.0);
        store.insert(request("FR-1005", SOURCE, FulfillmentFixtures.orderableSkus(simulator, 1).get(0)),
                FulfillmentStatus.NEW, null, "test");

        RunOutcome outcome = FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(status("FR-1005")).as("FR status; summary %s", outcome.summary()).isEqualTo("acknowledged");
        assertThat(simulator.orders().ordersWithPo("FR-1005")).as("orders at Rothco").hasSize(1);
        assertThat(simulator.orders().duplicateAttempts()).as("createOrder sent again for a placed PO").isZero();
        assertThat(store.history("FR-1005")).extracting(FulfillmentStore.StatusChange::toStatus)
                .as("status history").containsExactly("new", "sending", "unknown", "sending", "acknowledged");
        assertThat(store.history("FR-1005").get(4).note()).as("last change")
                .contains("found at Rothco by PO lookup");
    }

    @Test
    void unknownWithoutOrderIsSentAgain() throws Exception {
        FulfillmentStore store = start(Map.of());
        store.insert(request("FR-1006", SOURCE, FulfillmentFixtures.orderableSkus(simulator, 1).get(0)),
                FulfillmentStatus.NEW, null, "test");
        try (var connection = connector.dataSource().getConnection();
                var statement = connection.prepareStatement("UPDATE fulfillment_request SET status = 'unknown',"
                        + " send_attempts = 1 WHERE fr_number = ?")) {
            statement.setString(1, "FR-1006");
            statement.executeUpdate();
        }

        FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(status("FR-1006")).as("FR status").isEqualTo("acknowledged");
        assertThat(simulator.orders().ordersWithPo("FR-1006")).as("orders at Rothco").hasSize(1);
        assertThat(simulator.requestLog().fieldRequests("orderByPo")).as("PO lookups").isEqualTo(1);
    }

    @Test
    void unreachableRothcoReturnsRequest() throws Exception {
        FulfillmentStore store = start(Map.of());
        store.insert(request("FR-1007", SOURCE, FulfillmentFixtures.orderableSkus(simulator, 1).get(0)),
                FulfillmentStatus.NEW, null, "test");
        simulator.close();

        RunOutcome outcome = FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(status("FR-1007")).as("status; summary %s", outcome.summary()).isEqualTo("new");
        assertThat(outcome.summary()).as("summary").contains("claimed 1,", "returned to new 1");
        assertThat(store.history("FR-1007").get(2).note()).as("reason").contains("Rothco is unreachable");
    }

    @Test
    void lookupPrecedesValidationOnResend() throws Exception {
        FulfillmentStore store = start(Map.of("rothco.sources.dealer.send-fulfillment-requests.unknown-retry-seconds",
                "3600"));
        simulator.faults().dropConnectionAfterAccept(1.0);
        store.insert(request("FR-1008", SOURCE, FulfillmentFixtures.orderableSkus(simulator, 1).get(0)),
                FulfillmentStatus.NEW, null, "test");
        FulfillmentFixtures.runSend(connector, SOURCE);
        try (var connection = connector.dataSource().getConnection();
                var statement = connection.prepareStatement("UPDATE fulfillment_request SET customer_email = NULL,"
                        + " next_attempt_at = CURRENT_TIMESTAMP WHERE fr_number = ?")) {
            statement.setString(1, "FR-1008");
            statement.executeUpdate();
        }

        FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(status("FR-1008")).as("status of an FR Rothco has, edited to be invalid").isEqualTo("acknowledged");
        assertThat(simulator.orders().ordersWithPo("FR-1008")).as("orders").hasSize(1);
    }
}
