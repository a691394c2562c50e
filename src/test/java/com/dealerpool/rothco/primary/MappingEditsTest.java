package com.dealerpool.rothco.primary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.dealerpool.rothco.job.RunOutcome;
import com.dealerpool.rothco.job.RunStatus;
import com.dealerpool.rothco.mappingfiles.MappingReload;
import com.dealerpool.rothco.rothco.ApiMode;
import com.dealerpool.rothco.simulator.CatalogModel;
import com.dealerpool.rothco.simulator.CatalogSnapshot;
import com.dealerpool.rothco.simulator.RothcoSimulator;
import com.dealerpool.rothco.simulator.SimulatedProductLine;
import com.dealerpool.rothco.simulator.SimulatedVariant;
import com.dealerpool.rothco.simulator.SimulatorAccount;
import com.dealerpool.rothco.simulator.SimulatorSettings;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Edited mapping templates end to end: the real runtime and routes, the simulator over HTTP, an
 * H2 file database and a mapping-sets folder of the test's own.
 */
class MappingEditsTest {

    private static final String KEY = "sandbox-test-key-3f8a21d0";
    private static final String TITLE_CASED_BRAND = "Rothco";

    /** Required fields of a get-inventory-primary template other than title, which each test maps its own way. */
    private static final String COMMON_FIELDS = """
              sku: {type: text, match: sku}
              parentSku: {type: text, match: productLine.code}
              cost: {type: number, match: dealerPrice}
              quantity: {type: number, match: quantity, transforms: [number]}
            """;

    private static final String TITLE = "  title: {type: text, match: productLine.name}\n";

    @TempDir
    Path folder;

    private Path mappings;
    private RothcoSimulator simulator;
    private ConnectorHarness connector;

    @BeforeEach
    void startSimulator() throws IOException {
        simulator = RothcoSimulator.start(SimulatorSettings.builder()
                .port(0)
                .seed(11)
                .variants(2000)
                .accounts(List.of(new SimulatorAccount(KEY, ApiMode.SANDBOX, "RC-700011", "Edit Outfitters",
                        CatalogModel.arpBrandNames())))
                .build());
        mappings = Files.createDirectories(folder.resolve("mapping-sets"));
        Files.writeString(mappings.resolve("dealer-categories.csv"), """
                from,to
                Outerwear,Apparel > Outerwear
                Footwear,Apparel > Footwear
                Bags & Packs,Gear > Bags and Packs
                """);
    }

    @AfterEach
    void stopAll() {
        if (connector != null) {
            connector.close();
        }
        simulator.close();
    }

    @Test
    void editedTemplateShapesPoolRows() throws Exception {
        writeTemplate("""
                  title:
                    type: text
                    rules:
                      - when: "${body[productLine][brand]} == '%s'"
                        match: productLine.name
                        transforms: [titleCase]
                    otherwise:
                      match: productLine.name
                  primaryCategory:
                    type: text
                    lookup: {set: dealer-categories, from: productLine.primaryCategory, default: Other}
                  custom.brand:
                    type: text
                    match: productLine.brand
                """.formatted(TITLE_CASED_BRAND));
        start();

        RunOutcome outcome = connector.runPrimary();

        assertThat(outcome.status()).as("status; %s", outcome.summary()).isEqualTo(RunStatus.SUCCEEDED);
        List<SimulatedProductLine> lines = productLines(simulator.snapshotFor(KEY));
        assertThat(lines).as("product lines whose title case differs, brand %s", TITLE_CASED_BRAND)
                .anyMatch(line -> line.brand().equals(TITLE_CASED_BRAND) && !titleCase(line.name()).equals(line.name()));
        assertThat(lines).as("product lines of other brands whose title case differs")
                .anyMatch(line -> !line.brand().equals(TITLE_CASED_BRAND) && !titleCase(line.name()).equals(line.name()));
        Map<String, String> categories = Map.of("Outerwear", "Apparel > Outerwear", "Footwear", "Apparel > Footwear",
                "Bags & Packs", "Gear > Bags and Packs");
        Map<String, String[]> rows = poolRows("title", "primary_category", "custom_fields");
        ObjectMapper json = new ObjectMapper();
        for (SimulatedProductLine line : lines) {
            String expectedTitle = line.brand().equals(TITLE_CASED_BRAND) ? titleCase(line.name()) : line.name();
            for (SimulatedVariant variant : line.variants()) {
                String[] row = rows.get(variant.sku());
                assertThat(row).as("pool row of %s", variant.sku()).isNotNull();
                assertThat(row[0]).as("title of %s (%s)", variant.sku(), line.brand()).isEqualTo(expectedTitle);
                assertThat(row[1]).as("category of %s", variant.sku())
                        .isEqualTo(categories.getOrDefault(line.primaryCategory(), "Other"));
                assertThat(json.readValue(row[2], Map.class)).as("custom fields of %s", variant.sku())
                        .isEqualTo(Map.of("brand", line.brand()));
            }
        }
    }

    @Test
    void editedTemplateAppliesOnNextRun() throws Exception {
        writeTemplate(TITLE + "  manufacturer: {type: text, set: First Maker}\n");
        start();
        connector.runPrimary();
        String sku = simulator.snapshotFor(KEY).skus().iterator().next();
        assertThat(column("manufacturer", sku)).as("manufacturer after the first run").isEqualTo("First Maker");

        writeTemplate(TITLE + "  manufacturer: {type: text, set: Second Maker}\n");
        RunOutcome second = connector.runPrimary();

        assertThat(second.status()).as("status; %s", second.summary()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(column("manufacturer", sku)).as("manufacturer after the edit").isEqualTo("Second Maker");
        assertThat(eventCount(second.runId(), MappingReload.RELOADED_EVENT)).as("reload events of the run").isEqualTo(1);
    }

    @Test
    void invalidEditKeepsLastValidVersion() throws Exception {
        writeTemplate(TITLE + "  manufacturer: {type: text, set: Valid Maker}\n");
        start();
        connector.runPrimary();

        try (LogCapture logs = new LogCapture()) {
            writeTemplate(TITLE + "  manufacturer: {type: text, set: Broken Maker}\n  manufactuer: {type: text, set: X}\n");
            RunOutcome outcome = connector.runPrimary();

            String sku = simulator.snapshotFor(KEY).skus().iterator().next();
            assertThat(outcome.status()).as("status; %s", outcome.summary()).isEqualTo(RunStatus.SUCCEEDED_WITH_WARNINGS);
            assertThat(column("manufacturer", sku)).as("manufacturer after the invalid edit").isEqualTo("Valid Maker");
            assertThat(eventCount(outcome.runId(), MappingReload.REJECTED_EVENT)).as("rejected-change events")
                    .isEqualTo(1);
            assertThat(connector.text("SELECT message FROM job_event WHERE run_id = ? AND kind = ?", outcome.runId(),
                    MappingReload.REJECTED_EVENT)).as("event message")
                    .contains("edited.template.yaml:10").contains("manufactuer").contains("manufacturer");
            assertThat(logs.text()).as("log output").contains("edited.template.yaml:10").contains("manufactuer");
        }

        RunOutcome later = connector.runPrimary();
        assertThat(eventCount(later.runId(), MappingReload.REJECTED_EVENT))
                .as("rejected-change events of the next run while the file is still invalid").isEqualTo(1);
    }

    private void writeTemplate(String extraFields) throws IOException {
        Files.writeString(mappings.resolve("edited.template.yaml"),
                "name: Edited GIP\noperation: get-inventory-primary\nfields:\n" + COMMON_FIELDS + extraFields);
    }

    private void start() throws IOException {
        Map<String, String> settings = ConnectorHarness.defaultSettings(folder, simulator, KEY);
        settings.put("mapping.directory", mappings.toString());
        // The folder holds only the edited Primary template, so every other operation stays off.
        settings.put("rothco.sources.dealer.get-inventory-secondary.enabled", "false");
        settings.put("rothco.sources.dealer.get-fr-acknowledgments.enabled", "false");
        settings.put("rothco.sources.dealer.get-shipments.enabled", "false");
        settings.put("rothco.sources.dealer.get-inventory-primary.template", "Edited GIP");
        connector = ConnectorHarness.start(folder, settings);
    }

    private String column(String name, String sku) {
        return connector.text("SELECT " + name + " FROM variant WHERE source_id = ? AND sku = ?",
                ConnectorHarness.SOURCE, sku);
    }

    /** Reads columns of every variant of the source, by SKU. */
    private Map<String, String[]> poolRows(String... columns) throws SQLException {
        Map<String, String[]> rows = new HashMap<>();
        String sql = "SELECT sku, " + String.join(", ", columns) + " FROM variant WHERE source_id = ?";
        try (Connection connection = connector.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, ConnectorHarness.SOURCE);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    String[] values = new String[columns.length];
                    for (int i = 0; i < columns.length; i++) {
                        values[i] = result.getString(i + 2);
                    }
                    rows.put(result.getString(1), values);
                }
            }
        }
        return rows;
    }

    private long eventCount(long runId, String kind) {
        return connector.count("SELECT COUNT(*) FROM job_event WHERE run_id = ? AND kind = ?", runId, kind);
    }

    private static List<SimulatedProductLine> productLines(CatalogSnapshot snapshot) {
        List<SimulatedProductLine> lines = new ArrayList<>();
        for (int page = 1; page <= CatalogSnapshot.totalPages(snapshot.totalProductLines(), 100); page++) {
            lines.addAll(snapshot.catalogPage(page, 100));
        }
        return lines;
    }

    /** Title case as the titleCase transform documents it: each word's first letter upper case, the rest lower. */
    private static String titleCase(String text) {
        StringBuilder result = new StringBuilder(text.length());
        boolean wordStart = true;
        for (char c : text.toCharArray()) {
            if (Character.isWhitespace(c)) {
                wordStart = true;
                result.append(c);
            } else {
                result.append(wordStart ? Character.toUpperCase(c) : Character.toLowerCase(c));
                wordStart = false;
            }
        }
        return result.toString();
    }
}
