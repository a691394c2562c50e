package com.dealerpool.rothco.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
import com.dealerpool.rothco.pool.FulfillmentStore.ClaimCriteria;

/**
 * Fulfillment requests in the database: concurrent claimers never get the same request, the
 * hold, release and lease rules decide what is due, and outcomes, resubmits and committed
 * stock are stored. Runs on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FulfillmentStoreTest {

    private TestDatabases.PoolDatabase database;
    private FulfillmentStore store;
    private int sequence;

    protected abstract TestDatabases.PoolDatabase openDatabase();

    @BeforeAll
    void open() {
        database = openDatabase();
        store = new FulfillmentStore(database.dataSource());
        new SourceRegistry(database.dataSource()).ensureSource("claims", "Claims", "sandbox");
    }

    @AfterAll
    void close() {
        database.close();
    }

    private String insert(String sourceId) {
        String frNumber = "FR-" + sourceId + "-" + (++sequence);
        store.insert(new FulfillmentRequest(null, frNumber, frNumber, sourceId, FulfillmentStatus.NEW, null, Map.of(),
                null, null, "pat@example.com", new ShippingAddress("Pat Doe", "1 Main St", null, "Albany", "NY",
                        "12207", "US", null), null,
                List.of(new FulfillmentItem(1, "SKU-1", 1, new BigDecimal("1.00"), Map.of())), 0, List.of()),
                FulfillmentStatus.NEW, null, "test");
        return frNumber;
    }

    private List<FulfillmentRequest> claim(String sourceId, String owner, Instant now) {
        return store.claim(new ClaimCriteria(sourceId, now, now, false, 1000), owner, now.plus(Duration.ofMinutes(5)));
    }

    @Test
    void concurrentClaimersNeverShare() throws Exception {
        String source = "race";
        for (int i = 0; i < 300; i++) {
            insert(source);
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<FulfillmentRequest>>> claims = new ArrayList<>();
            for (int claimer = 0; claimer < 4; claimer++) {
                String owner = "node-" + claimer;
                Callable<List<FulfillmentRequest>> task = () -> {
                    List<FulfillmentRequest> mine = new ArrayList<>();
                    for (int pass = 0; pass < 10; pass++) {
                        mine.addAll(store.claim(new ClaimCriteria(source, Instant.now(), Instant.now(), false, 40),
                                owner, Instant.now().plus(Duration.ofMinutes(5))));
                    }
                    return mine;
                };
                claims.add(threads.submit(task));
            }
            Set<String> claimed = new HashSet<>();
            int total = 0;
            for (Future<List<FulfillmentRequest>> claim : claims) {
                for (FulfillmentRequest request : claim.get()) {
                    claimed.add(request.frNumber());
                    total++;
                }
            }
            assertThat(total).as("claims across the claimers").isEqualTo(300);
            assertThat(claimed).as("distinct requests claimed").hasSize(300);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void requestInHoldIsNotDue() {
        String source = "hold";
        insert(source);
        Instant now = Instant.now();

        List<FulfillmentRequest> claimed = store.claim(new ClaimCriteria(source, now, now.minus(Duration.ofHours(2)),
                false, 10), "node", now.plus(Duration.ofMinutes(5)));

        assertThat(claimed).as("requests received less than the hold ago").isEmpty();
    }

    @Test
    void unreleasedRequestWaitsUnderManual() {
        String source = "manual";
        String frNumber = insert(source);
        Instant now = Instant.now();
        ClaimCriteria manual = new ClaimCriteria(source, now, now, true, 10);

        assertThat(store.claim(manual, "node", now.plus(Duration.ofMinutes(5)))).as("before release").isEmpty();
        store.holdUnreleased(source, "manual");
        assertThat(store.release(frNumber, "operator")).as("release").isTrue();
        Instant later = Instant.now();
        assertThat(store.claim(new ClaimCriteria(source, later, later, true, 10), "node",
                later.plus(Duration.ofMinutes(5)))).as("after release").hasSize(1);
    }

    @Test
    void expiredLeaseIsClaimedAgain() {
        String source = "lease";
        insert(source);
        Instant now = Instant.now();
        store.claim(new ClaimCriteria(source, now, now, false, 10), "crashed-node", now.minus(Duration.ofSeconds(1)));

        List<FulfillmentRequest> taken = claim(source, "other-node", Instant.now());

        assertThat(taken).as("requests whose lease ran out").hasSize(1);
        assertThat(store.recordSendAttempt(taken.get(0).id(), "crashed-node")).as("old owner's update").isFalse();
        assertThat(store.recordSendAttempt(taken.get(0).id(), "other-node")).as("new owner's update").isTrue();
    }

    @Test
    void activeLeaseIsNotClaimedAgain() {
        String source = "active";
        insert(source);
        claim(source, "first-node", Instant.now());

        assertThat(claim(source, "second-node", Instant.now())).as("requests under an active lease").isEmpty();
    }

    @Test
    void outcomesWriteHistory() {
        String source = "outcomes";
        String frNumber = insert(source);
        FulfillmentRequest claimed = claim(source, "node", Instant.now()).get(0);

        assertThat(store.recordSendAttempt(claimed.id(), "node")).as("attempt").isTrue();
        assertThat(store.markAccepted(claimed.id(), "node", FulfillmentStatus.ACKNOWLEDGED, "SB-1", "CNF-1", "accepted"))
                .as("accepted").isTrue();

        assertThat(store.history(frNumber)).extracting(FulfillmentStore.StatusChange::toStatus).as("history")
                .containsExactly("new", "sending", "acknowledged");
        assertThat(store.status(frNumber)).as("status").contains(FulfillmentStatus.ACKNOWLEDGED);
        assertThat(store.list(FulfillmentStatus.ACKNOWLEDGED, 10)).extracting(FulfillmentStore.Summary::orderNumber)
                .as("order number").contains("SB-1");
    }

    @Test
    void rejectedRequestIsResubmitted() {
        String source = "resubmit";
        String frNumber = insert(source);
        FulfillmentRequest claimed = claim(source, "node", Instant.now()).get(0);
        store.markRejected(claimed.id(), "node", "DUPLICATE_PO", "Purchase order exists.");

        assertThat(store.resubmit(frNumber, frNumber + "-2", "operator")).as("resubmit").isTrue();

        FulfillmentRequest again = claim(source, "node", Instant.now()).get(0);
        assertThat(again.poNumber()).as("new PO reference").isEqualTo(frNumber + "-2");
    }

    @Test
    void committedStockReducesAvailable() throws Exception {
        String source = "claims";
        store.commitStock(source, true);
        try (var connection = database.dataSource().getConnection();
                var statement = connection.prepareStatement("INSERT INTO variant (source_id, sku, quantity, created_by,"
                        + " created_at, updated_at) VALUES (?, 'SKU-1', 5, 'PRIMARY', ?, ?)")) {
            statement.setString(1, source);
            statement.setObject(2, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
            statement.setObject(3, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
            statement.executeUpdate();
        }
        insert(source);
        claim(source, "node", Instant.now());

        assertThat(store.availableStock(source, List.of("SKU-1", "SKU-UNKNOWN"))).as("available")
                .isEqualTo(Map.of("SKU-1", 4));
    }
}
