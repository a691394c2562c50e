package com.dealerpool.rothco.fulfillment;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.job.JobRuns;
import com.dealerpool.rothco.job.RunOutcome;
import com.dealerpool.rothco.primary.ConnectorHarness;
import com.dealerpool.rothco.rothco.ApiMode;
import com.dealerpool.rothco.simulator.CatalogModel;
import com.dealerpool.rothco.simulator.CatalogSnapshot;
import com.dealerpool.rothco.simulator.OrderBook;
import com.dealerpool.rothco.simulator.RothcoSimulator;
import com.dealerpool.rothco.simulator.SimulatedProductLine;
import com.dealerpool.rothco.simulator.SimulatedVariant;
import com.dealerpool.rothco.simulator.SimulatorAccount;
import com.dealerpool.rothco.simulator.SimulatorSettings;

/** Simulator, settings and fulfillment requests shared by the Send Fulfillment Requests tests. */
public final class FulfillmentFixtures {

    public static final String KEY = "sandbox-fr-key-0001";
    public static final String SECOND_KEY = "sandbox-fr-key-0002";
    public static final String BILLING_EMAIL = "billing@dealer.example";

    private FulfillmentFixtures() {
    }

    /** Starts a small simulator with two Sandbox accounts, neither enrolled in an ARP brand. */
    public static RothcoSimulator simulator() {
        return RothcoSimulator.start(SimulatorSettings.builder()
                .port(0)
                .seed(11)
                .variants(400)
                .accounts(List.of(new SimulatorAccount(KEY, ApiMode.SANDBOX, "RC-800001", "East Outfitters", Set.of()),
                        new SimulatorAccount(SECOND_KEY, ApiMode.SANDBOX, "RC-800002", "West Outfitters", Set.of())))
                .build());
    }

    /** Harness settings with Send Fulfillment Requests enabled for the source and unknown FRs retried at once. */
    static Map<String, String> settings(Path folder, RothcoSimulator simulator) {
        Map<String, String> settings = ConnectorHarness.defaultSettings(folder, simulator, KEY);
        settings.put("rothco.sources.dealer.get-inventory-primary.enabled", "false");
        settings.put("rothco.sources.dealer.send-fulfillment-requests.enabled", "true");
        settings.put("rothco.sources.dealer.send-fulfillment-requests.billing-email", BILLING_EMAIL);
        settings.put("rothco.sources.dealer.send-fulfillment-requests.unknown-retry-seconds", "0");
        settings.put("fulfillment.inbox.enabled", "false");
        return settings;
    }

    /**
     * Harness settings with a second source on {@link #SECOND_KEY} that sends FRs, both sources
     * in routing group "main".
     */
    static Map<String, String> routingGroupSettings(Path folder, RothcoSimulator simulator, String secondId) {
        Map<String, String> settings = settings(folder, simulator);
        String second = "rothco.sources." + secondId + ".";
        settings.put("rothco.sources", ConnectorHarness.SOURCE + "," + secondId);
        settings.put("rothco.sources.dealer.send-fulfillment-requests.routing-group", "main");
        settings.put(second + "api-key", SECOND_KEY);
        settings.put(second + "url", simulator.sandboxUrl());
        ConnectorHarness.putShipping(settings, secondId);
        settings.put(second + "test-connection-at-startup", "false");
        settings.put(second + "get-inventory-primary.enabled", "false");
        settings.put(second + "send-fulfillment-requests.enabled", "true");
        settings.put(second + "send-fulfillment-requests.billing-email", secondId + "@dealer.example");
        settings.put(second + "send-fulfillment-requests.routing-group", "main");
        settings.put(second + "send-fulfillment-requests.unknown-retry-seconds", "0");
        settings.put(second + "get-fr-acknowledgments.schedule", "0 0 2 * * ?");
        settings.put(second + "get-shipments.schedule", "0 0 2 * * ?");
        return settings;
    }

    /** Runs Send Fulfillment Requests of a source once and returns the run's outcome. */
    static RunOutcome runSend(ConnectorHarness connector, String sourceId) {
        return connector.context().createProducerTemplate()
                .send("direct:" + Operation.SEND_FULFILLMENT_REQUESTS.routeId(sourceId),
                        exchange -> exchange.setProperty(JobRuns.TRIGGER_PROPERTY, "manual"))
                .getMessage().getBody(RunOutcome.class);
    }

    /** Returns a valid FR for a source with one line per SKU, quantity 1 each. */
    public static FulfillmentRequest request(String frNumber, String sourceId, String... skus) {
        List<FulfillmentItem> items = new ArrayList<>();
        for (int i = 0; i < skus.length; i++) {
            items.add(new FulfillmentItem(i + 1, skus[i], 1, new BigDecimal("19.99"), Map.of()));
        }
        return new FulfillmentRequest(null, frNumber, frNumber, sourceId, FulfillmentStatus.NEW, "Leave at the door",
                Map.of("channel", "web"), "orders@dealer.example", "Dealer Orders", "pat@example.com",
                new ShippingAddress("Pat Doe", "1 Main St", null, "Albany", "NY", "12207", "US", "555-0100"), null,
                items, 0, List.of());
    }

    static FulfillmentRequest withShippingMethod(FulfillmentRequest request, String method) {
        return new FulfillmentRequest(request.id(), request.frNumber(), request.poNumber(), request.sourceId(),
                request.status(), request.frNotes(), request.customFields(), request.confirmToEmail(),
                request.confirmToName(), request.customerEmail(), request.shippingAddress(), method, request.items(),
                request.sendAttempts(), request.triedSources());
    }

    static FulfillmentRequest withPoNumber(FulfillmentRequest request, String poNumber) {
        return new FulfillmentRequest(request.id(), request.frNumber(), poNumber, request.sourceId(),
                request.status(), request.frNotes(), request.customFields(), request.confirmToEmail(),
                request.confirmToName(), request.customerEmail(), request.shippingAddress(), request.shippingMethod(),
                request.items(), request.sendAttempts(), request.triedSources());
    }

    /** Returns the whole catalog, ARP brands included, at epoch 0. */
    public static CatalogSnapshot everything(RothcoSimulator simulator) {
        return simulator.catalog().snapshot(0, CatalogModel.arpBrandNames());
    }

    /** SKUs any account can order: in stock, not restricted, not hazmat. */
    public static List<String> orderableSkus(RothcoSimulator simulator, int count) {
        List<String> skus = new ArrayList<>();
        CatalogSnapshot snapshot = everything(simulator);
        for (String sku : snapshot.skus()) {
            SimulatedProductLine line = snapshot.productLineOf(sku).orElseThrow();
            SimulatedVariant variant = snapshot.variant(sku).orElseThrow();
            if (!line.restricted() && !OrderBook.isHazmat(sku) && !"0".equals(variant.quantity())) {
                skus.add(sku);
                if (skus.size() == count) {
                    return skus;
                }
            }
        }
        throw new IllegalStateException("The simulator catalog has fewer than " + count + " orderable SKUs");
    }

    /** Returns a SKU of an ARP brand that is in stock and not hazmat. */
    static String restrictedSku(RothcoSimulator simulator) {
        CatalogSnapshot snapshot = everything(simulator);
        return snapshot.skus().stream()
                .filter(sku -> snapshot.productLineOf(sku).orElseThrow().restricted())
                .filter(sku -> !OrderBook.isHazmat(sku) && !"0".equals(snapshot.variant(sku).orElseThrow().quantity()))
                .findFirst().orElseThrow(() -> new IllegalStateException("No restricted SKU in the simulator catalog"));
    }

    /** Returns the brand of a SKU's product line. */
    static String brandOf(RothcoSimulator simulator, String sku) {
        return everything(simulator).productLineOf(sku).orElseThrow().brand();
    }

    /** Returns a hazmat SKU that is in stock and not restricted. */
    static String hazmatSku(RothcoSimulator simulator) {
        CatalogSnapshot snapshot = everything(simulator);
        return snapshot.skus().stream()
                .filter(OrderBook::isHazmat)
                .filter(sku -> !snapshot.productLineOf(sku).orElseThrow().restricted()
                        && !"0".equals(snapshot.variant(sku).orElseThrow().quantity()))
                .findFirst().orElseThrow(() -> new IllegalStateException("No hazmat SKU in the simulator catalog"));
    }
}
