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
import com.dealerpool.rothco.observe.Observability;
import com.dealerpool.rothco.pool.FulfillmentStore;
import com.dealerpool.rothco.primary.ConnectorHarness;
import com.dealerpool.rothco.simulator.RothcoSimulator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** Rejections by kind and FRs by status in the meter registry after a real send run. */
class RejectionMetricsTest {

    private static final String SOURCE = "dealer";

    @TempDir
    Path folder;

    private RothcoSimulator simulator;
    private ConnectorHarness connector;

    @BeforeEach
    void startAll() throws Exception {
        simulator = FulfillmentFixtures.simulator();
        connector = ConnectorHarness.start(folder, FulfillmentFixtures.settings(folder, simulator));
    }

    @AfterEach
    void stopAll() {
        connector.close();
        simulator.close();
    }

    @Test
    void rejectionsCountedByKind() {
        FulfillmentStore store = connector.runtime().fulfillmentStore();
        FulfillmentRequest empty = new FulfillmentRequest(null, "FR-3001", "FR-3001", SOURCE, FulfillmentStatus.NEW,
                null, Map.of(), null, null, "pat@example.com", request("x", SOURCE).shippingAddress(), null,
                List.of(), 0, List.of());
        store.insert(empty, FulfillmentStatus.NEW, null, "test");
        store.insert(request("FR-3002", SOURCE, "NO-SUCH-SKU"), FulfillmentStatus.NEW, null, "test");
        String sku = FulfillmentFixtures.orderableSkus(simulator, 1).get(0);
        store.insert(request("FR-3003", SOURCE, sku), FulfillmentStatus.NEW, null, "test");

        RunOutcome outcome = FulfillmentFixtures.runSend(connector, SOURCE);

        assertThat(outcome.status()).as("run status; %s", outcome.summary())
                .isEqualTo(RunStatus.SUCCEEDED_WITH_WARNINGS);
        assertThat(rejections("invalid_request")).as("rejected locally").isEqualTo(1.0);
        assertThat(rejections("item_unavailable")).as("rejected by Rothco as unavailable").isEqualTo(1.0);
        assertThat(rejections("duplicate_po")).as("duplicate POs").isZero();
        assertThat(requests("rejected")).as("rejected FRs in the pool").isEqualTo(2.0);
        assertThat(requests("acknowledged")).as("acknowledged FRs in the pool").isEqualTo(1.0);
        assertThat(requests("new")).as("new FRs in the pool").isZero();
    }

    private MeterRegistry registry() {
        return connector.context().getRegistry().lookupByNameAndType(Observability.METER_REGISTRY, MeterRegistry.class);
    }

    private double rejections(String kind) {
        Counter counter = registry().find("rothco.fulfillment.rejections").tags("source", SOURCE, "kind", kind)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double requests(String status) {
        Gauge gauge = registry().find("rothco.fulfillment.requests").tags("source", SOURCE, "status", status).gauge();
        assertThat(gauge).as("gauge of status %s", status).isNotNull();
        return gauge.value();
    }
}
