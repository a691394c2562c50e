package com.dealerpool.rothco.fulfillment;

import static com.dealerpool.rothco.fulfillment.FulfillmentFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.dealerpool.rothco.Application;
import com.dealerpool.rothco.CommandLine;
import com.dealerpool.rothco.pool.FulfillmentStore;
import com.dealerpool.rothco.primary.ConnectorHarness;
import com.dealerpool.rothco.simulator.RothcoSimulator;

/** Operator actions through JMX and the command line: resubmit, cancel, release and list. */
class OperatorActionsTest {

    private static final String SOURCE = ConnectorHarness.SOURCE;
    private static final String[] ONE_STRING = {String.class.getName()};
    private static final String[] TWO_STRINGS = {String.class.getName(), String.class.getName()};

    @TempDir
    Path folder;

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private RothcoSimulator simulator;
    private ConnectorHarness connector;
    private FulfillmentStore store;
    private ObjectName control;

    @BeforeEach
    void startAll() throws Exception {
        simulator = FulfillmentFixtures.simulator();
        control = new ObjectName("com.dealerpool.rothco:type=fulfillment,name=requests");
    }

    @AfterEach
    void stopAll() {
        if (connector != null) {
            connector.close();
        }
        simulator.close();
    }

    private void start(Map<String, String> overrides) throws Exception {
        Map<String, String> settings = FulfillmentFixtures.settings(folder, simulator);
        settings.putAll(overrides);
        connector = ConnectorHarness.start(folder, settings);
        store = connector.runtime().fulfillmentStore();
    }

    private String status(String frNumber) {
        return connector.text("SELECT status FROM fulfillment_request WHERE fr_number = ?", frNumber);
    }

    private Object invoke(String operation, Object... arguments) throws Exception {
        return server.invoke(control, operation, arguments, arguments.length == 1 ? ONE_STRING : TWO_STRINGS);
    }

    @Test
    void resubmitWithNewPoPlacesOrder() throws Exception {
        start(Map.of());
        String sku = FulfillmentFixtures.orderableSkus(simulator, 1).get(0);
        store.insert(request("FR-4001", SOURCE, sku), FulfillmentStatus.NEW, null, "test");
        FulfillmentFixtures.runSend(connector, SOURCE);
        store.insert(FulfillmentFixtures.withPoNumber(request("FR-4002", SOURCE, sku), "FR-4001"),
                FulfillmentStatus.NEW, null, "test");
        FulfillmentFixtures.runSend(connector, SOURCE);

        Object answer = invoke("resubmit", "FR-4002", "FR-4002-2");
        FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(answer).as("JMX answer").isEqualTo("FR FR-4002 resubmitted as PO FR-4002-2; the next run sends it");
        assertThat(status("FR-4002")).as("status after resubmit").isEqualTo("acknowledged");
        assertThat(simulator.orders().ordersWithPo("FR-4002-2")).as("orders with the new PO").hasSize(1);
        assertThat(simulator.orders().ordersWithPo("FR-4001")).as("orders with the first PO").hasSize(1);
    }

    @Test
    void resubmitOfSentRequestIsRefused() throws Exception {
        start(Map.of());
        store.insert(request("FR-4003", SOURCE, FulfillmentFixtures.orderableSkus(simulator, 1).get(0)),
                FulfillmentStatus.NEW, null, "test");
        FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(invoke("resubmit", "FR-4003", "")).as("JMX answer")
                .isEqualTo("FR FR-4003 not resubmitted: it is acknowledged, and only rejected FRs can be resubmitted");
    }

    @Test
    void cancelStopsUnsentRequest() throws Exception {
        start(Map.of());
        store.insert(request("FR-4004", SOURCE, FulfillmentFixtures.orderableSkus(simulator, 1).get(0)),
                FulfillmentStatus.NEW, null, "test");

        assertThat(invoke("cancel", "FR-4004")).as("JMX answer").isEqualTo("FR FR-4004 cancelled");
        FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(status("FR-4004")).as("status").isEqualTo("cancelled");
        assertThat(simulator.requestLog().fieldRequests("createOrder")).as("order requests").isZero();
    }

    @Test
    void manualRequestWaitsForRelease() throws Exception {
        start(Map.of("rothco.sources.dealer.send-fulfillment-requests.auto-processing", "manual"));
        store.insert(request("FR-4005", SOURCE, FulfillmentFixtures.orderableSkus(simulator, 1).get(0)),
                FulfillmentStatus.NEW, null, "test");
        FulfillmentFixtures.runSend(connector, SOURCE);
        assertThat(status("FR-4005")).as("status before release").isEqualTo("held");

        assertThat(invoke("release", "FR-4005")).as("JMX answer").isEqualTo("FR FR-4005 released; the next run sends it");
        FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(status("FR-4005")).as("status after release").isEqualTo("acknowledged");
    }

    @Test
    void listShowsRejectedWithError() throws Exception {
        start(Map.of());
        store.insert(request("FR-4006", SOURCE, "NO-SUCH-SKU"), FulfillmentStatus.NEW, null, "test");
        FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(String.valueOf(invoke("list", "rejected"))).as("JMX list")
                .isEqualTo("FR-4006 rejected source=dealer po=FR-4006 error=[ITEM_UNAVAILABLE] Item \"NO-SUCH-SKU\""
                        + " is unavailable.");
    }

    @Test
    void commandLineCancelsRequest() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        start(Map.of("camel.server.enabled", "true", "camel.server.host", "127.0.0.1",
                "camel.server.port", String.valueOf(port)));
        store.insert(request("FR-4007", SOURCE, "SKU-1"), FulfillmentStatus.NEW, null, "test");
        connector.close();
        connector = null;

        int exitCode;
        int again;
        // A running service has the HTTP port bound; the one-shot command must not try to bind it.
        try (ServerSocket service = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            exitCode = Application.run(CommandLine.parse("--config",
                    folder.resolve("application.properties").toString(), "--cancel", "FR-4007"));
            again = Application.run(CommandLine.parse("--config", folder.resolve("application.properties").toString(),
                    "--cancel", "FR-4007"));
        }

        start(Map.of("camel.server.enabled", "false"));
        assertThat(exitCode).as("exit code").isZero();
        assertThat(again).as("exit code of a second cancel").isEqualTo(1);
        assertThat(status("FR-4007")).as("status").isEqualTo("cancelled");
    }

    @Test
    void operationControlRunsSend() throws Exception {
        start(Map.of());
        store.insert(request("FR-4008", SOURCE, FulfillmentFixtures.orderableSkus(simulator, 1).get(0)),
                FulfillmentStatus.NEW, null, "test");
        ObjectName send = new ObjectName("com.dealerpool.rothco:type=operations,source=dealer,"
                + "name=send-fulfillment-requests");

        server.invoke(send, "runNow", new Object[0], new String[0]);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(server.getAttribute(send,
                "LastRunStatus")).as("LastRunStatus").isEqualTo("succeeded"));
        assertThat(String.valueOf(server.getAttribute(send, "LastRunSummary"))).as("LastRunSummary")
                .contains("claimed 1, sent 1");
        assertThat(status("FR-4008")).as("status").isEqualTo("acknowledged");
    }
}
