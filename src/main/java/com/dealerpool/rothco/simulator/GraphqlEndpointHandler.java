package com.dealerpool.rothco.simulator;

import com.dealerpool.rothco.rothco.ApiMode;
import com.dealerpool.rothco.rothco.RothcoContract;
import com.dealerpool.rothco.simulator.FaultSettings.PageRef;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.validation.ValidationError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * {@code POST /live/graphql} or {@code POST /sandbox/graphql}: authenticates the API key,
 * applies the fault switches and executes the GraphQL request against the caller's catalog
 * snapshot. See {@link RothcoSimulator} for the status codes.
 */
final class GraphqlEndpointHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(GraphqlEndpointHandler.class);

    static final String CODE_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED";
    static final String CODE_PARSE_FAILED = "GRAPHQL_PARSE_FAILED";
    static final String CODE_BAD_REQUEST = "BAD_REQUEST";

    /** Dependencies shared by the Live and the Sandbox endpoint. */
    record Backend(AccountRegistry accounts, CatalogModel catalog, IntSupplier epoch, Faults faults,
            RequestLog requestLog, RothcoGraphqlEngine engine, GraphqlJsErrorWording wording, ResponseSender sender,
            OrderBook orders) {
    }

    private final ApiMode mode;
    private final String path;
    private final Backend backend;

    GraphqlEndpointHandler(ApiMode mode, Backend backend) {
        this.mode = mode;
        this.path = mode == ApiMode.LIVE ? RothcoContract.LIVE_PATH : RothcoContract.SANDBOX_PATH;
        this.backend = backend;
    }

    @Override
    public void handle(HttpExchange exchange) {
        backend.requestLog().recordRequest(new RequestLog.RecordedRequest(Instant.now(),
                exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders())));
        long latency = backend.faults().latencyMillis();
        SimulatorResponse response;
        long extraDelay = 0;
        try {
            ResponsePlan plan = respond(exchange);
            response = plan.response();
            extraDelay = plan.delayMillis();
        } catch (RuntimeException | IOException e) {
            LOG.error("Simulator failed to answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            response = SimulatorResponse.graphqlError(500, "Internal server error: " + e.getMessage(),
                    RothcoContract.CODE_INTERNAL);
        }
        backend.sender().send(exchange, response, latency + extraDelay);
    }

    /** A response and how long to hold it back beyond the configured latency. */
    private record ResponsePlan(SimulatorResponse response, long delayMillis) {

        static ResponsePlan now(SimulatorResponse response) {
            return new ResponsePlan(response, 0);
        }
    }

    private ResponsePlan respond(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(path)) {
            return ResponsePlan.now(SimulatorResponse.graphqlError(404,
                    "Not found: " + exchange.getRequestURI().getPath() + "; send GraphQL requests to " + path,
                    "NOT_FOUND"));
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            return ResponsePlan.now(SimulatorResponse.graphqlError(405,
                    "Method " + exchange.getRequestMethod() + " is not allowed; send GraphQL requests with POST",
                    "METHOD_NOT_ALLOWED").withHeader("Allow", "POST"));
        }
        String apiKey = exchange.getRequestHeaders().getFirst(RothcoContract.API_KEY_HEADER);
        SimulatorAccount account = backend.accounts().byKey(apiKey).orElse(null);

        if (account == null) {
            return ResponsePlan.now(SimulatorResponse.graphqlError(401, "Invalid API key",
                    RothcoContract.CODE_UNAUTHENTICATED));
        }
        if (account.mode() != mode) {
            return ResponsePlan.now(modeMismatch(account.mode()));
        }

        int retryAfter = backend.faults().takeRateLimit();
        if (retryAfter >= 0) {
            return ResponsePlan.now(SimulatorResponse.graphqlError(429,
                    "Rate limit exceeded; retry after " + retryAfter + " seconds", RothcoContract.CODE_RATE_LIMITED)
                    .withHeader(RothcoContract.RETRY_AFTER_HEADER, String.valueOf(retryAfter)));
        }

        long hang = backend.faults().takeRequestHangMillis();
        GraphqlRequest request;
        try (InputStream body = exchange.getRequestBody()) {
            request = GraphqlRequest.parse(body.readAllBytes());
        } catch (GraphqlRequest.InvalidRequestException e) {
            LOG.warn("Rejected GraphQL request to {} from account {}: {}", path, account.accountNumber(),
                    e.getMessage());
            return new ResponsePlan(SimulatorResponse.graphqlError(400, e.getMessage(), CODE_BAD_REQUEST), hang);
        }
        return execute(request, account, hang);
    }

    private SimulatorResponse modeMismatch(ApiMode keyMode) {
        if (keyMode == ApiMode.SANDBOX) {
            return SimulatorResponse.graphqlError(403, "A Sandbox key cannot call the Live API; use the Sandbox"
                    + " endpoint or a Live key", RothcoContract.CODE_SANDBOX_KEY_ON_LIVE);
        }
        return SimulatorResponse.graphqlError(403, "A Live key cannot call the Sandbox API; use the Live endpoint"
                + " or a Sandbox key", RothcoContract.CODE_LIVE_KEY_ON_SANDBOX);
    }

    private ResponsePlan execute(GraphqlRequest request, SimulatorAccount account, long hang) {
        CatalogSnapshot snapshot = backend.catalog().snapshot(backend.epoch().getAsInt(), account.enrolledBrands());
        RequestScope scope = new RequestScope(account, snapshot, backend.faults(), backend.requestLog(),
                backend.orders());
        ExecutionResult result = backend.engine().execute(request.query(), request.operationName(),
                request.variables(), scope);

        for (GraphQLError error : result.getErrors()) {
            if (error instanceof ExceptionWhileDataFetching failure) {
                LOG.error("Simulator data fetcher failed at {}", failure.getPath(), failure.getException());
                return new ResponsePlan(SimulatorResponse.graphqlError(500, "Internal server error",
                        RothcoContract.CODE_INTERNAL), hang);
            }
        }
        if (scope.isOrderAccepted() && backend.faults().takeDropAfterAccept()) {
            LOG.info("Fault switch: order accepted, connection dropped before the response");
            return new ResponsePlan(SimulatorResponse.DROPPED_CONNECTION, hang);
        }
        long delay = hang;
        boolean malformed = false;
        for (PageRef page : scope.touchedPages()) {
            if (backend.faults().takeServerError(page)) {
                LOG.info("Fault switch: HTTP 500 for {} page {}", page.query().fieldName(), page.page());
                return new ResponsePlan(SimulatorResponse.graphqlError(500, "Internal server error while reading "
                        + page.query().fieldName() + " page " + page.page(), RothcoContract.CODE_INTERNAL), delay);
            }
            delay = Math.max(delay, backend.faults().pageHangMillis(page));
            malformed |= backend.faults().isMalformed(page);
        }

        byte[] body = SimulatorResponse.toJson(responseBody(result, request.variables()));
        if (malformed) {
            body = java.util.Arrays.copyOf(body, Math.max(1, body.length / 2));
        }
        return new ResponsePlan(new SimulatorResponse(200, Map.of(), body), delay);
    }

    private Map<String, Object> responseBody(ExecutionResult result, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!result.getErrors().isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (GraphQLError original : result.getErrors()) {
                String code = codeOf(original);
                for (GraphQLError reworded : backend.wording().reword(original, variables)) {
                    Map<String, Object> error = new LinkedHashMap<>(reworded.toSpecification());
                    Map<String, Object> extensions = new LinkedHashMap<>();
                    if (reworded.getExtensions() != null) {
                        extensions.putAll(reworded.getExtensions());
                    }
                    extensions.remove("classification");
                    extensions.putIfAbsent("code", code);
                    error.put("extensions", extensions);
                    errors.add(error);
                }
            }
            body.put("errors", errors);
        }
        if (result.isDataPresent()) {
            body.put("data", result.getData());
        }
        return body;
    }

    /** Picks the {@code extensions.code} of an error that does not carry one. */
    static String codeOf(GraphQLError error) {
        Object code = error.getExtensions() == null ? null : error.getExtensions().get("code");
        if (code != null) {
            return code.toString();
        }
        if (error instanceof ValidationError) {
            return CODE_VALIDATION_FAILED;
        }
        if (error.getErrorType() == ErrorType.InvalidSyntax) {
            return CODE_PARSE_FAILED;
        }
        if (error.getErrorType() == ErrorType.ValidationError) {
            return QueryDataFetchers.CODE_BAD_USER_INPUT;
        }
        return RothcoContract.CODE_INTERNAL;
    }

    /** The JSON body of a GraphQL request. */
    record GraphqlRequest(String query, String operationName, Map<String, Object> variables) {

        /** A body that is not a GraphQL request; its message names what is wrong. */
        static final class InvalidRequestException extends Exception {
            InvalidRequestException(String message) {
                super(message);
            }
        }

        @SuppressWarnings("unchecked")
        static GraphqlRequest parse(byte[] body) throws InvalidRequestException {
            JsonNode root;
            try {
                root = SimulatorResponse.JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new InvalidRequestException("Request body is not valid JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new InvalidRequestException("Request body could not be read: " + e.getMessage());
            }
            if (root == null || !root.isObject()) {
                throw new InvalidRequestException("Request body must be a JSON object with a \"query\" string");
            }
            JsonNode query = root.get("query");
            if (query == null || !query.isTextual() || query.asText().isBlank()) {
                throw new InvalidRequestException("Request body has no \"query\" string; send"
                        + " {\"query\": \"...\", \"variables\": {...}}");
            }
            JsonNode variables = root.get("variables");
            if (variables != null && !variables.isNull() && !variables.isObject()) {
                throw new InvalidRequestException("\"variables\" must be a JSON object, not " + variables.getNodeType());
            }
            JsonNode operationName = root.get("operationName");
            Map<String, Object> variableMap = variables == null || variables.isNull()
                    ? Map.of()
                    : SimulatorResponse.JSON.convertValue(variables, Map.class);
            return new GraphqlRequest(query.asText(),
                    operationName == null || operationName.isNull() ? null : operationName.asText(), variableMap);
        }
    }
}
