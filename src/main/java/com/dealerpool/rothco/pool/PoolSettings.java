package com.dealerpool.rothco.pool;

/**
 * Connection settings of the pool database. The JDBC URL alone selects the database:
 * {@code jdbc:h2:...} for H2 or {@code jdbc:postgresql://...} for PostgreSQL.
 *
 * @param url             JDBC URL of the pool database
 * @param user            database user, may be empty for H2
 * @param password        database password, may be empty
 * @param maximumPoolSize maximum number of pooled connections, at least 1
 * @param poolName        name of the connection pool in logs and JMX
 */
public record PoolSettings(String url, String user, String password, int maximumPoolSize, String poolName) {

    /** File database under {@code ./data}, used when no URL is configured. */
    public static final String DEFAULT_H2_URL = "jdbc:h2:file:./data/pool";

    /** Connection pool name used when none is given. */
    public static final String DEFAULT_POOL_NAME = "inventory-pool";

    public PoolSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("Missing pool JDBC URL; set a URL such as " + DEFAULT_H2_URL
                    + " or jdbc:postgresql://host:5432/database");
        }
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("Unsupported pool JDBC URL '" + PoolDataSource.redact(url)
                    + "'; use a jdbc:h2: or jdbc:postgresql: URL");
        }
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("Invalid maximum pool size " + maximumPoolSize
                    + " for the pool database; use 1 or more connections");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        poolName = poolName == null || poolName.isBlank() ? DEFAULT_POOL_NAME : poolName;
    }

    public PoolSettings(String url, String user, String password, int maximumPoolSize) {
        this(url, user, password, maximumPoolSize, DEFAULT_POOL_NAME);
    }

    /** Hides the password from {@link #toString()}, which ends up in logs. */
    @Override
    public String toString() {
        return "PoolSettings[url=" + PoolDataSource.redact(url) + ", user=" + user + ", maximumPoolSize="
                + maximumPoolSize + ", poolName=" + poolName + "]";
    }
}
