package com.dealerpool.rothco.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.dealerpool.rothco.rothco.RothcoContract;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The HTTP side of a benchmark floor: fetches every page of a paged Rothco query with the JDK
 * HTTP client, page 1 first for the page count and the rest at a fixed concurrency, and hands
 * each parsed page to a handler.
 */
final class ParallelPageFetcher {

    /** Processes one parsed page and returns the number of rows it wrote. */
    interface PageHandler {
        long handle(Map<String, Object> response) throws Exception;
    }

    private final String endpoint;
    private final String apiKey;
    private final String queryField;
    private final int pageSize;
    private final int concurrency;
    private final String query;
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param document   GraphQL document in the graphql folder, such as {@code inventory-page.graphql}
     * @param queryField root field of the query, such as {@code inventory}
     */
    ParallelPageFetcher(String endpoint, String apiKey, String document, String queryField, int pageSize,
            int concurrency) throws IOException {
        this.endpoint = endpoint;
        this.apiKey = apiKey;
        this.queryField = queryField;
        this.pageSize = pageSize;
        this.concurrency = concurrency;
        this.query = Files.readString(Path.of("graphql", document));
    }

    /** Fetches every page, passes each to the handler and returns the sum of the handler's counts. */
    long forEachPage(PageHandler handler) throws Exception {
        AtomicLong rows = new AtomicLong();
        Map<String, Object> first = fetch(1);
        int totalPages = totalPages(first);
        rows.addAndGet(handler.handle(first));
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> pages = new ArrayList<>();
            for (int page = 2; page <= totalPages; page++) {
                int number = page;
                pages.add(pool.submit(() -> {
                    rows.addAndGet(handler.handle(fetch(number)));
                    return null;
                }));
            }
            for (Future<?> page : pages) {
                page.get();
            }
        } finally {
            pool.shutdown();
        }
        return rows.get();
    }

    /** Returns the object of the query's root field, such as {@code data.inventory}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> root(Map<String, Object> response) {
        return (Map<String, Object>) ((Map<String, Object>) response.get("data")).get(queryField);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fetch(int page) throws IOException, InterruptedException {
        String body = mapper.writeValueAsString(Map.of("query", query,
                "variables", Map.of("page", page, "pageSize", pageSize)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                .header(RothcoContract.API_KEY_HEADER, apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("Page " + page + " of " + queryField + " returned HTTP " + response.statusCode());
        }
        return mapper.readValue(response.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private int totalPages(Map<String, Object> response) {
        return ((Number) ((Map<String, Object>) root(response).get("pageInfo")).get("totalPages")).intValue();
    }
}
