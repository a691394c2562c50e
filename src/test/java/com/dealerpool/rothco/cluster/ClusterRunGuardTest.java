package com.dealerpool.rothco.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.job.RunOutcome;
import com.dealerpool.rothco.pool.JobLog;
import com.dealerpool.rothco.pool.RunGuards;
import com.dealerpool.rothco.pool.RunRecord;
import com.dealerpool.rothco.pool.TestDatabases;
import com.dealerpool.rothco.pool.TestDatabases.PoolDatabase;
import com.dealerpool.rothco.primary.ConnectorHarness;
import com.dealerpool.rothco.simulator.RothcoSimulator;
import com.dealerpool.rothco.simulator.SimulatorAccount;
import com.dealerpool.rothco.simulator.SimulatorSettings;

/**
 * One clustered runtime on a PostgreSQL pool, with another node's runs written straight into
 * the pool's job log and run guards. Manual runs wait for the other node, and the JMX result
 * names it. The sweeper ends the runs of a node that stopped sending heartbeats.
 */
class ClusterRunGuardTest {

    private static final String SOURCE = ConnectorHarness.SOURCE;
    private static final String PRIMARY = Operation.GET_INVENTORY_PRIMARY.slug();

    @TempDir
    Path folder;

    private PoolDatabase database;
    private RothcoSimulator simulator;
    private ConnectorHarness connector;

    @BeforeEach
    void start() throws Exception {
        database = TestDatabases.postgres();
        simulator = RothcoSimulator.start(SimulatorSettings.builder().variants(300).build());
        Map<String, String> settings = ConnectorHarness.defaultSettings(folder, simulator,
                SimulatorAccount.DEMO_SANDBOX_KEY);
        settings.put("pool.datasource.url", database.settings().url());
        settings.put("pool.datasource.user", database.settings().user());
        settings.put("cluster.enabled", "true");
        settings.put("cluster.node-id", "node-a");
        settings.put("cluster.heartbeat-seconds", "1");
        settings.put("cluster.stale-after-seconds", "3");
        // Pages of 5 product lines, one at a time, so that simulator latency stretches a run.
        settings.put("rothco.sources.dealer.max-concurrent-requests", "1");
        settings.put("rothco.sources.dealer.get-inventory-primary.page-size", "5");
        connector = ConnectorHarness.start(folder, settings);
    }

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** Records a run of node-b in the job log and gives it the guard, as node-b's runtime would. */
    private long runOnOtherNode(Instant heartbeat) {
        long runId = new JobLog(database.dataSource(), "node-b").startRun(SOURCE, PRIMARY, "schedule");
        RunGuards guards = new RunGuards(database.dataSource());
        assertThat(guards.acquire(SOURCE, PRIMARY, runId, "node-b", heartbeat, heartbeat.plusSeconds(3)))
                .as("holder when node-b's run starts").isEmpty();
        return runId;
    }

    @Test
    void manualRunWaitsForOtherNode() throws Exception {
        long otherRun = runOnOtherNode(Instant.now().plusSeconds(60));

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName primary = new ObjectName("com.dealerpool.rothco:type=operations,source=" + SOURCE + ",name="
                + PRIMARY);
        Object answer = server.invoke(primary, "runNow", new Object[0], new String[0]);
        assertThat(answer).as("JMX answer of runNow").asString()
                .startsWith("Not started: run " + otherRun + " on node node-b");

        RunOutcome outcome = connector.runPrimary();
        assertThat(outcome).as("outcome of a manual run while node-b runs").isNull();
        RunRecord skipped = connector.jobLog().lastRun(SOURCE, PRIMARY).orElseThrow();
        assertThat(skipped.status()).as("status of the manual start").isEqualTo("skipped");
        assertThat(skipped.nodeName()).as("node of the manual start").isEqualTo("node-a");
        assertThat(skipped.summary()).as("summary of the manual start").contains("run " + otherRun + " on node node-b");

        new RunGuards(database.dataSource()).release(SOURCE, PRIMARY, otherRun);
        RunOutcome after = connector.runPrimary();
        assertThat(after).as("outcome once node-b's run ended").isNotNull();
        assertThat(after.status().value()).as("status once node-b's run ended").isEqualTo("succeeded");
        assertThat(new RunGuards(database.dataSource()).holder(SOURCE, PRIMARY)).as("guard after the run")
                .isEmpty();
    }

    @Test
    void sweeperEndsRunOfSilentNode() {
        long otherRun = runOnOtherNode(Instant.now());

        Awaitility.await("run " + otherRun + " of the silent node marked failed").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> "failed".equals(connector.jobLog().findRun(otherRun).orElseThrow().status()));

        assertThat(connector.jobLog().findRun(otherRun).orElseThrow().errorMessage()).as("reason")
                .contains("Node node-b stopped sending heartbeats");
        assertThat(new RunGuards(database.dataSource()).holder(SOURCE, PRIMARY)).as("guard of the failed run")
                .isEmpty();
        RunOutcome next = connector.runPrimary();
        assertThat(next.status().value()).as("status of the next manual run").isEqualTo("succeeded");
    }

    @Test
    void longRunKeepsGuardByHeartbeats() throws Exception {
        simulator.faults().latency(Duration.ofMillis(500));
        var running = java.util.concurrent.CompletableFuture.supplyAsync(connector::runPrimary);
        Awaitility.await("Primary run started").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> new RunGuards(database.dataSource()).holder(SOURCE, PRIMARY).isPresent());
        long runId = new RunGuards(database.dataSource()).holder(SOURCE, PRIMARY).orElseThrow().runId();

        // The run lasts longer than the 3 s after which a run without heartbeats is stale.
        RunOutcome outcome = running.get(60, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(outcome.runId()).as("run id").isEqualTo(runId);
        assertThat(outcome.status().value()).as("status of a run longer than the stale age").isEqualTo("succeeded");
        assertThat(Duration.between(outcome.startedAt(), outcome.endedAt())).as("duration of the run")
                .isGreaterThan(Duration.ofSeconds(4));
    }

    @Test
    void runAbortsWhenGuardTakenOver() throws Exception {
        simulator.faults().latency(Duration.ofMillis(500));
        var running = java.util.concurrent.CompletableFuture.supplyAsync(connector::runPrimary);
        RunGuards guards = new RunGuards(database.dataSource());
        Awaitility.await("Primary run started").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> guards.holder(SOURCE, PRIMARY).isPresent());
        long runId = guards.holder(SOURCE, PRIMARY).orElseThrow().runId();

        // As if the run's lease had run out during a pool outage and node-b had taken the guard.
        guards.release(SOURCE, PRIMARY, runId);
        long otherRun = runOnOtherNode(Instant.now().plusSeconds(60));
        RunOutcome outcome = running.get(60, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(outcome.status().value()).as("status of the run that lost its guard").isEqualTo("failed");
        assertThat(outcome.error()).as("error of the run that lost its guard").contains("run guard lost");
        assertThat(guards.holder(SOURCE, PRIMARY).orElseThrow().runId()).as("run holding the guard afterwards")
                .isEqualTo(otherRun);
    }
}
