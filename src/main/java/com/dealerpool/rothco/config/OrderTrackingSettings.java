package com.dealerpool.rothco.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.dealerpool.rothco.Operation;

/**
 * Settings of Get FR Acknowledgments and Get Shipments per source, read from the same
 * properties as {@link ConnectorSettings}. Every key is documented in {@code application.properties}.
 */
public record OrderTrackingSettings(Map<String, Acknowledgments> acknowledgments, Map<String, Shipments> shipments) {

    /** Default schedule of Get FR Acknowledgments: every 3 hours, UTC. */
    public static final String DEFAULT_ACK_SCHEDULE = "0 0 0/3 * * ?";
    /** Default schedule of Get Shipments: every 2 hours, UTC. */
    public static final String DEFAULT_SHIPMENT_SCHEDULE = "0 0 0/2 * * ?";
    public static final String DEFAULT_ACK_TEMPLATE = "Rothco - Get PO Ack";
    public static final String DEFAULT_SHIPMENT_TEMPLATE = "Get Shipments 2";
    /** Lookback windows Rothco's shipment fetch offers, in days. */
    public static final List<Integer> LOOKBACK_DAYS = List.of(5, 10, 15, 30);
    public static final String FALLBACK_EMPTY = "empty";
    public static final String FALLBACK_RUN_TIME = "run-time";
    private static final Set<String> FALLBACKS = Set.of(FALLBACK_EMPTY, FALLBACK_RUN_TIME);

    /**
     * Get FR Acknowledgments of one source.
     *
     * @param cancelUnacknowledgedItems cancel the items, or quantities, that Rothco's acknowledgment leaves out
     * @param batchSize                 FRs claimed at a time
     * @param leaseMinutes              minutes a claim lasts before another runtime may take the FR over
     */
    public record Acknowledgments(boolean enabled, String schedule, String template, boolean cancelUnacknowledgedItems,
            int batchSize, int leaseMinutes) {
    }

    /**
     * Get Shipments of one source.
     *
     * @param lookbackDays      days back from the run's start whose shipments are fetched: 5, 10, 15 or 30
     * @param shippedAtFallback what a shipment without Shipped At gets: {@value #FALLBACK_EMPTY} or
     *                          {@value #FALLBACK_RUN_TIME}
     * @param pageSize          shipments per page request
     */
    public record Shipments(boolean enabled, String schedule, String template, int lookbackDays,
            String shippedAtFallback, int pageSize) {
    }

    /**
     * Reads and validates the settings of every source.
     *
     * @throws InvalidSettingsException listing every problem, one line each
     */
    public static OrderTrackingSettings read(Function<String, String> lookup, List<String> sourceIds) {
        SettingsReader reader = new SettingsReader(lookup);
        Map<String, Acknowledgments> acknowledgments = new LinkedHashMap<>();
        Map<String, Shipments> shipments = new LinkedHashMap<>();
        for (String id : sourceIds) {
            String ackPrefix = "rothco.sources." + id + "." + Operation.GET_FR_ACKNOWLEDGMENTS.slug() + ".";
            acknowledgments.put(id, new Acknowledgments(
                    reader.bool(ackPrefix + "enabled", runsOrders(lookup, id)),
                    reader.cron(ackPrefix + "schedule", DEFAULT_ACK_SCHEDULE),
                    reader.text(ackPrefix + "template", DEFAULT_ACK_TEMPLATE),
                    reader.bool(ackPrefix + "cancel-unacknowledged-items", false),
                    reader.integer(ackPrefix + "batch-size", 100, 1, 10_000),
                    reader.integer(ackPrefix + "lease-minutes", 10, 1, 1440)));
            String shipPrefix = "rothco.sources." + id + "." + Operation.GET_SHIPMENTS.slug() + ".";
            shipments.put(id, new Shipments(
                    reader.bool(shipPrefix + "enabled", runsOrders(lookup, id)),
                    reader.cron(shipPrefix + "schedule", DEFAULT_SHIPMENT_SCHEDULE),
                    reader.text(shipPrefix + "template", DEFAULT_SHIPMENT_TEMPLATE),
                    lookbackDays(reader, shipPrefix + "lookback-days"),
                    fallback(reader, shipPrefix + "shipped-at-fallback"),
                    reader.integer(shipPrefix + "page-size", 100, 1, com.dealerpool.rothco.rothco.RothcoContract
                            .MAX_SHIPMENT_PAGE_SIZE)));
        }
        reader.throwIfInvalid();
        return new OrderTrackingSettings(Collections.unmodifiableMap(acknowledgments),
                Collections.unmodifiableMap(shipments));
    }

    /**
     * Returns whether the source's type ships orders, which makes both operations default to on.
     * An invalid type counts as a Vendor Warehouse here, because the source settings report it.
     */
    private static boolean runsOrders(Function<String, String> lookup, String sourceId) {
        String type = lookup.apply("rothco.sources." + sourceId + ".type");
        try {
            return type == null || type.isBlank() || SourceType.parse(type).supports(Operation.GET_SHIPMENTS);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static int lookbackDays(SettingsReader reader, String key) {
        String value = reader.raw(key);
        if (value == null) {
            return 10;
        }
        try {
            int days = Integer.parseInt(value);
            if (LOOKBACK_DAYS.contains(days)) {
                return days;
            }
        } catch (NumberFormatException e) {
            // Reported below with the allowed values.
        }
        reader.problem(key + "=" + value + " is not an allowed lookback; use one of 5, 10, 15 or 30 (days)");
        return 10;
    }

    private static String fallback(SettingsReader reader, String key) {
        String value = reader.text(key, FALLBACK_EMPTY);
        if (!FALLBACKS.contains(value)) {
            reader.problem(key + "=" + value + " is not a Shipped At fallback; use empty (leave Shipped At unset)"
                    + " or run-time (use the time of the run)");
            return FALLBACK_EMPTY;
        }
        return value;
    }

    /** Returns the Get FR Acknowledgments settings of a source. */
    public Acknowledgments acknowledgments(String sourceId) {
        return bySource(acknowledgments, sourceId);
    }

    /** Returns the Get Shipments settings of a source. */
    public Shipments shipments(String sourceId) {
        return bySource(shipments, sourceId);
    }

    private static <T> T bySource(Map<String, T> settings, String sourceId) {
        T value = settings.get(sourceId);
        if (value == null) {
            throw new IllegalArgumentException("Unknown source '" + sourceId + "'; configured sources are "
                    + settings.keySet());
        }
        return value;
    }
}
