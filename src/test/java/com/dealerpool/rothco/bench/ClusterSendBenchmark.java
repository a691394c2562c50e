package com.dealerpool.rothco.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.dealerpool.rothco.cluster.ClusterNodes;
import com.dealerpool.rothco.fulfillment.FulfillmentFixtures;
import com.dealerpool.rothco.primary.ConnectorHarness;
import com.dealerpool.rothco.fulfillment.FulfillmentStatus;
import com.dealerpool.rothco.pool.FulfillmentStore;
import com.dealerpool.rothco.pool.TestDatabases;
import com.dealerpool.rothco.pool.TestDatabases.PoolDatabase;
import com.dealerpool.rothco.rothco.ApiMode;
import com.dealerpool.rothco.rothco.RothcoContract;
import com.dealerpool.rothco.simulator.RothcoSimulator;
import com.dealerpool.rothco.simulator.SimulatorAccount;
import com.dealerpool.rothco.simulator.SimulatorSettings;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Benchmark of Send Fulfillment Requests in a cluster, run with {@code scripts/benchmark.sh cluster}:
 * three sources share N FRs, and 1, 2 and then 3 runtime processes send them from one PostgreSQL
 * pool (a fresh schema each time) to the simulator, which adds 50 ms of latency per request.
 *
 * <p>A source sends on one node at a time (its run guard), with {@code max-concurrent-requests}
 * order requests in flight, so the ideal rate is sources * concurrency / latency whatever the node
 * count. More nodes add CPU, not order slots. The floor is the same orders posted straight to the
 * simulator by plain HTTP clients with the same number of requests in flight, measured in the
 * same run. The rate of a cluster run counts from the first claim to the last acceptance, both
 * read from the pool, so the JVM start of the nodes is not included.
 */
public final class ClusterSendBenchmark {

    private static final List<String> SOURCES = List.of("east", "west", "north");
    private static final int CONCURRENCY = 4;
    /** FRs per source sent before the measured batch. */
    private static final int WARM_UP = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClusterSendBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = Integer.getInteger("bench.requests", 900);
        int latencyMillis = Integer.getInteger("bench.latency-ms", 50);
        double ideal = SOURCES.size() * CONCURRENCY * 1000.0 / latencyMillis;
        System.out.printf(Locale.ROOT, "Cluster send benchmark: %d FRs across %d sources, %d ms latency per request,"
                + " %d order requests in flight per source, %d cores; ideal %.0f orders/s%n", requests, SOURCES.size(),
                latencyMillis, CONCURRENCY, Runtime.getRuntime().availableProcessors(), ideal);
        List<SimulatorAccount> accounts = new ArrayList<>();
        for (int i = 0; i < SOURCES.size(); i++) {
            accounts.add(new SimulatorAccount(keyOf(i), ApiMode.SANDBOX, "RC-70000" + i, "Bench " + SOURCES.get(i),
                    Set.of()));
        }
        try (RothcoSimulator simulator = RothcoSimulator.start(SimulatorSettings.builder().variants(2000)
                .accounts(accounts).build())) {
            simulator.faults().latency(Duration.ofMillis(latencyMillis));
            List<String> skus = FulfillmentFixtures.orderableSkus(simulator, 50);
            double floor = plainHttpFloor(simulator, skus, requests);
            System.out.printf(Locale.ROOT, "floor (plain HTTP, %d requests in flight): %.1f orders/s, %.0f%% of ideal%n",
                    SOURCES.size() * CONCURRENCY, floor, 100 * floor / ideal);
            for (int quartzThreads : new int[] {10, 1}) {
                for (int nodes = 1; nodes <= 3; nodes++) {
                    simulator.orders().clear();
                    double rate = clusterRun(simulator, skus, requests, nodes, quartzThreads);
                    System.out.printf(Locale.ROOT, "%d node(s), %d Quartz thread(s) each: %.1f orders/s, %.0f%% of"
                            + " ideal, %.0f%% of floor%n", nodes, quartzThreads, rate, 100 * rate / ideal,
                            100 * rate / floor);
                }
            }
        }
    }

    private static String keyOf(int sourceIndex) {
        return "sandbox-cluster-bench-key-000" + sourceIndex;
    }

    /** Posts the orders straight to the simulator with as many requests in flight as the three sources together. */
    private static double plainHttpFloor(RothcoSimulator simulator, List<String> skus, int requests) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String mutation = "mutation CreateOrder($input: OrderInput!) { createOrder(input: $input)"
                + " { orderNumber confirmationId poNumber status } }";
        AtomicInteger next = new AtomicInteger();
        int threads = SOURCES.size() * CONCURRENCY;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    int accepted = 0;
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        Map<String, Object> input = new LinkedHashMap<>();
                        input.put("poNumber", String.format(Locale.ROOT, "FLOOR-%05d", i));
                        input.put("billingEmail", FulfillmentFixtures.BILLING_EMAIL);
                        input.put("email", "pat@example.com");
                        input.put("shipTo", Map.of("name", "Pat Doe", "address1", "1 Main St", "city", "Albany",
                                "state", "NY", "zip", "12207"));
                        input.put("lines", List.of(Map.of("sku", skus.get(i % skus.size()), "quantity", 1)));
                        String body = JSON.writeValueAsString(Map.of("query", mutation,
                                "variables", Map.of("input", input)));
                        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.sandboxUrl()))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .header(RothcoContract.API_KEY_HEADER, keyOf(i % SOURCES.size()))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200 && response.body().contains("orderNumber")) {
                            accepted++;
                        }
                    }
                    return accepted;
                }));
            }
            int accepted = 0;
            for (Future<Integer> worker : workers) {
                accepted += worker.get();
            }
            if (accepted != requests) {
                throw new IllegalStateException("The simulator accepted " + accepted + " of " + requests
                        + " floor orders; check its log");
            }
        } finally {
            pool.shutdownNow();
        }
        return requests / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Sends the FRs from {@code nodeCount} runtime processes and returns the orders placed per
     * second. A warm-up batch of {@value #WARM_UP} FRs per source goes first, so that the measured
     * batch meets nodes whose JIT compiler has seen the send path.
     */
    private static double clusterRun(RothcoSimulator simulator, List<String> skus, int requests, int nodeCount,
            int quartzThreads) throws Exception {
        Path folder = Path.of("target", "cluster-bench", nodeCount + "-nodes-" + quartzThreads + "-threads");
        try (PoolDatabase database = TestDatabases.postgres();
                ClusterNodes nodes = new ClusterNodes(folder, List.of("-Xmx256m"))) {
            // Held FRs wait until every node has started; one UPDATE per batch then releases them.
            FulfillmentStore store = new FulfillmentStore(database.dataSource());
            insertHeld(store, skus, "FR-W", WARM_UP * SOURCES.size());
            insertHeld(store, skus, "FR-M", requests);
            for (int n = 1; n <= nodeCount; n++) {
                nodes.start("bench-node-" + n, nodeSettings(database, simulator, "bench-node-" + n, quartzThreads));
            }
            waitFor(database, "SELECT COUNT(*) FROM qrtz_scheduler_state", nodeCount, Duration.ofMinutes(2), nodes);
            execute(database, "UPDATE fulfillment_request SET status = 'new', hold_reason = NULL"
                    + " WHERE fr_number LIKE 'FR-W%'");
            waitFor(database, "SELECT COUNT(*) FROM fulfillment_request WHERE status = 'acknowledged'",
                    WARM_UP * SOURCES.size(), Duration.ofMinutes(2), nodes);
            execute(database, "UPDATE fulfillment_request SET status = 'new', hold_reason = NULL"
                    + " WHERE fr_number LIKE 'FR-M%'");
            waitFor(database, "SELECT COUNT(*) FROM fulfillment_request WHERE status = 'acknowledged'"
                    + " AND fr_number LIKE 'FR-M%'", requests, Duration.ofMinutes(5), nodes);

            OffsetDateTime firstClaim = time(database, "SELECT MIN(h.changed_at) FROM fulfillment_request_status h"
                    + " JOIN fulfillment_request fr ON fr.id = h.request_id"
                    + " WHERE h.to_status = 'sending' AND fr.fr_number LIKE 'FR-M%'");
            OffsetDateTime lastSent = time(database, "SELECT MAX(sent_at) FROM fulfillment_request"
                    + " WHERE fr_number LIKE 'FR-M%'");
            double seconds = Duration.between(firstClaim, lastSent).toMillis() / 1000.0;
            System.out.printf(Locale.ROOT, "%d node(s): %d FRs acknowledged in %.1f s (first claim to last"
                    + " acceptance), %d orders at the simulator, FRs claimed per node and source: %s%n", nodeCount,
                    requests, seconds, simulator.orders().orders().size() - WARM_UP * SOURCES.size(),
                    claimsPerNode(database));
            return requests / seconds;
        }
    }

    private static void insertHeld(FulfillmentStore store, List<String> skus, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            String source = SOURCES.get(i % SOURCES.size());
            store.insert(FulfillmentFixtures.request(String.format(Locale.ROOT, "%s%05d", prefix, i), source,
                    skus.get(i % skus.size())), FulfillmentStatus.HELD, "waits for the benchmark to start", "bench");
        }
    }

    private static Map<String, String> nodeSettings(PoolDatabase database, RothcoSimulator simulator, String nodeId,
            int quartzThreads) {
        Map<String, String> settings = ClusterNodes.baseSettings(database, nodeId);
        settings.put("camel.component.http.response-timeout", "30000");
        settings.put("rothco.sources", String.join(",", SOURCES));
        for (int i = 0; i < SOURCES.size(); i++) {
            String prefix = "rothco.sources." + SOURCES.get(i) + ".";
            settings.put(prefix + "api-key", keyOf(i));
            settings.put(prefix + "url", simulator.sandboxUrl());
            ConnectorHarness.putShipping(settings, SOURCES.get(i));
            settings.put(prefix + "test-connection-at-startup", "false");
            settings.put(prefix + "max-concurrent-requests", String.valueOf(CONCURRENCY));
            settings.put(prefix + "max-requests-per-second", "10000");
            settings.put(prefix + "get-inventory-primary.enabled", "false");
            settings.put(prefix + "get-inventory-secondary.enabled", "false");
            settings.put(prefix + "send-fulfillment-requests.enabled", "true");
            settings.put(prefix + "send-fulfillment-requests.schedule", "0/2 * * * * ?");
            settings.put(prefix + "send-fulfillment-requests.billing-email", FulfillmentFixtures.BILLING_EMAIL);
            settings.put(prefix + "send-fulfillment-requests.batch-size", "50");
        }
        settings.put("cluster.heartbeat-seconds", "2");
        settings.put("cluster.stale-after-seconds", "20");
        settings.put("cluster.quartz.checkin-interval-ms", "2000");
        settings.put("cluster.quartz.thread-count", String.valueOf(quartzThreads));
        return settings;
    }

    private static void waitFor(PoolDatabase database, String sql, long expected, Duration timeout, ClusterNodes nodes)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long value = count(database, sql);
        while (value != expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(sql + " returned " + value + " instead of " + expected + " after "
                        + timeout.toSeconds() + " s" + nodes.logTails(30));
            }
            Thread.sleep(200);
            value = count(database, sql);
        }
    }

    /** Returns how many FRs each node claimed per source; a claim's owner is {@code <node id>#<run id>}. */
    private static String claimsPerNode(PoolDatabase database) throws SQLException {
        String sql = "SELECT split_part(h.changed_by, '#', 1) AS node, h.source_id, COUNT(*) FROM fulfillment_request_status"
                + " h JOIN fulfillment_request fr ON fr.id = h.request_id WHERE h.to_status = 'sending'"
                + " AND fr.fr_number LIKE 'FR-M%' GROUP BY 1, 2 ORDER BY 1, 2";
        List<String> parts = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                parts.add(rows.getString(1) + "/" + rows.getString(2) + " " + rows.getLong(3));
            }
        }
        return String.join(", ", parts);
    }

    private static long count(PoolDatabase database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static OffsetDateTime time(PoolDatabase database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getObject(1, OffsetDateTime.class);
        }
    }

    private static void execute(PoolDatabase database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
