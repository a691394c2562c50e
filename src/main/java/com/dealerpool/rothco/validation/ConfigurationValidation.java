package com.dealerpool.rothco.validation;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.camel.CamelContext;

import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.config.ConnectorSettings;
import com.dealerpool.rothco.config.FulfillmentSettings;
import com.dealerpool.rothco.config.OrderTrackingSettings;
import com.dealerpool.rothco.config.InvalidSettingsException;
import com.dealerpool.rothco.config.SettingsFile;
import com.dealerpool.rothco.config.SourceSettings;
import com.dealerpool.rothco.management.OperationSetup;
import com.dealerpool.rothco.mapping.CompiledTemplate;
import com.dealerpool.rothco.mapping.MappingCatalog;
import com.dealerpool.rothco.mapping.MappingOptions;
import com.dealerpool.rothco.mapping.MappingProblem;
import com.dealerpool.rothco.mapping.MappingValidationException;

/**
 * The {@code --validate} command: checks the whole configuration (every settings group, the
 * mapping files, each enabled operation's template and the checks across sources) and prints
 * every problem at once. It starts no routes, opens no pool and calls no Rothco endpoint.
 */
public final class ConfigurationValidation {

    /** Exit code when the configuration is valid. */
    public static final int EXIT_VALID = 0;

    /** Exit code when a problem was found, the same as for invalid settings at startup. */
    public static final int EXIT_INVALID = 64;

    private static final int DEFAULT_HIGH_STOCK_QUANTITY = 100;

    /** Folder of the route files whose {{key}} placeholders count as known settings. */
    static final Path ROUTES_DIRECTORY = Path.of("routes");

    private ConfigurationValidation() {
    }

    /**
     * A settings group that reads and checks its keys: it throws {@link InvalidSettingsException}
     * listing every problem. Register a new group, such as the settings of a new operation, in
     * {@link #settingsGroups}.
     */
    @FunctionalInterface
    interface SettingsGroup {
        void read(Function<String, String> lookup, List<String> sourceIds);
    }

    /** Returns the settings groups that --validate reads, each one whatever the others' problems. */
    static List<SettingsGroup> settingsGroups() {
        return List.of(
                (lookup, sourceIds) -> ConnectorSettings.read(lookup, System.getenv()),
                FulfillmentSettings::read,
                OrderTrackingSettings::read);
    }

    /** Validates the configuration in the settings file, prints the outcome and returns the exit code. */
    public static int run(Path config, PrintStream out) {
        CamelContext camel = SettingsFile.open(config);
        try {
            Function<String, String> lookup = SettingsFile.lookup(camel);
            List<String> problems = new ArrayList<>(problems(lookup, camel, config.getFileName().toString()));
            // The runtime loads its routes from routes/*.camel.yaml in the working folder.
            UnknownSettings.problems(config, lookup, ROUTES_DIRECTORY)
                    .forEach(problem -> problems.add(config.getFileName() + ": " + problem));
            if (problems.isEmpty()) {
                out.println("The configuration in " + config + " is valid: settings, mapping files and the templates"
                        + " of every enabled operation");
                return EXIT_VALID;
            }
            out.println(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the configuration"
                    + " of " + config + " and the files it names:");
            problems.forEach(problem -> out.println("  " + problem));
            return EXIT_INVALID;
        } finally {
            camel.stop();
        }
    }

    /** Returns every problem of the configuration, one line each, naming the key or file, the value and the fix. */
    static List<String> problems(Function<String, String> lookup, CamelContext camel, String settingsFile) {
        List<String> problems = new ArrayList<>();
        List<String> sourceIds = sourceIds(lookup);
        for (SettingsGroup group : settingsGroups()) {
            try {
                group.read(lookup, sourceIds);
            } catch (InvalidSettingsException e) {
                e.problems().forEach(problem -> problems.add(settingsFile + ": " + problem));
            }
        }

        String directory = lookup.apply("mapping.directory");
        Path mappingDirectory = Path.of(directory == null || directory.isBlank() ? "mapping-sets" : directory.trim());
        MappingCatalog mappings = null;
        try {
            mappings = MappingCatalog.load(new MappingOptions(highStockQuantity(lookup), mappingDirectory)
                    .withCamelContext(camel));
        } catch (MappingValidationException e) {
            e.problems().stream().map(MappingProblem::toString).forEach(problems::add);
        }
        if (mappings == null) {
            return problems;
        }
        if (!problems.isEmpty()) {
            // The full template and cross-source checks need settings without problems, so check only
            // the templates that the settings name explicitly.
            try (MappingCatalog catalog = mappings) {
                namedTemplateProblems(sourceIds, lookup, catalog)
                        .forEach(problem -> problems.add(settingsFile + ": " + problem));
            }
            return problems;
        }
        try (MappingCatalog catalog = mappings) {
            ConnectorSettings settings = ConnectorSettings.read(lookup, System.getenv());
            FulfillmentSettings fulfillment = FulfillmentSettings.read(lookup, sourceIds);
            templateProblems(settings, fulfillment, lookup, catalog)
                    .forEach(problem -> problems.add(settingsFile + ": " + problem));
            SourceChecks.problems(settings, fulfillment, catalog, lookup)
                    .forEach(problem -> problems.add(settingsFile + ": " + problem));
        }
        return problems;
    }

    /** Checks that each enabled operation names a template that exists and serves that operation. */
    private static List<String> templateProblems(ConnectorSettings settings, FulfillmentSettings fulfillment,
            Function<String, String> lookup, MappingCatalog mappings) {
        List<String> problems = new ArrayList<>();
        for (SourceSettings source : settings.sources()) {
            for (Operation operation : Operation.values()) {
                OperationSetup setup = OperationSetup.of(source, operation, fulfillment, lookup);
                if (!setup.enabled() || operation == Operation.TEST_CONNECTION) {
                    continue;
                }
                String key = "rothco.sources." + source.id() + "." + operation.slug() + ".template";
                if (setup.template() == null) {
                    problems.add(key + " is missing; name a template from " + mappings.directory() + " whose"
                            + " 'operation:' is " + operation.slug());
                } else {
                    templateProblem(key, setup.template(), operation, mappings).ifPresent(problems::add);
                }
            }
        }
        return problems;
    }

    /** Checks every template key that is set, enabled or not, against the mapping catalog. */
    private static List<String> namedTemplateProblems(List<String> sourceIds, Function<String, String> lookup,
            MappingCatalog mappings) {
        List<String> problems = new ArrayList<>();
        for (String sourceId : sourceIds) {
            for (Operation operation : Operation.values()) {
                String key = "rothco.sources." + sourceId + "." + operation.slug() + ".template";
                String name = lookup.apply(key);
                if (name != null && !name.isBlank()) {
                    templateProblem(key, name.trim(), operation, mappings).ifPresent(problems::add);
                }
            }
        }
        return problems;
    }

    private static Optional<String> templateProblem(String key, String name, Operation operation,
            MappingCatalog mappings) {
        if (!mappings.templateNames().contains(name)) {
            return Optional.of(key + "=" + name + " names no template in " + mappings.directory() + "; use one of "
                    + mappings.templateNames());
        }
        CompiledTemplate template = mappings.template(name);
        if (template.operation() != operation) {
            return Optional.of(key + "=" + name + " names the template in " + template.file() + ", which serves "
                    + template.operation().slug() + "; pick one whose 'operation:' is " + operation.slug());
        }
        return Optional.empty();
    }

    /** Returns mapping.high-stock-quantity, or its default when unset or invalid (the settings check reports that). */
    private static int highStockQuantity(Function<String, String> lookup) {
        String value = lookup.apply("mapping.high-stock-quantity");
        try {
            return value == null ? DEFAULT_HIGH_STOCK_QUANTITY : Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return DEFAULT_HIGH_STOCK_QUANTITY;
        }
    }

    static List<String> sourceIds(Function<String, String> lookup) {
        String list = lookup.apply("rothco.sources");
        if (list == null) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(id -> !id.isEmpty()).distinct().toList();
    }
}
