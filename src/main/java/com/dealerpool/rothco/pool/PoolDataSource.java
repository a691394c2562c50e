package com.dealerpool.rothco.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the HikariCP connection pool of the pool database and applies the Flyway migrations. */
public final class PoolDataSource {

    private static final Logger LOG = LoggerFactory.getLogger(PoolDataSource.class);

    /** Classpath folder of the migrations, which run unchanged on H2 and PostgreSQL. */
    public static final String MIGRATION_LOCATION = "classpath:db/migration";

    /**
     * Classpath folder of migrations that only PostgreSQL pools get: the tables of Quartz's JDBC
     * job store for clustered scheduling. Their versions (such as 6.1) never repeat one in
     * {@value #MIGRATION_LOCATION}.
     */
    public static final String POSTGRESQL_MIGRATION_LOCATION = "classpath:db/vendor/postgresql";

    private PoolDataSource() {
    }

    /** Opens a connection pool; connections start in auto-commit mode. */
    public static HikariDataSource create(PoolSettings settings) {
        bindH2ServerToLoopback(settings.url());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maximumPoolSize());
        config.setPoolName(settings.poolName());
        config.setAutoCommit(true);
        if (settings.url().startsWith("jdbc:postgresql:")) {
            // Server-prepared statements otherwise keep a generic plan made while the variant table
            // was still empty (a full scan), so page lookups stay slow after a first import fills it.
            config.setConnectionInitSql("SET plan_cache_mode = force_custom_plan");
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        LOG.info("Opened pool database {} (connection pool {}, at most {} connections)",
                redact(settings.url()), settings.poolName(), settings.maximumPoolSize());
        return dataSource;
    }

    /** System property that H2 reads once, when its first class loads, for the address of its TCP server. */
    static final String H2_BIND_ADDRESS = "h2.bindAddress";

    /**
     * With AUTO_SERVER=TRUE, the first process that opens an H2 file starts a TCP server so that
     * other processes can reach the same file; H2 binds it to every interface unless
     * {@value #H2_BIND_ADDRESS} names one. This sets it to 127.0.0.1, which is enough for a second
     * process on this machine (such as --status or the H2 Shell), unless it is already set. It must
     * run before the first H2 connection of the JVM.
     */
    static void bindH2ServerToLoopback(String url) {
        if (url.startsWith("jdbc:h2:") && url.toUpperCase(java.util.Locale.ROOT).contains(";AUTO_SERVER=TRUE")
                && System.getProperty(H2_BIND_ADDRESS) == null) {
            System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        }
    }

    /**
     * Applies pending migrations from {@value #MIGRATION_LOCATION}, and on PostgreSQL also from
     * {@value #POSTGRESQL_MIGRATION_LOCATION}.
     *
     * @throws org.flywaydb.core.api.FlywayException when a migration fails or the applied ones
     *         differ from the files on the classpath
     */
    public static void migrate(DataSource dataSource) {
        String[] locations = isPostgres(dataSource)
                ? new String[] {MIGRATION_LOCATION, POSTGRESQL_MIGRATION_LOCATION}
                : new String[] {MIGRATION_LOCATION};
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations(locations)
                .load()
                .migrate();
        if (result.migrationsExecuted == 0) {
            LOG.info("Pool schema is up to date at version {}", result.initialSchemaVersion);
            return;
        }
        String versions = result.migrations.stream()
                .map(migration -> migration.version + " (" + migration.description + ")")
                .collect(Collectors.joining(", "));
        LOG.info("Applied {} pool schema migration(s): {}; schema is now at version {}",
                result.migrationsExecuted, versions, result.targetSchemaVersion);
    }

    /** Returns true when the data source connects to PostgreSQL, by the JDBC driver's product name. */
    public static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new PoolStorageException("Failed to connect to the pool database: " + e.getMessage(), e);
        }
    }

    /** Returns the URL without its parameters, which may contain credentials. */
    static String redact(String url) {
        int parameters = indexOfAny(url, '?', ';');
        return parameters < 0 ? url : url.substring(0, parameters);
    }

    private static int indexOfAny(String text, char first, char second) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == first || c == second) {
                return i;
            }
        }
        return -1;
    }
}
