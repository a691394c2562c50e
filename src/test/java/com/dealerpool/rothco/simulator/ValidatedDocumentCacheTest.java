package com.dealerpool.rothco.simulator;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ValidatedDocumentCacheTest {

    private static final GraphQLSchema SCHEMA = RothcoGraphqlEngine.loadSchema();

    private final ValidatedDocumentCache cache = new ValidatedDocumentCache();
    private final AtomicInteger parses = new AtomicInteger();

    @Test
    void repeatedQueryParsedOnce() {
        PreparsedDocumentEntry first = document("{ account { name } }");
        PreparsedDocumentEntry second = document("{ account { name } }");

        assertThat(parses.get()).as("parse and validate runs").isEqualTo(1);
        assertThat(second.getDocument()).isSameAs(first.getDocument());
    }

    @Test
    void otherQueryParsedAgain() {
        document("{ account { name } }");
        document("{ account { mode } }");

        assertThat(parses.get()).as("parse and validate runs").isEqualTo(2);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void invalidQueryNotKept() {
        PreparsedDocumentEntry first = document("{ account { balance } }");
        PreparsedDocumentEntry second = document("{ account { balance } }");

        assertThat(first.hasErrors()).as("validation errors").isTrue();
        assertThat(second.getErrors()).isEqualTo(first.getErrors());
        assertThat(parses.get()).as("parse and validate runs").isEqualTo(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void fullCacheCleared() {
        for (int i = 0; i <= ValidatedDocumentCache.MAX_DOCUMENTS; i++) {
            document("{ a" + i + ": account { name } }");
        }

        assertThat(cache.size()).as("documents after one more than the maximum").isEqualTo(1);
    }

    private PreparsedDocumentEntry document(String query) {
        ExecutionInput input = ExecutionInput.newExecutionInput().query(query).build();
        return cache.getDocumentAsync(input, this::parseAndValidate).join();
    }

    private PreparsedDocumentEntry parseAndValidate(ExecutionInput input) {
        parses.incrementAndGet();
        ParseAndValidateResult result = ParseAndValidate.parseAndValidate(SCHEMA, input);
        return result.isFailure()
                ? new PreparsedDocumentEntry(result.getErrors())
                : new PreparsedDocumentEntry(result.getDocument());
    }
}
