package com.dealerpool.rothco.observe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of the pool database: one {@code SELECT 1} through the connection pool. The query
 * runs on its own thread and the check waits at most {@link #TIMEOUT}, because the pool waits
 * up to its connection timeout (HikariCP: 30 s) for a database that stopped responding.
 */
public final class PoolHealthCheck extends AbstractHealthCheck {

    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final DataSource dataSource;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rothco-pool-health-check");
        thread.setDaemon(true);
        return thread;
    });
    private Future<?> pending;

    public PoolHealthCheck(DataSource dataSource) {
        super("rothco", "pool-database");
        this.dataSource = dataSource;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected synchronized void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        if (pending != null && !pending.isDone()) {
            builder.down().message("The pool database has not answered the previous check yet (waiting longer than "
                    + TIMEOUT.toSeconds() + " s); check that the database at pool.datasource.url runs and is reachable");
            return;
        }
        pending = executor.submit(() -> {
            selectOne();
            return null;
        });
        try {
            pending.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            builder.up();
        } catch (TimeoutException e) {
            builder.down().message("The pool database did not answer SELECT 1 within " + TIMEOUT.toSeconds()
                    + " s; check that the database at pool.datasource.url runs and is reachable");
        } catch (ExecutionException e) {
            builder.down().error(e.getCause()).message("The pool database failed SELECT 1: "
                    + e.getCause().getMessage() + "; check that the database at pool.datasource.url runs");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.down().message("The pool database check was interrupted");
        }
    }

    private void selectOne() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT 1");
                ResultSet result = statement.executeQuery()) {
            result.next();
        }
    }

    /** Stops the check's thread and interrupts a query that is still waiting. */
    public void close() {
        executor.shutdownNow();
    }
}
