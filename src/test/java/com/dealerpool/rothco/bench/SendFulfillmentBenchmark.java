package com.dealerpool.rothco.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.fulfillment.FulfillmentItem;
import com.dealerpool.rothco.fulfillment.FulfillmentRequest;
import com.dealerpool.rothco.fulfillment.FulfillmentStatus;
import com.dealerpool.rothco.fulfillment.ShippingAddress;
import com.dealerpool.rothco.job.JobRuns;
import com.dealerpool.rothco.job.RunOutcome;
import com.dealerpool.rothco.pool.FulfillmentStore;
import com.dealerpool.rothco.primary.ConnectorHarness;
import com.dealerpool.rothco.rothco.ApiMode;
import com.dealerpool.rothco.simulator.CatalogModel;
import com.dealerpool.rothco.simulator.CatalogSnapshot;
import com.dealerpool.rothco.simulator.OrderBook;
import com.dealerpool.rothco.simulator.RothcoSimulator;
import com.dealerpool.rothco.simulator.SimulatorAccount;
import com.dealerpool.rothco.simulator.SimulatorSettings;

/**
 * Benchmark of Send Fulfillment Requests, run with {@code scripts/benchmark.sh fulfillment}:
 * 1,000 FRs against the simulator with 50 ms latency per request, at 1 and at 4 concurrent
 * order requests. The ideal rate is concurrency / latency (20 and 80 orders per second); the
 * benchmark prints the measured rate and its share of the ideal. The simulator runs in the
 * same JVM.
 */
public final class SendFulfillmentBenchmark {

    private static final String KEY = "sandbox-benchmark-key-0002";
    private static final String SOURCE = ConnectorHarness.SOURCE;

    private SendFulfillmentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = Integer.getInteger("bench.requests", 1000);
        int latencyMillis = Integer.getInteger("bench.latency-ms", 50);
        System.out.printf(Locale.ROOT, "Send Fulfillment Requests benchmark: %d FRs, %d ms latency per request,"
                + " %d cores%n", requests, latencyMillis, Runtime.getRuntime().availableProcessors());
        for (int concurrency : new int[] {1, 4}) {
            run(requests, latencyMillis, concurrency);
        }
    }

    private static void run(int requests, int latencyMillis, int concurrency) throws Exception {
        Path work = Files.createTempDirectory("rothco-send-bench-");
        try (RothcoSimulator simulator = RothcoSimulator.start(SimulatorSettings.builder().variants(2000)
                .accounts(List.of(new SimulatorAccount(KEY, ApiMode.SANDBOX, "RC-900001", "Bench Outfitters", Set.of())))
                .build())) {
            simulator.faults().latency(Duration.ofMillis(latencyMillis));
            Map<String, String> settings = ConnectorHarness.defaultSettings(work, simulator, KEY);
            settings.put("camel.main.name", "rothco-send-bench-" + concurrency);
            settings.put("rothco.sources.dealer.get-inventory-primary.enabled", "false");
            settings.put("rothco.sources.dealer.max-concurrent-requests", String.valueOf(concurrency));
            settings.put("rothco.sources.dealer.max-requests-per-second", "10000");
            settings.put("rothco.sources.dealer.send-fulfillment-requests.enabled", "true");
            settings.put("rothco.sources.dealer.send-fulfillment-requests.billing-email", "billing@dealer.example");
            try (ConnectorHarness connector = ConnectorHarness.start(work, settings)) {
                insert(connector.runtime().fulfillmentStore(), orderableSkus(simulator), requests);
                long start = System.nanoTime();
                RunOutcome outcome = connector.context().createProducerTemplate()
                        .send("direct:" + Operation.SEND_FULFILLMENT_REQUESTS.routeId(SOURCE),
                                exchange -> exchange.setProperty(JobRuns.TRIGGER_PROPERTY, "manual"))
                        .getMessage().getBody(RunOutcome.class);
                double seconds = (System.nanoTime() - start) / 1e9;
                long sent = connector.count("SELECT COUNT(*) FROM fulfillment_request WHERE status = 'acknowledged'");
                double rate = sent / seconds;
                double ideal = concurrency * 1000.0 / latencyMillis;
                System.out.printf(Locale.ROOT, "concurrency %d: %d of %d FRs sent in %.1f s, %.1f orders/s, ideal %.1f"
                        + " orders/s, %.0f%% of ideal (run %s)%n", concurrency, sent, requests, seconds, rate, ideal,
                        100 * rate / ideal, outcome.status().value());
            }
        }
    }

    private static List<String> orderableSkus(RothcoSimulator simulator) {
        CatalogSnapshot snapshot = simulator.catalog().snapshot(0, CatalogModel.arpBrandNames());
        List<String> skus = new ArrayList<>();
        for (String sku : snapshot.skus()) {
            if (!snapshot.productLineOf(sku).orElseThrow().restricted() && !OrderBook.isHazmat(sku)
                    && !"0".equals(snapshot.variant(sku).orElseThrow().quantity()) && skus.size() < 50) {
                skus.add(sku);
            }
        }
        return skus;
    }

    private static void insert(FulfillmentStore store, List<String> skus, int requests) {
        ShippingAddress address = new ShippingAddress("Pat Doe", "1 Main St", null, "Albany", "NY", "12207", "US", null);
        for (int i = 1; i <= requests; i++) {
            String frNumber = String.format(Locale.ROOT, "FR-B%05d", i);
            store.insert(new FulfillmentRequest(null, frNumber, frNumber, SOURCE, FulfillmentStatus.NEW, null, Map.of(),
                    null, null, "pat@example.com", address, null, List.of(new FulfillmentItem(1,
                            skus.get(i % skus.size()), 1, new BigDecimal("9.99"), Map.of())), 0, List.of()),
                    FulfillmentStatus.NEW, null, "benchmark");
        }
    }
}
