package com.dealerpool.rothco.observe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.fulfillment.FulfillmentStatus;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The gauge {@code rothco_fulfillment_requests} per source and FR status, read from the pool.
 * One GROUP BY query serves every gauge, and its result is reused for {@link #MAX_AGE}, so a
 * scrape costs at most one query however often Prometheus scrapes.
 */
public final class FulfillmentGauges {

    static final Duration MAX_AGE = Duration.ofSeconds(15);

    private static final Logger LOG = LoggerFactory.getLogger(FulfillmentGauges.class);
    private static final String COUNT_SQL =
            "SELECT source_id, status, COUNT(*) FROM fulfillment_request GROUP BY source_id, status";

    private final DataSource dataSource;
    private Map<String, Long> counts = Map.of();
    private long readAtNanos;
    private boolean readOnce;

    private FulfillmentGauges(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Registers one gauge per source and status. */
    public static void register(MeterRegistry registry, DataSource dataSource, List<String> sourceIds) {
        FulfillmentGauges gauges = new FulfillmentGauges(dataSource);
        for (String sourceId : sourceIds) {
            for (FulfillmentStatus status : FulfillmentStatus.values()) {
                String key = sourceId + "/" + status.value();
                Gauge.builder("rothco.fulfillment.requests", gauges, g -> g.count(key))
                        .description("Fulfillment requests in the pool, by source and status")
                        .tags("source", sourceId, "status", status.value())
                        // Micrometer keeps only a weak reference by default, and nothing else refers to the gauges object.
                        .strongReference(true)
                        .register(registry);
            }
        }
    }

    private synchronized double count(String key) {
        long now = System.nanoTime();
        if (!readOnce || now - readAtNanos > MAX_AGE.toNanos()) {
            readOnce = true;
            readAtNanos = now;
            try {
                counts = query();
            } catch (SQLException e) {
                // The pool readiness check reports the database, and the gauges return NaN until a query succeeds.
                LOG.warn("Reading the fulfillment request counts for the metrics failed: {}", e.getMessage());
                counts = null;
            }
        }
        if (counts == null) {
            return Double.NaN;
        }
        return counts.getOrDefault(key, 0L);
    }

    private Map<String, Long> query() throws SQLException {
        Map<String, Long> result = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(COUNT_SQL);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                result.put(rows.getString(1) + "/" + rows.getString(2), rows.getLong(3));
            }
        }
        return result;
    }
}
