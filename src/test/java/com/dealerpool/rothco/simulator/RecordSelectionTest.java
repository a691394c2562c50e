package com.dealerpool.rothco.simulator;

import com.dealerpool.rothco.simulator.SimulatedVariant.Specification;
import graphql.execution.FieldCollector;
import graphql.execution.FieldCollectorParameters;
import graphql.execution.MergedField;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecordSelectionTest {

    private static final GraphQLSchema SCHEMA = RothcoGraphqlEngine.loadSchema();

    private static final SimulatedVariant VARIANT = new SimulatedVariant("RTH-1000-OD-M", "10001", "612345678905",
            12.5, 24.99, 22.49, "7", 1.25, List.of(new Specification("Color", "Olive Drab")));

    private static final SimulatedProductLine LINE = new SimulatedProductLine("RTH-PL-1000", "Field Jacket", "Rothco",
            "Short", "Long", "Rothco", "Outerwear", "Jackets", "USA", false, List.of("https://img/main.jpg"),
            List.of(VARIANT));

    private final RecordSelection selection = compile(
            "{ catalog(page: 1) { productLines { code variants { sku dealerPrice specifications { name } } } } }");

    @Test
    void completeLineAccepted() {
        assertThat(selection.accepts(LINE)).isTrue();
    }

    @Test
    void nullInNullableFieldAccepted() {
        SimulatedProductLine line = LINE.withVariants(List.of(VARIANT.withSku(null)));

        assertThat(selection.accepts(line)).as("Variant.sku is nullable").isTrue();
    }

    @Test
    void nullInNonNullFieldRejected() {
        SimulatedProductLine line = new SimulatedProductLine(null, "Field Jacket", "Rothco", "Short", "Long", "Rothco",
                "Outerwear", "Jackets", "USA", false, List.of(), List.of(VARIANT));

        assertThat(selection.accepts(line)).as("ProductLine.code is String!").isFalse();
    }

    @Test
    void nullListElementRejected() {
        SimulatedProductLine line = LINE.withVariants(Arrays.asList(VARIANT, null));

        assertThat(selection.accepts(line)).as("variants is [Variant!]!").isFalse();
    }

    @Test
    void nonFiniteFloatRejected() {
        SimulatedVariant variant = new SimulatedVariant("RTH-1000-OD-M", null, null, Double.NaN, null, null, null,
                null, List.of());

        assertThat(selection.accepts(LINE.withVariants(List.of(variant)))).as("NaN is no GraphQL Float").isFalse();
    }

    @Test
    void unselectedNullIgnored() {
        SimulatedProductLine line = new SimulatedProductLine("RTH-PL-1000", null, "Rothco", "Short", "Long", "Rothco",
                "Outerwear", "Jackets", "USA", false, List.of(), List.of(VARIANT));

        assertThat(selection.accepts(line)).as("ProductLine.name is String! but not selected").isTrue();
    }

    @Test
    void otherRecordClassRejected() {
        assertThat(selection.accepts(VARIANT)).isFalse();
    }

    /** Compiles the selection of the productLines field of a query. */
    private static RecordSelection compile(String query) {
        Document document = Parser.parse(query);
        Field catalog = (Field) document.getDefinitionsOfType(OperationDefinition.class).get(0)
                .getSelectionSet().getSelections().get(0);
        Field productLines = (Field) catalog.getSelectionSet().getSelections().get(0);
        FieldCollector collector = new FieldCollector();
        return RecordSelection.compile(SCHEMA.getObjectType("ProductLine"), MergedField.newMergedField(productLines)
                .build(), (objectType, field) -> collector.collectFields(FieldCollectorParameters.newParameters()
                        .schema(SCHEMA)
                        .objectType(objectType)
                        .build(), field));
    }
}
