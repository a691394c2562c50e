package com.dealerpool.rothco.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.dealerpool.rothco.fulfillment.FulfillmentItem;
import com.dealerpool.rothco.fulfillment.FulfillmentRequest;
import com.dealerpool.rothco.fulfillment.FulfillmentStatus;
import com.dealerpool.rothco.fulfillment.ShippingAddress;
import com.dealerpool.rothco.pool.OrderTrackingStore.AckCandidate;
import com.dealerpool.rothco.pool.OrderTrackingStore.AckResult;
import com.dealerpool.rothco.pool.OrderTrackingStore.AckUpdate;
import com.dealerpool.rothco.pool.OrderTrackingStore.ShipmentChange;
import com.dealerpool.rothco.pool.OrderTrackingStore.ShipmentResult;
import com.dealerpool.rothco.pool.OrderTrackingStore.ShipmentUpsert;

/**
 * The V4 order lifecycle schema and {@link OrderTrackingStore}: the new statuses, exclusive
 * acknowledgment claims, shipment upserts and the stock that shipments and cancellations
 * release. Runs on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OrderTrackingStoreTest {

    private static final String SOURCE = "tracking";

    private TestDatabases.PoolDatabase database;
    private FulfillmentStore requests;
    private OrderTrackingStore store;
    private int sequence;

    protected abstract TestDatabases.PoolDatabase openDatabase();

    @BeforeAll
    void open() {
        database = openDatabase();
        requests = new FulfillmentStore(database.dataSource());
        store = new OrderTrackingStore(database.dataSource());
        new SourceRegistry(database.dataSource()).ensureSource(SOURCE, "Tracking", "sandbox");
        requests.commitStock(SOURCE, true);
    }

    @AfterAll
    void close() {
        database.close();
    }

    /** Inserts an FR with lines SKU-A x2 and SKU-B x1 and marks it sent as a Rothco order; returns its FR number. */
    private String sentFr() {
        String frNumber = "FR-T-" + (++sequence);
        requests.insert(new FulfillmentRequest(null, frNumber, frNumber, SOURCE, FulfillmentStatus.NEW, null, Map.of(),
                null, null, "pat@example.com", new ShippingAddress("Pat Doe", "1 Main St", null, "Albany", "NY",
                        "12207", "US", null), null,
                List.of(new FulfillmentItem(1, "SKU-A-" + sequence, 2, new BigDecimal("1.00"), Map.of()),
                        new FulfillmentItem(2, "SKU-B-" + sequence, 1, new BigDecimal("1.00"), Map.of())),
                0, List.of()), FulfillmentStatus.NEW, null, "test");
        execute("UPDATE fulfillment_request SET status = 'sent', rothco_order_number = ? WHERE fr_number = ?",
                "SB-" + sequence, frNumber);
        return frNumber;
    }

    private void execute(String sql, Object... parameters) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private String text(String sql, Object... parameters) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private int committed(String sku) {
        String value = text("SELECT committed FROM committed_stock WHERE source_id = ? AND sku = ?", SOURCE, sku);
        return value == null ? 0 : Integer.parseInt(value);
    }

    private long idOf(String frNumber) {
        return Long.parseLong(text("SELECT id FROM fulfillment_request WHERE fr_number = ?", frNumber));
    }

    private AckCandidate claim(String frNumber, String owner) {
        long id = idOf(frNumber);
        Instant now = Instant.now();
        return store.claimForAcknowledgment(SOURCE, id - 1, 1, owner, now, now.plus(Duration.ofMinutes(5))).stream()
                .filter(candidate -> candidate.id() == id).findFirst().orElseThrow();
    }

    private ShipmentUpsert shipment(String frNumber, String tracking, Map<String, Integer> items) {
        return new ShipmentUpsert(SOURCE, "SB-" + frNumber, tracking, frNumber, "PARTIALLY_SHIPPED",
                Instant.parse("2026-03-01T10:15:30Z"), "rothco", "UPSGND", "UPS Ground", items, "test-node#1");
    }

    @Test
    void lifecycleStatusesAreAllowed() {
        String frNumber = sentFr();
        execute("UPDATE fulfillment_request SET status = 'partially_shipped' WHERE fr_number = ?", frNumber);
        assertThat(text("SELECT status FROM fulfillment_request WHERE fr_number = ?", frNumber)).as("status")
                .isEqualTo("partially_shipped");
        assertThatThrownBy(() -> execute("UPDATE fulfillment_request SET status = 'lost' WHERE fr_number = ?",
                frNumber)).as("a status outside the check constraint").hasMessageContaining("lost");
        execute("INSERT INTO fulfillment_request (fr_number, source_id) VALUES (?, ?)", "FR-T-RAW", SOURCE);
        assertThat(text("SELECT status FROM fulfillment_request WHERE fr_number = 'FR-T-RAW'"))
                .as("default status of an inserted row").isEqualTo("new");
    }

    @Test
    void acknowledgmentClaimIsExclusive() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(idOf(sentFr()));
        }
        long afterId = ids.get(0) - 1;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<List<AckCandidate>>> results = new ArrayList<>();
        try {
            for (int claimer = 0; claimer < 3; claimer++) {
                String owner = "node-" + claimer;
                Callable<List<AckCandidate>> claim = () -> store.claimForAcknowledgment(SOURCE, afterId, 12, owner,
                        Instant.now(), Instant.now().plus(Duration.ofMinutes(5)));
                results.add(pool.submit(claim));
            }
            Set<Long> seen = new HashSet<>();
            int total = 0;
            for (Future<List<AckCandidate>> result : results) {
                for (AckCandidate candidate : result.get()) {
                    if (ids.contains(candidate.id())) {
                        total++;
                        seen.add(candidate.id());
                    }
                }
            }
            assertThat(total).as("claims of the 12 FRs").isEqualTo(seen.size());
            assertThat(seen).as("FRs claimed").hasSize(12);
        } finally {
            pool.shutdownNow();
        }
        assertThat(text("SELECT status FROM fulfillment_request WHERE id = ?", ids.get(0))).as("status after a claim")
                .isEqualTo("sent");
    }

    @Test
    void acknowledgmentTwiceChangesNothing() {
        String frNumber = sentFr();
        AckCandidate candidate = claim(frNumber, "node-a");
        Map<String, Integer> quantities = Map.of("SKU-A-" + sequence, 2, "SKU-B-" + sequence, 1);
        AckResult first = store.applyAcknowledgment(new AckUpdate(candidate.id(), "node-a", "CONFIRMED", null,
                quantities, false));
        AckResult second = store.applyAcknowledgment(new AckUpdate(claim(frNumber, "node-b").id(), "node-b",
                "CONFIRMED", null, quantities, false));

        assertThat(first.to()).as("first acknowledgment").isEqualTo(FulfillmentStatus.ACKNOWLEDGED);
        assertThat(first.quantitiesChanged()).as("quantities stored the first time").isTrue();
        assertThat(second.to()).as("second acknowledgment").isNull();
        assertThat(second.quantitiesChanged()).as("quantities the second time").isFalse();
        assertThat(requests.history(frNumber)).extracting(FulfillmentStore.StatusChange::toStatus)
                .as("history").containsExactly("new", "acknowledged");
    }

    @Test
    void acknowledgmentOfLostClaimStoresNothing() {
        String frNumber = sentFr();
        AckCandidate candidate = claim(frNumber, "node-a");
        store.releaseAcknowledgmentClaim(candidate.id(), "node-a");

        AckResult result = store.applyAcknowledgment(new AckUpdate(candidate.id(), "node-a", "CANCELLED", null,
                null, false));

        assertThat(result.claimLost()).as("claim lost").isTrue();
        assertThat(text("SELECT status FROM fulfillment_request WHERE fr_number = ?", frNumber)).as("status")
                .isEqualTo("sent");
    }

    @Test
    void shipmentUpsertIsIdempotent() {
        String frNumber = sentFr();
        String skuA = "SKU-A-" + sequence;
        ShipmentResult created = store.upsertShipment(shipment(frNumber, "1Z-1", Map.of(skuA, 2)), Instant.now());
        ShipmentResult again = store.upsertShipment(shipment(frNumber, "1Z-1", Map.of(skuA, 2)), Instant.now());
        ShipmentResult corrected = store.upsertShipment(shipment(frNumber, "1Z-1", Map.of(skuA, 1)), Instant.now());

        assertThat(created.change()).as("first upsert").isEqualTo(ShipmentChange.CREATED);
        assertThat(created.to()).as("FR status after the first parcel").isEqualTo(FulfillmentStatus.PARTIALLY_SHIPPED);
        assertThat(again.change()).as("same shipment again").isEqualTo(ShipmentChange.UNCHANGED);
        assertThat(corrected.change()).as("corrected quantity").isEqualTo(ShipmentChange.UPDATED);
        assertThat(text("SELECT COUNT(*) FROM shipment WHERE po_number = ?", frNumber)).as("rows").isEqualTo("1");
        assertThat(text("SELECT shipped_quantity FROM fulfillment_request_item WHERE request_id = ? AND line_number = 1",
                idOf(frNumber))).as("FR line shipped after the correction").isEqualTo("1");
    }

    @Test
    void shipmentOfUnknownPoHasNoFr() {
        ShipmentResult result = store.upsertShipment(shipment("PO-NOBODY", "1Z-9", Map.of("SKU-Z", 1)),
                Instant.now());

        assertThat(result.frNumber()).as("FR").isNull();
        assertThat(text("SELECT COUNT(*) FROM shipment WHERE po_number = 'PO-NOBODY' AND request_id IS NULL"))
                .as("kept without an FR").isEqualTo("1");
    }

    @Test
    void shippedAndCancelledReleaseStock() {
        String frNumber = sentFr();
        String skuA = "SKU-A-" + sequence;
        String skuB = "SKU-B-" + sequence;
        assertThat(committed(skuA)).as("committed A while sent").isEqualTo(2);

        store.upsertShipment(shipment(frNumber, "1Z-2", Map.of(skuA, 2)), Instant.now());
        assertThat(committed(skuA)).as("committed A once shipped").isZero();
        assertThat(committed(skuB)).as("committed B while partially shipped").isEqualTo(1);

        AckResult cancelled = store.applyAcknowledgment(new AckUpdate(claim(frNumber, "node-a").id(), "node-a",
                "CANCELLED", null, null, false));
        assertThat(cancelled.to()).as("status once the rest was cancelled").isEqualTo(FulfillmentStatus.CANCELLED);
        assertThat(committed(skuB)).as("committed B once cancelled").isZero();
    }
}
