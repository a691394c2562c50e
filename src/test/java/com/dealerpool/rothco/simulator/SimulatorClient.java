package com.dealerpool.rothco.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Plain java.net.http client for the simulator's endpoints in tests. */
final class SimulatorClient {

    static final String CATALOG_QUERY = "query CatalogPage($page: Int!, $pageSize: Int) { catalog(page: $page,"
            + " pageSize: $pageSize) { pageInfo { page pageSize totalPages totalItems } productLines { code name brand"
            + " shortDescription longDescription manufacturer primaryCategory subCategory countryOfOrigin restricted"
            + " images variants { sku mpn upc dealerPrice msrp map quantity weight specifications { name value } } } } }";

    static final String INVENTORY_QUERY = "query InventoryPage($page: Int!, $pageSize: Int) { inventory(page: $page,"
            + " pageSize: $pageSize) { pageInfo { page pageSize totalPages totalItems } items { sku dealerPrice msrp"
            + " map quantity } } }";

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final RothcoSimulator simulator;

    SimulatorClient(RothcoSimulator simulator) {
        this.simulator = simulator;
    }

    HttpResponse<String> post(String url, String apiKey, String query, Map<String, Object> variables,
            Duration timeout) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> sandbox(String query, Map<String, Object> variables) throws IOException, InterruptedException {
        return post(simulator.sandboxUrl(), SimulatorAccount.DEMO_SANDBOX_KEY, query, variables, Duration.ofSeconds(10));
    }

    HttpResponse<String> catalogPage(int page, int pageSize) throws IOException, InterruptedException {
        return sandbox(CATALOG_QUERY, Map.of("page", page, "pageSize", pageSize));
    }

    HttpResponse<String> inventoryPage(int page, int pageSize) throws IOException, InterruptedException {
        return sandbox(INVENTORY_QUERY, Map.of("page", page, "pageSize", pageSize));
    }

    HttpResponse<String> postRaw(String url, String apiKey, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("X-Api-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> admin(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    static String errorCode(HttpResponse<String> response) throws IOException {
        return json(response).path("errors").path(0).path("extensions").path("code").asText();
    }
}
