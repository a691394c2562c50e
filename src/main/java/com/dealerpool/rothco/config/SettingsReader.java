package com.dealerpool.rothco.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.quartz.CronExpression;

/**
 * Reads typed settings from a key lookup and collects every problem instead of failing at
 * the first one, so that one startup attempt lists all of them.
 */
public final class SettingsReader {

    private final Function<String, String> lookup;
    private final List<String> problems = new ArrayList<>();

    public SettingsReader(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /** Returns the trimmed value, or null when the key is unset or blank. */
    public String raw(String key) {
        String value = lookup.apply(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String text(String key, String defaultValue) {
        String value = raw(key);
        return value == null ? defaultValue : value;
    }

    /** Returns the value, or records "missing" with the given fix and returns null. */
    public String required(String key, String fix) {
        String value = raw(key);
        if (value == null) {
            problem(key + " is missing; " + fix);
        }
        return value;
    }

    public boolean bool(String key, boolean defaultValue) {
        String value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                problem(key + "=" + value + " is not a boolean; use true or false");
                return defaultValue;
        }
    }

    public int integer(String key, int defaultValue, int min, int max) {
        return number(key, defaultValue, min, max, Integer::valueOf, "a whole number");
    }

    public double decimal(String key, double defaultValue, double min, double max) {
        return number(key, defaultValue, min, max, Double::valueOf, "a number");
    }

    private <T extends Comparable<T>> T number(String key, T defaultValue, T min, T max,
            Function<String, T> parser, String kind) {
        String value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        String range = "use " + kind + " from " + min + " to " + max;
        try {
            T parsed = parser.apply(value);
            if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
                problem(key + "=" + value + " is out of range; " + range);
                return defaultValue;
            }
            return parsed;
        } catch (NumberFormatException e) {
            problem(key + "=" + value + " is not " + kind + "; " + range);
            return defaultValue;
        }
    }

    /** Returns a Quartz cron expression after checking that Quartz can parse it. */
    public String cron(String key, String defaultValue) {
        String value = text(key, defaultValue);
        try {
            CronExpression.validateExpression(value);
        } catch (java.text.ParseException e) {
            problem(key + "=" + value + " is not a valid Quartz cron expression (" + e.getMessage()
                    + "); use six or seven fields such as '0 0 2 * * ?' for 02:00 UTC daily");
        }
        return value;
    }

    public void problem(String message) {
        problems.add(message);
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Throws {@link InvalidSettingsException} listing every recorded problem, if any. */
    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }
}
