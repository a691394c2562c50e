package com.dealerpool.rothco.fulfillment;

import static com.dealerpool.rothco.fulfillment.FulfillmentFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.dealerpool.rothco.job.RunOutcome;
import com.dealerpool.rothco.pool.FulfillmentStore;
import com.dealerpool.rothco.primary.ConnectorHarness;
import com.dealerpool.rothco.simulator.PlacedOrder;
import com.dealerpool.rothco.simulator.RothcoSimulator;

/** Two sources in a routing group: the second takes over what the first may not sell. */
class RoutingGroupTest {

    private static final String FIRST = ConnectorHarness.SOURCE;
    private static final String SECOND = "west";

    @TempDir
    Path folder;

    private RothcoSimulator simulator;
    private ConnectorHarness connector;
    private FulfillmentStore store;

    @BeforeEach
    void startAll() throws Exception {
        simulator = FulfillmentFixtures.simulator();
        Map<String, String> settings = FulfillmentFixtures.routingGroupSettings(folder, simulator, SECOND);
        connector = ConnectorHarness.start(folder, settings);
        store = connector.runtime().fulfillmentStore();
    }

    @AfterEach
    void stopAll() {
        connector.close();
        simulator.close();
    }

    @Test
    void restrictedItemMovesToNextSource() {
        String sku = FulfillmentFixtures.restrictedSku(simulator);
        simulator.enroll(FulfillmentFixtures.SECOND_KEY, FulfillmentFixtures.brandOf(simulator, sku));
        store.insert(request("FR-5001", FIRST, sku), FulfillmentStatus.NEW, null, "test");

        RunOutcome first = FulfillmentFixtures.runSend(connector, FIRST);
        RunOutcome second = FulfillmentFixtures.runSend(connector, SECOND);

        assertThat(connector.text("SELECT status FROM fulfillment_request WHERE fr_number = ?", "FR-5001"))
                .as("status").isEqualTo("acknowledged");
        assertThat(connector.text("SELECT source_id FROM fulfillment_request WHERE fr_number = ?", "FR-5001"))
                .as("source").isEqualTo(SECOND);
        PlacedOrder order = simulator.orders().ordersWithPo("FR-5001").get(0);
        assertThat(order.accountNumber()).as("account that placed the order").isEqualTo("RC-800002");
        assertThat(connector.text("SELECT message FROM job_event WHERE run_id = ? AND kind = 'fr_routed'",
                first.runId())).as("first attempt in the job log").contains("RESTRICTED_ITEM", "routed to source west");
        assertThat(connector.count("SELECT COUNT(*) FROM job_event WHERE run_id = ? AND kind = 'fr_sent'"
                + " AND message LIKE ?", second.runId(), "%FR-5001%")).as("second attempt in the job log").isEqualTo(1);
    }

    @Test
    void hazmatItemMovesToNextSource() {
        String sku = FulfillmentFixtures.hazmatSku(simulator);
        simulator.orders().approveHazmat(FulfillmentFixtures.SECOND_KEY);
        store.insert(request("FR-5002", FIRST, sku), FulfillmentStatus.NEW, null, "test");

        FulfillmentFixtures.runSend(connector, FIRST);
        FulfillmentFixtures.runSend(connector, SECOND);

        assertThat(connector.text("SELECT status FROM fulfillment_request WHERE fr_number = ?", "FR-5002"))
                .as("status").isEqualTo("acknowledged");
    }

    @Test
    void lastSourceRejectsForGood() {
        String sku = FulfillmentFixtures.restrictedSku(simulator);
        store.insert(request("FR-5003", FIRST, sku), FulfillmentStatus.NEW, null, "test");

        FulfillmentFixtures.runSend(connector, FIRST);
        FulfillmentFixtures.runSend(connector, SECOND);

        assertThat(connector.text("SELECT status FROM fulfillment_request WHERE fr_number = ?", "FR-5003"))
                .as("status").isEqualTo("rejected");
        assertThat(connector.text("SELECT tried_sources FROM fulfillment_request WHERE fr_number = ?", "FR-5003"))
                .as("sources tried before the last").isEqualTo(FIRST);
        assertThat(connector.count("SELECT COUNT(*) FROM dead_letter WHERE reference = ?", "FR-5003"))
                .as("dead letters").isEqualTo(1);
    }
}
