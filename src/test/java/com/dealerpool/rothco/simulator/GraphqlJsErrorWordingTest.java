package com.dealerpool.rothco.simulator;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GraphqlJsErrorWordingTest {

    /** An order mutation shaped like those the connector will send, to exercise input objects. */
    private static final String ORDER_SCHEMA = """
            type Query { catalog(page: Int!, pageSize: Int = 100): String }
            type Mutation { placeOrder(input: OrderInput!): String }
            input OrderInput { email: String!, lines: [LineInput!]!, address: AddressInput }
            input LineInput { sku: String!, quantity: Int! }
            input AddressInput { zip: String! }
            """;

    private final GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(
            new SchemaParser().parse(ORDER_SCHEMA), RuntimeWiring.newRuntimeWiring().build());
    private final GraphQL graphql = GraphQL.newGraphQL(schema).build();
    private final GraphqlJsErrorWording wording = new GraphqlJsErrorWording(schema);

    @Test
    void missingLiteralFieldReworded() {
        assertThat(messages("mutation { placeOrder(input: {lines: []}) }", Map.of()))
                .containsExactly("Field \"email\" of required type \"String!\" was not provided.");
    }

    @Test
    void missingNestedListFieldReworded() {
        assertThat(messages("mutation { placeOrder(input: {email: \"a@b.c\", lines: [{sku: \"X\"}]}) }", Map.of()))
                .containsExactly("Field \"quantity\" of required type \"Int!\" was not provided.");
    }

    @Test
    void missingFieldsGiveOneErrorEach() {
        assertThat(messages("mutation { placeOrder(input: {email: \"a@b.c\", lines: [{}]}) }", Map.of()))
                .containsExactlyInAnyOrder("Field \"sku\" of required type \"String!\" was not provided.",
                        "Field \"quantity\" of required type \"Int!\" was not provided.");
    }

    @Test
    void nullLiteralFieldReworded() {
        assertThat(messages("mutation { placeOrder(input: {email: null, lines: []}) }", Map.of()))
                .containsExactly("Expected value of type \"String!\", found null.");
    }

    @Test
    void missingVariableFieldReworded() {
        Map<String, Object> variables = Map.of("order", Map.of("lines", List.of()));

        assertThat(messages("mutation($order: OrderInput!) { placeOrder(input: $order) }", variables))
                .containsExactly("Field \"email\" of required type \"String!\" was not provided.");
    }

    @Test
    void nullVariableFieldReworded() {
        Map<String, Object> order = new HashMap<>();
        order.put("email", null);
        order.put("lines", List.of());

        assertThat(messages("mutation($order: OrderInput!) { placeOrder(input: $order) }", Map.of("order", order)))
                .containsExactly("Expected non-nullable type \"String!\" not to be null.");
    }

    @Test
    void missingArgumentReworded() {
        assertThat(messages("{ catalog }", Map.of()))
                .containsExactly("Field \"catalog\" argument \"page\" of type \"Int!\" is required, but it was not"
                        + " provided.");
    }

    @Test
    void missingVariableReworded() {
        assertThat(messages("query($page: Int!) { catalog(page: $page) }", Map.of()))
                .containsExactly("Variable \"$page\" of required type \"Int!\" was not provided.");
    }

    @Test
    void otherErrorsUnchanged() {
        List<GraphQLError> errors = graphql.execute("{ nope }").getErrors();

        assertThat(wording.reword(errors.get(0), Map.of())).containsExactly(errors.get(0));
    }

    private List<String> messages(String query, Map<String, Object> variables) {
        List<GraphQLError> errors = graphql.execute(ExecutionInput.newExecutionInput()
                .query(query)
                .variables(variables)
                .build()).getErrors();
        assertThat(errors).as("graphql-java errors of %s", query).isNotEmpty();
        List<String> messages = new ArrayList<>();
        for (GraphQLError error : errors) {
            wording.reword(error, variables).forEach(reworded -> messages.add(reworded.getMessage()));
        }
        return messages;
    }
}
