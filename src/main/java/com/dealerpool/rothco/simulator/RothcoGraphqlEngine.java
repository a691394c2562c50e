package com.dealerpool.rothco.simulator;

import com.dealerpool.rothco.rothco.RothcoSchema;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.TypeDefinitionRegistry;

import java.util.Map;

/**
 * graphql-java executable of the assumed Rothco V2 schema, read from the classpath resources
 * that {@link RothcoSchema} lists. The catalog types resolve through {@link RecordFieldAccessors},
 * other fields by record accessor or map key. Parsed and validated documents are cached by
 * query text, and lists of catalog records are completed by {@link RecordListExecutionStrategy}.
 * Thread-safe: one engine serves all requests.
 */
final class RothcoGraphqlEngine {

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

    /** Parses the schema resources and wires the root fields and the catalog types to their data fetchers. */
    static GraphQLSchema loadSchema() {
        TypeDefinitionRegistry registry = RothcoSchema.typeDefinitions();
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", type -> type
                        .dataFetcher("account", QueryDataFetchers.account())
                        .dataFetcher("catalog", QueryDataFetchers.catalog())
                        .dataFetcher("inventory", QueryDataFetchers.inventory())
                        .dataFetcher("orderByPo", OrderDataFetchers.orderByPo())
                        .dataFetcher("shipments", OrderDataFetchers.shipments()))
                .type("Mutation", type -> type
                        .dataFetcher("createOrder", OrderDataFetchers.createOrder()));
        RecordFieldAccessors.wire(wiring);
        return new SchemaGenerator().makeExecutableSchema(registry, wiring.build());
    }
}
