package com.dealerpool.rothco.validation;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.config.ClusterSettings;
import com.dealerpool.rothco.config.ConnectorSettings;
import com.dealerpool.rothco.config.FulfillmentSettings;
import com.dealerpool.rothco.config.InvalidSettingsException;
import com.dealerpool.rothco.config.ObservabilitySettings;
import com.dealerpool.rothco.config.OrderTrackingSettings;
import com.dealerpool.rothco.mapping.fields.Suggestions;

/**
 * Finds the keys of a settings file under the connector's own prefixes that no part of the
 * connector reads, such as a misspelled key, and names the nearest key that it does read.
 *
 * <p>The known keys are the ones that every settings reader looks up while it reads the file
 * (the lookup is wrapped to record them), the {@code {{key}}} and {@code {{key:default}}}
 * placeholders of the route files, and the generic operation keys of {@code OperationSetup}.
 * A reader that looks up a key only under some condition still makes the key known for every
 * listed source, because a key {@code rothco.sources.<id>.<rest>} counts as known when any
 * listed source's {@code <rest>} was looked up.
 */
public final class UnknownSettings {

    /** Prefixes of the keys that the connector owns. Keys under other prefixes, such as camel.*, are not checked. */
    public static final List<String> PREFIXES = List.of("rothco.", "pool.", "cluster.", "fulfillment.", "mapping.",
            "simulator.");

    private static final Logger LOG = LoggerFactory.getLogger(UnknownSettings.class);
    private static final String SOURCES_PREFIX = "rothco.sources.";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_.-]+)(?::[^}]*)?}}");

    private UnknownSettings() {
    }

    /**
     * Returns one problem line per unknown key of the settings file, each with the nearest known key.
     *
     * @param settingsFile    the file whose keys are checked
     * @param lookup          resolved values of the same file, as the runtime reads them
     * @param routesDirectory the folder of the {@code *.camel.yaml} route files; skipped when absent
     */
    public static List<String> problems(Path settingsFile, Function<String, String> lookup, Path routesDirectory) {
        List<String> sourceIds = ConfigurationValidation.sourceIds(lookup);
        Set<String> known = knownKeys(lookup, sourceIds);
        known.addAll(routePlaceholders(routesDirectory));
        Set<String> sourceSuffixes = new TreeSet<>();
        for (String key : known) {
            for (String id : sourceIds) {
                if (key.startsWith(SOURCES_PREFIX + id + ".")) {
                    sourceSuffixes.add(key.substring((SOURCES_PREFIX + id + ".").length()));
                }
            }
        }

        List<String> problems = new ArrayList<>();
        for (String key : fileKeys(settingsFile)) {
            if (PREFIXES.stream().noneMatch(key::startsWith) || known.contains(key)) {
                continue;
            }
            String sourceId = sourceIdOf(key);
            String suffix = sourceId == null ? null : key.substring((SOURCES_PREFIX + sourceId + ".").length());
            if (suffix != null && sourceSuffixes.contains(suffix)) {
                if (sourceIds.contains(sourceId)) {
                    continue;
                }
                problems.add(key + " is set for source " + sourceId + ", which rothco.sources does not list "
                        + sourceIds + ", so the connector ignores it; add " + sourceId
                        + " to rothco.sources or remove the key");
                continue;
            }
            Set<String> candidates = new TreeSet<>(known);
            if (sourceId != null) {
                sourceSuffixes.forEach(rest -> candidates.add(SOURCES_PREFIX + sourceId + "." + rest));
            }
            String nearest = nearest(key, candidates);
            problems.add(key + " is not a setting that the connector reads, so its value is ignored; "
                    + (nearest == null ? "check its spelling against the shipped application.properties"
                            : "did you mean " + nearest + "?"));
        }
        return problems;
    }

    /**
     * Logs a WARN line for each unknown key of the settings files that the context reads its
     * properties from ({@code file:} locations). A failure of the check itself is logged and ignored,
     * because an unknown key must not stop the connector.
     */
    public static void warn(CamelContext context) {
        Function<String, String> lookup = key -> context.getPropertiesComponent().resolveProperty(key).orElse(null);
        for (String location : context.getPropertiesComponent().getLocations()) {
            if (!location.startsWith("file:")) {
                continue;
            }
            Path file = Path.of(location.substring("file:".length()));
            try {
                problems(file, lookup, ConfigurationValidation.ROUTES_DIRECTORY)
                        .forEach(problem -> LOG.warn("Unknown setting in {}: {}", file, problem));
            } catch (RuntimeException e) {
                LOG.warn("Could not check {} for unknown settings: {}", file, e.getMessage());
            }
        }
    }

    /** Reads every settings group through a recording lookup and returns the keys they looked up. */
    static Set<String> knownKeys(Function<String, String> lookup, List<String> sourceIds) {
        Set<String> requested = new ConcurrentSkipListSet<>();
        Function<String, String> recording = key -> {
            requested.add(key);
            return lookup.apply(key);
        };
        List<Runnable> readers = List.of(
                () -> ConnectorSettings.read(recording, System.getenv()),
                () -> FulfillmentSettings.read(recording, sourceIds),
                () -> OrderTrackingSettings.read(recording, sourceIds),
                () -> ClusterSettings.read(recording, lookup.apply("pool.datasource.url")),
                () -> ObservabilitySettings.read(recording));
        for (Runnable reader : readers) {
            try {
                reader.run();
            } catch (InvalidSettingsException e) {
                // --validate reports these problems itself; the reader has looked up its keys by now.
            }
        }
        // OperationSetup reads these generic keys for an operation without typed settings.
        for (String id : sourceIds) {
            for (Operation operation : Operation.values()) {
                if (operation != Operation.TEST_CONNECTION) {
                    for (String name : List.of("enabled", "schedule", "template")) {
                        requested.add(SOURCES_PREFIX + id + "." + operation.slug() + "." + name);
                    }
                }
            }
        }
        return new TreeSet<>(requested);
    }

    /** Returns the property keys that the route files name in {@code {{key}}} or {@code {{key:default}}}. */
    static Set<String> routePlaceholders(Path routesDirectory) {
        Set<String> keys = new TreeSet<>();
        if (!Files.isDirectory(routesDirectory)) {
            return keys;
        }
        try (Stream<Path> files = Files.list(routesDirectory)) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".camel.yaml")).toList()) {
                Matcher matcher = PLACEHOLDER.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the route files in " + routesDirectory, e);
        }
        return keys;
    }

    /** Returns the known key with the smallest edit distance, or null when none is close enough to be a typo. */
    static String nearest(String key, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = Suggestions.distance(key, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.max(3, key.length() / 3) ? best : null;
    }

    private static List<String> fileKeys(Path settingsFile) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(settingsFile, StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the settings file " + settingsFile, e);
        }
        return new TreeSet<>(properties.stringPropertyNames()).stream().map(String::trim).toList();
    }

    /** Returns the source id of a key {@code rothco.sources.<id>.<rest>}, or null for any other key. */
    private static String sourceIdOf(String key) {
        if (!key.startsWith(SOURCES_PREFIX)) {
            return null;
        }
        int end = key.indexOf('.', SOURCES_PREFIX.length());
        return end < 0 ? null : key.substring(SOURCES_PREFIX.length(), end);
    }
}
