package com.dealerpool.rothco.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.job.RunOutcome;
import com.dealerpool.rothco.job.RunStatus;
import com.dealerpool.rothco.primary.ConnectorHarness;
import com.dealerpool.rothco.primary.LogCapture;
import com.dealerpool.rothco.rothco.ApiMode;
import com.dealerpool.rothco.simulator.RothcoSimulator;
import com.dealerpool.rothco.simulator.SimulatorAccount;
import com.dealerpool.rothco.simulator.SimulatorSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The management server of a real runtime over HTTP: Prometheus metrics after a real run, and
 * readiness that follows the pool database and the Rothco endpoint.
 */
class ManagementEndpointsTest {

    private static final String KEY = "sandbox-metrics-key-5c3a";
    private static final Map<String, String> PRIMARY = Map.of("source", "dealer", "operation", "get-inventory-primary");

    @TempDir
    Path folder;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private RothcoSimulator simulator;
    private ConnectorHarness connector;
    private int port;

    @BeforeEach
    void startSimulator() {
        simulator = RothcoSimulator.start(SimulatorSettings.builder()
                .port(0)
                .seed(11)
                .variants(300)
                .accounts(List.of(new SimulatorAccount(KEY, ApiMode.SANDBOX, "RC-500005", "Metric Outfitters", Set.of())))
                .build());
    }

    @AfterEach
    void stopAll() {
        if (connector != null) {
            connector.close();
        }
        simulator.close();
    }

    @Test
    void metricsAfterPrimaryRun() throws Exception {
        start(ConnectorHarness.defaultSettings(folder, simulator, KEY));
        RunOutcome outcome = connector.runPrimary();
        assertThat(outcome.status()).as("status; %s", outcome.summary()).isEqualTo(RunStatus.SUCCEEDED);
        RunOutcome shipments = connector.run(Operation.GET_SHIPMENTS);
        assertThat(shipments.status()).as("shipments status; %s", shipments.summary()).isEqualTo(RunStatus.SUCCEEDED);

        HttpResponse<String> response = get("/observe/metrics");
        assertThat(response.statusCode()).as("HTTP status; body %s", response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).as("content type").hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        PrometheusText metrics = PrometheusText.parse(response.body());

        Map<String, String> succeeded = Map.of("source", "dealer", "operation", "get-inventory-primary",
                "status", "succeeded");
        assertThat(metrics.type("rothco_runs_total")).as("type of rothco_runs_total").hasValue("counter");
        assertThat(metrics.value("rothco_runs_total", succeeded)).as("runs").hasValue(1.0);
        assertThat(metrics.value("rothco_run_duration_seconds_count", succeeded)).as("timed runs").hasValue(1.0);
        assertThat(metrics.value("rothco_run_duration_seconds_sum", succeeded)).as("run seconds")
                .hasValueSatisfying(seconds -> assertThat(seconds).isPositive());
        assertThat(metrics.value("rothco_variants_written_total", with(PRIMARY, "change", "created")))
                .as("variants created").hasValue((double) outcome.totals().variantsCreated());
        assertThat(outcome.totals().variantsCreated()).as("variants created by the run").isPositive();
        assertThat(metrics.value("rothco_pages_skipped_total", PRIMARY)).as("pages skipped").hasValue(0.0);
        assertThat(metrics.value("rothco_runs_total", Map.of("source", "dealer", "operation", "get-shipments",
                "status", "succeeded"))).as("shipment runs").hasValue(1.0);
        assertThat(metrics.named("rothco_variants_written_total").stream()
                .filter(sample -> "get-shipments".equals(sample.labels().get("operation"))).toList())
                .as("variant series of an operation that writes no variants").isEmpty();
        assertThat(metrics.value("rothco_fulfillment_requests", Map.of("source", "dealer", "status", "new")))
                .as("new FRs").hasValue(0.0);

        double pageExchanges = metrics.named("camel_exchanges_total").stream()
                .filter(sample -> "rothco-dealer-catalog-page".equals(sample.labels().get("routeId")))
                .mapToDouble(PrometheusText.Sample::value)
                .sum();
        assertThat(pageExchanges).as("catalog page exchanges in Camel's route meters")
                .isEqualTo(outcome.totals().pagesDone());
        assertThat(metrics.named("camel_route_policy_seconds_count").stream()
                .anyMatch(sample -> "rothco-dealer-get-inventory-primary".equals(sample.labels().get("routeId"))))
                .as("route timing of the operation route in %s", metrics.named("camel_route_policy_seconds_count"))
                .isTrue();
    }

    @Test
    void failedRunCountedWithoutMeterConflict() throws Exception {
        var settings = ConnectorHarness.defaultSettings(folder, simulator, "sandbox-unknown-key-0042");
        String log;
        RunOutcome outcome;
        try (LogCapture capture = new LogCapture("%level|%c|%msg%n")) {
            start(settings);
            outcome = connector.runPrimary();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(capture.text())
                    .as("notification").contains("WARN|com.dealerpool.rothco.notifications|"));
            log = capture.text();
        }
        assertThat(outcome.status()).as("status; %s", outcome.summary()).isEqualTo(RunStatus.FAILED);

        PrometheusText metrics = PrometheusText.parse(get("/observe/metrics").body());

        assertThat(metrics.value("rothco_runs_total", with(PRIMARY, "status", "failed"))).as("failed runs")
                .hasValue(1.0);
        assertThat(metrics.value("rothco_runs_total", with(PRIMARY, "status", "succeeded"))).as("succeeded runs")
                .isEmpty();
        assertThat(log).as("meter registrations Prometheus refused").doesNotContain("registration has failed");
    }

    @Test
    void readinessDownWhenSimulatorStops() throws Exception {
        var settings = ConnectorHarness.defaultSettings(folder, simulator, KEY);
        settings.put("rothco.health.connection-check-seconds", "1");
        start(settings);

        JsonNode ready = readiness(200);
        assertThat(ready.path("status").asText()).as("readiness while Rothco answers: %s", ready).isEqualTo("UP");
        assertThat(check(ready, "pool-database").path("status").asText()).as("pool check").isEqualTo("UP");
        assertThat(check(ready, "rothco-dealer").path("status").asText()).as("Rothco check").isEqualTo("UP");

        simulator.close();
        Thread.sleep(1_100);

        JsonNode down = readiness(503);
        assertThat(down.path("status").asText()).as("readiness after the simulator stopped: %s", down)
                .isEqualTo("DOWN");
        JsonNode rothco = check(down, "rothco-dealer");
        assertThat(rothco.path("status").asText()).as("Rothco check").isEqualTo("DOWN");
        assertThat(rothco.path("message").asText()).as("Rothco check message").contains("Test Connection of dealer");
        assertThat(check(down, "pool-database").path("status").asText()).as("pool check").isEqualTo("UP");
        assertThat(get("/observe/health/live").statusCode()).as("liveness").isEqualTo(200);
    }

    @Test
    void readinessDownWhenDatabaseStops() throws Exception {
        Server database = Server.createTcpServer("-tcpPort", "0", "-baseDir", folder.toString(), "-ifNotExists")
                .start();
        try {
            var settings = ConnectorHarness.defaultSettings(folder, simulator, KEY);
            settings.put("pool.datasource.url", "jdbc:h2:tcp://127.0.0.1:" + database.getPort() + "/pool");
            start(settings);
            assertThat(check(readiness(200), "pool-database").path("status").asText()).as("pool check")
                    .isEqualTo("UP");

            database.stop();

            JsonNode down = readiness(503);
            JsonNode pool = check(down, "pool-database");
            assertThat(pool.path("status").asText()).as("pool check: %s", down).isEqualTo("DOWN");
            assertThat(pool.path("message").asText()).as("pool check message").contains("pool.datasource.url");
        } finally {
            database.stop();
        }
    }

    private void start(Map<String, String> settings) throws IOException {
        port = ConnectorHarness.enableManagement(settings);
        connector = ConnectorHarness.start(folder, settings);
    }

    private JsonNode readiness(int expectedStatus) throws Exception {
        HttpResponse<String> response = get("/observe/health/ready");
        assertThat(response.statusCode()).as("readiness HTTP status; body %s", response.body())
                .isEqualTo(expectedStatus);
        return new ObjectMapper().readTree(response.body());
    }

    private static JsonNode check(JsonNode health, String id) {
        for (JsonNode check : health.path("checks")) {
            if (id.equals(check.path("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("No health check " + id + " in " + health);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        var copy = new java.util.HashMap<>(labels);
        copy.put(name, value);
        return copy;
    }
}
