package com.dealerpool.rothco.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The admin API under {@code /admin/}; the routes are listed in {@link RothcoSimulator}. It
 * serves only loopback clients, and errors come as {@code {"error": "..."}} with HTTP 400, 403,
 * 404 or 405.
 */
final class AdminHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AdminHandler.class);

    private final RothcoSimulator simulator;

    AdminHandler(RothcoSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public void handle(HttpExchange exchange) {
        SimulatorResponse response;
        try {
            response = route(exchange);
        } catch (IllegalArgumentException | IOException e) {
            LOG.warn("Rejected admin request {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(),
                    e.getMessage());
            response = error(400, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Admin request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            response = error(500, "Admin request failed: " + e);
        }
        ResponseSender.write(exchange, response);
    }

    private SimulatorResponse route(HttpExchange exchange) throws IOException {
        if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
            return error(403, "The admin API serves only clients on 127.0.0.1");
        }
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        switch (path) {
            case "/admin/faults":
                return faults(method, exchange);
            case "/admin/epoch":
                return epoch(method, exchange);
            case "/admin/enrollments":
                return enrollment(method, exchange);
            case "/admin/requests":
                return requests(method);
            case "/admin/orders":
                return orders(method);
            case "/admin/order-rules":
                return orderRules(method, exchange);
            case "/admin/order-faults":
                return orderFaults(method, exchange);
            case "/admin/clock":
                return clock(method, exchange);
            default:
                return error(404, "No admin route " + path + "; use /admin/faults, /admin/epoch, /admin/enrollments,"
                        + " /admin/requests, /admin/orders, /admin/order-rules, /admin/order-faults or /admin/clock");
        }
    }

    private SimulatorResponse faults(String method, HttpExchange exchange) throws IOException {
        switch (method) {
            case "GET":
                return SimulatorResponse.json(200, simulator.faults().settings());
            case "PUT":
                FaultSettings settings = SimulatorResponse.JSON.readValue(readBody(exchange), FaultSettings.class);
                simulator.faults().apply(settings);
                return SimulatorResponse.json(200, simulator.faults().settings());
            case "DELETE":
                simulator.faults().clear();
                return SimulatorResponse.json(200, simulator.faults().settings());
            default:
                return notAllowed(method, "GET, PUT, DELETE");
        }
    }

    private SimulatorResponse epoch(String method, HttpExchange exchange) throws IOException {
        switch (method) {
            case "GET":
                return SimulatorResponse.json(200, Map.of("epoch", simulator.epoch()));
            case "PUT":
                JsonNode epoch = SimulatorResponse.JSON.readTree(readBody(exchange)).path("epoch");
                if (!epoch.canConvertToInt()) {
                    throw new IllegalArgumentException("Body must be {\"epoch\": <whole number of 0 or more>}, got "
                            + epoch);
                }
                simulator.setEpoch(epoch.intValue());
                return SimulatorResponse.json(200, Map.of("epoch", simulator.epoch()));
            default:
                return notAllowed(method, "GET, PUT");
        }
    }

    private SimulatorResponse enrollment(String method, HttpExchange exchange) throws IOException {
        if (!"POST".equals(method)) {
            return notAllowed(method, "POST");
        }
        JsonNode body = SimulatorResponse.JSON.readTree(readBody(exchange));
        String apiKey = body.path("apiKey").asText(null);
        String brand = body.path("brand").asText(null);
        if (apiKey == null || brand == null) {
            throw new IllegalArgumentException("Body must be {\"apiKey\": \"...\", \"brand\": \"...\"}; brands are "
                    + CatalogModel.arpBrandNames());
        }
        SimulatorAccount account = simulator.accounts().enroll(apiKey, brand);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accountNumber", account.accountNumber());
        answer.put("mode", account.mode().name());
        answer.put("enrolledBrands", account.sortedEnrolledBrands());
        return SimulatorResponse.json(200, answer);
    }

    private SimulatorResponse requests(String method) {
        switch (method) {
            case "GET":
                return SimulatorResponse.json(200, Map.of("totalRequests", simulator.requestLog().totalRequests(),
                        "counts", simulator.requestLog().counts()));
            case "DELETE":
                simulator.requestLog().reset();
                return SimulatorResponse.json(200, Map.of("totalRequests", 0, "counts", Map.of()));
            default:
                return notAllowed(method, "GET, DELETE");
        }
    }

    private SimulatorResponse orders(String method) {
        switch (method) {
            case "GET":
                return SimulatorResponse.json(200, Map.of("orders", simulator.orders().orders(),
                        "duplicateAttempts", simulator.orders().duplicateAttempts()));
            case "DELETE":
                simulator.orders().clear();
                return SimulatorResponse.json(200, Map.of("orders", java.util.List.of(), "duplicateAttempts", 0));
            default:
                return notAllowed(method, "GET, DELETE");
        }
    }

    /** {@code POST {"apiKey": "...", "refuseShippingMethod": "UPSRED", "approveHazmat": true}}; either rule may be left out. */
    private SimulatorResponse orderRules(String method, HttpExchange exchange) throws IOException {
        if (!"POST".equals(method)) {
            return notAllowed(method, "POST");
        }
        JsonNode body = SimulatorResponse.JSON.readTree(readBody(exchange));
        String apiKey = body.path("apiKey").asText(null);
        if (apiKey == null || simulator.accounts().byKey(apiKey).isEmpty()) {
            throw new IllegalArgumentException("Body must name a simulator account's key: {\"apiKey\": \"...\","
                    + " \"refuseShippingMethod\": \"UPSRED\", \"approveHazmat\": true}");
        }
        String refused = body.path("refuseShippingMethod").asText(null);
        if (refused != null) {
            simulator.orders().refuseShippingMethod(apiKey, refused);
        }
        if (body.path("approveHazmat").asBoolean(false)) {
            simulator.orders().approveHazmat(apiKey);
        }
        return SimulatorResponse.json(200, Map.of("refusedShippingMethod", String.valueOf(refused),
                "approveHazmat", body.path("approveHazmat").asBoolean(false)));
    }

    /** {@code PUT {"dropConnectionAfterAccept": 0.1}}: the share of accepted orders whose reply is dropped. */
    private SimulatorResponse orderFaults(String method, HttpExchange exchange) throws IOException {
        if (!"PUT".equals(method)) {
            return notAllowed(method, "PUT");
        }
        JsonNode share = SimulatorResponse.JSON.readTree(readBody(exchange)).path("dropConnectionAfterAccept");
        if (!share.isNumber()) {
            throw new IllegalArgumentException("Body must be {\"dropConnectionAfterAccept\": <number from 0 to 1>}, got "
                    + share);
        }
        simulator.faults().dropConnectionAfterAccept(share.doubleValue());
        return SimulatorResponse.json(200, Map.of("dropConnectionAfterAccept", share.doubleValue()));
    }

    /** {@code GET}, or {@code POST {"advanceMinutes": 30}} or {@code POST {"now": "2026-01-01T00:00:00Z"}}. */
    private SimulatorResponse clock(String method, HttpExchange exchange) throws IOException {
        if ("POST".equals(method)) {
            JsonNode body = SimulatorResponse.JSON.readTree(readBody(exchange));
            if (body.path("advanceMinutes").canConvertToLong() && body.path("advanceMinutes").longValue() >= 0) {
                simulator.clock().advance(java.time.Duration.ofMinutes(body.path("advanceMinutes").longValue()));
            } else if (body.path("now").isTextual()) {
                try {
                    simulator.clock().set(java.time.Instant.parse(body.path("now").asText()));
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException("\"now\" must be an ISO-8601 time in UTC such as"
                            + " 2026-01-01T00:00:00Z, got " + body.path("now").asText(), e);
                }
            } else {
                throw new IllegalArgumentException("Body must be {\"advanceMinutes\": <whole number of 0 or more>} or"
                        + " {\"now\": \"<ISO-8601 time>\"}, got " + body);
            }
        } else if (!"GET".equals(method)) {
            return notAllowed(method, "GET, POST");
        }
        return SimulatorResponse.json(200, Map.of("now", simulator.clock().now().toString(),
                "speed", simulator.clock().speed()));
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            return body.readAllBytes();
        }
    }

    private static SimulatorResponse notAllowed(String method, String allowed) {
        return error(405, "Method " + method + " is not allowed here; use " + allowed).withHeader("Allow", allowed);
    }

    private static SimulatorResponse error(int status, String message) {
        return SimulatorResponse.json(status, Map.of("error", String.valueOf(message)));
    }
}
