package com.dealerpool.rothco.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dealerpool.rothco.fulfillment.FulfillmentFixtures;
import com.dealerpool.rothco.primary.ConnectorHarness;
import com.dealerpool.rothco.fulfillment.FulfillmentStatus;
import com.dealerpool.rothco.pool.FulfillmentStore;
import com.dealerpool.rothco.pool.TestDatabases;
import com.dealerpool.rothco.pool.TestDatabases.PoolDatabase;
import com.dealerpool.rothco.simulator.PlacedOrder;
import com.dealerpool.rothco.simulator.RothcoSimulator;

/**
 * Three runtimes as separate JVM processes on one PostgreSQL pool and one simulator, with
 * schedules every few seconds. The test checks that every scheduled firing runs on exactly one
 * node. A node killed with SIGKILL during a Primary run must leave a consistent pool, and the
 * next firing must complete on another node. A node killed while it sends 500 FRs must leave
 * exactly one Rothco order per FR. PostgreSQL is required in {@code .ci/run}; elsewhere the test
 * is skipped without it.
 */
class ClusterProcessesTest {

    private static final String PRIMARY_SOURCE = "alpha";
    private static final String SEND_SOURCE = "bravo";
    private static final int REQUESTS = 500;
    private static final Duration NODE_START = Duration.ofSeconds(90);

    private PoolDatabase database;
    private RothcoSimulator simulator;
    private ClusterNodes nodes;

    @BeforeEach
    void startCluster() throws Exception {
        database = TestDatabases.postgres();
        simulator = FulfillmentFixtures.simulator();
        // Quick-start JVM options, because three JVMs start at once on a small machine.
        nodes = new ClusterNodes(Path.of("target", "cluster-test"),
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        for (String nodeId : List.of("node-1", "node-2", "node-3")) {
            nodes.start(nodeId, nodeSettings(nodeId));
        }
        try {
            // Each node's Quartz scheduler checks in once it started.
            Awaitility.await("three Quartz schedulers checked in").atMost(NODE_START).pollInterval(Duration.ofMillis(500))
                    .until(() -> count("SELECT COUNT(*) FROM qrtz_scheduler_state") == 3);
        } catch (RuntimeException | Error e) {
            throw new AssertionError("The nodes did not start:" + nodes.logTails(40), e);
        }
    }

    @AfterEach
    void stopCluster() {
        if (nodes != null) {
            nodes.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /**
     * Settings of one node. Source alpha imports its catalog every 8 s in pages of 5 product lines,
     * one page at a time. Source bravo sends FRs every 3 s with leases of one minute. Heartbeats
     * go out every second, and a run is stale after 4 s without one.
     */
    private Map<String, String> nodeSettings(String nodeId) {
        Map<String, String> settings = ClusterNodes.baseSettings(database, nodeId);
        settings.put("camel.component.http.connect-timeout", "2000");
        settings.put("camel.component.http.response-timeout", "10000");
        settings.put("camel.component.http.so-timeout", "10000");
        settings.put("rothco.retry.max-redeliveries", "2");
        settings.put("rothco.retry.delay-ms", "10");
        settings.put("rothco.retry.max-delay-ms", "50");
        settings.put("rothco.sources", PRIMARY_SOURCE + "," + SEND_SOURCE);

        String alpha = "rothco.sources." + PRIMARY_SOURCE + ".";
        settings.put(alpha + "api-key", FulfillmentFixtures.KEY);
        settings.put(alpha + "url", simulator.sandboxUrl());
        ConnectorHarness.putShipping(settings, PRIMARY_SOURCE);
        settings.put(alpha + "test-connection-at-startup", "false");
        settings.put(alpha + "max-concurrent-requests", "1");
        settings.put(alpha + "max-requests-per-second", "1000");
        settings.put(alpha + "get-inventory-primary.schedule", "0/8 * * * * ?");
        settings.put(alpha + "get-inventory-primary.run-at-startup", "false");
        settings.put(alpha + "get-inventory-primary.page-size", "5");
        settings.put(alpha + "get-inventory-secondary.enabled", "false");

        String bravo = "rothco.sources." + SEND_SOURCE + ".";
        settings.put(bravo + "api-key", FulfillmentFixtures.SECOND_KEY);
        settings.put(bravo + "url", simulator.sandboxUrl());
        ConnectorHarness.putShipping(settings, SEND_SOURCE);
        settings.put(bravo + "test-connection-at-startup", "false");
        settings.put(bravo + "max-concurrent-requests", "4");
        settings.put(bravo + "max-requests-per-second", "1000");
        settings.put(bravo + "get-inventory-primary.enabled", "false");
        settings.put(bravo + "get-inventory-secondary.enabled", "false");
        settings.put(bravo + "send-fulfillment-requests.enabled", "true");
        settings.put(bravo + "send-fulfillment-requests.schedule", "0/3 * * * * ?");
        settings.put(bravo + "send-fulfillment-requests.billing-email", FulfillmentFixtures.BILLING_EMAIL);
        settings.put(bravo + "send-fulfillment-requests.batch-size", "25");
        settings.put(bravo + "send-fulfillment-requests.lease-minutes", "1");
        settings.put(bravo + "send-fulfillment-requests.unknown-retry-seconds", "0");

        settings.put("pool.datasource.maximum-pool-size", "6");
        settings.put("cluster.heartbeat-seconds", "1");
        settings.put("cluster.stale-after-seconds", "4");
        settings.put("cluster.quartz.checkin-interval-ms", "1000");
        settings.put("cluster.quartz.misfire-threshold-ms", "2000");
        return settings;
    }

    @Test
    void clusterSurvivesKilledNodes() throws Exception {
        try {
            killDuringPrimary();
            killWhileSending();
            assertEachFiringRanOnce();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + System.lineSeparator() + "Job runs:" + System.lineSeparator()
                    + jobRuns() + nodes.logTails(60), e);
        }
    }

    /** Kills the node running a Primary import after its first pages and checks the pool and the next firing. */
    private void killDuringPrimary() throws Exception {
        simulator.faults().latency(Duration.ofMillis(300));
        Awaitility.await("a Primary run of alpha with pages written").atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> count("SELECT COUNT(*) FROM job_run WHERE source_id = ? AND operation ="
                        + " 'get-inventory-primary' AND status = 'running' AND pages_done >= 2", PRIMARY_SOURCE) == 1);
        long killedRun = count("SELECT id FROM job_run WHERE source_id = ? AND operation = 'get-inventory-primary'"
                + " AND status = 'running'", PRIMARY_SOURCE);
        String killedNode = text("SELECT node_name FROM job_run WHERE id = ?", killedRun);
        nodes.kill(killedNode);

        Awaitility.await("run " + killedRun + " marked failed by the sweeper").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> "failed".equals(text("SELECT status FROM job_run WHERE id = ?", killedRun)));
        assertThat(text("SELECT error_message FROM job_run WHERE id = ?", killedRun))
                .as("reason of the killed run").contains("Node " + killedNode + " stopped sending heartbeats");
        assertThat(count("SELECT variants_archived FROM job_run WHERE id = ?", killedRun))
                .as("variants archived by the killed run").isZero();
        assertPoolConsistent();

        Awaitility.await("a later Primary run of alpha succeeded on another node").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> count("SELECT COUNT(*) FROM job_run WHERE source_id = ? AND operation ="
                        + " 'get-inventory-primary' AND status = 'succeeded' AND id > ?", PRIMARY_SOURCE, killedRun) >= 1);
        long nextRun = count("SELECT MIN(id) FROM job_run WHERE source_id = ? AND operation = 'get-inventory-primary'"
                + " AND status = 'succeeded' AND id > ?", PRIMARY_SOURCE, killedRun);
        assertThat(text("SELECT node_name FROM job_run WHERE id = ?", nextRun)).as("node of run " + nextRun)
                .isNotEqualTo(killedNode);
        assertThat(text("SELECT trigger FROM job_run WHERE id = ?", nextRun)).as("trigger of run " + nextRun)
                .isEqualTo("schedule");
        long written = count("SELECT variants_created + variants_updated + variants_unchanged FROM job_run WHERE id = ?",
                nextRun);
        assertThat(count("SELECT COUNT(*) FROM variant WHERE source_id = ?", PRIMARY_SOURCE))
                .as("variants of alpha after run " + nextRun).isEqualTo(written).isPositive();
        assertThat(count("SELECT COUNT(*) FROM variant WHERE archived")).as("archived variants").isZero();
        assertPoolConsistent();
    }

    /** Kills the node sending FRs of bravo once some are sent, then waits until every FR placed one order. */
    private void killWhileSending() throws Exception {
        simulator.faults().latency(Duration.ofMillis(100));
        FulfillmentStore store = new FulfillmentStore(database.dataSource());
        List<String> skus = FulfillmentFixtures.orderableSkus(simulator, 20);
        for (int i = 1; i <= REQUESTS; i++) {
            store.insert(FulfillmentFixtures.request(String.format("FR-C%05d", i), SEND_SOURCE,
                    skus.get(i % skus.size())), FulfillmentStatus.NEW, null, "test");
        }

        Awaitility.await("a send run of bravo with FRs acknowledged").atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> count("SELECT COUNT(*) FROM fulfillment_request WHERE status = 'acknowledged'") >= 40
                        && count("SELECT COUNT(*) FROM fulfillment_request WHERE status = 'sending'") > 0
                        && count("SELECT COUNT(*) FROM job_run WHERE source_id = ? AND operation ="
                                + " 'send-fulfillment-requests' AND status = 'running'", SEND_SOURCE) == 1);
        long killedRun = count("SELECT id FROM job_run WHERE source_id = ? AND operation = 'send-fulfillment-requests'"
                + " AND status = 'running'", SEND_SOURCE);
        String killedNode = text("SELECT node_name FROM job_run WHERE id = ?", killedRun);
        nodes.kill(killedNode);
        long inFlightAtKill = count("SELECT COUNT(*) FROM fulfillment_request WHERE status = 'sending'");

        // FRs the killed node claimed stay sending until their one-minute lease ends. Then a live
        // node claims them, looks their PO up first and records the order it finds.
        Awaitility.await("all " + REQUESTS + " FRs acknowledged").atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> count("SELECT COUNT(*) FROM fulfillment_request WHERE status = 'acknowledged'")
                        == REQUESTS);

        assertThat(text("SELECT status FROM job_run WHERE id = ?", killedRun)).as("status of the killed send run")
                .isEqualTo("failed");
        assertThat(inFlightAtKill).as("FRs sending when the node was killed").isPositive();
        assertThat(count("SELECT COUNT(*) FROM fulfillment_request WHERE status IN ('new', 'sending', 'unknown')"))
                .as("FRs left new, sending or unknown").isZero();
        Map<String, Integer> ordersPerPo = new HashMap<>();
        for (PlacedOrder order : simulator.orders().orders()) {
            ordersPerPo.merge(order.poNumber(), 1, Integer::sum);
        }
        assertThat(ordersPerPo).as("POs with an order at Rothco").hasSize(REQUESTS);
        assertThat(ordersPerPo.values()).as("orders per PO").containsOnly(1);
        assertThat(simulator.orders().duplicateAttempts()).as("createOrder sent again for a placed PO").isZero();
        assertThat(count("SELECT COUNT(*) FROM fulfillment_request_status WHERE to_status = 'sending'"
                + " AND note = 'claimed after the lease of another runtime ran out'"))
                .as("FRs taken over after the killed node's lease ran out").isPositive();
    }

    /** Checks that every scheduled fire time of a source and operation appears in exactly one job run. */
    private void assertEachFiringRanOnce() throws SQLException {
        List<String> repeated = rows("SELECT source_id, operation, scheduled_fire_at, COUNT(*) FROM job_run"
                + " WHERE trigger = 'schedule' GROUP BY source_id, operation, scheduled_fire_at HAVING COUNT(*) > 1");
        assertThat(repeated).as("scheduled firings that started more than one run").isEmpty();
        assertThat(count("SELECT COUNT(*) FROM job_run WHERE trigger = 'schedule' AND scheduled_fire_at IS NULL"))
                .as("scheduled runs without a fire time").isZero();
        assertThat(count("SELECT COUNT(*) FROM job_run WHERE trigger = 'schedule' AND operation = 'get-inventory-primary'"))
                .as("scheduled Primary runs").isGreaterThanOrEqualTo(2);
        assertThat(count("SELECT COUNT(DISTINCT node_name) FROM job_run WHERE trigger = 'schedule'"))
                .as("nodes that ran scheduled runs").isGreaterThanOrEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM job_run WHERE status = 'running' AND heartbeat_at < ?",
                java.time.OffsetDateTime.now().minusSeconds(10))).as("runs left running without a heartbeat").isZero();
    }

    /** Checks that no variant lacks its product line and no product line lacks variants, because pages are written whole. */
    private void assertPoolConsistent() throws SQLException {
        assertThat(count("SELECT COUNT(*) FROM variant v WHERE v.parent_sku IS NOT NULL AND NOT EXISTS (SELECT 1 FROM"
                + " parent_product p WHERE p.parent_sku = v.parent_sku AND p.source_id = v.source_id)"))
                .as("variants whose product line is missing").isZero();
        assertThat(count("SELECT COUNT(*) FROM parent_product p WHERE NOT EXISTS (SELECT 1 FROM variant v"
                + " WHERE v.parent_sku = p.parent_sku AND v.source_id = p.source_id)"))
                .as("product lines without variants").isZero();
    }

    private long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : -1;
        }
    }

    private String text(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private List<String> rows(String sql, Object... parameters) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(rows.getString(i));
                }
                result.add(String.join(" | ", values));
            }
        }
        return result;
    }

    private String jobRuns() {
        try {
            return String.join(System.lineSeparator(), rows("SELECT id, source_id, operation, trigger, status,"
                    + " node_name, scheduled_fire_at, started_at, ended_at, error_message FROM job_run ORDER BY id"));
        } catch (SQLException e) {
            return "(cannot read job_run: " + e.getMessage() + ")";
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
