package com.dealerpool.rothco.observe;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.rothco.ConnectionChecks;
import com.dealerpool.rothco.rothco.ConnectionResult;

/**
 * Readiness of one source's Rothco account: the last Test Connection result. When that result
 * is older than rothco.health.connection-check-seconds, or there is none yet, the check runs
 * Test Connection once (one account query) and waits for it. Scrapes in between reuse the
 * result, so frequent polling sends Rothco at most one query per interval. Test Connection runs
 * from JMX or at startup count as fresh results too.
 */
public final class RothcoHealthCheck extends AbstractHealthCheck {

    private final String sourceId;
    private final ConnectionChecks connections;
    private final ProducerTemplate producer;
    private final Duration maxAge;

    public RothcoHealthCheck(String sourceId, ConnectionChecks connections, ProducerTemplate producer,
            Duration maxAge) {
        super("rothco", "rothco-" + sourceId);
        this.sourceId = sourceId;
        this.connections = connections;
        this.producer = producer;
        this.maxAge = maxAge;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected synchronized void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Optional<ConnectionResult> last = connections.lastResult(sourceId);
        ConnectionResult result;
        if (last.isEmpty() || last.get().testedAt().isBefore(Instant.now().minus(maxAge))) {
            result = producer.requestBody("direct:" + Operation.TEST_CONNECTION.routeId(sourceId), null,
                    ConnectionResult.class);
        } else {
            result = last.get();
        }
        builder.detail("source", sourceId);
        builder.detail("testedAt", result.testedAt().toString());
        builder.detail("connection", result.status().label());
        builder.message("Test Connection of " + sourceId + ": " + result.status().label() + ": " + result.message());
        if (result.connected()) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
