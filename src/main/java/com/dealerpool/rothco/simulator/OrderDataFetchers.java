package com.dealerpool.rothco.simulator;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import com.dealerpool.rothco.rothco.RothcoContract;

/** Data fetchers of the order API: the mutation {@code createOrder} and the queries {@code orderByPo} and {@code shipments}. */
final class OrderDataFetchers {

    private static final int MAX_SHIPMENT_PAGE_SIZE = RothcoContract.MAX_SHIPMENT_PAGE_SIZE;

    private OrderDataFetchers() {
    }

    static DataFetcher<DataFetcherResult<OrderLifecycle.OrderView>> createOrder() {
        return environment -> {
            RequestScope scope = scope(environment);
            scope.requestLog().recordField("createOrder");
            Map<String, Object> input = environment.getArgument("input");
            try {
                PlacedOrder order = scope.orders().place(scope.account(), input);
                scope.orderAccepted();
                return DataFetcherResult.<OrderLifecycle.OrderView>newResult()
                        .data(OrderLifecycle.view(order, scope.orders().clock().now())).build();
            } catch (OrderRejectedException e) {
                return DataFetcherResult.<OrderLifecycle.OrderView>newResult().error(GraphqlErrorBuilder.newError(environment)
                        .message(e.getMessage())
                        .extensions(Map.of("code", e.code()))
                        .build()).build();
            }
        };
    }

    static DataFetcher<OrderLifecycle.OrderView> orderByPo() {
        return environment -> {
            RequestScope scope = scope(environment);
            scope.requestLog().recordField("orderByPo");
            String poNumber = environment.getArgument("poNumber");
            return scope.orders().viewByPo(scope.account(), poNumber).orElse(null);
        };
    }

    /**
     * Returns the fetcher of the query {@code shipments}: one page of the account's shipments
     * since a time. An invalid time or page comes back as BAD_USER_INPUT.
     */
    static DataFetcher<DataFetcherResult<ShipmentPage>> shipments() {
        return environment -> {
            RequestScope scope = scope(environment);
            scope.requestLog().recordField("shipments");
            String since = environment.getArgument("shippedSince");
            int page = environment.getArgument("page");
            int pageSize = environment.getArgument("pageSize");
            Instant sinceTime;
            try {
                sinceTime = Instant.parse(since);
            } catch (DateTimeParseException e) {
                return badInput(environment, "shippedSince \"" + since + "\" is not an ISO-8601 time in UTC,"
                        + " such as 2026-01-31T00:00:00Z.");
            }
            if (page < 1 || pageSize < 1 || pageSize > MAX_SHIPMENT_PAGE_SIZE) {
                return badInput(environment, "page must be 1 or more and pageSize 1 to " + MAX_SHIPMENT_PAGE_SIZE
                        + "; got page " + page + ", pageSize " + pageSize + ".");
            }
            List<OrderLifecycle.Shipment> all = scope.orders().shipments(scope.account(), sinceTime);
            int totalPages = Math.max(1, (all.size() + pageSize - 1) / pageSize);
            int from = Math.min(all.size(), (page - 1) * pageSize);
            List<OrderLifecycle.Shipment> items = all.subList(from, Math.min(all.size(), from + pageSize));
            return DataFetcherResult.<ShipmentPage>newResult().data(new ShipmentPage(
                    new QueryDataFetchers.PageInfo(page, pageSize, totalPages, all.size()), List.copyOf(items)))
                    .build();
        };
    }

    /** The schema's {@code ShipmentPage}. */
    record ShipmentPage(QueryDataFetchers.PageInfo pageInfo, List<OrderLifecycle.Shipment> shipments) {
    }

    private static <T> DataFetcherResult<T> badInput(DataFetchingEnvironment environment, String message) {
        return DataFetcherResult.<T>newResult().error(GraphqlErrorBuilder.newError(environment)
                .message(message)
                .extensions(Map.of("code", "BAD_USER_INPUT"))
                .build()).build();
    }

    private static RequestScope scope(DataFetchingEnvironment environment) {
        return environment.getGraphQlContext().get(RequestScope.class);
    }
}
