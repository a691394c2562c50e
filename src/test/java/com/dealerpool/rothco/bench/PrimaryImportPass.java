package com.dealerpool.rothco.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import com.dealerpool.rothco.job.RunOutcome;
import com.dealerpool.rothco.pool.PoolDataSource;
import com.dealerpool.rothco.pool.PoolSettings;
import com.dealerpool.rothco.primary.ConnectorHarness;
import com.dealerpool.rothco.simulator.RothcoSimulator;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The database-bound part of the Primary benchmark: the plain-JDBC floor, the connector's first
 * import and a rerun without changes, with the floor and the connector each on its own empty
 * pool database of the same kind.
 */
final class PrimaryImportPass {

    /** Durations of one pass, in seconds. */
    record Times(double floorSeconds, double firstSeconds, double rerunSeconds) {

        double firstToFloor() {
            return firstSeconds / floorSeconds;
        }

        double rerunToFirst() {
            return rerunSeconds / firstSeconds;
        }
    }

    private PrimaryImportPass() {
    }

    /**
     * Imports the simulator's catalog with the floor into {@code floorPool}, then with the
     * connector, started on {@code folder}, into {@code connectorPool} twice.
     *
     * @throws IllegalStateException when a run imports another number of variants than the
     *         simulator shows the account
     */
    static Times run(RothcoSimulator simulator, String apiKey, int pageSize, PoolSettings floorPool,
            PoolSettings connectorPool, Path folder) throws Exception {
        int expected = simulator.snapshotFor(apiKey).totalVariants();

        double floorSeconds;
        try (HeapPeak heap = HeapPeak.start(); HikariDataSource floor = PoolDataSource.create(floorPool)) {
            long start = System.nanoTime();
            PoolDataSource.migrate(floor);
            long variants = new PlainJdbcFloor(simulator.sandboxUrl(), apiKey, pageSize, 4).importAll(floor, "dealer");
            floorSeconds = seconds(start);
            report("floor (plain JDBC)", variants, floorSeconds, heap.peakMiB());
        }

        Files.createDirectories(folder);
        Map<String, String> settings = ConnectorHarness.defaultSettings(folder, simulator, apiKey);
        settings.put("pool.datasource.url", connectorPool.url());
        settings.put("pool.datasource.user", connectorPool.user());
        settings.put("pool.datasource.password", connectorPool.password());
        settings.put("pool.datasource.maximum-pool-size", String.valueOf(connectorPool.maximumPoolSize()));
        settings.put("rothco.sources.dealer.get-inventory-primary.page-size", String.valueOf(pageSize));
        settings.put("rothco.sources.dealer.max-concurrent-requests", "4");
        try (ConnectorHarness connector = ConnectorHarness.start(folder, settings)) {
            double firstSeconds;
            try (HeapPeak heap = HeapPeak.start()) {
                long start = System.nanoTime();
                RunOutcome first = connector.runPrimary();
                firstSeconds = seconds(start);
                check(first, expected);
                report("connector, first import", first.totals().variantsCreated(), firstSeconds, heap.peakMiB());
            }

            double rerunSeconds;
            try (HeapPeak heap = HeapPeak.start()) {
                long start = System.nanoTime();
                RunOutcome rerun = connector.runPrimary();
                rerunSeconds = seconds(start);
                check(rerun, expected);
                report("connector, rerun without changes", rerun.totals().variantsUnchanged(), rerunSeconds,
                        heap.peakMiB());
            }
            return new Times(floorSeconds, firstSeconds, rerunSeconds);
        }
    }

    /** Fails unless the run saw every variant the simulator shows the account. */
    static void check(RunOutcome outcome, int expectedVariants) {
        long seen = outcome.totals().variantsCreated() + outcome.totals().variantsUpdated()
                + outcome.totals().variantsUnchanged();
        if (seen != expectedVariants) {
            throw new IllegalStateException("Run imported " + seen + " variants, expected " + expectedVariants
                    + ": " + outcome.summary());
        }
    }

    private static void report(String phase, long variants, double seconds, double heapMiB) {
        System.out.printf(Locale.ROOT, "%-34s %8d variants in %6.2f s = %8.0f variants/s, peak heap %.0f MiB%n",
                phase, variants, seconds, variants / seconds, heapMiB);
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
