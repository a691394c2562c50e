package com.dealerpool.rothco.fulfillment;

import static com.dealerpool.rothco.fulfillment.FulfillmentFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.dealerpool.rothco.job.RunOutcome;
import com.dealerpool.rothco.pool.FulfillmentStore;
import com.dealerpool.rothco.primary.ConnectorHarness;
import com.dealerpool.rothco.simulator.PlacedOrder;
import com.dealerpool.rothco.simulator.RothcoSimulator;

/**
 * Never lost, never twice: many FRs against a simulator that drops the connection after
 * accepting 10% of the orders, by one runtime and by two runtimes sharing the pool.
 */
class SendSoakTest {

    private static final String SOURCE = ConnectorHarness.SOURCE;

    @TempDir
    Path folder;

    private RothcoSimulator simulator;
    private ConnectorHarness first;
    private ConnectorHarness second;

    @BeforeEach
    void startSimulator() {
        simulator = FulfillmentFixtures.simulator();
        simulator.faults().dropConnectionAfterAccept(0.10);
    }

    @AfterEach
    void stopAll() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        simulator.close();
    }

    private ConnectorHarness start(String nodeName, String contextName) throws Exception {
        Map<String, String> settings = FulfillmentFixtures.settings(folder, simulator);
        settings.put("cluster.node-id", nodeName);
        settings.put("camel.main.name", contextName);
        settings.put("rothco.sources.dealer.max-concurrent-requests", "4");
        settings.put("rothco.sources.dealer.send-fulfillment-requests.batch-size", "20");
        return ConnectorHarness.start(folder, settings);
    }

    private void insert(FulfillmentStore store, int count) {
        List<String> skus = FulfillmentFixtures.orderableSkus(simulator, 20);
        for (int i = 1; i <= count; i++) {
            store.insert(request(String.format("FR-%05d", i), SOURCE, skus.get(i % skus.size())),
                    FulfillmentStatus.NEW, null, "test");
        }
    }

    private void assertEveryRequestPlacedOneOrder(ConnectorHarness connector, int count) {
        assertThat(connector.count("SELECT COUNT(*) FROM fulfillment_request WHERE status = 'acknowledged'"))
                .as("acknowledged FRs").isEqualTo(count);
        assertThat(connector.count("SELECT COUNT(*) FROM fulfillment_request WHERE status IN ('sending', 'unknown',"
                + " 'new')")).as("FRs still sending, unknown or new").isZero();
        Map<String, Integer> ordersPerPo = new HashMap<>();
        for (PlacedOrder order : simulator.orders().orders()) {
            ordersPerPo.merge(order.poNumber(), 1, Integer::sum);
        }
        assertThat(ordersPerPo).as("orders at Rothco per PO").hasSize(count);
        assertThat(ordersPerPo.values()).as("orders per PO").containsOnly(1);
        assertThat(simulator.orders().duplicateAttempts()).as("createOrder sent again for a placed PO").isZero();
        assertThat(connector.count("SELECT COUNT(*) FROM fulfillment_request fr WHERE rothco_order_number IS NULL"))
                .as("FRs without an order number").isZero();
    }

    @Test
    void thousandRequestsPlaceOneOrderEach() throws Exception {
        first = start("node-a", "rothco-soak-a");
        insert(first.runtime().fulfillmentStore(), 1000);

        RunOutcome outcome = FulfillmentFixtures.runSend(first, SOURCE);

        assertEveryRequestPlacedOneOrder(first, 1000);
        assertThat(outcome.summary()).as("run summary").contains("found by PO lookup 100");
    }

    @Test
    void twoRuntimesShareThePool() throws Exception {
        first = start("node-a", "rothco-soak-a");
        second = start("node-b", "rothco-soak-b");
        insert(first.runtime().fulfillmentStore(), 300);

        CompletableFuture<RunOutcome> runA = CompletableFuture.supplyAsync(() -> FulfillmentFixtures.runSend(first, SOURCE));
        CompletableFuture<RunOutcome> runB = CompletableFuture.supplyAsync(() -> FulfillmentFixtures.runSend(second, SOURCE));
        runA.get(Duration.ofMinutes(1).toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        runB.get(Duration.ofMinutes(1).toSeconds(), java.util.concurrent.TimeUnit.SECONDS);

        assertEveryRequestPlacedOneOrder(first, 300);
        assertThat(first.count("SELECT COUNT(DISTINCT changed_by) FROM fulfillment_request_status"
                + " WHERE to_status = 'sending'")).as("claim owners").isEqualTo(2);
    }
}
