package com.dealerpool.rothco.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour of {@link RunGuards}; run on H2 and PostgreSQL by the subclasses. */
abstract class RunGuardsTest extends PoolDatabaseTest {

    private static final String OPERATION = "get-inventory-primary";
    private static final Duration LEASE = Duration.ofSeconds(60);

    private RunGuards guards;
    private String sourceId;

    @BeforeEach
    void createGuards() {
        guards = new RunGuards(database.dataSource());
        sourceId = newSourceId();
    }

    @Test
    void freeGuardIsTaken() {
        Instant now = Instant.now();

        Optional<RunGuards.Holder> refused = guards.acquire(sourceId, OPERATION, 1, "node-a", now, now.plus(LEASE));

        assertThat(refused).as("holder that kept run 1 from starting").isEmpty();
        RunGuards.Holder holder = guards.holder(sourceId, OPERATION).orElseThrow();
        assertThat(holder.runId()).as("run holding the guard").isEqualTo(1);
        assertThat(holder.ownerNode()).as("node holding the guard").isEqualTo("node-a");
    }

    @Test
    void heldGuardNamesItsHolder() {
        Instant now = Instant.now();
        guards.acquire(sourceId, OPERATION, 1, "node-a", now, now.plus(LEASE));

        Optional<RunGuards.Holder> refused = guards.acquire(sourceId, OPERATION, 2, "node-b", now, now.plus(LEASE));

        assertThat(refused).as("holder that kept run 2 from starting").isPresent();
        assertThat(refused.get().runId()).as("holder's run").isEqualTo(1);
        assertThat(refused.get().describe()).as("holder's description").contains("run 1 on node node-a");
    }

    @Test
    void otherOperationHasOwnGuard() {
        Instant now = Instant.now();
        guards.acquire(sourceId, OPERATION, 1, "node-a", now, now.plus(LEASE));

        assertThat(guards.acquire(sourceId, "get-inventory-secondary", 2, "node-b", now, now.plus(LEASE)))
                .as("holder of the Secondary guard").isEmpty();
    }

    @Test
    void expiredLeaseIsTakenOver() {
        Instant start = Instant.now().minus(Duration.ofMinutes(5));
        guards.acquire(sourceId, OPERATION, 1, "node-gone", start, start.plus(LEASE));

        Instant now = Instant.now();
        assertThat(guards.acquire(sourceId, OPERATION, 2, "node-b", now, now.plus(LEASE)))
                .as("holder after the lease of run 1 ran out").isEmpty();
        assertThat(guards.renew(sourceId, OPERATION, 1, now, now.plus(LEASE)))
                .as("renewal by the run that lost the guard").isFalse();
        assertThat(guards.holder(sourceId, OPERATION).orElseThrow().ownerNode()).as("node holding the guard")
                .isEqualTo("node-b");
    }

    @Test
    void renewedLeaseKeepsGuard() {
        Instant start = Instant.now().minus(Duration.ofSeconds(50));
        guards.acquire(sourceId, OPERATION, 1, "node-a", start, start.plus(LEASE));

        Instant now = Instant.now();
        assertThat(guards.renew(sourceId, OPERATION, 1, now, now.plus(LEASE))).as("renewal").isTrue();
        Instant later = now.plus(Duration.ofSeconds(30));
        assertThat(guards.acquire(sourceId, OPERATION, 2, "node-b", later, later.plus(LEASE)))
                .as("holder 30 s later, after the renewal").isPresent();
    }

    @Test
    void releasedGuardIsFree() {
        Instant now = Instant.now();
        guards.acquire(sourceId, OPERATION, 1, "node-a", now, now.plus(LEASE));

        assertThat(guards.release(sourceId, OPERATION, 2)).as("release by a run that does not hold it").isFalse();
        assertThat(guards.release(sourceId, OPERATION, 1)).as("release by the holder").isTrue();
        assertThat(guards.holder(sourceId, OPERATION)).as("holder after the release").isEmpty();
        assertThat(guards.acquire(sourceId, OPERATION, 2, "node-b", now, now.plus(LEASE)))
                .as("holder when run 2 starts").isEmpty();
    }

    @Test
    void sweepFreesOnlyExpiredGuards() {
        String liveSource = newSourceId();
        Instant start = Instant.now().minus(Duration.ofMinutes(5));
        Instant now = Instant.now();
        guards.acquire(sourceId, OPERATION, 1, "node-gone", start, start.plus(LEASE));
        guards.acquire(liveSource, OPERATION, 2, "node-a", now, now.plus(LEASE));

        int freed = guards.releaseExpired(now);

        assertThat(freed).as("guards freed").isGreaterThanOrEqualTo(1);
        assertThat(guards.holder(sourceId, OPERATION)).as("expired guard").isEmpty();
        assertThat(guards.holder(liveSource, OPERATION)).as("live guard").isPresent();
    }

    @Test
    void concurrentStartsTakeGuardOnce() throws Exception {
        int nodes = 8;
        ExecutorService threads = Executors.newFixedThreadPool(nodes);
        CountDownLatch ready = new CountDownLatch(nodes);
        try {
            List<Future<Boolean>> starts = new ArrayList<>();
            for (int node = 0; node < nodes; node++) {
                long runId = 100 + node;
                String nodeId = "node-" + node;
                Callable<Boolean> start = () -> {
                    ready.countDown();
                    ready.await();
                    Instant now = Instant.now();
                    return guards.acquire(sourceId, OPERATION, runId, nodeId, now, now.plus(LEASE)).isEmpty();
                };
                starts.add(threads.submit(start));
            }
            int acquired = 0;
            for (Future<Boolean> start : starts) {
                if (start.get()) {
                    acquired++;
                }
            }
            assertThat(acquired).as("starts that took the guard").isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }
}
