package com.dealerpool.rothco.simulator;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * graphql-java executable of the assumed Rothco V2 schema, read from the classpath resource
 * {@value #SCHEMA_RESOURCE}. The catalog types resolve through {@link RecordFieldAccessors},
 * other fields by record accessor or map key. Parsed and validated documents are cached by
 * query text, and lists of catalog records are completed by {@link RecordListExecutionStrategy}.
 * Thread-safe: one engine serves all requests.
 */
final class RothcoGraphqlEngine {

    static final String SCHEMA_RESOURCE = "rothco/rothco-v2.graphqls";

    private final GraphQLSchema schema;
    private final GraphQL graphql;

    RothcoGraphqlEngine() {
        this.schema = loadSchema();
        this.graphql = GraphQL.newGraphQL(schema)
                .queryExecutionStrategy(new RecordListExecutionStrategy())
                .preparsedDocumentProvider(new ValidatedDocumentCache())
                .build();
    }

    GraphQLSchema schema() {
        return schema;
    }

    ExecutionResult execute(String query, String operationName, Map<String, Object> variables, RequestScope scope) {
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(query)
                .operationName(operationName)
                .variables(variables == null ? Map.of() : variables)
                .graphQLContext(Map.of(RequestScope.class, scope))
                .build();
        return graphql.execute(input);
    }

    /** Parses the schema resource and wires the root fields and the catalog types to their data fetchers. */
    static GraphQLSchema loadSchema() {
        TypeDefinitionRegistry registry;
        try (InputStream stream = RothcoGraphqlEngine.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (stream == null) {
                throw new IllegalStateException("Schema resource " + SCHEMA_RESOURCE
                        + " is missing from the classpath; rebuild the project so src/main/resources is copied");
            }
            try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                registry = new SchemaParser().parse(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read schema resource " + SCHEMA_RESOURCE, e);
        }
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", type -> type
                        .dataFetcher("account", QueryDataFetchers.account())
                        .dataFetcher("catalog", QueryDataFetchers.catalog())
                        .dataFetcher("inventory", QueryDataFetchers.inventory()));
        RecordFieldAccessors.wire(wiring);
        return new SchemaGenerator().makeExecutableSchema(registry, wiring.build());
    }
}
