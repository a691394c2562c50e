package com.dealerpool.rothco.primary;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dealerpool.rothco.pool.TestDatabases;

/**
 * The pool database that every runtime and command started on one test folder shares. By
 * default it is an H2 file database in the folder. With the system property or environment
 * variable {@value #DATABASE_VARIABLE} set to {@code postgresql} it is a fresh schema in the
 * local PostgreSQL test database, which {@link TestPoolCleanup} drops at the end of the test
 * that created it, because a test may stop a runtime and start another on the same pool.
 * Without a PostgreSQL server such a test is skipped, or fails when
 * {@value TestDatabases#REQUIRE_POSTGRES_VARIABLE} is true. {@code .ci/run} excludes tests tagged
 * {@code h2-only} from its PostgreSQL pass; such a tag names its reason beside it.
 */
public final class TestPool {

    /** System property or environment variable that selects the database: {@code h2} (default) or {@code postgresql}. */
    public static final String DATABASE_VARIABLE = "ROTHCO_TEST_DATABASE";

    /**
     * PostgreSQL driver option that the README recommends for the pool. The pool tests in
     * {@code pool/} run without it, so both forms of the URL are covered.
     */
    private static final String REWRITE_BATCHED_INSERTS = "reWriteBatchedInserts=true";

    private static final Map<Path, TestPool> POOLS = new LinkedHashMap<>();

    private final String url;
    private final String user;
    private final String schema;

    private TestPool(String url, String user, String schema) {
        this.url = url;
        this.user = user;
        this.schema = schema;
    }

    /** Returns the pool of a test folder, creating it on the first call for that folder. */
    public static synchronized TestPool forFolder(Path folder) {
        Path key = folder.toAbsolutePath().normalize();
        TestPool pool = POOLS.get(key);
        if (pool == null) {
            if (usePostgres()) {
                String schema = TestDatabases.createPostgresSchema();
                pool = new TestPool(TestDatabases.postgresUrl(schema) + "&" + REWRITE_BATCHED_INSERTS,
                        TestDatabases.POSTGRES_USER, schema);
            } else {
                pool = new TestPool("jdbc:h2:file:" + key.resolve("pool"), "sa", null);
            }
            POOLS.put(key, pool);
        }
        return pool;
    }

    /** True when the tests run against PostgreSQL rather than H2. */
    public static boolean usePostgres() {
        String value = System.getProperty(DATABASE_VARIABLE, System.getenv(DATABASE_VARIABLE));
        if (value == null || value.isBlank() || value.equalsIgnoreCase("h2")) {
            return false;
        }
        if (value.equalsIgnoreCase("postgresql")) {
            return true;
        }
        throw new IllegalArgumentException(DATABASE_VARIABLE + "=" + value + " is invalid; use h2 or postgresql");
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    /** Empty for both databases: the local PostgreSQL server trusts local connections. */
    public String password() {
        return "";
    }

    /** Opens a connection outside the runtime's connection pool, for checks after a command exits. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password());
    }

    /** Returns the folders whose pools exist now, in the order they were created. */
    static synchronized List<Path> folders() {
        return new ArrayList<>(POOLS.keySet());
    }

    /** Drops the pools of the folders that are not in the list, for {@link TestPoolCleanup}. */
    static synchronized void dropAllExcept(List<Path> keptFolders) {
        List<Path> dropped = new ArrayList<>(POOLS.keySet());
        dropped.removeAll(keptFolders);
        for (Path folder : dropped) {
            TestPool pool = POOLS.remove(folder);
            if (pool.schema != null) {
                TestDatabases.dropPostgresSchema(pool.schema);
            }
        }
    }
}
