package com.dealerpool.rothco.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.dealerpool.rothco.job.RunOutcome;
import com.dealerpool.rothco.pool.PoolSettings;
import com.dealerpool.rothco.primary.ConnectorHarness;
import com.dealerpool.rothco.rothco.ApiMode;
import com.dealerpool.rothco.simulator.RothcoSimulator;
import com.dealerpool.rothco.simulator.SimulatorAccount;
import com.dealerpool.rothco.simulator.SimulatorSettings;

/**
 * Benchmark of Get Inventory (Primary), run with {@code scripts/benchmark.sh primary}:
 * <ol>
 * <li>the floor: the same pages fetched, parsed and inserted with plain JDBC batches;</li>
 * <li>the connector's first import of the same catalog, and its ratio to the floor;</li>
 * <li>a rerun with no changes, and its ratio to the first import;</li>
 * <li>a smaller catalog in small pages with 150 ms latency per request, at 1 and at 4 concurrent
 * page requests.</li>
 * </ol>
 * The simulator runs in the same JVM, so the peak heap and the CPU time include its share.
 */
public final class PrimaryImportBenchmark {

    static final String KEY = "sandbox-benchmark-key-0001";

    /** H2 options of the shipped pool URL in application.properties, used by both floor and connector. */
    private static final String H2_OPTIONS = ";CACHE_SIZE=49152";

    private PrimaryImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int variants = Integer.getInteger("bench.variants", 100_000);
        int pageSize = Integer.getInteger("bench.page-size", 100);
        int latencyVariants = Integer.getInteger("bench.latency-variants", 10_000);
        // Small pages make the 150 ms latency, not CPU, the cost of a page, which is the case
        // concurrent page requests exist for.
        int latencyPageSize = Integer.getInteger("bench.latency-page-size", 25);
        Path work = Files.createTempDirectory("rothco-bench-");

        System.out.printf(Locale.ROOT, "Primary import benchmark: %d variants, page size %d, max heap %.0f MiB, %d cores%n",
                variants, pageSize, HeapPeak.maxMiB(), Runtime.getRuntime().availableProcessors());

        try (RothcoSimulator simulator = simulatorWithVisible(variants)) {
            Path connectorFolder = work.resolve("connector");
            PrimaryImportPass.Times times = PrimaryImportPass.run(simulator, KEY, pageSize,
                    new PoolSettings(h2Url(work.resolve("floor")), "sa", "", 8),
                    new PoolSettings(h2Url(connectorFolder.resolve("pool")), "sa", "", 8), connectorFolder);
            System.out.printf(Locale.ROOT, "ratio first import / floor: %.2f (target at most 1.5)%n",
                    times.firstToFloor());
            System.out.printf(Locale.ROOT, "ratio rerun / first import: %.2f (target at most 0.5)%n",
                    times.rerunToFirst());
        }

        try (RothcoSimulator simulator = simulatorWithVisible(latencyVariants)) {
            simulator.faults().latency(Duration.ofMillis(150));
            double one = latencyRun(simulator, work.resolve("latency-1"), latencyPageSize, 1);
            double four = latencyRun(simulator, work.resolve("latency-4"), latencyPageSize, 4);
            System.out.printf(Locale.ROOT, "%d variants in pages of %d product lines with 150 ms latency:"
                    + " 1 request at a time %.1f s, 4 at a time %.1f s, speed-up %.2f (target at least 3)%n",
                    latencyVariants, latencyPageSize, one, four, one / four);
        }
    }

    private static double latencyRun(RothcoSimulator simulator, Path folder, int pageSize, int concurrency)
            throws Exception {
        Files.createDirectories(folder);
        Map<String, String> settings = ConnectorHarness.defaultSettings(folder, simulator, KEY);
        settings.put("rothco.sources.dealer.get-inventory-primary.page-size", String.valueOf(pageSize));
        settings.put("rothco.sources.dealer.max-concurrent-requests", String.valueOf(concurrency));
        try (ConnectorHarness connector = ConnectorHarness.start(folder, settings)) {
            long start = System.nanoTime();
            RunOutcome outcome = connector.runPrimary();
            PrimaryImportPass.check(outcome, simulator.snapshotFor(KEY).totalVariants());
            return PrimaryImportPass.seconds(start);
        }
    }

    /**
     * Starts a simulator whose catalog shows the account at least the given number of variants:
     * drift and restricted brands hide part of the generated catalog, so it is scaled up.
     */
    static RothcoSimulator simulatorWithVisible(int visible) {
        RothcoSimulator probe = simulator(visible);
        int shown = probe.snapshotFor(KEY).totalVariants();
        probe.close();
        int generated = (int) Math.ceil(visible * 1.01 * visible / shown);
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

    /** Returns the URL of an H2 file database with the H2 options of the shipped pool URL. */
    static String h2Url(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath() + H2_OPTIONS;
    }
}
