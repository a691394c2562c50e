package com.dealerpool.rothco.observe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses the Prometheus text exposition format (version 0.0.4): comment lines start with #,
 * every other line is {@code name{label="value",...} number}. Label values may hold escaped
 * quotes, backslashes and newlines.
 */
final class PrometheusText {

    /** One sample: a metric name, its labels and its value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;
    private final Map<String, String> types;

    private PrometheusText(List<Sample> samples, Map<String, String> types) {
        this.samples = samples;
        this.types = types;
    }

    static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        int lineNumber = 0;
        for (String line : text.split("\n")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).trim().split(" ");
                types.put(parts[0], parts[1]);
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            samples.add(parseSample(line, lineNumber));
        }
        return new PrometheusText(samples, types);
    }

    private static Sample parseSample(String line, int lineNumber) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        Map<String, String> labels = new LinkedHashMap<>();
        String name;
        int rest;
        if (brace >= 0 && (space < 0 || brace < space)) {
            name = line.substring(0, brace);
            int i = brace + 1;
            while (line.charAt(i) != '}') {
                int equals = line.indexOf('=', i);
                String label = line.substring(i, equals).trim();
                if (line.charAt(equals + 1) != '"') {
                    throw new IllegalArgumentException("Line " + lineNumber + ": label " + label + " has no quoted value: " + line);
                }
                StringBuilder value = new StringBuilder();
                int j = equals + 2;
                while (line.charAt(j) != '"') {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char escaped = line.charAt(++j);
                        value.append(escaped == 'n' ? '\n' : escaped);
                    } else {
                        value.append(c);
                    }
                    j++;
                }
                labels.put(label, value.toString());
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            rest = i + 1;
        } else {
            name = line.substring(0, space);
            rest = space;
        }
        String[] valueAndTime = line.substring(rest).trim().split(" ");
        double value = switch (valueAndTime[0]) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(valueAndTime[0]);
        };
        return new Sample(name, labels, value);
    }

    List<Sample> samples() {
        return samples;
    }

    /** Returns the TYPE declared for a metric family, if any. */
    Optional<String> type(String family) {
        return Optional.ofNullable(types.get(family));
    }

    /** Returns the value of the one sample with this name whose labels include the given ones. */
    Optional<Double> value(String name, Map<String, String> labels) {
        List<Sample> matches = samples.stream()
                .filter(sample -> sample.name().equals(name))
                .filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
        if (matches.size() > 1) {
            throw new IllegalStateException(matches.size() + " samples of " + name + " match " + labels + ": " + matches);
        }
        return matches.stream().findFirst().map(Sample::value);
    }

    /** Returns the samples with this name. */
    List<Sample> named(String name) {
        return samples.stream().filter(sample -> sample.name().equals(name)).toList();
    }
}
