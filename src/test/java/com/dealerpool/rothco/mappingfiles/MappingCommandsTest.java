package com.dealerpool.rothco.mappingfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.dealerpool.rothco.Application;
import com.dealerpool.rothco.CommandLine;
import com.dealerpool.rothco.primary.ConnectorHarness;
import com.dealerpool.rothco.primary.TestPool;
import com.dealerpool.rothco.rothco.ApiMode;
import com.dealerpool.rothco.simulator.RothcoSimulator;
import com.dealerpool.rothco.simulator.SimulatorAccount;
import com.dealerpool.rothco.simulator.SimulatorSettings;

/** The --validate-mappings and --preview commands, run in-process as the command line runs them. */
class MappingCommandsTest {

    private static final String KEY = "sandbox-test-key-7b2c90e4";

    private static RothcoSimulator simulator;

    @TempDir
    Path folder;

    @BeforeAll
    static void startSimulator() {
        simulator = RothcoSimulator.start(SimulatorSettings.builder()
                .port(0)
                .seed(5)
                .variants(300)
                .accounts(List.of(new SimulatorAccount(KEY, ApiMode.SANDBOX, "RC-700005", "Preview Outfitters",
                        Set.of())))
                .build());
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    void validateDefaultFilesAllValid() throws Exception {
        Path mappings = copyDefaultMappingSets();

        CommandResult result = run(mappings, Map.of(), "--validate-mappings");

        assertThat(result.exitCode()).as("exit code; output %s", result.output()).isZero();
        assertThat(result.output()).as("output").contains("All valid: 5 templates and 2 mapping sets")
                .contains("Rothco V2 GIP").contains("Rothco V2 GIS").contains("categories, shipping-methods");
    }

    @Test
    void validateListsEveryProblem() throws Exception {
        Path mappings = copyDefaultMappingSets();
        Files.writeString(mappings.resolve("broken.template.yaml"), """
                name: Broken
                operation: get-inventory-primary
                fields:
                  sku: {type: text, match: skuu}
                  parentSku: {type: text, match: productLine.code}
                  title: {type: text, match: productLine.name, transforms: [titlecase]}
                  cost: {type: number, match: dealerPrice}
                  quantity: {type: number, match: quantity, transforms: [number]}
                """);
        Files.writeString(mappings.resolve("colors.csv"), "from,to\nOD,Olive Drab\nod,Olive\n");

        CommandResult result = run(mappings, Map.of(), "--validate-mappings");

        assertThat(result.exitCode()).as("exit code").isEqualTo(MappingValidation.EXIT_INVALID);
        assertThat(result.output()).as("output").contains("3 mapping problems")
                .contains("broken.template.yaml:4: field 'sku'").contains("skuu")
                .contains("broken.template.yaml:6: field 'title'").contains("titlecase")
                .contains("colors.csv:3");
    }

    @Test
    void validateReportsMissingConfiguredTemplate() throws Exception {
        Path mappings = copyDefaultMappingSets();

        CommandResult result = run(mappings, Map.of("rothco.sources.dealer.get-inventory-primary.template", "Nope"),
                "--validate-mappings");

        assertThat(result.exitCode()).as("exit code").isEqualTo(MappingValidation.EXIT_INVALID);
        assertThat(result.output()).as("output")
                .contains("rothco.sources.dealer.get-inventory-primary.template = Nope: no template has this name");
    }

    @Test
    void previewPrintsSourceBesideMapped() throws Exception {
        Path mappings = copyDefaultMappingSets();
        String firstSku = simulator.snapshotFor(KEY).skus().iterator().next();

        CommandResult result = run(mappings, Map.of(), "--preview", "dealer:get-inventory-primary", "--records", "3");

        assertThat(result.exitCode()).as("exit code; output %s", result.output()).isZero();
        assertThat(result.output()).as("output")
                .contains("Preview of template 'Rothco V2 GIP'")
                .contains("Record 1 of 3: sku " + firstSku)
                .contains("Record 3 of 3")
                .doesNotContain("Record 4 of")
                .containsPattern("\n  sku +" + firstSku + " +\\| sku +" + firstSku + "\n")
                .containsPattern("\n  productLine\\.code +RTH-PL-\\d+ +\\| ")
                .contains("Summary: 3 records, 3 mapped, 0 rejected.");
        assertThat(variantRows()).as("variant rows in the pool after a preview").isZero();
    }

    @Test
    void previewShowsRejectionsAndLookupMisses() throws Exception {
        Path mappings = copyDefaultMappingSets();
        Files.writeString(mappings.resolve("preview.template.yaml"), """
                name: Preview Test
                operation: get-inventory-primary
                fields:
                  sku: {type: text, match: sku}
                  parentSku: {type: text, match: productLine.code}
                  title: {type: text, match: productLine.name}
                  cost: {type: number, match: dealerPrice}
                  quantity: {type: number, match: quantity, transforms: [number]}
                  subCategory: {type: text, lookup: {set: categories, from: productLine.subCategory}}
                  weight:
                    type: number
                    rules:
                      - when: "${body[sku]} == '%s'"
                        match: productLine.name
                    otherwise:
                      match: weight
                """.formatted(simulator.snapshotFor(KEY).skus().iterator().next()));

        CommandResult result = run(mappings, Map.of(), "--preview", "dealer:get-inventory-primary", "--records", "2",
                "--template", "Preview Test");

        assertThat(result.exitCode()).as("exit code; output %s", result.output()).isZero();
        assertThat(result.output()).as("output")
                .contains("REJECTED: ").contains("field 'weight'")
                .contains("MAPPED (rejected)")
                .contains("Lookup misses (no entry in the mapping set and no default): subCategory")
                .contains("Summary: 2 records, 1 mapped, 1 rejected, lookup misses by field {subCategory=1}.");
    }

    @Test
    void previewOfSecondaryNotAvailable() throws Exception {
        CommandResult result = run(copyDefaultMappingSets(), Map.of(), "--preview", "dealer:get-inventory-secondary");

        assertThat(result.exitCode()).as("exit code").isEqualTo(MappingPreview.EXIT_INVALID);
        assertThat(result.output()).as("output").contains("Preview is not available for get-inventory-secondary yet");
    }

    @Test
    void previewOfUnknownTemplateRejected() throws Exception {
        CommandResult result = run(copyDefaultMappingSets(), Map.of(), "--preview", "dealer:get-inventory-primary",
                "--template", "Missing Template");

        assertThat(result.exitCode()).as("exit code").isEqualTo(MappingPreview.EXIT_INVALID);
        assertThat(result.output()).as("output").contains("Template 'Missing Template' not found")
                .contains("Rothco V2 GIP");
    }

    @Test
    void previewOfTemplateForOtherOperationRejected() throws Exception {
        CommandResult result = run(copyDefaultMappingSets(), Map.of(), "--preview", "dealer:get-inventory-primary",
                "--template", "Rothco V2 GIS");

        assertThat(result.exitCode()).as("exit code").isEqualTo(MappingPreview.EXIT_INVALID);
        assertThat(result.output()).as("output").contains("serves get-inventory-secondary, not get-inventory-primary");
    }

    @Test
    void recordsOutOfRangeRejected() {
        assertThatThrownBy(() -> CommandLine.parse("--preview", "dealer:get-inventory-primary", "--records", "501"))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageContaining("--records 501 is invalid; use a whole number from 1 to 500");
    }

    @Test
    void recordsWithoutPreviewRejected() {
        assertThatThrownBy(() -> CommandLine.parse("--records", "3"))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageContaining("--records and --template belong to --preview");
    }

    private CommandResult run(Path mappings, Map<String, String> overrides, String... args) throws IOException {
        Map<String, String> settings = ConnectorHarness.defaultSettings(folder, simulator, KEY);
        settings.put("mapping.directory", mappings.toString());
        settings.putAll(overrides);
        Path config = folder.resolve("application.properties");
        Files.writeString(config, settings.entrySet().stream()
                .map(entry -> entry.getKey() + " = " + entry.getValue())
                .collect(Collectors.joining(System.lineSeparator())));

        String[] withConfig = Stream.concat(Stream.of("--config", config.toString()), Stream.of(args))
                .toArray(String[]::new);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            int exitCode = Application.run(CommandLine.parse(withConfig), out);
            return new CommandResult(exitCode, output.toString(StandardCharsets.UTF_8));
        }
    }

    private Path copyDefaultMappingSets() throws IOException {
        Path target = Files.createDirectories(folder.resolve("mapping-sets"));
        try (Stream<Path> files = Files.list(Path.of("mapping-sets"))) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    private long variantRows() throws SQLException {
        try (Connection connection = TestPool.forFolder(folder).connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM variant")) {
            result.next();
            return result.getLong(1);
        }
    }

    private record CommandResult(int exitCode, String output) {
    }
}
