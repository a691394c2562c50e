package com.dealerpool.rothco.simulator;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;

import java.util.Map;

/** Data fetchers of the order API: the mutation {@code createOrder} and the query {@code orderByPo}. */
final class OrderDataFetchers {

    private OrderDataFetchers() {
    }

    static DataFetcher<DataFetcherResult<PlacedOrder>> createOrder() {
        return environment -> {
            RequestScope scope = scope(environment);
            scope.requestLog().recordField("createOrder");
            Map<String, Object> input = environment.getArgument("input");
            try {
                PlacedOrder order = scope.orders().place(scope.account(), input);
                scope.orderAccepted();
                return DataFetcherResult.<PlacedOrder>newResult().data(order).build();
            } catch (OrderRejectedException e) {
                return DataFetcherResult.<PlacedOrder>newResult().error(GraphqlErrorBuilder.newError(environment)
                        .message(e.getMessage())
                        .extensions(Map.of("code", e.code()))
                        .build()).build();
            }
        };
    }

    static DataFetcher<PlacedOrder> orderByPo() {
        return environment -> {
            RequestScope scope = scope(environment);
            scope.requestLog().recordField("orderByPo");
            String poNumber = environment.getArgument("poNumber");
            return scope.orders().byPo(scope.account(), poNumber).orElse(null);
        };
    }

    private static RequestScope scope(DataFetchingEnvironment environment) {
        return environment.getGraphQlContext().get(RequestScope.class);
    }
}
