package com.dealerpool.rothco.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The simulator's order API over HTTP: createOrder, orderByPo and the drop-after-accept fault. */
class SimulatorOrdersTest {

    private static final String CREATE = "mutation CreateOrder($input: OrderInput!) { createOrder(input: $input)"
            + " { orderNumber confirmationId poNumber status } }";
    private static final String LOOKUP = "query OrderByPo($poNumber: String!) { orderByPo(poNumber: $poNumber)"
            + " { orderNumber poNumber } }";

    private RothcoSimulator simulator;
    private SimulatorClient client;
    private String sku;

    @BeforeEach
    void start() {
        simulator = RothcoSimulator.start(SimulatorSettings.builder().variants(300).build());
        client = new SimulatorClient(simulator);
        CatalogSnapshot snapshot = simulator.snapshotFor(SimulatorAccount.DEMO_SANDBOX_KEY);
        sku = snapshot.skus().stream().filter(candidate -> !OrderBook.isHazmat(candidate)
                && !"0".equals(snapshot.variant(candidate).orElseThrow().quantity())).findFirst().orElseThrow();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private Map<String, Object> input(String poNumber) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("poNumber", poNumber);
        input.put("billingEmail", "billing@dealer.example");
        input.put("email", "pat@example.com");
        input.put("shipTo", Map.of("name", "Pat Doe", "address1", "1 Main St", "city", "Albany", "state", "NY",
                "zip", "12207"));
        input.put("lines", List.of(Map.of("sku", sku, "quantity", 1)));
        return input;
    }

    private JsonNode create(Map<String, Object> input) throws IOException, InterruptedException {
        HttpResponse<String> response = client.sandbox(CREATE, Map.of("input", input));
        return SimulatorClient.JSON.readTree(response.body());
    }

    @Test
    void createOrderReturnsSandboxOrder() throws Exception {
        JsonNode order = create(input("PO-1")).path("data").path("createOrder");
        assertThat(order.path("orderNumber").asText()).as("order number").startsWith("SB-");
        assertThat(order.path("status").asText()).as("status").isEqualTo("OPEN");
    }

    @Test
    void missingEmailUsesGraphqlJsWording() throws Exception {
        Map<String, Object> input = input("PO-2");
        input.remove("email");
        JsonNode error = create(input).path("errors").get(0);
        assertThat(error.path("message").asText()).as("message")
                .isEqualTo("Field \"email\" of required type \"String!\" was not provided.");
        assertThat(simulator.orders().orders()).as("orders").isEmpty();
    }

    @Test
    void secondOrderWithPoIsDuplicate() throws Exception {
        create(input("PO-3"));
        JsonNode error = create(input("PO-3")).path("errors").get(0);
        assertThat(error.path("extensions").path("code").asText()).as("code").isEqualTo("DUPLICATE_PO");
        assertThat(simulator.orders().ordersWithPo("PO-3")).as("orders").hasSize(1);
    }

    @Test
    void orderByPoFindsOrder() throws Exception {
        String number = create(input("PO-4")).path("data").path("createOrder").path("orderNumber").asText();
        JsonNode found = SimulatorClient.JSON.readTree(client.sandbox(LOOKUP, Map.of("poNumber", "PO-4")).body());
        JsonNode missing = SimulatorClient.JSON.readTree(client.sandbox(LOOKUP, Map.of("poNumber", "PO-5")).body());
        assertThat(found.path("data").path("orderByPo").path("orderNumber").asText()).as("found").isEqualTo(number);
        assertThat(missing.path("data").path("orderByPo").isNull()).as("unknown PO is null").isTrue();
    }

    @Test
    void droppedConnectionKeepsOrder() {
        simulator.faults().dropConnectionAfterAccept(1.0);
        assertThatThrownBy(() -> create(input("PO-6"))).as("client sees the connection close")
                .isInstanceOf(IOException.class);
        assertThat(simulator.orders().ordersWithPo("PO-6")).as("orders").hasSize(1);
    }

    @Test
    void dropShareIsSpreadEvenly() {
        Faults faults = new Faults().dropConnectionAfterAccept(0.1);
        int dropped = 0;
        for (int i = 0; i < 1000; i++) {
            dropped += faults.takeDropAfterAccept() ? 1 : 0;
        }
        assertThat(dropped).as("drops in 1000 accepted orders").isEqualTo(100);
    }

    @Test
    void adminApiSetsOrderRules() throws Exception {
        HttpResponse<String> rules = client.admin("POST", "/admin/order-rules", "{\"apiKey\": \""
                + SimulatorAccount.DEMO_SANDBOX_KEY + "\", \"refuseShippingMethod\": \"UPSRED\"}");
        Map<String, Object> input = input("PO-7");
        input.put("shippingMethod", "UPSRED");

        JsonNode error = create(input).path("errors").get(0);

        assertThat(rules.statusCode()).as("admin status").isEqualTo(200);
        assertThat(error.path("extensions").path("code").asText()).as("code").isEqualTo("SHIPPING_METHOD_NOT_ACCEPTED");
    }

    @Test
    void adminApiListsOrders() throws Exception {
        client.admin("PUT", "/admin/order-faults", "{\"dropConnectionAfterAccept\": 0}");
        create(input("PO-8"));

        JsonNode orders = SimulatorClient.json(client.admin("GET", "/admin/orders", null));

        assertThat(orders.path("orders").get(0).path("poNumber").asText()).as("listed PO").isEqualTo("PO-8");
        assertThat(orders.path("duplicateAttempts").asInt()).as("duplicate attempts").isZero();
    }
}
