package com.dealerpool.rothco.mappingfiles;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.camel.CamelContext;

import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.config.ConnectorSettings;
import com.dealerpool.rothco.config.InvalidSettingsException;
import com.dealerpool.rothco.config.SettingsFile;
import com.dealerpool.rothco.config.SourceSettings;
import com.dealerpool.rothco.mapping.CompiledTemplate;
import com.dealerpool.rothco.mapping.MappingCatalog;
import com.dealerpool.rothco.mapping.MappingOptions;
import com.dealerpool.rothco.mapping.MappingValidationException;

/**
 * The {@code --validate-mappings} command: loads every template and mapping set of the configured
 * mapping directory, checks that each source's configured template exists and serves its
 * operation, and prints every problem at once. It reads the settings file but starts no routes,
 * opens no pool and calls no Rothco endpoint.
 */
public final class MappingValidation {

    /** Exit code when every file is valid. */
    public static final int EXIT_VALID = 0;

    /** Exit code when a file or setting is invalid, the same as for invalid settings. */
    public static final int EXIT_INVALID = 64;

    private MappingValidation() {
    }

    /** Validates the mapping files that the settings file points at, prints the outcome and returns the exit code. */
    public static int run(Path config, PrintStream out) {
        CamelContext camel = SettingsFile.open(config);
        try {
            ConnectorSettings settings = ConnectorSettings.read(
                    SettingsFile.lookup(camel), System.getenv());
            return validate(settings, camel, out);
        } catch (InvalidSettingsException e) {
            out.println("Invalid settings in " + config + ":");
            e.problems().forEach(problem -> out.println("  " + problem));
            return EXIT_INVALID;
        } finally {
            camel.stop();
        }
    }

    private static int validate(ConnectorSettings settings, CamelContext camel, PrintStream out) {
        Path directory = Path.of(settings.mappingDirectory());
        MappingOptions options = new MappingOptions(settings.highStockQuantity(), directory).withCamelContext(camel);
        try (MappingCatalog catalog = MappingCatalog.load(options)) {
            List<String> problems = configuredTemplateProblems(settings, catalog);
            if (!problems.isEmpty()) {
                out.println(problems.size() + (problems.size() == 1 ? " problem" : " problems")
                        + " with the templates that sources use:");
                problems.forEach(problem -> out.println("  " + problem));
                return EXIT_INVALID;
            }
            Set<String> templates = catalog.templateNames();
            Set<String> sets = catalog.mappingSetNames();
            out.println("All valid: " + templates.size() + " templates and " + sets.size() + " mapping sets in "
                    + directory);
            out.println("  Templates: " + String.join(", ", templates));
            out.println("  Mapping sets: " + String.join(", ", sets));
            return EXIT_VALID;
        } catch (MappingValidationException e) {
            out.println(e.problems().size() + (e.problems().size() == 1 ? " mapping problem" : " mapping problems")
                    + " in " + directory + " (file:line: field: problem and fix):");
            e.problems().forEach(problem -> out.println("  " + problem));
            out.println("A running connector keeps the last valid version until these are fixed.");
            return EXIT_INVALID;
        }
    }

    private static List<String> configuredTemplateProblems(ConnectorSettings settings, MappingCatalog catalog) {
        List<String> problems = new ArrayList<>();
        for (SourceSettings source : settings.sources()) {
            if (!source.primary().enabled()) {
                continue;
            }
            String key = "rothco.sources." + source.id() + "." + Operation.GET_INVENTORY_PRIMARY.slug() + ".template";
            String name = source.primary().template();
            if (!catalog.templateNames().contains(name)) {
                problems.add(key + " = " + name + ": no template has this name; use one of " + catalog.templateNames());
                continue;
            }
            CompiledTemplate template = catalog.template(name);
            if (template.operation() != Operation.GET_INVENTORY_PRIMARY) {
                problems.add(key + " = " + name + ": the template in " + template.file() + " serves "
                        + template.operation().slug() + ", not " + Operation.GET_INVENTORY_PRIMARY.slug()
                        + "; pick a template whose 'operation:' is " + Operation.GET_INVENTORY_PRIMARY.slug());
            }
        }
        return problems;
    }
}
