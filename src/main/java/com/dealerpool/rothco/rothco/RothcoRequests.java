package com.dealerpool.rothco.rothco;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Builds the JSON bodies of Rothco GraphQL requests from the documents in the GraphQL folder.
 * Routes call it as a bean step right before the HTTP call.
 */
public final class RothcoRequests {

    private final GraphqlDocuments documents;
    private final ObjectMapper mapper;

    public RothcoRequests(GraphqlDocuments documents, ObjectMapper mapper) {
        this.documents = documents;
        this.mapper = mapper;
    }

    /** Builds the Test Connection request, which reads the account behind the key. */
    public String account() {
        return build("account", Map.of());
    }

    /** Builds the request for the page count of the catalog at a page size. */
    public String catalogSummary(int pageSize) {
        return build("catalog-summary", Map.of("pageSize", pageSize));
    }

    /** Builds the request for one catalog page; pages are numbered from 1. */
    public String catalogPage(int page, int pageSize) {
        return build("catalog-page", pageVariables(page, pageSize));
    }

    /** Builds the request for the page count of the inventory snapshot at a page size. */
    public String inventorySummary(int pageSize) {
        return build("inventory-summary", Map.of("pageSize", pageSize));
    }

    /** Builds the request for one inventory snapshot page; pages are numbered from 1. */
    public String inventoryPage(int page, int pageSize) {
        return build("inventory-page", pageVariables(page, pageSize));
    }

    private static Map<String, Object> pageVariables(int page, int pageSize) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("page", page);
        variables.put("pageSize", pageSize);
        return variables;
    }

    /** Builds a request from any document of the GraphQL folder. */
    public String build(String documentName, Map<String, Object> variables) {
        GraphqlDocuments.GraphqlDocument document = documents.get(documentName);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", document.text());
        if (document.operationName() != null) {
            request.put("operationName", document.operationName());
        }
        request.put("variables", variables);
        try {
            return mapper.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize the " + documentName + " request", e);
        }
    }
}
