package com.dealerpool.rothco.simulator;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares the simulator's engine with plain graphql-java completion on the same schema, data
 * fetchers and catalog, byte for byte.
 */
class RecordListExecutionStrategyTest {

    private static final String CATALOG_PAGE_QUERY = readDocument("catalog-page.graphql");

    private static final String INVENTORY_QUERY = """
            query InventoryPage($page: Int!, $pageSize: Int) {
              inventory(page: $page, pageSize: $pageSize) {
                pageInfo { page pageSize totalPages totalItems }
                items { sku dealerPrice msrp map quantity }
              }
            }
            """;

    /** Aliases, fragments, directives, repeated fields and __typename on every record type. */
    private static final String SHAPED_QUERY = """
            query Shaped($page: Int!, $withSpecifications: Boolean!, $withoutImages: Boolean = false) {
              kind: __typename
              page: catalog(page: $page, pageSize: 20) {
                __typename
                pageInfo { ...Paging }
                lines: productLines {
                  __typename
                  id: code
                  ...LineText
                  ... on ProductLine { restricted brand }
                  images @skip(if: $withoutImages)
                  variants {
                    sku
                    price: dealerPrice
                    ... @include(if: $withSpecifications) { specifications { name __typename value } }
                    sku
                    weight
                  }
                  variants { msrp map quantity upc mpn }
                  code
                }
                productLines { name countryOfOrigin }
              }
              stock: inventory(page: 2, pageSize: 7) { items { __typename quantity s: sku s: sku ...Money } }
            }
            fragment Paging on PageInfo { totalItems page }
            fragment LineText on ProductLine {
              name shortDescription longDescription manufacturer primaryCategory subCategory
            }
            fragment Money on InventoryItem { map msrp dealerPrice }
            """;

    private static final CatalogModel MODEL = new CatalogModel(42L, 5_000);
    private static final CatalogSnapshot SNAPSHOT = MODEL.snapshot(3, Set.of());
    private static final RothcoGraphqlEngine ENGINE = new RothcoGraphqlEngine();
    private static final GraphQL PLAIN_GRAPHQL = GraphQL.newGraphQL(RothcoGraphqlEngine.loadSchema()).build();

    private final Faults faults = new Faults();

    @Test
    void catalogPageMatchesGraphqlJava() {
        assertSameJson(CATALOG_PAGE_QUERY, Map.of("page", 2, "pageSize", 100));
    }

    @Test
    void catalogPageCompletedAsRecordList() {
        assertThat(completedList(CATALOG_PAGE_QUERY, "catalog", "productLines")).as("productLines value")
                .isInstanceOf(RecordListExecutionStrategy.RecordListJson.class);
    }

    @Test
    void inventoryPageMatchesGraphqlJava() {
        assertSameJson(INVENTORY_QUERY, Map.of("page", 3, "pageSize", 500));
    }

    @Test
    void inventoryPageCompletedAsRecordList() {
        assertThat(completedList(INVENTORY_QUERY, "inventory", "items")).as("items value")
                .isInstanceOf(RecordListExecutionStrategy.RecordListJson.class);
    }

    @Test
    void shapedQueryMatchesGraphqlJava() {
        assertSameJson(SHAPED_QUERY, Map.of("page", 2, "withSpecifications", true));
    }

    @Test
    void skippedFieldsMatchGraphqlJava() {
        assertSameJson(SHAPED_QUERY, Map.of("page", 2, "withSpecifications", false, "withoutImages", true));
    }

    @Test
    void badRecordPageMatchesGraphqlJava() {
        faults.corruptRecordsOnPage(PagedQuery.CATALOG, 1).corruptRecordsOnPage(PagedQuery.INVENTORY, 2);

        assertSameJson(CATALOG_PAGE_QUERY, Map.of("page", 1, "pageSize", 10));
        assertSameJson(INVENTORY_QUERY, Map.of("page", 2, "pageSize", 10));
    }

    @Test
    void pagingErrorMatchesGraphqlJava() {
        assertSameJson(CATALOG_PAGE_QUERY, Map.of("page", 1, "pageSize", 501));
    }

    private void assertSameJson(String query, Map<String, Object> variables) {
        ExecutionResult expected = PLAIN_GRAPHQL.execute(ExecutionInput.newExecutionInput()
                .query(query)
                .variables(variables)
                .graphQLContext(Map.of(RequestScope.class, scope()))
                .build());

        ExecutionResult actual = ENGINE.execute(query, null, variables, scope());

        assertThat(expected.isDataPresent()).as("graphql-java returned data").isTrue();
        assertThat(json(actual.getData())).as("data of %s", variables).isEqualTo(json(expected.getData()));
        assertThat(errors(actual)).as("errors of %s", variables).isEqualTo(errors(expected));
    }

    /** Returns the completed value of a list field of a paged root field, as the engine put it in the result. */
    private Object completedList(String query, String rootField, String listField) {
        ExecutionResult result = ENGINE.execute(query, null, Map.of("page", 1), scope());
        Map<String, Map<String, Object>> data = result.getData();
        return data.get(rootField).get(listField);
    }

    private RequestScope scope() {
        return new RequestScope(SimulatorAccount.demoSandbox(), SNAPSHOT, faults, new RequestLog(),
                new OrderBook(MODEL, () -> 3, new SimulatedClock(1)));
    }

    private static List<Map<String, Object>> errors(ExecutionResult result) {
        return result.getErrors().stream().map(GraphQLError::toSpecification).toList();
    }

    private static String json(Object data) {
        return new String(SimulatorResponse.toJson(data), StandardCharsets.UTF_8);
    }

    private static String readDocument(String name) {
        try {
            return Files.readString(Path.of("graphql", name));
        } catch (IOException e) {
            throw new IllegalStateException("Client document graphql/" + name + " is missing; run the tests from"
                    + " the project root", e);
        }
    }
}
