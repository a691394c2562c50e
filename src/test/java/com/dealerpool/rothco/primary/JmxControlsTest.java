package com.dealerpool.rothco.primary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.dealerpool.rothco.rothco.ApiMode;
import com.dealerpool.rothco.simulator.RothcoSimulator;
import com.dealerpool.rothco.simulator.SimulatorAccount;
import com.dealerpool.rothco.simulator.SimulatorSettings;

/** The JMX controls and route MBeans, read and invoked through the platform MBean server. */
class JmxControlsTest {

    private static final String KEY = "sandbox-jmx-key-6a3c";

    @TempDir
    Path folder;

    private RothcoSimulator simulator;
    private ConnectorHarness connector;
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @BeforeEach
    void start() throws Exception {
        simulator = RothcoSimulator.start(SimulatorSettings.builder()
                .port(0)
                .variants(300)
                .accounts(List.of(new SimulatorAccount(KEY, ApiMode.SANDBOX, "RC-300003", "Jmx Outfitters", Set.of())))
                .build());
        connector = ConnectorHarness.start(folder, ConnectorHarness.defaultSettings(folder, simulator, KEY));
    }

    @AfterEach
    void stop() {
        connector.close();
        simulator.close();
    }

    @Test
    void runNowStartsRunAndReportsStatus() throws Exception {
        ObjectName primary = new ObjectName("com.dealerpool.rothco:type=operations,source=dealer,name=get-inventory-primary");

        Object answer = server.invoke(primary, "runNow", new Object[0], new String[0]);

        assertThat(String.valueOf(answer)).as("runNow answer").contains("started");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(server.getAttribute(primary, "LastRunStatus"))
                .as("LastRunStatus").isEqualTo("succeeded"));
        assertThat(String.valueOf(server.getAttribute(primary, "LastRunSummary"))).as("LastRunSummary")
                .contains("variants created");
        assertThat(connector.count("SELECT COUNT(*) FROM job_run WHERE trigger = 'manual' AND status = 'succeeded'"))
                .as("manual runs in the job log").isEqualTo(1);
    }

    @Test
    void runNowStartsOrderTrackingRuns() throws Exception {
        for (String operation : List.of("get-fr-acknowledgments", "get-shipments")) {
            ObjectName control = new ObjectName("com.dealerpool.rothco:type=operations,source=dealer,name="
                    + operation);

            Object answer = server.invoke(control, "runNow", new Object[0], new String[0]);

            assertThat(String.valueOf(answer)).as("runNow answer of %s", operation).contains("started");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(server.getAttribute(control,
                    "LastRunStatus")).as("LastRunStatus of %s", operation).isEqualTo("succeeded"));
        }
        assertThat(connector.count("SELECT COUNT(*) FROM job_run WHERE operation IN ('get-fr-acknowledgments',"
                + " 'get-shipments') AND trigger = 'manual'")).as("manual runs in the job log").isEqualTo(2);
    }

    @Test
    void testConnectionOperationShowsMaskedKey() throws Exception {
        ObjectName test = new ObjectName("com.dealerpool.rothco:type=operations,source=dealer,name=test-connection");

        Object answer = server.invoke(test, "testConnection", new Object[0], new String[0]);

        assertThat(String.valueOf(answer)).as("testConnection answer").startsWith("Connected").contains("****6a3c")
                .doesNotContain(KEY);
        assertThat(String.valueOf(server.getAttribute(test, "Connection"))).as("Connection attribute")
                .startsWith("Connected");
    }

    @Test
    void routeMBeanHasStableName() throws Exception {
        Set<ObjectName> routes = server.queryNames(new ObjectName(
                "org.apache.camel:context=rothco-connector-test,type=routes,name=\"rothco-dealer-get-inventory-primary\""),
                null);

        assertThat(routes).as("route MBean of rothco-dealer-get-inventory-primary").hasSize(1);
        assertThat(server.getAttribute(routes.iterator().next(), "RouteId")).as("RouteId")
                .isEqualTo("rothco-dealer-get-inventory-primary");
    }

}
