package com.dealerpool.rothco.config;

import java.time.Duration;
import java.util.function.Function;

/**
 * Settings of running several runtimes on one PostgreSQL pool, read from the {@code cluster.*}
 * keys documented in {@code application.properties}. The node id itself is
 * {@link ConnectorSettings#nodeName()} ({@code cluster.node-id}).
 *
 * @param enabled                 whether runs are guarded cluster-wide and Quartz uses its clustered JDBC job store
 * @param heartbeatSeconds        seconds between heartbeats of this runtime's runs in flight
 * @param staleAfterSeconds       seconds without a heartbeat after which a run counts as dead and its guard as free
 * @param checkinIntervalMillis   milliseconds between Quartz's cluster check-ins
 * @param misfireThresholdMillis  milliseconds a firing may be late before Quartz treats it as misfired
 * @param quartzThreads           Quartz worker threads: scheduled runs in flight at once on this runtime
 */
public record ClusterSettings(boolean enabled, int heartbeatSeconds, int staleAfterSeconds,
        int checkinIntervalMillis, int misfireThresholdMillis, int quartzThreads) {

    /**
     * Reads and checks the settings.
     *
     * @param lookup property lookup, returning null for unset keys
     * @param poolUrl JDBC URL of the pool, because a cluster requires PostgreSQL
     * @throws InvalidSettingsException listing every problem, one line each
     */
    public static ClusterSettings read(Function<String, String> lookup, String poolUrl) {
        SettingsReader reader = new SettingsReader(lookup);
        ClusterSettings settings = new ClusterSettings(
                reader.bool("cluster.enabled", false),
                reader.integer("cluster.heartbeat-seconds", 10, 1, 300),
                reader.integer("cluster.stale-after-seconds", 60, 3, 86_400),
                reader.integer("cluster.quartz.checkin-interval-ms", 5000, 500, 600_000),
                reader.integer("cluster.quartz.misfire-threshold-ms", 60_000, 1000, 86_400_000),
                reader.integer("cluster.quartz.thread-count", 10, 1, 200));
        if (settings.enabled() && poolUrl != null && !poolUrl.startsWith("jdbc:postgresql:")) {
            reader.problem("cluster.enabled=true requires a PostgreSQL pool, but pool.datasource.url is "
                    + poolUrl.split("[;?]", 2)[0] + "; set pool.datasource.url to jdbc:postgresql://HOST:5432/DATABASE"
                    + " (the same on every node) or set cluster.enabled=false");
        }
        if (settings.staleAfterSeconds() < 2 * settings.heartbeatSeconds()) {
            reader.problem("cluster.stale-after-seconds=" + settings.staleAfterSeconds() + " is less than twice"
                    + " cluster.heartbeat-seconds=" + settings.heartbeatSeconds() + ", so a live run could be"
                    + " taken for dead after one late heartbeat; raise it to at least "
                    + 2 * settings.heartbeatSeconds());
        }
        reader.throwIfInvalid();
        return settings;
    }

    public Duration heartbeatInterval() {
        return Duration.ofSeconds(heartbeatSeconds);
    }

    public Duration staleAfter() {
        return Duration.ofSeconds(staleAfterSeconds);
    }
}
