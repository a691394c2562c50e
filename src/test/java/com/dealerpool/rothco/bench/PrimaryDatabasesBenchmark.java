package com.dealerpool.rothco.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.opentest4j.TestAbortedException;

import com.dealerpool.rothco.pool.PoolSettings;
import com.dealerpool.rothco.pool.TestDatabases;
import com.dealerpool.rothco.simulator.RothcoSimulator;

/**
 * Benchmark of Get Inventory (Primary) on each pool database, run with
 * {@code scripts/benchmark.sh primary-databases}. One simulator serves the same catalog to a pass
 * per database, and each pass times the plain-JDBC floor, the connector's first import and a
 * rerun without changes, with floor and connector on empty databases of that kind:
 * <ul>
 * <li>{@code h2}: H2 file databases with the shipped options;</li>
 * <li>{@code postgresql}: fresh schemas in the local PostgreSQL test database;</li>
 * <li>{@code postgresql-rewrite}: the same with {@code reWriteBatchedInserts=true}, which makes
 * the PostgreSQL driver send a batch of inserts as multi-row statements.</li>
 * </ul>
 * An untimed H2 pass over a smaller catalog ({@code -Dbench.warmup-variants}, default 10,000)
 * warms up the JVM first, so that the first timed pass is not the only one that pays for JIT
 * compilation. {@code -Dbench.databases} picks the passes and their order, and may repeat a
 * name (default all three once, in the order above).
 */
public final class PrimaryDatabasesBenchmark {

    private static final String REWRITE_BATCHED_INSERTS = "reWriteBatchedInserts=true";

    private PrimaryDatabasesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int variants = Integer.getInteger("bench.variants", 100_000);
        int pageSize = Integer.getInteger("bench.page-size", 100);
        int warmupVariants = Integer.getInteger("bench.warmup-variants", 10_000);
        List<String> databases = List.of(System.getProperty("bench.databases", "h2,postgresql,postgresql-rewrite")
                .split(","));
        Path work = Files.createTempDirectory("rothco-bench-");

        System.out.printf(Locale.ROOT, "Primary import on each pool database: %d variants, page size %d, max heap %.0f MiB,"
                + " %d cores%n", variants, pageSize, HeapPeak.maxMiB(), Runtime.getRuntime().availableProcessors());

        if (warmupVariants > 0) {
            try (RothcoSimulator simulator = PrimaryImportBenchmark.simulatorWithVisible(warmupVariants)) {
                System.out.println("--- warm-up, H2, not timed");
                h2Pass(simulator, pageSize, work.resolve("warm-up"));
            }
        }

        List<Map.Entry<String, PrimaryImportPass.Times>> results = new ArrayList<>();
        try (RothcoSimulator simulator = PrimaryImportBenchmark.simulatorWithVisible(variants)) {
            for (int pass = 0; pass < databases.size(); pass++) {
                String name = databases.get(pass).trim();
                System.out.println("--- " + name);
                Path folder = work.resolve("pass-" + pass);
                results.add(Map.entry(name, switch (name) {
                    case "h2" -> h2Pass(simulator, pageSize, folder);
                    case "postgresql" -> postgresPass(simulator, pageSize, folder, "");
                    case "postgresql-rewrite" -> postgresPass(simulator, pageSize, folder, "&" + REWRITE_BATCHED_INSERTS);
                    default -> throw new IllegalArgumentException("Invalid pass '" + name + "' in bench.databases"
                            + "; use h2, postgresql or postgresql-rewrite, separated by commas");
                }));
            }
        }

        System.out.println();
        System.out.println("| Database | Floor | First import | First / floor | Rerun | Rerun / first |");
        System.out.println("|---|---|---|---|---|---|");
        for (Map.Entry<String, PrimaryImportPass.Times> result : results) {
            PrimaryImportPass.Times times = result.getValue();
            System.out.printf(Locale.ROOT, "| %s | %.2f s | %.2f s | %.2f | %.2f s | %.2f |%n", result.getKey(),
                    times.floorSeconds(), times.firstSeconds(), times.firstToFloor(), times.rerunSeconds(),
                    times.rerunToFirst());
        }
    }

    private static PrimaryImportPass.Times h2Pass(RothcoSimulator simulator, int pageSize, Path folder)
            throws Exception {
        return PrimaryImportPass.run(simulator, PrimaryImportBenchmark.KEY, pageSize,
                new PoolSettings(PrimaryImportBenchmark.h2Url(folder.resolve("floor")), "sa", "", 8),
                new PoolSettings(PrimaryImportBenchmark.h2Url(folder.resolve("connector/pool")), "sa", "", 8),
                folder.resolve("connector"));
    }

    /**
     * Runs a pass on two new schemas of the local PostgreSQL test database, one for the floor and
     * one for the connector, and drops both afterwards.
     */
    private static PrimaryImportPass.Times postgresPass(RothcoSimulator simulator, int pageSize, Path folder,
            String urlOptions) throws Exception {
        List<String> schemas = new ArrayList<>();
        try {
            schemas.add(createSchema());
            schemas.add(createSchema());
            System.out.println("PostgreSQL " + serverSettings() + ", URL options: "
                    + (urlOptions.isEmpty() ? "none" : urlOptions.substring(1)));
            return PrimaryImportPass.run(simulator, PrimaryImportBenchmark.KEY, pageSize,
                    new PoolSettings(TestDatabases.postgresUrl(schemas.get(0)) + urlOptions,
                            TestDatabases.POSTGRES_USER, "", 8),
                    new PoolSettings(TestDatabases.postgresUrl(schemas.get(1)) + urlOptions,
                            TestDatabases.POSTGRES_USER, "", 8),
                    folder.resolve("connector"));
        } finally {
            schemas.forEach(TestDatabases::dropPostgresSchema);
        }
    }

    private static String createSchema() {
        try {
            return TestDatabases.createPostgresSchema();
        } catch (TestAbortedException e) {
            throw new IllegalStateException(e.getMessage() + "; start PostgreSQL, or pass"
                    + " -Dbench.databases=h2 in BENCH_OPTS to measure H2 alone", e);
        }
    }

    /** Returns the server version and the settings that decide how fast commits are. */
    private static String serverSettings() throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(TestDatabases.POSTGRES_URL,
                TestDatabases.POSTGRES_USER, "");
                Statement statement = connection.createStatement()) {
            for (String setting : List.of("server_version", "fsync", "synchronous_commit", "shared_buffers")) {
                try (ResultSet result = statement.executeQuery("SHOW " + setting)) {
                    result.next();
                    values.add(setting + " " + result.getString(1));
                }
            }
        }
        return String.join(", ", values);
    }
}
