package com.dealerpool.rothco.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.dealerpool.rothco.job.RunOutcome;
import com.dealerpool.rothco.job.RunStatus;
import com.dealerpool.rothco.pool.PoolDataSource;
import com.dealerpool.rothco.pool.PoolSettings;
import com.dealerpool.rothco.primary.ConnectorHarness;
import com.dealerpool.rothco.rothco.ApiMode;
import com.dealerpool.rothco.simulator.RothcoSimulator;
import com.dealerpool.rothco.simulator.SimulatorAccount;
import com.dealerpool.rothco.simulator.SimulatorSettings;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Benchmark of Get Inventory (Secondary), run with {@code scripts/benchmark.sh secondary}:
 * <ol>
 * <li>Primary imports the catalog at simulator epoch 0 (not timed), and the H2 pool file is
 * copied for the floor;</li>
 * <li>the simulator moves to epoch 1, where about 10% of the variants have new prices and
 * stock and about 3% are absent or new;</li>
 * <li>the floor: the same snapshot pages fetched, compared and the changed rows updated with
 * plain JDBC batches, on the copy; an untimed floor run on a second copy warms up its code
 * first, as the Primary import warmed up the connector's;</li>
 * <li>the connector's Secondary refresh of the same snapshot, and its ratio to the floor.</li>
 * </ol>
 * The simulator runs in the same JVM, so the peak heap includes its share.
 */
public final class SecondaryRefreshBenchmark {

    private static final String KEY = "sandbox-benchmark-key-0001";
    private static final String SOURCE = ConnectorHarness.SOURCE;

    private SecondaryRefreshBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int variants = Integer.getInteger("bench.variants", 100_000);
        int catalogPageSize = Integer.getInteger("bench.page-size", 100);
        int snapshotPageSize = Integer.getInteger("bench.secondary-page-size", 1000);
        int concurrency = 4;
        Path work = Files.createTempDirectory("rothco-bench-secondary-");
        Path connectorFolder = Files.createDirectories(work.resolve("connector"));
        Path floorFolder = Files.createDirectories(work.resolve("floor"));
        Path warmUpFolder = Files.createDirectories(work.resolve("floor-warm-up"));

        System.out.printf(Locale.ROOT, "Secondary refresh benchmark: %d variants, snapshot page size %d,"
                + " max heap %.0f MiB, %d cores%n", variants, snapshotPageSize, HeapPeak.maxMiB(),
                Runtime.getRuntime().availableProcessors());

        try (RothcoSimulator simulator = simulatorWithVisible(variants)) {
            Map<String, String> settings = ConnectorHarness.defaultSettings(connectorFolder, simulator, KEY);
            settings.put("rothco.sources.dealer.get-inventory-primary.page-size", String.valueOf(catalogPageSize));
            settings.put("rothco.sources.dealer.get-inventory-secondary.page-size", String.valueOf(snapshotPageSize));
            settings.put("rothco.sources.dealer.max-concurrent-requests", String.valueOf(concurrency));

            long imported;
            try (ConnectorHarness connector = ConnectorHarness.start(connectorFolder, settings)) {
                RunOutcome primary = connector.runPrimary();
                requireSuccess(primary);
                imported = primary.totals().variantsCreated();
                System.out.printf(Locale.ROOT, "Primary import at epoch 0: %d variants (not timed here)%n", imported);
            }
            Files.copy(connectorFolder.resolve("pool.mv.db"), floorFolder.resolve("pool.mv.db"));
            Files.copy(connectorFolder.resolve("pool.mv.db"), warmUpFolder.resolve("pool.mv.db"));
            simulator.setEpoch(1);
            PlainJdbcRefreshFloor floor = new PlainJdbcRefreshFloor(simulator.sandboxUrl(), KEY, snapshotPageSize,
                    concurrency);
            try (HikariDataSource warmUpPool = openH2(warmUpFolder)) {
                floor.refreshAll(warmUpPool, SOURCE);
            }

            long floorUpdated;
            double floorSeconds;
            try (HikariDataSource floorPool = openH2(floorFolder); HeapPeak heap = HeapPeak.start()) {
                long start = System.nanoTime();
                floorUpdated = floor.refreshAll(floorPool, SOURCE);
                floorSeconds = seconds(start);
                report("floor (plain JDBC)", floorUpdated, floorSeconds, heap.peakMiB());
            }

            try (ConnectorHarness connector = ConnectorHarness.start(connectorFolder, settings)) {
                RunOutcome refresh;
                double refreshSeconds;
                try (HeapPeak heap = HeapPeak.start()) {
                    long start = System.nanoTime();
                    refresh = connector.runSecondary();
                    refreshSeconds = seconds(start);
                    requireSuccess(refresh);
                    report("connector, Secondary refresh", refresh.totals().variantsUpdated(), refreshSeconds,
                            heap.peakMiB());
                }
                long updated = refresh.totals().variantsUpdated();
                long known = updated + refresh.totals().variantsUnchanged();
                System.out.printf(Locale.ROOT, "snapshot rows %d: updated %d (%.2f%% of %d known), unchanged %d,"
                        + " unknown %d; the floor updated %d%n", known + refresh.totals().variantsUnknown(), updated,
                        100.0 * updated / known, known, refresh.totals().variantsUnchanged(),
                        refresh.totals().variantsUnknown(), floorUpdated);
                if (updated != floorUpdated) {
                    // NOTE: one floor run at 100,000 variants updated 56 rows fewer than Secondary, whose
                    // count matched every other run. The cause in the floor's parallel H2 access is unknown.
                    System.out.printf(Locale.ROOT, "WARNING: Secondary updated %d rows but the floor %d; the ratio"
                            + " compares different work%n", updated, floorUpdated);
                }
                System.out.printf(Locale.ROOT, "ratio Secondary refresh / floor: %.2f (target at most 1.5)%n",
                        refreshSeconds / floorSeconds);
            }
        }
    }

    /**
     * Opens a copy of the pool for the floor. One floor run at 100,000 variants failed with H2's
     * "Timeout trying to lock table" on a page's SELECT while other pages' transactions were
     * open, so the lock timeout is raised from H2's default of 1 s.
     */
    private static HikariDataSource openH2(Path folder) {
        return PoolDataSource.create(new PoolSettings("jdbc:h2:file:" + folder.resolve("pool").toAbsolutePath()
                + ";LOCK_TIMEOUT=10000", "sa", "", 8));
    }

    /**
     * Starts a simulator whose catalog shows the account at least the given number of variants:
     * drift and restricted brands hide part of the generated catalog, so it is scaled up.
     */
    private static RothcoSimulator simulatorWithVisible(int visible) {
        int shown;
        try (RothcoSimulator probe = simulator(visible)) {
            shown = probe.snapshotFor(KEY).totalVariants();
        }
        int generated = (int) Math.ceil(visible * (double) visible / shown) + 50;
        return simulator(generated);
    }

    private static RothcoSimulator simulator(int variants) {
        return RothcoSimulator.start(SimulatorSettings.builder()
                .port(0)
                .seed(42)
                .variants(variants)
                .accounts(List.of(new SimulatorAccount(KEY, ApiMode.SANDBOX, "RC-900001", "Benchmark Outfitters",
                        Set.of())))
                .build());
    }

    private static void requireSuccess(RunOutcome outcome) {
        if (outcome.status() != RunStatus.SUCCEEDED) {
            throw new IllegalStateException("Run ended " + outcome.status().value() + ": " + outcome.summary());
        }
    }

    private static void report(String phase, long rows, double seconds, double heapMiB) {
        System.out.printf(Locale.ROOT, "%-30s %8d rows updated in %6.2f s, peak heap %.0f MiB%n", phase, rows, seconds,
                heapMiB);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
