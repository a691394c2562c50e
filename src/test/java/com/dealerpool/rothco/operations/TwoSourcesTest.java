package com.dealerpool.rothco.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;

import org.apache.camel.component.quartz.QuartzComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

import com.dealerpool.rothco.Application;
import com.dealerpool.rothco.CommandLine;
import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.job.JobRuns;
import com.dealerpool.rothco.job.RunOutcome;
import com.dealerpool.rothco.job.RunStatus;
import com.dealerpool.rothco.primary.ConnectorHarness;
import com.dealerpool.rothco.rothco.ApiMode;
import com.dealerpool.rothco.rothco.RothcoContract;
import com.dealerpool.rothco.simulator.PagedQuery;
import com.dealerpool.rothco.simulator.RothcoSimulator;
import com.dealerpool.rothco.simulator.SimulatorAccount;
import com.dealerpool.rothco.simulator.SimulatorSettings;

/**
 * Two sources against two simulator accounts in one runtime. Each runs its own routes with its
 * own key and settings, and --status and JMX (over a real RMI connector) show both. A key set
 * through JMX takes effect on the next run without a restart.
 */
class TwoSourcesTest {

    private static final String EAST_KEY = "sandbox-east-key-1111";
    private static final String EAST_NEW_KEY = "sandbox-east-key-2222";
    private static final String WEST_KEY = "sandbox-west-key-3333";

    @TempDir
    Path folder;

    private RothcoSimulator simulator;
    private ConnectorHarness connector;
    private JmxConnector jmx;

    @BeforeEach
    void start() throws Exception {
        simulator = RothcoSimulator.start(SimulatorSettings.builder()
                .port(0)
                .variants(300)
                .accounts(List.of(
                        new SimulatorAccount(EAST_KEY, ApiMode.SANDBOX, "RC-400001", "East Outfitters", Set.of()),
                        new SimulatorAccount(EAST_NEW_KEY, ApiMode.SANDBOX, "RC-400001", "East Outfitters", Set.of()),
                        new SimulatorAccount(WEST_KEY, ApiMode.SANDBOX, "RC-400002", "West Surplus", Set.of())))
                .build());
        Map<String, String> settings = ConnectorHarness.defaultSettings(folder, simulator, EAST_KEY);
        settings.keySet().removeIf(key -> key.startsWith("rothco.sources"));
        settings.put("rothco.sources", "east,west");
        putSource(settings, "east", EAST_KEY, 20);
        settings.put("rothco.sources.east.name", "East Warehouse");
        putSource(settings, "west", WEST_KEY, 50);
        settings.put("rothco.sources.west.type", "product-data-source");
        settings.put("rothco.sources.west.accepts-fulfillment-requests", "false");
        settings.put("rothco.sources.west.get-inventory-secondary.enabled", "false");
        connector = ConnectorHarness.start(folder, settings);
        jmx = JmxConnector.start(folder);
    }

    private void putSource(Map<String, String> settings, String id, String key, int pageSize) {
        String prefix = "rothco.sources." + id + ".";
        settings.put(prefix + "mode", "sandbox");
        settings.put(prefix + "api-key", key);
        settings.put(prefix + "url", simulator.sandboxUrl());
        settings.put(prefix + "test-connection-at-startup", "false");
        settings.put(prefix + "max-requests-per-second", "1000");
        settings.put(prefix + "get-inventory-primary.run-at-startup", "false");
        settings.put(prefix + "get-inventory-primary.page-size", String.valueOf(pageSize));
        ConnectorHarness.putShipping(settings, id);
    }

    @AfterEach
    void stop() throws Exception {
        jmx.close();
        connector.close();
        simulator.close();
    }

    @Test
    void eachSourceRunsWithOwnKeyAndSettings() {
        RunOutcome east = run("east", Operation.GET_INVENTORY_PRIMARY);
        RunOutcome west = run("west", Operation.GET_INVENTORY_PRIMARY);

        assertThat(east.status()).as("east status: " + east.summary()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(west.status()).as("west status: " + west.summary()).isEqualTo(RunStatus.SUCCEEDED);
        long productLines = east.totals().products();
        assertThat(east.totals().pagesTotal()).as("east pages of 20").isEqualTo((int) Math.ceil(productLines / 20.0));
        assertThat(west.totals().pagesTotal()).as("west pages of 50")
                .isEqualTo((int) Math.ceil(west.totals().products() / 50.0));
        assertThat(connector.count("SELECT COUNT(*) FROM variant WHERE source_id = 'east'")).as("east variants")
                .isPositive();
        assertThat(connector.count("SELECT COUNT(*) FROM variant WHERE source_id = 'west'")).as("west variants")
                .isPositive();
        assertThat(keysSent()).as("keys sent").containsExactlyInAnyOrder(EAST_KEY, WEST_KEY);
        assertThat(connector.context().getRoute("rothco-west-get-inventory-secondary"))
                .as("west secondary route (disabled)").isNull();
        assertThat(connector.context().getRoute("rothco-west-send-fulfillment-requests"))
                .as("west send route (product data source)").isNull();
        assertThat(connector.text("SELECT source_type FROM source WHERE id = 'west'")).as("west type in the pool")
                .isEqualTo("product-data-source");
    }

    @Test
    void statusCommandShowsBothSources() {
        run("east", Operation.GET_INVENTORY_PRIMARY);
        RunOutcome shipments = run("east", Operation.GET_SHIPMENTS);
        connector.testConnection("west");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        int exitCode = Application.run(CommandLine.parse("--status", "--config",
                folder.resolve("application.properties").toString()), new PrintStream(bytes, true,
                        StandardCharsets.UTF_8));

        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exitCode).as("exit code; output:\n" + output).isZero();
        assertThat(output).as("east header").contains("Source east (East Warehouse): Vendor Warehouse");
        assertThat(output).as("west header").contains("Source west (west): Product Data Source");
        assertThat(output).as("west connection").contains("Connection: Connected at").contains("RC-400002");
        assertThat(lineOf(output, "get-inventory-primary", 0)).as("east primary row")
                .contains("#1 succeeded").contains("yes");
        assertThat(lineOf(output, "get-inventory-secondary", 1)).as("west secondary row")
                .contains("no (");
        assertThat(output).as("west secondary reason")
                .contains("rothco.sources.west.get-inventory-secondary.enabled=false");
        assertThat(output).as("east primary counts").contains("get-inventory-primary last run: pages");
        String shipmentCounts = shipments.summary().substring(shipments.summary().indexOf(" s: ") + 4);
        assertThat(shipmentCounts).as("counts of the shipments run; summary %s", shipments.summary()).isNotBlank()
                .doesNotContain("pages");
        assertThat(output).as("east shipments counts, its own and not catalog counts")
                .contains("get-shipments last run: " + shipmentCounts + System.lineSeparator());
        assertThat(output).as("no key in the output").doesNotContain(EAST_KEY).doesNotContain(WEST_KEY);
    }

    @Test
    void jmxConnectorShowsBothSources() throws Exception {
        MBeanServerConnection server = jmx.connection();
        run("west", Operation.GET_INVENTORY_PRIMARY);

        Set<ObjectName> operations = server.queryNames(new ObjectName("com.dealerpool.rothco:type=operations,*"), null);
        Set<ObjectName> sources = server.queryNames(new ObjectName("com.dealerpool.rothco:type=sources,*"), null);

        assertThat(sources).as("source MBeans").extracting(name -> name.getKeyProperty("name"))
                .containsExactlyInAnyOrder("east", "west");
        assertThat(operations).as("east operation MBeans").filteredOn(name -> "east".equals(name.getKeyProperty("source")))
                .extracting(name -> name.getKeyProperty("name"))
                .containsExactlyInAnyOrder(List.of(Operation.values()).stream().map(Operation::slug).toArray(String[]::new));
        assertThat(operations).as("west operation MBeans").filteredOn(name -> "west".equals(name.getKeyProperty("source")))
                .extracting(name -> name.getKeyProperty("name"))
                .containsExactlyInAnyOrder("test-connection", "get-inventory-primary", "get-inventory-secondary");
        ObjectName westPrimary = operationName("west", Operation.GET_INVENTORY_PRIMARY);
        assertThat(server.getAttribute(westPrimary, "LastRunStatus")).as("west LastRunStatus").isEqualTo("succeeded");
        assertThat(server.getAttribute(westPrimary, "Configured")).as("west Configured").isEqualTo("yes");
        assertThat(server.getAttribute(westPrimary, "Mapped")).as("west Mapped").isEqualTo("yes (Rothco V2 GIP)");
        assertThat((String) server.getAttribute(westPrimary, "LastRunCounts")).as("west LastRunCounts")
                .startsWith("pages ");
        RunOutcome acknowledgments = run("east", Operation.GET_FR_ACKNOWLEDGMENTS);
        assertThat((String) server.getAttribute(operationName("east", Operation.GET_FR_ACKNOWLEDGMENTS),
                "LastRunCounts")).as("east acknowledgments LastRunCounts; summary %s", acknowledgments.summary())
                .startsWith("checked ").isEqualTo(acknowledgments.summary().substring(
                        acknowledgments.summary().indexOf(" s: ") + 4));
        ObjectName eastSend = operationName("east", Operation.SEND_FULFILLMENT_REQUESTS);
        assertThat(server.getAttribute(eastSend, "Enabled")).as("east send Enabled").isEqualTo(false);
        assertThat((String) server.getAttribute(eastSend, "Configured")).as("east send Configured")
                .startsWith("no: rothco.sources.east.send-fulfillment-requests.enabled=false");
        assertThat(server.getAttribute(operationName("east", Operation.GET_INVENTORY_PRIMARY), "LastRunId"))
                .as("east LastRunId before its first run").isEqualTo(-1L);
        assertThat(server.getAttribute(new ObjectName("com.dealerpool.rothco:type=sources,name=west"), "SourceType"))
                .as("west SourceType").isEqualTo("Product Data Source");
    }

    @Test
    void keyRotatedThroughJmxTakesEffect() throws Exception {
        MBeanServerConnection server = jmx.connection();
        ObjectName eastSource = new ObjectName("com.dealerpool.rothco:type=sources,name=east");
        ObjectName eastPrimary = operationName("east", Operation.GET_INVENTORY_PRIMARY);
        simulator.accounts().revoke(EAST_KEY);
        RunOutcome refused = run("east", Operation.GET_INVENTORY_PRIMARY);
        assertThat(refused.status()).as("run with the revoked key").isEqualTo(RunStatus.FAILED);
        assertThat(refused.error()).as("error of the revoked key").contains("HTTP 401").contains("****1111");

        Object answer = server.invoke(eastSource, "setApiKey", new Object[] {EAST_NEW_KEY},
                new String[] {String.class.getName()});
        Object started = server.invoke(eastPrimary, "runNow", new Object[0], new String[0]);

        assertThat(String.valueOf(answer)).as("setApiKey answer").contains("****2222").doesNotContain(EAST_NEW_KEY);
        assertThat(String.valueOf(started)).as("runNow answer").contains("started");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                server.getAttribute(eastPrimary, "LastRunStatus")).as("LastRunStatus").isEqualTo("succeeded"));
        assertThat(server.getAttribute(eastSource, "ApiKeyFingerprint")).as("fingerprint").isEqualTo("****2222");
        assertThat(connector.text("SELECT api_key FROM source_api_key WHERE source_id = 'east'"))
                .as("key stored in the pool").isEqualTo(EAST_NEW_KEY);
        assertThat(connector.text("SELECT rotated_by FROM source_api_key WHERE source_id = 'east'"))
                .as("rotated by").startsWith("jmx:control@");
        assertThat(keysSent()).as("keys sent").contains(EAST_NEW_KEY).doesNotContain(WEST_KEY);
        assertThat(run("west", Operation.GET_INVENTORY_PRIMARY).status()).as("west with its own key")
                .isEqualTo(RunStatus.SUCCEEDED);
        String testConnection = String.valueOf(server.invoke(eastSource, "testConnection", new Object[0],
                new String[0]));
        assertThat(testConnection).as("Test Connection with the new key").startsWith("Connected").contains("****2222");
    }

    @Test
    void readOnlyUserCannotSetKey() throws Exception {
        MBeanServerConnection monitor = jmx.monitorConnection();
        ObjectName eastSource = new ObjectName("com.dealerpool.rothco:type=sources,name=east");

        assertThat(monitor.getAttribute(eastSource, "ApiKeyFingerprint")).as("fingerprint for the read-only user")
                .isEqualTo("****1111");
        assertThatThrownBy(() -> monitor.invoke(eastSource, "setApiKey", new Object[] {EAST_NEW_KEY},
                new String[] {String.class.getName()})).as("setApiKey by the read-only user")
                .isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> jmx.connection(JmxConnector.CONTROL, "wrong-password"))
                .as("wrong password").isInstanceOf(SecurityException.class);
        assertThat(connector.count("SELECT COUNT(*) FROM source_api_key")).as("stored keys").isZero();
    }

    @Test
    void progressShownWhileRunning() throws Exception {
        MBeanServerConnection server = jmx.connection();
        ObjectName eastPrimary = operationName("east", Operation.GET_INVENTORY_PRIMARY);
        simulator.faults().hangPage(PagedQuery.CATALOG, 2, Duration.ofSeconds(3));

        server.invoke(eastPrimary, "runNow", new Object[0], new String[0]);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                server.getAttribute(eastPrimary, "Running")).as("Running").isEqualTo(true));
        assertThat((String) server.getAttribute(eastPrimary, "Progress")).as("Progress")
                .matches("run \\d+: page \\d+ of \\d+, 0 skipped");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Application.run(CommandLine.parse("--status", "--config", folder.resolve("application.properties").toString()),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(lineOf(bytes.toString(StandardCharsets.UTF_8), "get-inventory-primary", 0))
                .as("east primary row while running").containsPattern("run \\d+ on .*: page \\d+ of \\d+");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                server.getAttribute(eastPrimary, "LastRunStatus")).as("LastRunStatus").isEqualTo("succeeded"));
        assertThat(server.getAttribute(eastPrimary, "Running")).as("Running after the run").isEqualTo(false);
        assertThat(server.getAttribute(eastPrimary, "Progress")).as("Progress after the run").isEqualTo("");
    }

    @Test
    void pauseStopsTriggerAndSurvivesInPool() throws Exception {
        MBeanServerConnection server = jmx.connection();
        ObjectName westPrimary = operationName("west", Operation.GET_INVENTORY_PRIMARY);
        TriggerKey trigger = connector.runtime().scheduleControl().triggerKey("west", Operation.GET_INVENTORY_PRIMARY)
                .orElseThrow();
        org.quartz.Scheduler scheduler = connector.context().getComponent("quartz", QuartzComponent.class).getScheduler();

        Object paused = server.invoke(westPrimary, "pauseSchedule", new Object[0], new String[0]);

        assertThat(String.valueOf(paused)).as("pauseSchedule answer").contains("paused");
        assertThat(server.getAttribute(westPrimary, "Paused")).as("Paused").isEqualTo(true);
        assertThat(scheduler.getTriggerState(trigger)).as("Quartz trigger state").isEqualTo(Trigger.TriggerState.PAUSED);
        assertThat(connector.runtime().scheduleControl().pausedAtFire("west", "get-inventory-primary"))
                .as("a fire while paused is skipped").isTrue();
        assertThat(server.getAttribute(operationName("east", Operation.GET_INVENTORY_PRIMARY), "Paused"))
                .as("east stays scheduled").isEqualTo(false);

        server.invoke(westPrimary, "resumeSchedule", new Object[0], new String[0]);

        assertThat(server.getAttribute(westPrimary, "Paused")).as("Paused after resume").isEqualTo(false);
        assertThat(scheduler.getTriggerState(trigger)).as("Quartz trigger state after resume")
                .isEqualTo(Trigger.TriggerState.NORMAL);
    }

    private RunOutcome run(String sourceId, Operation operation) {
        return connector.context().createProducerTemplate().send("direct:" + operation.routeId(sourceId),
                exchange -> exchange.setProperty(JobRuns.TRIGGER_PROPERTY, "manual")).getMessage()
                .getBody(RunOutcome.class);
    }

    private Set<String> keysSent() {
        return simulator.requestLog().recentRequests().stream()
                .map(request -> request.header(RothcoContract.API_KEY_HEADER))
                .filter(key -> key != null)
                .collect(java.util.stream.Collectors.toSet());
    }

    private static ObjectName operationName(String sourceId, Operation operation) throws Exception {
        return new ObjectName("com.dealerpool.rothco:type=operations,source=" + sourceId + ",name=" + operation.slug());
    }

    /** Returns the n-th line (0-based) of the output that starts, after indentation, with the operation slug. */
    private static String lineOf(String output, String slug, int index) {
        List<String> lines = output.lines().filter(line -> line.trim().startsWith(slug + " ")).toList();
        assertThat(lines).as("rows of " + slug).hasSizeGreaterThan(index);
        return lines.get(index);
    }
}
