package com.dealerpool.rothco.observe;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.config.InvalidSettingsException;
import com.dealerpool.rothco.config.ObservabilitySettings;
import com.dealerpool.rothco.job.JobRuns;
import com.dealerpool.rothco.job.RunStatus;
import com.dealerpool.rothco.rothco.ConnectionChecks;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Wires metrics, health checks and run notifications into the runtime. The meter registry is
 * bound as {@value #METER_REGISTRY}, the name under which camel-micrometer-prometheus looks for
 * one, so Camel's route meters and the connector's meters share the management server's
 * {@code /observe/metrics} endpoint.
 */
public final class Observability {

    public static final String METER_REGISTRY = "metricsRegistry";
    /**
     * Endpoint that queues a run's outcome for the notification route. Runs hand their outcome
     * over without waiting for the sending. A route, not the SEDA endpoint itself, so the
     * exchange has a route id like every other in Camel's exchange meters.
     */
    public static final String NOTIFICATIONS_URI = "direct:rothco-run-ended";

    private static final Logger LOG = LoggerFactory.getLogger(Observability.class);

    private final ObservabilitySettings settings;
    private final RunMetrics metrics;
    private PoolHealthCheck poolCheck;

    private Observability(ObservabilitySettings settings, RunMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    /**
     * Reads the settings and binds the meter registry and the beans of the notification and
     * rejected-orders routes ({@code runNotifications}, {@code runMetrics}).
     */
    public static Observability bind(CamelContext context, ObjectMapper mapper) {
        ObservabilitySettings settings = ObservabilitySettings
                .read(key -> context.getPropertiesComponent().resolveProperty(key).orElse(null));
        Registry registry = context.getRegistry();
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        RunMetrics metrics = new RunMetrics(meters);
        registry.bind(METER_REGISTRY, meters);
        registry.bind("runMetrics", metrics);
        registry.bind("runNotifications", new RunNotifications(settings, mapper, Clock.systemUTC(), metrics));
        return new Observability(settings, metrics);
    }

    /**
     * Checks that every notification endpoint resolves, so a typing error in a URI stops the
     * startup instead of the first failed run's notification.
     *
     * @throws InvalidSettingsException naming each URI that does not resolve
     */
    public void checkEndpoints(CamelContext context) {
        List<String> problems = new ArrayList<>();
        for (String uri : settings.notificationEndpoints()) {
            try {
                context.getEndpoint(uri);
            } catch (RuntimeException e) {
                problems.add(ObservabilitySettings.ENDPOINTS_KEY + " lists '" + uri
                        + "', which is not a usable Camel endpoint URI (" + e.getMessage()
                        + "); use a URI such as " + ObservabilitySettings.DEFAULT_ENDPOINT
                        + " or http://host/path?httpMethod=POST");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    /**
     * Makes every run report its end to the metrics and to the notification route, adds the
     * fulfillment request gauges and registers the readiness checks. Called once Camel started.
     */
    public void start(CamelContext context, JobRuns jobRuns, DataSource dataSource, ConnectionChecks connections,
            List<String> sourceIds, ProducerTemplate producer) {
        jobRuns.addListener(metrics);
        jobRuns.addListener(outcome -> {
            if (outcome.status() != RunStatus.SUCCEEDED) {
                producer.sendBody(NOTIFICATIONS_URI, outcome);
            }
        });
        FulfillmentGauges.register(metrics.registry(), dataSource, sourceIds);

        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        if (health == null) {
            LOG.warn("Camel's health check registry is off (camel.health.enabled=false), so readiness does not"
                    + " cover the pool database and Rothco");
            return;
        }
        poolCheck = new PoolHealthCheck(dataSource);
        register(context, health, poolCheck);
        for (String sourceId : sourceIds) {
            register(context, health, new RothcoHealthCheck(sourceId, connections, producer,
                    settings.connectionCheckMaxAge()));
        }
    }

    private static void register(CamelContext context, HealthCheckRegistry health,
            AbstractHealthCheck check) {
        check.setCamelContext(context);
        health.register(check);
    }

    /** Stops the pool check's thread. */
    public void stop() {
        if (poolCheck != null) {
            poolCheck.close();
        }
    }
}
