package com.dealerpool.rothco.mapping;

import static com.dealerpool.rothco.mapping.MappingTestSupport.variant;
import static com.dealerpool.rothco.mapping.MappingTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogReloadTest {

    private static CamelContext camel;

    @TempDir
    Path directory;

    @BeforeAll
    static void startCamel() {
        camel = MappingTestSupport.startCamel();
    }

    @AfterAll
    static void stopCamel() {
        camel.stop();
    }

    private MappingCatalog load(String extraFields) throws MappingValidationException {
        MappingTestSupport.writeGipTemplate(directory, extraFields);
        return MappingCatalog.load(directory, MappingTestSupport.options(camel));
    }

    @Test
    void unchangedDirectoryIsNotReloaded() throws Exception {
        try (MappingCatalog catalog = load("")) {
            assertThat(catalog.reloadIfChanged()).isFalse();
        }
    }

    @Test
    void validChangeIsPickedUp() throws Exception {
        try (MappingCatalog catalog = load("  manufacturer: {type: text, set: Old}\n")) {
            MappingTestSupport.writeGipTemplate(directory, "  manufacturer: {type: text, set: New}\n");
            assertThat(catalog.reloadIfChanged()).as("reloaded").isTrue();
            assertThat(catalog.template("Test").map(variant()).text("manufacturer")).isEqualTo("New");
            assertThat(catalog.lastReloadProblems()).isEmpty();
        }
    }

    @Test
    void invalidChangeKeepsLastValid() throws Exception {
        try (MappingCatalog catalog = load("  manufacturer: {type: text, set: Old}\n")) {
            MappingTestSupport.writeGipTemplate(directory, "  manufacturer: {type: text, sett: New}\n");
            assertThat(catalog.reloadIfChanged()).as("reloaded").isFalse();
            assertThat(catalog.template("Test").map(variant()).text("manufacturer")).isEqualTo("Old");
            assertThat(catalog.lastReloadProblems()).isNotEmpty()
                    .allSatisfy(problem -> assertThat(problem.line()).isEqualTo(9));
        }
    }

    @Test
    void fixAfterInvalidChangeIsPickedUp() throws Exception {
        try (MappingCatalog catalog = load("")) {
            MappingTestSupport.writeGipTemplate(directory, "  manufacturer: {type: txt, set: New}\n");
            assertThat(catalog.reloadIfChanged()).as("invalid change").isFalse();
            assertThat(catalog.reloadIfChanged()).as("same invalid content again").isFalse();
            MappingTestSupport.writeGipTemplate(directory, "  manufacturer: {type: text, set: New}\n");
            assertThat(catalog.reloadIfChanged()).as("fixed").isTrue();
            assertThat(catalog.lastReloadProblems()).isEmpty();
        }
    }

    @Test
    void changedMappingSetIsPickedUp() throws Exception {
        write(directory, "categories.csv", "from,to\nOuterwear,Coats\n");
        try (MappingCatalog catalog = load("  primaryCategory: {type: text, lookup: {set: categories, from: productLine.primaryCategory}}\n")) {
            write(directory, "categories.csv", "from,to\nOuterwear,Jackets\n");
            assertThat(catalog.reloadIfChanged()).isTrue();
            assertThat(catalog.template("Test").map(variant()).text("primaryCategory")).isEqualTo("Jackets");
        }
    }

    @Test
    void removedMappingSetKeepsLastValid() throws Exception {
        write(directory, "categories.csv", "from,to\nOuterwear,Coats\n");
        try (MappingCatalog catalog = load("  primaryCategory: {type: text, lookup: {set: categories, from: productLine.primaryCategory}}\n")) {
            Files.delete(directory.resolve("categories.csv"));
            assertThat(catalog.reloadIfChanged()).isFalse();
            assertThat(catalog.lastReloadProblems()).singleElement()
                    .satisfies(problem -> assertThat(problem.message()).contains("unknown mapping set 'categories'"));
            assertThat(catalog.template("Test").map(variant()).text("primaryCategory")).isEqualTo("Coats");
        }
    }
}
