package com.dealerpool.rothco.fulfillment;

import static com.dealerpool.rothco.fulfillment.FulfillmentFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.dealerpool.rothco.job.RunOutcome;
import com.dealerpool.rothco.job.RunStatus;
import com.dealerpool.rothco.pool.FulfillmentStore;
import com.dealerpool.rothco.primary.ConnectorHarness;
import com.dealerpool.rothco.simulator.RothcoSimulator;

/** Rejected fulfillment requests: local validation and each kind of Rothco rejection. */
class SendRejectionTest {

    private static final String SOURCE = ConnectorHarness.SOURCE;

    @TempDir
    Path folder;

    private RothcoSimulator simulator;
    private ConnectorHarness connector;
    private FulfillmentStore store;

    @BeforeEach
    void startAll() throws Exception {
        simulator = FulfillmentFixtures.simulator();
        Map<String, String> settings = FulfillmentFixtures.settings(folder, simulator);
        settings.put("rothco.sources.dealer.send-fulfillment-requests.accepts-shipping-method", "true");
        connector = ConnectorHarness.start(folder, settings);
        store = connector.runtime().fulfillmentStore();
    }

    @AfterEach
    void stopAll() {
        connector.close();
        simulator.close();
    }

    private String column(String column, String frNumber) {
        return connector.text("SELECT " + column + " FROM fulfillment_request WHERE fr_number = ?", frNumber);
    }

    private String deadLetterError(String frNumber) {
        return connector.text("SELECT error FROM dead_letter WHERE channel = 'rejected-orders' AND reference = ?",
                frNumber);
    }

    @Test
    void invalidRequestNamesEveryProblem() {
        FulfillmentRequest invalid = new FulfillmentRequest(null, "FR-2001", "FR-2001", SOURCE, FulfillmentStatus.NEW,
                null, Map.of(), null, null, "not-an-email", new ShippingAddress(" ", null, null, "Albany", "XX",
                        "1220", "US", null), null,
                List.of(new FulfillmentItem(1, null, 0, null, Map.of())), 0, List.of());
        store.insert(invalid, FulfillmentStatus.NEW, null, "test");

        RunOutcome outcome = FulfillmentFixtures.runSend(connector, SOURCE);

        String error = column("error_text", "FR-2001");
        assertThat(column("status", "FR-2001")).as("status").isEqualTo("rejected");
        assertThat(column("error_code", "FR-2001")).as("code").isEqualTo(FulfillmentSteps.CODE_INVALID_FR);
        assertThat(error).as("error text").contains("Full Name is missing", "Address Line 1 is missing",
                "State 'XX' is not a US state code", "Postal Code '1220' is not a US ZIP code",
                "Customer Email 'not-an-email' is not an email address", "item 1 has no SKU",
                "item 1 has quantity 0");
        assertThat(deadLetterError("FR-2001")).as("dead letter").contains(error);
        assertThat(connector.count("SELECT COUNT(*) FROM job_event WHERE run_id = ? AND kind = 'fr_rejected'"
                + " AND message LIKE ?", outcome.runId(), "%FR-2001%")).as("job log events").isEqualTo(1);
        assertThat(simulator.requestLog().fieldRequests("createOrder")).as("order requests").isZero();
        assertThat(outcome.status()).as("run status").isEqualTo(RunStatus.SUCCEEDED_WITH_WARNINGS);
    }

    @Test
    void requestWithoutItemsIsRejected() {
        FulfillmentRequest empty = new FulfillmentRequest(null, "FR-2002", "FR-2002", SOURCE, FulfillmentStatus.NEW,
                null, Map.of(), null, null, "pat@example.com", request("x", SOURCE).shippingAddress(), null,
                List.of(), 0, List.of());
        store.insert(empty, FulfillmentStatus.NEW, null, "test");

        FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(column("error_text", "FR-2002")).as("error text").contains("the request has no items");
    }

    @Test
    void unavailableItemKeepsRothcoText() {
        store.insert(request("FR-2003", SOURCE, "NO-SUCH-SKU"), FulfillmentStatus.NEW, null, "test");

        FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(column("status", "FR-2003")).as("status").isEqualTo("rejected");
        assertThat(column("error_code", "FR-2003")).as("code").isEqualTo("ITEM_UNAVAILABLE");
        assertThat(column("error_text", "FR-2003")).as("Rothco's text").isEqualTo("Item \"NO-SUCH-SKU\" is unavailable.");
        assertThat(deadLetterError("FR-2003")).as("dead letter")
                .isEqualTo("[ITEM_UNAVAILABLE] Item \"NO-SUCH-SKU\" is unavailable.");
        assertThat(connector.text("SELECT payload FROM dead_letter WHERE reference = ?", "FR-2003"))
                .as("dead letter payload is the order request").contains("createOrder", "NO-SUCH-SKU");
    }

    @Test
    void duplicatePoIsRejected() {
        String sku = FulfillmentFixtures.orderableSkus(simulator, 1).get(0);
        store.insert(request("FR-2004", SOURCE, sku), FulfillmentStatus.NEW, null, "test");
        FulfillmentFixtures.runSend(connector, SOURCE);
        store.insert(FulfillmentFixtures.withPoNumber(request("FR-2005", SOURCE, sku), "FR-2004"),
                FulfillmentStatus.NEW, null, "test");

        FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(column("error_code", "FR-2005")).as("code").isEqualTo("DUPLICATE_PO");
        assertThat(column("error_text", "FR-2005")).as("Rothco's text")
                .startsWith("Purchase order \"FR-2004\" already exists as order SB-");
    }

    @Test
    void restrictedItemIsRejected() {
        String sku = FulfillmentFixtures.restrictedSku(simulator);
        store.insert(request("FR-2006", SOURCE, sku), FulfillmentStatus.NEW, null, "test");

        FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(column("error_code", "FR-2006")).as("code").isEqualTo("RESTRICTED_ITEM");
        assertThat(column("error_text", "FR-2006")).as("Rothco's text").contains(sku, "Authorized Reseller Program");
    }

    @Test
    void hazmatItemIsRejected() {
        String sku = FulfillmentFixtures.hazmatSku(simulator);
        store.insert(request("FR-2007", SOURCE, sku), FulfillmentStatus.NEW, null, "test");

        FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(column("error_code", "FR-2007")).as("code").isEqualTo("HAZMAT_RESTRICTED");
        assertThat(column("error_text", "FR-2007")).as("Rothco's text").contains(sku, "hazardous material");
    }

    @Test
    void refusedShippingMethodIsRejected() {
        simulator.orders().refuseShippingMethod(FulfillmentFixtures.KEY, "UPSRED");
        store.insert(FulfillmentFixtures.withShippingMethod(request("FR-2008", SOURCE,
                FulfillmentFixtures.orderableSkus(simulator, 1).get(0)), "UPS Next Day Air"), FulfillmentStatus.NEW,
                null, "test");

        FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(column("error_code", "FR-2008")).as("code").isEqualTo("SHIPPING_METHOD_NOT_ACCEPTED");
        assertThat(column("error_text", "FR-2008")).as("Rothco's text")
                .isEqualTo("Shipping method \"UPSRED\" is not accepted for account RC-800001.");
    }

    @Test
    void unmappedShippingMethodIsRejectedLocally() {
        store.insert(FulfillmentFixtures.withShippingMethod(request("FR-2009", SOURCE,
                FulfillmentFixtures.orderableSkus(simulator, 1).get(0)), "Pony Express"), FulfillmentStatus.NEW,
                null, "test");

        FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(column("error_code", "FR-2009")).as("code").isEqualTo("UNKNOWN_SHIPPING_METHOD");
        assertThat(column("error_text", "FR-2009")).as("error text").contains("'Pony Express'", "shipping-methods.csv");
        assertThat(simulator.requestLog().fieldRequests("createOrder")).as("order requests").isZero();
    }
}
