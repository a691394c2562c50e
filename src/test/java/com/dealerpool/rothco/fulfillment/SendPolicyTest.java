package com.dealerpool.rothco.fulfillment;

import static com.dealerpool.rothco.fulfillment.FulfillmentFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.dealerpool.rothco.pool.FulfillmentStore;
import com.dealerpool.rothco.primary.ConnectorHarness;
import com.dealerpool.rothco.simulator.RothcoSimulator;

/** What decides whether and when an FR is sent: settings, hold, business hours and stock. */
class SendPolicyTest {

    private static final String SOURCE = ConnectorHarness.SOURCE;
    private static final String PREFIX = "rothco.sources.dealer.send-fulfillment-requests.";

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

    private void insertVariant(String sku, int quantity) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = connector.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement("INSERT INTO variant (source_id, sku,"
                        + " quantity, created_by, created_at, updated_at) VALUES (?, ?, ?, 'PRIMARY', ?, ?)")) {
            statement.setString(1, SOURCE);
            statement.setString(2, sku);
            statement.setInt(3, quantity);
            statement.setObject(4, now);
            statement.setObject(5, now);
            statement.executeUpdate();
        }
    }

    @Test
    void startupNamesMissingBillingEmail() {
        Map<String, String> settings = FulfillmentFixtures.settings(folder, simulator);
        settings.remove(PREFIX + "billing-email");
        assertThatThrownBy(() -> connector = ConnectorHarness.start(folder, settings))
                .hasMessageContaining(PREFIX + "billing-email is missing");
    }

    @Test
    void requestInHoldWaits() throws Exception {
        FulfillmentStore store = start(Map.of(PREFIX + "hold-hours", "2"));
        store.insert(request("FR-3001", SOURCE, FulfillmentFixtures.orderableSkus(simulator, 1).get(0)),
                FulfillmentStatus.NEW, null, "test");

        FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(status("FR-3001")).as("status within hold-hours").isEqualTo("new");
        assertThat(simulator.requestLog().fieldRequests("createOrder")).as("order requests").isZero();
    }

    @Test
    void nothingSentOutsideBusinessHours() throws Exception {
        String otherDay = Instant.now().atZone(ZoneOffset.UTC).getDayOfWeek().plus(3).name().substring(0, 3);
        FulfillmentStore store = start(Map.of(PREFIX + "business-hours.days", otherDay));
        store.insert(request("FR-3002", SOURCE, FulfillmentFixtures.orderableSkus(simulator, 1).get(0)),
                FulfillmentStatus.NEW, null, "test");

        var outcome = FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(status("FR-3002")).as("status outside business hours").isEqualTo("new");
        assertThat(connector.count("SELECT COUNT(*) FROM job_event WHERE run_id = ? AND kind = 'outside_business_hours'",
                outcome.runId())).as("job log event").isEqualTo(1);
    }

    @Test
    void shortStockHoldsWithoutBackorders() throws Exception {
        FulfillmentStore store = start(Map.of());
        String sku = FulfillmentFixtures.orderableSkus(simulator, 1).get(0);
        insertVariant(sku, 0);
        store.insert(request("FR-3003", SOURCE, sku), FulfillmentStatus.NEW, null, "test");

        FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(status("FR-3003")).as("status").isEqualTo("held");
        assertThat(connector.text("SELECT hold_reason FROM fulfillment_request WHERE fr_number = ?", "FR-3003"))
                .as("hold reason").contains("SKU " + sku + " ordered 1, available 0", "allow-backorders");
    }

    @Test
    void releasedShortRequestIsSent() throws Exception {
        FulfillmentStore store = start(Map.of());
        String sku = FulfillmentFixtures.orderableSkus(simulator, 1).get(0);
        insertVariant(sku, 0);
        store.insert(request("FR-3008", SOURCE, sku), FulfillmentStatus.NEW, null, "test");
        FulfillmentFixtures.runSend(connector, SOURCE);

        store.release("FR-3008", "operator");
        FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(status("FR-3008")).as("status after release").isEqualTo("acknowledged");
    }

    @Test
    void backordersAllowedSendsShortStock() throws Exception {
        FulfillmentStore store = start(Map.of(PREFIX + "allow-backorders", "true"));
        String sku = FulfillmentFixtures.orderableSkus(simulator, 1).get(0);
        insertVariant(sku, 0);
        store.insert(request("FR-3004", SOURCE, sku), FulfillmentStatus.NEW, null, "test");

        FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(status("FR-3004")).as("status").isEqualTo("acknowledged");
    }

    @Test
    void committedStockReducesAvailable() throws Exception {
        FulfillmentStore store = start(Map.of(PREFIX + "commit-stock", "true"));
        String sku = FulfillmentFixtures.orderableSkus(simulator, 1).get(0);
        insertVariant(sku, 1);
        store.insert(request("FR-3005", SOURCE, sku), FulfillmentStatus.NEW, null, "test");
        FulfillmentFixtures.runSend(connector, SOURCE);
        store.insert(request("FR-3006", SOURCE, sku), FulfillmentStatus.NEW, null, "test");

        FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(connector.count("SELECT available FROM variant_availability WHERE source_id = ? AND sku = ?",
                SOURCE, sku)).as("available after one accepted FR").isZero();
        assertThat(status("FR-3005")).as("first FR").isEqualTo("acknowledged");
        assertThat(status("FR-3006")).as("second FR").isEqualTo("held");
    }

    @Test
    void stockNotCommittedWhenOff() throws Exception {
        FulfillmentStore store = start(Map.of());
        String sku = FulfillmentFixtures.orderableSkus(simulator, 1).get(0);
        insertVariant(sku, 1);
        store.insert(request("FR-3007", SOURCE, sku), FulfillmentStatus.NEW, null, "test");

        FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(connector.count("SELECT available FROM variant_availability WHERE source_id = ? AND sku = ?",
                SOURCE, sku)).as("available with commit-stock off").isEqualTo(1);
    }
}
