package com.dealerpool.rothco.primary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;

import com.dealerpool.rothco.Application;
import com.dealerpool.rothco.ConnectorRuntime;
import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.job.JobRuns;
import com.dealerpool.rothco.job.RunOutcome;
import com.dealerpool.rothco.pool.JobLog;
import com.dealerpool.rothco.rothco.ConnectionResult;
import com.dealerpool.rothco.simulator.RothcoSimulator;

/**
 * Boots the real connector runtime (Camel Main, the YAML routes in {@code routes/}, the
 * mapping templates in {@code mapping-sets/}) against a simulator the test owns and the
 * {@link TestPool} of a temporary folder (H2, or PostgreSQL when selected), the way an engineer
 * runs it, with schedules and startup runs off so each test triggers the runs it checks.
 */
public final class ConnectorHarness implements AutoCloseable {

    public static final String SOURCE = "dealer";

    private final Main main;
    private final ConnectorRuntime runtime;
    private final ProducerTemplate producer;

    private ConnectorHarness(Main main, ConnectorRuntime runtime) {
        this.main = main;
        this.runtime = runtime;
        this.producer = main.getCamelContext().createProducerTemplate();
    }

    /**
     * Settings for one source called {@value #SOURCE} that calls the simulator's Sandbox endpoint
     * and writes to the folder's {@link TestPool}.
     */
    public static Map<String, String> defaultSettings(Path folder, RothcoSimulator simulator, String apiKey) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("camel.main.name", "rothco-connector-test");
        settings.put("camel.main.routes-include-pattern", "file:routes/*.camel.yaml");
        settings.put("camel.component.http.connect-timeout", "2000");
        settings.put("camel.component.http.response-timeout", "5000");
        settings.put("camel.component.http.so-timeout", "5000");
        settings.put("camel.component.http.automatic-retries-disabled", "true");
        settings.put("rothco.retry.max-redeliveries", "2");
        settings.put("rothco.retry.delay-ms", "10");
        settings.put("rothco.retry.max-delay-ms", "50");
        settings.put("rothco.sources", SOURCE);
        settings.put("rothco.sources.dealer.mode", "sandbox");
        settings.put("rothco.sources.dealer.api-key", apiKey);
        settings.put("rothco.sources.dealer.url", simulator.sandboxUrl());
        settings.put("rothco.sources.dealer.test-connection-at-startup", "false");
        putShipping(settings, SOURCE);
        settings.put("rothco.sources.dealer.max-requests-per-second", "1000");
        settings.put("rothco.sources.dealer.get-inventory-primary.run-at-startup", "false");
        settings.put("rothco.sources.dealer.get-inventory-primary.schedule", "0 0 2 * * ?");
        settings.put("rothco.sources.dealer.get-inventory-primary.page-size", "20");
        settings.put("rothco.sources.dealer.get-inventory-secondary.schedule", "0 0 2 * * ?");
        settings.put("rothco.sources.dealer.get-inventory-secondary.page-size", "100");
        settings.put("rothco.sources.dealer.get-fr-acknowledgments.schedule", "0 0 2 * * ?");
        settings.put("rothco.sources.dealer.get-shipments.schedule", "0 0 2 * * ?");
        TestPool pool = TestPool.forFolder(folder);
        settings.put("pool.datasource.url", pool.url());
        settings.put("pool.datasource.user", pool.user());
        settings.put("pool.datasource.password", pool.password());
        settings.put("simulator.enabled", "false");
        return settings;
    }

    /** Adds the ship-from location and shipping methods that every source requires. */
    public static Map<String, String> putShipping(Map<String, String> settings, String sourceId) {
        String prefix = "rothco.sources." + sourceId + ".";
        settings.put(prefix + "ship-from.address", "3015 Veterans Memorial Hwy");
        settings.put(prefix + "ship-from.city", "Ronkonkoma");
        settings.put(prefix + "ship-from.state", "NY");
        settings.put(prefix + "ship-from.postal-code", "11779");
        settings.put(prefix + "ship-from.country", "US");
        settings.put(prefix + "shipping-methods", "UPSGND");
        return settings;
    }

    /**
     * Turns on the management server on a free port of 127.0.0.1, with health checks and
     * Prometheus metrics as application.properties has them, and returns the port.
     */
    public static int enableManagement(Map<String, String> settings) throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        settings.put("camel.management.enabled", "true");
        settings.put("camel.management.host", "127.0.0.1");
        settings.put("camel.management.port", String.valueOf(port));
        settings.put("camel.management.health-check-enabled", "true");
        settings.put("camel.management.metrics-enabled", "true");
        settings.put("camel.health.exposure-level", "full");
        settings.put("camel.metrics.enabled", "true");
        settings.put("camel.metrics.enable-route-policy", "true");
        return port;
    }

    /** Writes the settings to a file in the folder and starts the runtime. */
    public static ConnectorHarness start(Path folder, Map<String, String> settings) throws IOException {
        Path config = folder.resolve("application.properties");
        Files.writeString(config, settings.entrySet().stream()
                .map(entry -> entry.getKey() + " = " + entry.getValue())
                .collect(Collectors.joining(System.lineSeparator())));
        ConnectorRuntime runtime = new ConnectorRuntime(ConnectorRuntime.RuntimeMode.SERVICE);
        Main main = Application.createMain(config, runtime);
        try {
            main.start();
        } catch (Exception e) {
            main.stop();
            throw e;
        }
        return new ConnectorHarness(main, runtime);
    }

    /** Runs Get Inventory (Primary) of the source and returns its outcome once it ended. */
    public RunOutcome runPrimary() {
        return producer.send("direct:" + Operation.GET_INVENTORY_PRIMARY.routeId(SOURCE),
                exchange -> exchange.setProperty(JobRuns.TRIGGER_PROPERTY, "manual"))
                .getMessage().getBody(RunOutcome.class);
    }

    /** Runs Get Inventory (Secondary) of the source and returns its outcome once it ended. */
    public RunOutcome runSecondary() {
        return producer.send("direct:" + Operation.GET_INVENTORY_SECONDARY.routeId(SOURCE),
                exchange -> exchange.setProperty(JobRuns.TRIGGER_PROPERTY, "manual"))
                .getMessage().getBody(RunOutcome.class);
    }

    /** Runs any operation of the source once, as a manual run, and returns its outcome once it ended. */
    public RunOutcome run(Operation operation) {
        return run(SOURCE, operation);
    }

    /** Runs any operation of a source once, as a manual run, and returns its outcome once it ended. */
    public RunOutcome run(String sourceId, Operation operation) {
        return producer.send("direct:" + operation.routeId(sourceId),
                exchange -> exchange.setProperty(JobRuns.TRIGGER_PROPERTY, "manual"))
                .getMessage().getBody(RunOutcome.class);
    }

    public ConnectionResult testConnection() {
        return testConnection(SOURCE);
    }

    /** Runs Test Connection of one source and returns its result. */
    public ConnectionResult testConnection(String sourceId) {
        return producer.requestBody("direct:" + Operation.TEST_CONNECTION.routeId(sourceId), null,
                ConnectionResult.class);
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public ConnectorRuntime runtime() {
        return runtime;
    }

    public DataSource dataSource() {
        return runtime.dataSource();
    }

    public JobLog jobLog() {
        return runtime.jobLog();
    }

    /** Runs a query that returns one number. */
    public long count(String sql, Object... parameters) {
        return queryOne(sql, parameters, result -> result.getLong(1));
    }

    /** Runs a query that returns one text value. */
    public String text(String sql, Object... parameters) {
        return queryOne(sql, parameters, result -> result.getString(1));
    }

    private interface ColumnReader<T> {
        T read(ResultSet result) throws SQLException;
    }

    private <T> T queryOne(String sql, Object[] parameters, ColumnReader<T> reader) {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return reader.read(result);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        main.stop();
    }
}
