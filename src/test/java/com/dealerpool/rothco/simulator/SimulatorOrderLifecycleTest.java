package com.dealerpool.rothco.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The simulated order lifecycle over HTTP: statuses on the order clock, invoices and shipments. */
class SimulatorOrderLifecycleTest {

    private static final String CREATE = "mutation CreateOrder($input: OrderInput!) { createOrder(input: $input)"
            + " { orderNumber status } }";
    private static final String STATUS = "query OrderStatus($poNumber: String!) { orderByPo(poNumber: $poNumber)"
            + " { status items { skuCode quantityOrdered } invoice { invoiceNumber poNumber items { skuCode"
            + " quantityOrdered } } } }";
    private static final String SHIPMENTS = "query Shipments($since: String!, $page: Int!, $pageSize: Int!) {"
            + " shipments(shippedSince: $since, page: $page, pageSize: $pageSize) { pageInfo { totalPages totalItems }"
            + " shipments { orderNumber orderStatus poNumber shippedAt shippingMethodCode shippingMethodName"
            + " trackingNumber items { productLineCode quantityOrdered quantityShipped skuCode } } } }";

    private RothcoSimulator simulator;
    private SimulatorClient client;
    private List<String> skus;

    @BeforeEach
    void start() {
        simulator = RothcoSimulator.start(SimulatorSettings.builder().variants(300).orderClockSpeed(0).build());
        client = new SimulatorClient(simulator);
        CatalogSnapshot snapshot = simulator.snapshotFor(SimulatorAccount.DEMO_SANDBOX_KEY);
        skus = snapshot.skus().stream().filter(candidate -> !OrderBook.isHazmat(candidate)
                && !"0".equals(snapshot.variant(candidate).orElseThrow().quantity())).limit(2).toList();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private JsonNode create(String poNumber, int firstQuantity, int secondQuantity) throws Exception {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("poNumber", poNumber);
        input.put("billingEmail", "billing@dealer.example");
        input.put("email", "pat@example.com");
        input.put("shipTo", Map.of("name", "Pat Doe", "address1", "1 Main St", "city", "Albany", "state", "NY",
                "zip", "12207"));
        input.put("lines", List.of(Map.of("sku", skus.get(0), "quantity", firstQuantity),
                Map.of("sku", skus.get(1), "quantity", secondQuantity)));
        return SimulatorClient.json(client.sandbox(CREATE, Map.of("input", input))).path("data").path("createOrder");
    }

    private JsonNode order(String poNumber) throws Exception {
        return SimulatorClient.json(client.sandbox(STATUS, Map.of("poNumber", poNumber))).path("data")
                .path("orderByPo");
    }

    private JsonNode shipments(Instant since, int page, int pageSize) throws Exception {
        return SimulatorClient.json(client.sandbox(SHIPMENTS, Map.of("since", since.toString(), "page", page,
                "pageSize", pageSize))).path("data").path("shipments");
    }

    private String statusAfter(String poNumber, int minutes) throws Exception {
        simulator.clock().advance(Duration.ofMinutes(minutes));
        return order(poNumber).path("status").asText();
    }

    @Test
    void splitOrderWalksEveryStatus() throws Exception {
        Instant placed = simulator.clock().now();
        assertThat(create("PO-SPLIT", 2, 1).path("status").asText()).as("at placement").isEqualTo("OPEN");

        assertThat(statusAfter("PO-SPLIT", OrderLifecycle.CONFIRM_MINUTES)).as("confirmed").isEqualTo("CONFIRMED");
        assertThat(statusAfter("PO-SPLIT", OrderLifecycle.FIRST_SHIPMENT_MINUTES)).as("after the first shipment")
                .isEqualTo("PARTIALLY_SHIPPED");
        JsonNode first = shipments(placed, 1, 10);
        assertThat(first.path("shipments")).as("shipments after the first").hasSize(1);
        assertThat(first.path("shipments").get(0).path("items").get(0).path("quantityShipped").asInt())
                .as("first parcel, first line").isEqualTo(2);

        assertThat(statusAfter("PO-SPLIT", OrderLifecycle.SECOND_SHIPMENT_MINUTES)).as("after the second")
                .isEqualTo("FULLY_SHIPPED");
        JsonNode both = shipments(placed, 1, 10).path("shipments");
        assertThat(both).as("shipments").hasSize(2);
        assertThat(both.get(0).path("trackingNumber").asText()).as("tracking numbers differ")
                .isNotEqualTo(both.get(1).path("trackingNumber").asText());
        assertThat(both.get(1).path("items").get(0).path("skuCode").asText()).as("second parcel SKU")
                .isEqualTo(skus.get(1));
        assertThat(both.get(1).path("items").get(0).path("productLineCode").asText()).as("product line")
                .isNotBlank();
        assertThat(both.get(1).path("shippedAt").asText()).as("shipped at").isNotBlank();
        assertThat(order("PO-SPLIT").path("invoice").isNull()).as("invoice before closing").isTrue();

        assertThat(statusAfter("PO-SPLIT", OrderLifecycle.CLOSE_MINUTES)).as("closed").isEqualTo("CLOSED");
        JsonNode invoice = order("PO-SPLIT").path("invoice");
        assertThat(invoice.path("poNumber").asText()).as("invoice PO").isEqualTo("PO-SPLIT");
        assertThat(invoice.path("items").get(0).path("quantityOrdered").asInt()).as("invoiced quantity").isEqualTo(2);
    }

    @Test
    void heldOrderConfirmsLater() throws Exception {
        create("PO-HOLD", 1, 1);
        assertThat(statusAfter("PO-HOLD", OrderLifecycle.HOLD_FROM_MINUTES)).as("held").isEqualTo("HOLD");
        assertThat(statusAfter("PO-HOLD", OrderLifecycle.HELD_CONFIRM_MINUTES)).as("confirmed after the hold")
                .isEqualTo("CONFIRMED");
    }

    @Test
    void cancelledOrderNeverShips() throws Exception {
        Instant placed = simulator.clock().now();
        create("PO-CANCEL", 1, 1);
        assertThat(statusAfter("PO-CANCEL", 120)).as("status").isEqualTo("CANCELLED");
        assertThat(shipments(placed, 1, 10).path("shipments")).as("shipments").isEmpty();
    }

    @Test
    void noDateShipmentLacksShippedAt() throws Exception {
        Instant placed = simulator.clock().now();
        create("PO-NODATE", 1, 1);
        simulator.clock().advance(Duration.ofMinutes(60));
        JsonNode shipment = shipments(placed, 1, 10).path("shipments").get(0);
        assertThat(shipment.path("shippedAt").isNull()).as("shippedAt is null").isTrue();
        assertThat(shipment.path("trackingNumber").asText()).as("tracking number").startsWith("1Z");
    }

    @Test
    void shortConfirmationDropsOneUnit() throws Exception {
        create("PO-SHORT", 1, 3);
        JsonNode items = order("PO-SHORT").path("items");
        assertThat(items.get(1).path("quantityOrdered").asInt()).as("confirmed quantity of the last line")
                .isEqualTo(2);
    }

    @Test
    void shipmentsPageAndRespectWindow() throws Exception {
        Instant placed = simulator.clock().now();
        for (int i = 0; i < 5; i++) {
            create("PO-PAGE-" + i + "-SPLIT", 1, 1);
        }
        simulator.clock().advance(Duration.ofMinutes(60));
        JsonNode first = shipments(placed, 1, 4);
        assertThat(first.path("pageInfo").path("totalItems").asInt()).as("shipments").isEqualTo(10);
        assertThat(first.path("pageInfo").path("totalPages").asInt()).as("pages").isEqualTo(3);
        List<String> tracking = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            shipments(placed, page, 4).path("shipments").forEach(node -> tracking.add(node.path("trackingNumber")
                    .asText()));
        }
        assertThat(tracking).as("tracking numbers over all pages").hasSize(10).doesNotHaveDuplicates();
        assertThat(shipments(simulator.clock().now(), 1, 4).path("pageInfo").path("totalItems").asInt())
                .as("shipments since now").isZero();
    }

    @Test
    void sameOrderPathEveryRun() {
        assertThat(OrderLifecycle.pathOf("FR-77123")).as("unmarked PO path")
                .isEqualTo(OrderLifecycle.pathOf("FR-77123"));
        assertThat(OrderLifecycle.pathOf("FR-1-split-nodate")).as("markers in any case")
                .isEqualTo(new OrderLifecycle.Path(false, false, true, true, false));
    }

    @Test
    void adminClockSteps() throws IOException, InterruptedException {
        Instant before = simulator.clock().now();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(simulator.baseUrl() + "/admin/clock"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"advanceMinutes\": 90}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("status; body %s", response.body()).isEqualTo(200);
        assertThat(Duration.between(before, simulator.clock().now()).toMinutes()).as("minutes stepped")
                .isEqualTo(90);
    }
}
