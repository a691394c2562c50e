package com.dealerpool.rothco.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.dealerpool.rothco.primary.ConnectorHarness;
import com.dealerpool.rothco.simulator.RothcoSimulator;

/** The three intake paths: inbox files, rows inserted straight into the pool, and HTTP. */
class FulfillmentIntakeTest {

    private static final String SOURCE = ConnectorHarness.SOURCE;
    private static final Path SAMPLES = Path.of("samples", "fulfillment-requests");

    @TempDir
    Path folder;

    private RothcoSimulator simulator;
    private ConnectorHarness connector;
    private Path inbox;

    @BeforeEach
    void startSimulator() {
        simulator = FulfillmentFixtures.simulator();
        inbox = folder.resolve("inbox");
    }

    @AfterEach
    void stopAll() {
        if (connector != null) {
            connector.close();
        }
        simulator.close();
    }

    private void start(Map<String, String> overrides) throws Exception {
        Map<String, String> settings = FulfillmentFixtures.settings(folder, simulator);
        settings.put("fulfillment.inbox.enabled", "true");
        settings.put("fulfillment.inbox.directory", inbox.toString());
        settings.putAll(overrides);
        connector = ConnectorHarness.start(folder, settings);
    }

    private String status(String frNumber) {
        return connector.text("SELECT status FROM fulfillment_request WHERE fr_number = ?", frNumber);
    }

    private String sampleWithSku(String sample, String sku) throws Exception {
        return Files.readString(SAMPLES.resolve(sample)).replaceAll("RTH-\\d{4}-[A-Z]+-[A-Z]+", sku);
    }

    @Test
    void inboxFileIsStoredAndSent() throws Exception {
        start(Map.of());
        String sku = FulfillmentFixtures.orderableSkus(simulator, 1).get(0);
        Files.writeString(inbox.resolve("FR-10001.json"), sampleWithSku("FR-10001.json", sku));

        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(inbox.resolve("done/FR-10001.json")));
        FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(status("FR-10001")).as("status").isEqualTo("acknowledged");
        assertThat(simulator.orders().ordersWithPo("FR-10001").get(0).lines()).as("order lines").hasSize(2);
    }

    @Test
    void listFileStoresEveryRequest() throws Exception {
        start(Map.of());
        Files.copy(SAMPLES.resolve("two-requests.json"), inbox.resolve("two-requests.json"));

        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(inbox.resolve("done/two-requests.json")));

        assertThat(status("FR-10002")).as("first FR").isEqualTo("new");
        assertThat(status("FR-10003")).as("second FR").isEqualTo("new");
    }

    @Test
    void invalidFileMovesToErrorWithReasons() throws Exception {
        start(Map.of());
        Files.copy(SAMPLES.resolve("invalid-request.json"), inbox.resolve("invalid-request.json"));

        Path reasons = inbox.resolve("error/invalid-request.json.error.txt");
        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(reasons)
                && Files.exists(inbox.resolve("error/invalid-request.json")));

        assertThat(Files.readString(reasons)).as("reasons").contains("FR FR-10004: State 'ZZ' is not a US state code",
                "Postal Code '8950' is not a US ZIP code", "Customer Email 'not-an-email' is not an email address",
                "item 1 has quantity 0; use 1 or more");
        assertThat(connector.count("SELECT COUNT(*) FROM fulfillment_request")).as("FRs stored").isZero();
    }

    @Test
    void sourceNotAcceptingFrsRejected() throws Exception {
        Map<String, String> west = new java.util.HashMap<>();
        west.put("rothco.sources", SOURCE + ",west");
        west.put("rothco.sources.west.api-key", FulfillmentFixtures.SECOND_KEY);
        west.put("rothco.sources.west.url", simulator.sandboxUrl());
        west.put("rothco.sources.west.test-connection-at-startup", "false");
        west.put("rothco.sources.west.type", "product-data-source");
        ConnectorHarness.putShipping(west, "west");
        start(west);
        Files.writeString(inbox.resolve("to-west.json"), Files.readString(SAMPLES.resolve("FR-10001.json"))
                .replace("\"source\": \"dealer\"", "\"source\": \"west\""));

        Path reasons = inbox.resolve("error/to-west.json.error.txt");
        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(reasons));

        assertThat(Files.readString(reasons)).as("reasons").contains("FR FR-10001: source 'west' does not accept"
                + " fulfillment requests (rothco.sources.west.accepts-fulfillment-requests=false); use one of [dealer]");
        assertThat(connector.count("SELECT COUNT(*) FROM fulfillment_request")).as("FRs stored").isZero();
    }

    @Test
    void unknownFieldIsReported() throws Exception {
        start(Map.of());
        Files.writeString(inbox.resolve("typo.json"), "{\"frNumber\": \"FR-1\", \"custEmail\": \"a@b.example\"}");

        Path reasons = inbox.resolve("error/typo.json.error.txt");
        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(reasons));

        assertThat(Files.readString(reasons)).as("reasons").contains("custEmail");
    }

    @Test
    void duplicateFileIsRejected() throws Exception {
        start(Map.of());
        Files.copy(SAMPLES.resolve("FR-10001.json"), inbox.resolve("first.json"));
        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(inbox.resolve("done/first.json")));
        Files.copy(SAMPLES.resolve("FR-10001.json"), inbox.resolve("again.json"));

        Path reasons = inbox.resolve("error/again.json.error.txt");
        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(reasons));

        assertThat(Files.readString(reasons)).as("reasons").contains("FR FR-10001: already in the pool");
    }

    @Test
    void insertedRowsAreSent() throws Exception {
        start(Map.of());
        String sku = FulfillmentFixtures.orderableSkus(simulator, 1).get(0);
        try (Connection connection = connector.dataSource().getConnection()) {
            try (PreparedStatement request = connection.prepareStatement("INSERT INTO fulfillment_request (id,"
                    + " fr_number, source_id, customer_email, ship_full_name, ship_address1, ship_city, ship_state,"
                    + " ship_postal_code) VALUES (900, 'FR-SQL-1', 'dealer', 'pat@example.com', 'Pat Doe',"
                    + " '1 Main St', 'Albany', 'NY', '12207')")) {
                request.executeUpdate();
            }
            try (PreparedStatement item = connection.prepareStatement("INSERT INTO fulfillment_request_item"
                    + " (request_id, line_number, sku, quantity) VALUES (900, 1, ?, 2)")) {
                item.setString(1, sku);
                item.executeUpdate();
            }
        }

        FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(status("FR-SQL-1")).as("status").isEqualTo("acknowledged");
        assertThat(simulator.orders().ordersWithPo("FR-SQL-1")).as("orders").hasSize(1);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private HttpResponse<String> post(int port, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/fulfillment-requests"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void httpPostStoresRequest() throws Exception {
        int port = freePort();
        start(Map.of("camel.server.enabled", "true", "camel.server.host", "127.0.0.1",
                "camel.server.port", String.valueOf(port)));

        HttpResponse<String> response = post(port, Files.readString(SAMPLES.resolve("FR-10001.json")), null);

        assertThat(response.statusCode()).as("status; body %s", response.body()).isEqualTo(201);
        assertThat(response.body()).as("body").contains("FR-10001");
        assertThat(status("FR-10001")).as("FR status").isEqualTo("new");
    }

    @Test
    void httpPostInvalidListsProblems() throws Exception {
        int port = freePort();
        start(Map.of("camel.server.enabled", "true", "camel.server.host", "127.0.0.1",
                "camel.server.port", String.valueOf(port)));

        HttpResponse<String> response = post(port, Files.readString(SAMPLES.resolve("invalid-request.json")), null);

        assertThat(response.statusCode()).as("status").isEqualTo(400);
        assertThat(response.body()).as("body").contains("State 'ZZ' is not a US state code");
    }

    @Test
    void httpTokenIsRequiredWhenSet() throws Exception {
        int port = freePort();
        start(Map.of("camel.server.enabled", "true", "camel.server.host", "127.0.0.1",
                "camel.server.port", String.valueOf(port), "fulfillment.http.token", "s3cr3t-token-value"));
        String body = Files.readString(SAMPLES.resolve("FR-10001.json"));

        assertThat(post(port, body, null).statusCode()).as("without token").isEqualTo(401);
        assertThat(post(port, body, "wrong").statusCode()).as("wrong token").isEqualTo(401);
        assertThat(post(port, body, "s3cr3t-token-value").statusCode()).as("right token").isEqualTo(201);
    }
}
