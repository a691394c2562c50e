package com.dealerpool.rothco.simulator;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps parsed and validated GraphQL documents by query text, so a client that sends the same
 * query for every page pays for parsing and validation once. Only documents without errors are
 * kept, so a query that fails to parse or validate is checked again on every request and yields
 * the same errors. The cache is cleared when it reaches {@value #MAX_DOCUMENTS} documents.
 * <p>
 * The query text is the whole key because graphql-java 26 parses and validates a document from
 * the query text, the schema, the locale and context hints, and {@link RothcoGraphqlEngine}
 * passes the same schema, the JVM's default locale and no hints with every request.
 */
final class ValidatedDocumentCache implements PreparsedDocumentProvider {

    /** Documents kept before the cache is cleared; clients send a handful of distinct queries. */
    static final int MAX_DOCUMENTS = 256;

    private final Map<String, PreparsedDocumentEntry> documents = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput executionInput,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = executionInput.getQuery();
        PreparsedDocumentEntry cached = documents.get(query);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(executionInput);
        if (!entry.hasErrors()) {
            if (documents.size() >= MAX_DOCUMENTS) {
                documents.clear();
            }
            documents.put(query, entry);
        }
        return CompletableFuture.completedFuture(entry);
    }

    /** Returns the number of documents kept. */
    int size() {
        return documents.size();
    }
}
