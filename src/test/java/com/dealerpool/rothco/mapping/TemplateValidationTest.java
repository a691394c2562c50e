package com.dealerpool.rothco.mapping;

import static com.dealerpool.rothco.mapping.MappingTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateValidationTest {

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

    private List<MappingProblem> problems() {
        try {
            MappingCatalog.load(directory, MappingTestSupport.options(camel)).close();
        } catch (MappingValidationException e) {
            return e.problems();
        }
        throw new AssertionError("expected the catalog to be invalid");
    }

    @Test
    void listsEveryProblemWithLine() {
        write(directory, "categories.csv", "from,to\nOuterwear,Apparel\n");
        write(directory, "bad.template.yaml", """
                name: Bad
                operation: get-inventory-primary
                fields:
                  sku: {type: text, match: sku}
                  parentSku: {type: text, match: productLine.code}
                  title: {type: text, match: productLine.nmae}
                  cost: {type: money, match: dealerPrice}
                  colour: {type: text, match: mpn}
                  mpn: {type: text, copy: mpn}
                  upc: {type: text, lookup: {set: colours, from: upc}}
                  image: {type: text, match: 'productLine.images[0]', transforms: [shout]}
                """);
        List<MappingProblem> problems = problems();
        assertThat(problems).extracting(MappingProblem::line, MappingProblem::field).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(6, "title"),
                org.assertj.core.groups.Tuple.tuple(7, "cost"),
                org.assertj.core.groups.Tuple.tuple(8, "colour"),
                org.assertj.core.groups.Tuple.tuple(9, "mpn"),
                org.assertj.core.groups.Tuple.tuple(9, "mpn"),
                org.assertj.core.groups.Tuple.tuple(10, "upc"),
                org.assertj.core.groups.Tuple.tuple(11, "image"),
                org.assertj.core.groups.Tuple.tuple(3, "quantity"));
        assertThat(problems).allSatisfy(problem -> assertThat(problem.file().getFileName().toString())
                .isEqualTo("bad.template.yaml"));
    }

    @Test
    void messagesNameTheFix() {
        write(directory, "categories.csv", "from,to\nOuterwear,Apparel\n");
        MappingTestSupport.writeGipTemplate(directory, """
                  image: {type: text, match: 'productLine.imgs[0]'}
                  weight: {type: weight, match: weight}
                  mpn: {type: text, lookup: {set: colours, from: mpn}}
                  upc: {type: text, match: upc, transforms: [shout]}
                """);
        assertThatThrownBy(() -> MappingCatalog.load(directory, MappingTestSupport.options(camel)))
                .isInstanceOf(MappingValidationException.class)
                .hasMessageContaining("4 mapping problems")
                .hasMessageContaining("test.template.yaml:9: field 'image': unknown source field 'productLine.imgs[0]'; did you mean productLine.images[]")
                .hasMessageContaining("unknown type 'weight'; use one of [text, number, date, boolean]")
                .hasMessageContaining("unknown mapping set 'colours'; use one of [categories]")
                .hasMessageContaining("unknown transform 'shout'; use one of [trim");
    }

    @Test
    void reportsMissingRequiredFields() {
        write(directory, "gis.template.yaml", "name: GIS\noperation: get-inventory-secondary\nfields:\n"
                + "  sku: {type: text, match: sku}\n");
        assertThat(problems()).extracting(MappingProblem::field).containsExactlyInAnyOrder("quantity", "cost");
    }

    @Test
    void reportsTooManyCustomAndSummaryFields() {
        StringBuilder fields = new StringBuilder();
        for (int i = 1; i <= 101; i++) {
            fields.append("  custom.c").append(i).append(": {type: text, set: x}\n");
        }
        for (int i = 1; i <= 11; i++) {
            fields.append("  summary.s").append(i).append(": {type: text, set: x}\n");
        }
        MappingTestSupport.writeGipTemplate(directory, fields.toString());
        List<MappingProblem> problems = problems();
        assertThat(problems).extracting(MappingProblem::field).containsExactly("custom.c101", "summary.s11");
        assertThat(problems.get(0).message()).contains("at most 100");
        assertThat(problems.get(1).message()).contains("at most 10");
    }

    @Test
    void reportsEleventhOption() {
        MappingTestSupport.writeGipTemplate(directory, "  optionName11: {type: text, match: 'specifications[10].name'}\n");
        assertThat(problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("at most 10 Option Name/Value pairs"));
    }

    @Test
    void reportsOptionsBesideOptionFields() {
        MappingTestSupport.writeGipTemplate(directory, "  optionName1: {type: text, match: 'specifications[0].name'}\n"
                + "options: {from: specifications, name: name, value: value}\n");
        assertThat(problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("remove either 'options:'"));
    }

    @Test
    void reportsUnknownOperationAndTopKey() {
        write(directory, "x.template.yaml", "name: X\noperation: get-stock\nfield: {}\n");
        List<MappingProblem> problems = problems();
        assertThat(problems).extracting(MappingProblem::line).containsExactly(3, 2);
        assertThat(problems.get(1).message()).contains("Unknown operation 'get-stock'");
    }

    @Test
    void reportsConditionProblems() {
        MappingTestSupport.writeGipTemplate(directory, """
                  manufacturer:
                    type: text
                    rules:
                      - when: "${body[productLine][brnd]} == 'Rothco'"
                        set: a
                      - when: "${exchangeProperty.mapped[weight]} > 1"
                        set: b
                      - when: "${body[sku]} =="
                        set: c
                  weight: {type: number, match: weight}
                """);
        List<MappingProblem> problems = problems();
        assertThat(problems).extracting(MappingProblem::line).containsExactly(12, 14, 16);
        assertThat(problems.get(0).message()).contains("unknown source field 'productLine.brnd'");
        assertThat(problems.get(1).message()).contains("not mapped above this field");
        assertThat(problems.get(2).message()).contains("invalid condition");
    }

    @Test
    void reportsRequiredSkip() {
        write(directory, "gis.template.yaml", """
                name: GIS
                operation: get-inventory-secondary
                fields:
                  sku: {type: text, match: sku}
                  quantity: {type: number, skip: keep}
                  cost: {type: number, match: dealerPrice}
                """);
        assertThat(problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("cannot be skipped"));
    }

    @Test
    void reportsFixedValueOfWrongType() {
        MappingTestSupport.writeGipTemplate(directory, "  weight: {type: number, set: heavy}\n");
        assertThat(problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("'heavy' is not a number"));
    }

    @Test
    void reportsMissingItemsSection() {
        write(directory, "ack.template.yaml", "name: Ack\noperation: get-fr-acknowledgments\nfields:\n"
                + "  frNumber: {type: text, match: poNumber}\n");
        assertThat(problems()).singleElement()
                .satisfies(problem -> assertThat(problem.field()).isEqualTo("items"));
    }

    @Test
    void reportsYamlSyntaxError() {
        write(directory, "broken.template.yaml", "name: Broken\nfields:\n  sku: {type: text\n");
        assertThat(problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).startsWith("invalid YAML"));
    }

    @Test
    void reportsDuplicateTemplateName() {
        MappingTestSupport.writeGipTemplate(directory, "");
        write(directory, "copy.template.yaml", "name: Test\noperation: get-inventory-primary\nfields:\n"
                + MappingTestSupport.REQUIRED_GIP_FIELDS);
        assertThat(problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("already exists"));
    }

    @Test
    void unknownTemplateNamesKnownOnes() throws Exception {
        MappingTestSupport.writeGipTemplate(directory, "");
        try (MappingCatalog catalog = MappingCatalog.load(directory, MappingTestSupport.options(camel))) {
            assertThatThrownBy(() -> catalog.template("Rothco V3"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'Rothco V3'")
                    .hasMessageContaining("[Test]");
        }
    }
}
