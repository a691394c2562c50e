package com.dealerpool.rothco.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorFaultsTest {

    private static RothcoSimulator simulator;
    private static SimulatorClient client;

    @BeforeAll
    static void startSimulator() {
        simulator = RothcoSimulator.start(SimulatorSettings.builder().variants(2_000).build());
        client = new SimulatorClient(simulator);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @AfterEach
    void clearFaults() {
        simulator.faults().clear();
        simulator.requestLog().reset();
    }

    @Test
    void serverErrorRecoversAfterAttempts() throws Exception {
        simulator.faults().failPage(PagedQuery.CATALOG, 2, 2);

        HttpResponse<String> first = client.catalogPage(2, 100);
        HttpResponse<String> second = client.catalogPage(2, 100);
        HttpResponse<String> third = client.catalogPage(2, 100);

        assertThat(first.statusCode()).as("attempt 1").isEqualTo(500);
        assertThat(SimulatorClient.errorCode(first)).isEqualTo("INTERNAL");
        assertThat(second.statusCode()).as("attempt 2").isEqualTo(500);
        assertThat(third.statusCode()).as("attempt 3").isEqualTo(200);
        assertThat(simulator.requestLog().pageRequests(PagedQuery.CATALOG, 2)).isEqualTo(3);
    }

    @Test
    void serverErrorOnlyOnChosenPage() throws Exception {
        simulator.faults().failPageAlways(PagedQuery.CATALOG, 2);

        assertThat(client.catalogPage(1, 100).statusCode()).as("page 1").isEqualTo(200);
        assertThat(client.inventoryPage(2, 100).statusCode()).as("inventory page 2").isEqualTo(200);
    }

    @Test
    void serverErrorAlwaysNeverRecovers() throws Exception {
        simulator.faults().failPageAlways(PagedQuery.INVENTORY, 1);

        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(client.inventoryPage(1, 100).statusCode()).as("attempt %d", attempt).isEqualTo(500);
        }
    }

    @Test
    void malformedJsonOnChosenPage() throws Exception {
        simulator.faults().malformJsonOnPage(PagedQuery.CATALOG, 3);

        HttpResponse<String> response = client.catalogPage(3, 100);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> SimulatorClient.json(response)).isInstanceOf(JsonProcessingException.class);
        assertThat(SimulatorClient.json(client.catalogPage(2, 100)).path("data").isObject()).as("page 2").isTrue();
    }

    @Test
    void badRecordsOnCatalogPage() throws Exception {
        simulator.faults().corruptRecordsOnPage(PagedQuery.CATALOG, 1);
        List<SimulatedProductLine> clean = simulator.snapshotFor(SimulatorAccount.DEMO_SANDBOX_KEY).catalogPage(1, 100);

        JsonNode lines = SimulatorClient.json(client.catalogPage(1, 100)).path("data").path("catalog")
                .path("productLines");

        assertThat(lines.path(0).path("name").asText()).hasSize(BadRecordInjector.LONG_NAME_LENGTH);
        assertThat(lines.path(1).path("variants").path(0).path("sku").isNull()).as("null SKU").isTrue();
        assertThat(lines.path(2).path("variants").path(0).path("quantity").asText()).isEqualTo("lots");
        assertThat(lines.path(3).path("variants").path(0).path("specifications").size()).isEqualTo(11);
        assertThat(lines.path(4).path("name").asText()).as("untouched line").isEqualTo(clean.get(4).name());
        assertThat(lines.size()).isEqualTo(clean.size());
    }

    @Test
    void badRecordsOnInventoryPage() throws Exception {
        simulator.faults().corruptRecordsOnPage(PagedQuery.INVENTORY, 1);

        JsonNode items = SimulatorClient.json(client.inventoryPage(1, 50)).path("data").path("inventory")
                .path("items");

        assertThat(items.path(0).path("sku").isNull()).as("null SKU").isTrue();
        assertThat(items.path(1).path("quantity").asText()).isEqualTo("lots");
        assertThat(items.path(2).path("sku").isTextual()).as("untouched item").isTrue();
    }

    @Test
    void rateLimitBurstThenRecovers() throws Exception {
        simulator.faults().rateLimitNextRequests(2, 7);

        HttpResponse<String> first = client.catalogPage(1, 10);
        HttpResponse<String> second = client.catalogPage(1, 10);
        HttpResponse<String> third = client.catalogPage(1, 10);

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).contains("7");
        assertThat(SimulatorClient.errorCode(first)).isEqualTo("RATE_LIMITED");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(third.statusCode()).isEqualTo(200);
    }

    @Test
    void latencyDoesNotSerializeRequests() throws Exception {
        simulator.faults().latency(Duration.ofMillis(150));
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            long started = System.nanoTime();
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int page = 1; page <= 4; page++) {
                int chosen = page;
                calls.add(callers.submit(() -> client.catalogPage(chosen, 20)));
            }
            for (Future<HttpResponse<String>> call : calls) {
                assertThat(call.get().statusCode()).isEqualTo(200);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(millis).as("4 parallel requests with 150 ms latency, ms; one after another would take 600")
                    .isBetween(150L, 599L);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void latencyDelaysEachRequest() throws Exception {
        simulator.faults().latency(Duration.ofMillis(200));

        long started = System.nanoTime();
        client.catalogPage(1, 10);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(millis).as("request with 200 ms latency, ms").isGreaterThanOrEqualTo(200);
    }

    @Test
    void hangingPageTimesOutClient() throws Exception {
        simulator.faults().hangPage(PagedQuery.CATALOG, 2, Duration.ofSeconds(3));

        assertThatThrownBy(() -> client.post(simulator.sandboxUrl(), SimulatorAccount.DEMO_SANDBOX_KEY,
                SimulatorClient.CATALOG_QUERY, Map.of("page", 2), Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(client.catalogPage(1, 10).statusCode()).as("other page").isEqualTo(200);
    }

    @Test
    void hangNextRequestsThenAnswersPromptly() throws Exception {
        simulator.faults().hangNextRequests(1, Duration.ofSeconds(3));

        assertThatThrownBy(() -> client.post(simulator.sandboxUrl(), SimulatorAccount.DEMO_SANDBOX_KEY,
                SimulatorClient.CATALOG_QUERY, Map.of("page", 1), Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
        HttpResponse<String> next = client.post(simulator.sandboxUrl(), SimulatorAccount.DEMO_SANDBOX_KEY,
                SimulatorClient.CATALOG_QUERY, Map.of("page", 1), Duration.ofMillis(2_000));
        assertThat(next.statusCode()).isEqualTo(200);
    }

    @Test
    void faultsSetViaAdminApi() throws Exception {
        HttpResponse<String> put = client.admin("PUT", "/admin/faults",
                "{\"serverErrors\":[{\"query\":\"inventory\",\"page\":2,\"attempts\":1}],"
                        + "\"rateLimit\":{\"requests\":1,\"retryAfterSeconds\":3}}");

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(client.inventoryPage(2, 10).statusCode()).as("rate limited request").isEqualTo(429);
        assertThat(client.inventoryPage(2, 10).statusCode()).as("failing page").isEqualTo(500);
        assertThat(client.inventoryPage(2, 10).statusCode()).as("recovered page").isEqualTo(200);
    }

    @Test
    void faultsReadViaAdminApi() throws Exception {
        simulator.faults().failPageAlways(PagedQuery.CATALOG, 5).latency(Duration.ofMillis(25));

        JsonNode faults = SimulatorClient.json(client.admin("GET", "/admin/faults", null));

        assertThat(faults.path("serverErrors").path(0).path("query").asText()).isEqualTo("catalog");
        assertThat(faults.path("serverErrors").path(0).path("page").asInt()).isEqualTo(5);
        assertThat(faults.path("serverErrors").path(0).has("attempts")).as("always failing page").isFalse();
        assertThat(faults.path("latencyMillis").asLong()).isEqualTo(25);
    }

    @Test
    void invalidFaultsRejectedViaAdminApi() throws Exception {
        HttpResponse<String> put = client.admin("PUT", "/admin/faults",
                "{\"badRecordPages\":[{\"query\":\"orders\",\"page\":1}]}");

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.body()).contains("orders");
    }

    @Test
    void faultsAppliedAtStart() throws Exception {
        FaultSettings faults = new FaultSettings(
                List.of(new FaultSettings.PageFailure(PagedQuery.CATALOG, 1, null)), null, null, 0, null, null, null);
        try (RothcoSimulator failing = RothcoSimulator.start(SimulatorSettings.builder().variants(500)
                .faults(faults).build())) {
            assertThat(new SimulatorClient(failing).catalogPage(1, 10).statusCode()).isEqualTo(500);
        }
    }

    @Test
    void concurrentPagesAllServed() {
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int page = 1; page <= 8; page++) {
            int chosen = page;
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return client.catalogPage(chosen, 50).statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }

        assertThat(calls).allSatisfy(call -> assertThat(call.join()).isEqualTo(200));
    }
}
