package com.dealerpool.rothco.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RothcoSimulatorHttpTest {

    private static final String ACCOUNT_QUERY = "query Account { account { accountNumber name mode enrolledBrands } }";

    private static RothcoSimulator simulator;
    private static SimulatorClient client;

    @BeforeAll
    static void startSimulator() {
        simulator = RothcoSimulator.start(SimulatorSettings.builder().variants(3_000).build());
        client = new SimulatorClient(simulator);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @AfterEach
    void resetState() {
        simulator.faults().clear();
        simulator.setEpoch(0);
        simulator.requestLog().reset();
    }

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> response = client.admin("GET", "/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SimulatorClient.json(response).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void accountQueryReturnsKeyAccount() throws Exception {
        HttpResponse<String> response = client.sandbox(ACCOUNT_QUERY, Map.of());

        JsonNode account = SimulatorClient.json(response).path("data").path("account");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(account.path("accountNumber").asText()).isEqualTo(SimulatorAccount.DEMO_ACCOUNT_NUMBER);
        assertThat(account.path("mode").asText()).isEqualTo("SANDBOX");
        assertThat(account.path("enrolledBrands").size()).isZero();
    }

    @Test
    void missingKeyUnauthenticated() throws Exception {
        HttpResponse<String> response = client.post(simulator.sandboxUrl(), null, ACCOUNT_QUERY, Map.of(),
                Duration.ofSeconds(5));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(SimulatorClient.errorCode(response)).isEqualTo("UNAUTHENTICATED");
        assertThat(SimulatorClient.json(response).path("errors").path(0).path("message").asText())
                .isEqualTo("Invalid API key");
    }

    @Test
    void unknownKeyUnauthenticated() throws Exception {
        HttpResponse<String> response = client.post(simulator.liveUrl(), "no-such-key", ACCOUNT_QUERY, Map.of(),
                Duration.ofSeconds(5));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(SimulatorClient.errorCode(response)).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void sandboxKeyOnLiveForbidden() throws Exception {
        HttpResponse<String> response = client.post(simulator.liveUrl(), SimulatorAccount.DEMO_SANDBOX_KEY,
                ACCOUNT_QUERY, Map.of(), Duration.ofSeconds(5));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(SimulatorClient.errorCode(response)).isEqualTo("SANDBOX_KEY_ON_LIVE");
        assertThat(SimulatorClient.json(response).path("errors").path(0).path("message").asText())
                .contains("Sandbox key cannot call the Live API");
    }

    @Test
    void liveKeyOnSandboxForbidden() throws Exception {
        HttpResponse<String> response = client.post(simulator.sandboxUrl(), SimulatorAccount.DEMO_LIVE_KEY,
                ACCOUNT_QUERY, Map.of(), Duration.ofSeconds(5));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(SimulatorClient.errorCode(response)).isEqualTo("LIVE_KEY_ON_SANDBOX");
    }

    @Test
    void liveKeyOnLiveAccepted() throws Exception {
        HttpResponse<String> response = client.post(simulator.liveUrl(), SimulatorAccount.DEMO_LIVE_KEY,
                ACCOUNT_QUERY, Map.of(), Duration.ofSeconds(5));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SimulatorClient.json(response).path("data").path("account").path("mode").asText())
                .isEqualTo("LIVE");
    }

    @Test
    void catalogPageInfoMatchesSnapshot() throws Exception {
        CatalogSnapshot expected = simulator.snapshotFor(SimulatorAccount.DEMO_SANDBOX_KEY);

        JsonNode pageInfo = SimulatorClient.json(client.catalogPage(2, 50)).path("data").path("catalog")
                .path("pageInfo");

        assertThat(pageInfo.path("page").asInt()).isEqualTo(2);
        assertThat(pageInfo.path("pageSize").asInt()).isEqualTo(50);
        assertThat(pageInfo.path("totalItems").asInt()).isEqualTo(expected.totalProductLines());
        assertThat(pageInfo.path("totalPages").asInt())
                .isEqualTo((expected.totalProductLines() + 49) / 50);
    }

    @Test
    void catalogCrawlReturnsSnapshotSkus() throws Exception {
        CatalogSnapshot expected = simulator.snapshotFor(SimulatorAccount.DEMO_SANDBOX_KEY);
        Set<String> served = new LinkedHashSet<>();
        int productLines = 0;

        for (int page = 1; page <= CatalogSnapshot.totalPages(expected.totalProductLines(), 100); page++) {
            JsonNode lines = SimulatorClient.json(client.catalogPage(page, 100)).path("data").path("catalog")
                    .path("productLines");
            productLines += lines.size();
            lines.forEach(line -> line.path("variants").forEach(variant -> served.add(variant.path("sku").asText())));
        }

        assertThat(productLines).isEqualTo(expected.totalProductLines());
        assertThat(served).containsExactlyElementsOf(expected.skus());
    }

    @Test
    void catalogPageEqualsSnapshotLines() throws Exception {
        List<SimulatedProductLine> expected = simulator.snapshotFor(SimulatorAccount.DEMO_SANDBOX_KEY)
                .catalogPage(2, 100);

        JsonNode served = SimulatorClient.json(client.catalogPage(2, 100)).path("data").path("catalog")
                .path("productLines");

        assertThat(served.toString()).as("productLines of page 2, fields in query order")
                .isEqualTo(SimulatorClient.JSON.valueToTree(expected).toString());
    }

    @Test
    void inventoryPageEqualsSnapshotVariants() throws Exception {
        ArrayNode expected = SimulatorClient.JSON.createArrayNode();
        for (SimulatedVariant variant : simulator.snapshotFor(SimulatorAccount.DEMO_SANDBOX_KEY).inventoryPage(3, 500)) {
            expected.addObject()
                    .put("sku", variant.sku())
                    .put("dealerPrice", variant.dealerPrice())
                    .put("msrp", variant.msrp())
                    .put("map", variant.map())
                    .put("quantity", variant.quantity());
        }

        JsonNode served = SimulatorClient.json(client.inventoryPage(3, 500)).path("data").path("inventory")
                .path("items");

        assertThat(served.toString()).as("items of page 3, fields in query order").isEqualTo(expected.toString());
    }

    @Test
    void inventoryTotalsCountVariants() throws Exception {
        CatalogSnapshot expected = simulator.snapshotFor(SimulatorAccount.DEMO_SANDBOX_KEY);

        JsonNode inventory = SimulatorClient.json(client.inventoryPage(1, 5000)).path("data").path("inventory");

        assertThat(inventory.path("pageInfo").path("totalItems").asInt()).isEqualTo(expected.totalVariants());
        assertThat(inventory.path("items").size()).isEqualTo(expected.totalVariants());
    }

    @Test
    void pageBeyondEndEmpty() throws Exception {
        CatalogSnapshot expected = simulator.snapshotFor(SimulatorAccount.DEMO_SANDBOX_KEY);
        int beyond = CatalogSnapshot.totalPages(expected.totalProductLines(), 100) + 1;

        JsonNode catalog = SimulatorClient.json(client.catalogPage(beyond, 100)).path("data").path("catalog");

        assertThat(catalog.path("productLines").size()).isZero();
        assertThat(catalog.path("pageInfo").path("page").asInt()).isEqualTo(beyond);
        assertThat(catalog.path("pageInfo").path("totalItems").asInt()).isEqualTo(expected.totalProductLines());
    }

    @Test
    void defaultPageSizeIsHundred() throws Exception {
        JsonNode pageInfo = SimulatorClient.json(client.sandbox(SimulatorClient.CATALOG_QUERY, Map.of("page", 1)))
                .path("data").path("catalog").path("pageInfo");

        assertThat(pageInfo.path("pageSize").asInt()).isEqualTo(100);
    }

    @Test
    void oversizedCatalogPageRejected() throws Exception {
        HttpResponse<String> response = client.catalogPage(1, 501);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SimulatorClient.errorCode(response)).isEqualTo("BAD_USER_INPUT");
        assertThat(SimulatorClient.json(response).path("errors").path(0).path("message").asText()).contains("501");
    }

    @Test
    void oversizedInventoryPageRejected() throws Exception {
        HttpResponse<String> response = client.inventoryPage(1, 5001);

        assertThat(SimulatorClient.errorCode(response)).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void pageZeroRejected() throws Exception {
        HttpResponse<String> response = client.catalogPage(0, 100);

        assertThat(SimulatorClient.errorCode(response)).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void unknownFieldFailsValidation() throws Exception {
        HttpResponse<String> response = client.sandbox("{ account { accountNumber balance } }", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SimulatorClient.errorCode(response)).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(SimulatorClient.json(response).has("data")).as("data of an invalid request").isFalse();
    }

    @Test
    void syntaxErrorFailsParsing() throws Exception {
        HttpResponse<String> response = client.sandbox("{ account { accountNumber ", Map.of());

        assertThat(SimulatorClient.errorCode(response)).isEqualTo("GRAPHQL_PARSE_FAILED");
    }

    @Test
    void missingVariableWordedLikeRothco() throws Exception {
        HttpResponse<String> response = client.sandbox(SimulatorClient.CATALOG_QUERY, Map.of());

        assertThat(SimulatorClient.json(response).path("errors").path(0).path("message").asText())
                .isEqualTo("Variable \"$page\" of required type \"Int!\" was not provided.");
        assertThat(SimulatorClient.errorCode(response)).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void nonJsonBodyBadRequest() throws Exception {
        HttpResponse<String> response = client.postRaw(simulator.sandboxUrl(), SimulatorAccount.DEMO_SANDBOX_KEY,
                "not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SimulatorClient.errorCode(response)).isEqualTo("BAD_REQUEST");
    }

    @Test
    void sameSeedAnswersIdenticalBytes() throws Exception {
        try (RothcoSimulator twin = RothcoSimulator.start(SimulatorSettings.builder().variants(3_000).build())) {
            String ours = client.catalogPage(3, 100).body();
            String theirs = new SimulatorClient(twin).catalogPage(3, 100).body();

            assertThat(theirs).isEqualTo(ours);
        }
    }

    @Test
    void epochChangeViaAdminChangesCatalog() throws Exception {
        Set<String> before = simulator.snapshotFor(SimulatorAccount.DEMO_SANDBOX_KEY).skus();

        HttpResponse<String> response = client.admin("PUT", "/admin/epoch", "{\"epoch\": 4}");
        JsonNode items = SimulatorClient.json(client.inventoryPage(1, 5000)).path("data").path("inventory")
                .path("items");
        Set<String> after = new LinkedHashSet<>();
        items.forEach(item -> after.add(item.path("sku").asText()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(simulator.epoch()).isEqualTo(4);
        assertThat(after).isEqualTo(simulator.snapshotFor(SimulatorAccount.DEMO_SANDBOX_KEY, 4).skus());
        assertThat(after).as("SKUs at epoch 4 differ from epoch 0").isNotEqualTo(before);
    }

    @Test
    void enrollmentViaAdminShowsRestrictedLines() throws Exception {
        RothcoSimulator own = RothcoSimulator.start(SimulatorSettings.builder().variants(3_000).build());
        try (own) {
            SimulatorClient ownClient = new SimulatorClient(own);
            int before = SimulatorClient.json(ownClient.catalogPage(1, 10)).path("data").path("catalog")
                    .path("pageInfo").path("totalItems").asInt();

            HttpResponse<String> enrolled = ownClient.admin("POST", "/admin/enrollments",
                    "{\"apiKey\": \"" + SimulatorAccount.DEMO_SANDBOX_KEY + "\", \"brand\": \"Sentinel Optics\"}");
            int after = SimulatorClient.json(ownClient.catalogPage(1, 10)).path("data").path("catalog")
                    .path("pageInfo").path("totalItems").asInt();

            assertThat(enrolled.statusCode()).isEqualTo(200);
            assertThat(after).as("product lines after enrollment").isGreaterThan(before);
            assertThat(after).isEqualTo(own.snapshotFor(SimulatorAccount.DEMO_SANDBOX_KEY).totalProductLines());
        }
    }

    @Test
    void enrollmentInUnknownBrandRejected() throws Exception {
        HttpResponse<String> response = client.admin("POST", "/admin/enrollments",
                "{\"apiKey\": \"" + SimulatorAccount.DEMO_SANDBOX_KEY + "\", \"brand\": \"Nobody\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Nobody");
    }

    @Test
    void requestLogKeepsHeaders() throws Exception {
        client.catalogPage(1, 10);

        RequestLog.RecordedRequest recorded = simulator.requestLog().recentRequests().get(0);

        assertThat(recorded.header("x-api-key")).isEqualTo(SimulatorAccount.DEMO_SANDBOX_KEY);
        assertThat(recorded.headers().keySet()).noneMatch(name -> name.toLowerCase().startsWith("camel"));
        assertThat(simulator.requestLog().pageRequests(PagedQuery.CATALOG, 1)).isEqualTo(1);
        assertThat(simulator.requestLog().fieldRequests("catalog")).isEqualTo(1);
    }

    @Test
    void requestLogResetViaAdmin() throws Exception {
        client.catalogPage(1, 10);

        HttpResponse<String> response = client.admin("DELETE", "/admin/requests", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(simulator.requestLog().totalRequests()).isZero();
    }

    @Test
    void serverTurnsOffNagleDelay() {
        // Without TCP_NODELAY a small response waits about 40 ms for the client's delayed ACK;
        // scripts/benchmark.sh measures speed, this checks the switch the fix depends on.
        assertThat(System.getProperty(RothcoSimulator.NO_DELAY_PROPERTY)).as("JDK HTTP server nodelay property")
                .isEqualTo("true");
    }
}
