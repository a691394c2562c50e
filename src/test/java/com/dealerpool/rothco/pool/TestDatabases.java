package com.dealerpool.rothco.pool;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh, migrated pool databases for tests: an H2 in-memory database, or a new schema in the
 * local PostgreSQL test database. Open one per test class and close it after the class.
 */
public final class TestDatabases {

    /** Environment variable that turns a missing PostgreSQL server into a test failure, as CI sets it. */
    public static final String REQUIRE_POSTGRES_VARIABLE = "ROTHCO_TEST_REQUIRE_POSTGRES";


    public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String POSTGRES_USER = "postgres";

    private TestDatabases() {
    }

    /** Opens a new H2 in-memory database with the pool schema; closing it drops all its tables. */
    public static PoolDatabase h2() {
        String name = "pool_" + UUID.randomUUID().toString().replace("-", "");
        PoolSettings settings = new PoolSettings("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", 4,
                "test-h2");
        HikariDataSource dataSource = PoolDataSource.create(settings);
        PoolDataSource.migrate(dataSource);
        return new PoolDatabase("H2", settings, dataSource, "DROP ALL OBJECTS");
    }

    /**
     * Creates a new schema in the local PostgreSQL test database with the pool schema in it;
     * closing it drops the schema. Aborts the calling test when the server is not reachable.
     */
    public static PoolDatabase postgres() {
        String schema = createPostgresSchema();
        PoolSettings settings = new PoolSettings(postgresUrl(schema), POSTGRES_USER, "", 4, "test-postgres");
        PoolDatabase database = new PoolDatabase("PostgreSQL", settings, PoolDataSource.create(settings),
                "DROP SCHEMA " + schema + " CASCADE");
        try {
            PoolDataSource.migrate(database.dataSource());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /**
     * Creates a new, empty schema in the local PostgreSQL test database and returns its name.
     * Aborts the calling test when the server is not reachable, or fails it when
     * {@value #REQUIRE_POSTGRES_VARIABLE} is true.
     */
    public static String createPostgresSchema() {
        String schema = "pool_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL + "?connectTimeout=3", POSTGRES_USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            String message = "PostgreSQL not reachable at 127.0.0.1:5432 (database test)";
            if (Boolean.parseBoolean(System.getenv(REQUIRE_POSTGRES_VARIABLE))) {
                throw new IllegalStateException(message + ", and " + REQUIRE_POSTGRES_VARIABLE
                        + "=true requires it; start PostgreSQL or unset the variable", e);
            }
            Assumptions.abort(message + "; skipping this PostgreSQL test (" + e.getMessage() + ")");
        }
        return schema;
    }

    /** Returns the JDBC URL of a schema in the local PostgreSQL test database. */
    public static String postgresUrl(String schema) {
        return POSTGRES_URL + "?currentSchema=" + schema;
    }

    /** Drops a schema that {@link #createPostgresSchema()} created, with everything in it. */
    public static void dropPostgresSchema(String schema) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL + "?connectTimeout=3", POSTGRES_USER, "");
                Statement statement = connection.createStatement()) {
            // A runtime left running would hold locks on the schema's tables; fail rather than hang.
            statement.execute("SET lock_timeout = '10s'");
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Failed to drop the PostgreSQL test schema " + schema + ": "
                    + e.getMessage() + "; drop it by hand with DROP SCHEMA " + schema + " CASCADE", e);
        }
    }

    /** A test database and its connection pool. */
    public static final class PoolDatabase implements AutoCloseable {
        private final String kind;
        private final PoolSettings settings;
        private final HikariDataSource dataSource;
        private final String dropStatement;

        private PoolDatabase(String kind, PoolSettings settings, HikariDataSource dataSource, String dropStatement) {
            this.kind = kind;
            this.settings = settings;
            this.dataSource = dataSource;
            this.dropStatement = dropStatement;
        }

        /** H2 or PostgreSQL. */
        public String kind() {
            return kind;
        }

        /** Settings that reach this database, for code under test that opens its own pool. */
        public PoolSettings settings() {
            return settings;
        }

        public HikariDataSource dataSource() {
            return dataSource;
        }

        /** Drops the database or schema and closes the connection pool. */
        @Override
        public void close() {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute(dropStatement);
            } catch (SQLException e) {
                throw new IllegalStateException("Failed to drop the " + kind + " test database: " + e.getMessage(), e);
            } finally {
                dataSource.close();
            }
        }
    }
}
