package com.dealerpool.rothco.config;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.dealerpool.rothco.Operation;

/**
 * Settings of Send Fulfillment Requests and of FR intake, read from the same properties as
 * {@link ConnectorSettings}. Every key is documented in {@code application.properties}.
 *
 * @param bySource         send settings per source id, in the order of {@code rothco.sources}
 * @param inboxEnabled     whether the inbox folder route reads FR files
 * @param inboxDirectory   folder of FR files; files move to {@code done/} or {@code error/} below it
 * @param intakeSource     source that FRs without a {@code source} field are routed to, or null
 * @param httpEnabled      whether the embedded HTTP server ({@code camel.server.enabled}) serves
 *                         {@code POST /fulfillment-requests}
 * @param httpToken        bearer token the HTTP endpoint requires, or null for none (loopback only)
 */
public record FulfillmentSettings(Map<String, SendSettings> bySource, boolean inboxEnabled, String inboxDirectory,
        String intakeSource, boolean httpEnabled, String httpToken) {

    /** The same email check as FR intake applies to customer emails. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    /** Default schedule: every 5 minutes. */
    public static final String DEFAULT_SCHEDULE = "0 0/5 * * * ?";
    public static final String DEFAULT_TEMPLATE = "Send Purchase Orders";

    /**
     * Reads and validates the settings of every source.
     *
     * @throws InvalidSettingsException listing every problem, one line each
     */
    public static FulfillmentSettings read(Function<String, String> lookup, List<String> sourceIds) {
        SettingsReader reader = new SettingsReader(lookup);
        AutoProcessing global = autoProcessing(reader, "rothco.send-fulfillment-requests.auto-processing",
                AutoProcessing.AUTO);
        if (global == AutoProcessing.GLOBAL) {
            reader.problem("rothco.send-fulfillment-requests.auto-processing=global is not allowed; use auto or manual");
            global = AutoProcessing.AUTO;
        }
        Map<String, SendSettings> bySource = new LinkedHashMap<>();
        for (String id : sourceIds) {
            bySource.put(id, readSource(reader, id, global));
        }
        String intakeSource = reader.raw("fulfillment.intake.default-source");
        if (intakeSource == null) {
            intakeSource = bySource.entrySet().stream().filter(entry -> entry.getValue().enabled())
                    .map(Map.Entry::getKey).findFirst().orElse(null);
        } else if (!bySource.containsKey(intakeSource)) {
            reader.problem("fulfillment.intake.default-source=" + intakeSource + " is not a configured source; use one of "
                    + sourceIds);
        }
        boolean httpEnabled = reader.bool("camel.server.enabled", false);
        String httpToken = reader.raw("fulfillment.http.token");
        // Camel binds its embedded server to 0.0.0.0 when camel.server.host is unset.
        String host = reader.text("camel.server.host", "0.0.0.0");
        if (httpEnabled && httpToken == null && !LOOPBACK_HOSTS.contains(host)) {
            reader.problem("fulfillment.http.token is missing, but camel.server.host=" + host + " lets other hosts"
                    + " post fulfillment requests; set a long random token, or bind camel.server.host=127.0.0.1");
        }
        FulfillmentSettings settings = new FulfillmentSettings(Collections.unmodifiableMap(bySource),
                reader.bool("fulfillment.inbox.enabled", false),
                reader.text("fulfillment.inbox.directory", "data/fulfillment-requests"),
                intakeSource, httpEnabled, httpToken);
        reader.throwIfInvalid();
        return settings;
    }

    /** Returns the settings of a source. */
    public SendSettings source(String sourceId) {
        SendSettings send = bySource.get(sourceId);
        if (send == null) {
            throw new IllegalArgumentException("Unknown source '" + sourceId + "'; configured sources are "
                    + bySource.keySet());
        }
        return send;
    }

    /** Returns the sources of a routing group after the given one, in configuration order. */
    public List<String> groupMembersAfter(String sourceId) {
        String group = source(sourceId).routingGroup();
        if (group == null) {
            return List.of();
        }
        List<String> members = new ArrayList<>();
        boolean after = false;
        for (Map.Entry<String, SendSettings> entry : bySource.entrySet()) {
            if (entry.getKey().equals(sourceId)) {
                after = true;
            } else if (after && group.equals(entry.getValue().routingGroup()) && entry.getValue().enabled()) {
                members.add(entry.getKey());
            }
        }
        return members;
    }

    private static SendSettings readSource(SettingsReader reader, String id, AutoProcessing global) {
        String prefix = "rothco.sources." + id + "." + Operation.SEND_FULFILLMENT_REQUESTS.slug() + ".";
        boolean enabled = reader.bool(prefix + "enabled", false);
        String billingEmail = reader.raw(prefix + "billing-email");
        if (enabled && billingEmail == null) {
            reader.problem(prefix + "billing-email is missing; set it to the email address Rothco sends this"
                    + " account's invoices to, or set " + prefix + "enabled=false");
        } else if (billingEmail != null && !EMAIL.matcher(billingEmail).matches()) {
            reader.problem(prefix + "billing-email=" + billingEmail + " is not an email address; use one such as"
                    + " billing@dealer.example");
        }
        AutoProcessing mode = autoProcessing(reader, prefix + "auto-processing", AutoProcessing.GLOBAL);
        return new SendSettings(enabled,
                reader.cron(prefix + "schedule", DEFAULT_SCHEDULE),
                reader.text(prefix + "template", DEFAULT_TEMPLATE),
                billingEmail,
                reader.integer(prefix + "hold-hours", 0, 0, 720),
                businessHours(reader, prefix + "business-hours."),
                reader.bool(prefix + "use-ack-process", false),
                reader.bool(prefix + "accepts-shipping-method", false),
                mode == AutoProcessing.GLOBAL ? global : mode,
                reader.bool(prefix + "commit-stock", false),
                reader.bool(prefix + "allow-backorders", false),
                reader.raw(prefix + "routing-group"),
                reader.integer(prefix + "batch-size", 100, 1, 10_000),
                reader.integer(prefix + "lease-minutes", 10, 1, 1440),
                reader.integer(prefix + "unknown-retry-seconds", 60, 0, 86_400));
    }

    private static AutoProcessing autoProcessing(SettingsReader reader, String key, AutoProcessing defaultValue) {
        String value = reader.raw(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return AutoProcessing.parse(value);
        } catch (IllegalArgumentException e) {
            reader.problem(key + "=" + e.getMessage());
            return defaultValue;
        }
    }

    private static BusinessHours businessHours(SettingsReader reader, String prefix) {
        String daysText = reader.raw(prefix + "days");
        String startText = reader.raw(prefix + "start");
        String endText = reader.raw(prefix + "end");
        String zoneText = reader.raw(prefix + "time-zone");
        if (daysText == null && startText == null && endText == null && zoneText == null) {
            return BusinessHours.ALWAYS;
        }
        Set<DayOfWeek> days = daysText == null ? EnumSet.allOf(DayOfWeek.class) : days(reader, prefix + "days", daysText);
        LocalTime start = time(reader, prefix + "start", startText);
        LocalTime end = time(reader, prefix + "end", endText);
        ZoneId zone = ZoneId.of("UTC");
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                reader.problem(prefix + "time-zone=" + zoneText + " is not a time zone; use a region id such as"
                        + " America/New_York");
            }
        }
        if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
            reader.problem(prefix + "end=" + end + " is not after " + prefix + "start=" + start
                    + "; use an end later in the day, or 00:00 for midnight");
        }
        return new BusinessHours(days, start, end, zone);
    }

    private static Set<DayOfWeek> days(SettingsReader reader, String key, String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.split(",")) {
            String token = part.trim().toUpperCase(Locale.ROOT);
            String[] range = token.split("-", 2);
            DayOfWeek first = day(reader, key, range[0]);
            DayOfWeek last = range.length == 2 ? day(reader, key, range[1]) : first;
            if (first == null || last == null) {
                continue;
            }
            for (DayOfWeek day = first; ; day = day.plus(1)) {
                days.add(day);
                if (day == last) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(SettingsReader reader, String key, String token) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(token.trim()) && token.trim().length() >= 3) {
                return day;
            }
        }
        reader.problem(key + " contains '" + token + "', which is not a day; use MON, TUE, WED, THU, FRI, SAT, SUN"
                + " or ranges such as MON-FRI");
        return null;
    }

    private static LocalTime time(SettingsReader reader, String key, String text) {
        if (text == null) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            reader.problem(key + "=" + text + " is not a time of day; use HH:MM such as 08:00");
            return LocalTime.MIDNIGHT;
        }
    }
}
