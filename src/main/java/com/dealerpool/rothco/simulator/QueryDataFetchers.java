package com.dealerpool.rothco.simulator;

import com.dealerpool.rothco.rothco.RothcoContract;
import com.dealerpool.rothco.simulator.FaultSettings.PageRef;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Data fetchers of the root fields {@code account}, {@code catalog} and {@code inventory}. */
final class QueryDataFetchers {

    static final String CODE_BAD_USER_INPUT = "BAD_USER_INPUT";

    /** The schema's {@code PageInfo}. */
    record PageInfo(int page, int pageSize, int totalPages, int totalItems) {
    }

    /** The schema's {@code CatalogPage}. */
    record CatalogPage(PageInfo pageInfo, List<SimulatedProductLine> productLines) {
    }

    /** The schema's {@code InventoryPage}. */
    record InventoryPage(PageInfo pageInfo, List<SimulatedVariant> items) {
    }

    static final int DEFAULT_CATALOG_PAGE_SIZE = 100;
    static final int DEFAULT_INVENTORY_PAGE_SIZE = 1000;

    private QueryDataFetchers() {
    }

    static DataFetcher<Map<String, Object>> account() {
        return environment -> {
            RequestScope scope = scope(environment);
            scope.requestLog().recordField("account");
            SimulatorAccount account = scope.account();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("accountNumber", account.accountNumber());
            fields.put("name", account.name());
            fields.put("mode", account.mode().name());
            fields.put("enrolledBrands", account.sortedEnrolledBrands());
            return fields;
        };
    }

    static DataFetcher<DataFetcherResult<CatalogPage>> catalog() {
        return environment -> {
            RequestScope scope = scope(environment);
            scope.requestLog().recordField(PagedQuery.CATALOG.fieldName());
            Integer page = environment.getArgument("page");
            int pageSize = pageSizeArgument(environment, DEFAULT_CATALOG_PAGE_SIZE);
            GraphQLError invalid = validatePaging(environment, page, pageSize, RothcoContract.MAX_CATALOG_PAGE_SIZE);
            if (invalid != null) {
                return DataFetcherResult.<CatalogPage>newResult().error(invalid).build();
            }
            PageRef pageRef = touch(scope, PagedQuery.CATALOG, page);
            CatalogSnapshot snapshot = scope.snapshot();
            List<SimulatedProductLine> lines = snapshot.catalogPage(page, pageSize);
            if (scope.faults().hasBadRecords(pageRef)) {
                lines = BadRecordInjector.corruptCatalogPage(lines);
            }
            PageInfo pageInfo = new PageInfo(page, pageSize,
                    CatalogSnapshot.totalPages(snapshot.totalProductLines(), pageSize), snapshot.totalProductLines());
            return DataFetcherResult.<CatalogPage>newResult().data(new CatalogPage(pageInfo, lines)).build();
        };
    }

    static DataFetcher<DataFetcherResult<InventoryPage>> inventory() {
        return environment -> {
            RequestScope scope = scope(environment);
            scope.requestLog().recordField(PagedQuery.INVENTORY.fieldName());
            Integer page = environment.getArgument("page");
            int pageSize = pageSizeArgument(environment, DEFAULT_INVENTORY_PAGE_SIZE);
            GraphQLError invalid = validatePaging(environment, page, pageSize,
                    RothcoContract.MAX_INVENTORY_PAGE_SIZE);
            if (invalid != null) {
                return DataFetcherResult.<InventoryPage>newResult().error(invalid).build();
            }
            PageRef pageRef = touch(scope, PagedQuery.INVENTORY, page);
            CatalogSnapshot snapshot = scope.snapshot();
            List<SimulatedVariant> items = snapshot.inventoryPage(page, pageSize);
            if (scope.faults().hasBadRecords(pageRef)) {
                items = BadRecordInjector.corruptInventoryPage(items);
            }
            PageInfo pageInfo = new PageInfo(page, pageSize,
                    CatalogSnapshot.totalPages(snapshot.totalVariants(), pageSize), snapshot.totalVariants());
            return DataFetcherResult.<InventoryPage>newResult().data(new InventoryPage(pageInfo, items)).build();
        };
    }

    private static RequestScope scope(DataFetchingEnvironment environment) {
        return environment.getGraphQlContext().get(RequestScope.class);
    }

    private static PageRef touch(RequestScope scope, PagedQuery query, int page) {
        PageRef pageRef = new PageRef(query, page);
        scope.requestLog().recordPage(query, page);
        scope.touchPage(pageRef);
        return pageRef;
    }

    /** Reads pageSize; an explicit null means the schema default, as when the argument is left out. */
    private static int pageSizeArgument(DataFetchingEnvironment environment, int defaultPageSize) {
        Integer pageSize = environment.getArgument("pageSize");
        return pageSize == null ? defaultPageSize : pageSize;
    }

    private static GraphQLError validatePaging(DataFetchingEnvironment environment, int page, int pageSize,
            int maxPageSize) {
        if (page < 1) {
            return badUserInput(environment, "Invalid page " + page + "; pages are numbered from 1.");
        }
        if (pageSize < 1 || pageSize > maxPageSize) {
            return badUserInput(environment, "Invalid pageSize " + pageSize + "; use a value from 1 to "
                    + maxPageSize + ".");
        }
        return null;
    }

    private static GraphQLError badUserInput(DataFetchingEnvironment environment, String message) {
        return GraphqlErrorBuilder.newError(environment)
                .message(message)
                .extensions(Map.of("code", CODE_BAD_USER_INPUT))
                .build();
    }
}
