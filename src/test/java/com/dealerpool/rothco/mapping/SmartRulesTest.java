package com.dealerpool.rothco.mapping;

import static com.dealerpool.rothco.mapping.MappingTestSupport.gipTemplate;
import static com.dealerpool.rothco.mapping.MappingTestSupport.productLine;
import static com.dealerpool.rothco.mapping.MappingTestSupport.variant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks each Simple operator that the mapping docs promise, against Camel's Simple language. */
class SmartRulesTest {

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

    /** Maps the variant with a rule on 'manufacturer' that sets 'yes' when the condition matches. */
    private String evaluate(String condition, Map<String, Object> record) throws Exception {
        String yamlCondition = condition.replace("'", "''");
        CompiledTemplate template = gipTemplate(directory, camel, """
                  manufacturer:
                    type: text
                    rules:
                      - when: '%s'
                        set: 'yes'
                    otherwise: {set: 'no'}
                """.formatted(yamlCondition));
        return template.map(record).text("manufacturer");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " :: ", quoteCharacter = '"', value = {
            "${body[productLine][brand]} == 'Rothco' :: yes",
            "${body[productLine][brand]} != 'Rothco' :: no",
            "${body[productLine][name]} contains 'Jacket' :: yes",
            "${body[productLine][name]} !contains 'Jacket' :: no",
            "${body[sku]} starts with '82' :: yes",
            "${body[sku]} startsWith '82' :: yes",
            "${body[sku]} ends with '28' :: yes",
            "${body[dealerPrice]} > 40 :: yes",
            "${body[dealerPrice]} < 40 :: no",
            "${body[dealerPrice]} >= 42.99 :: yes",
            "${body[productLine][primaryCategory]} in 'Outerwear,Footwear' :: yes",
            "${body[productLine][primaryCategory]} not in 'Outerwear,Footwear' :: no",
            "${body[mpn]} regex '\\d{4}-[A-Z]{2}-M' :: yes",
            "${body[sku]} == '8228' && ${body[dealerPrice]} > 100 :: no",
            "${body[sku]} == '1' || ${body[dealerPrice]} > 40 :: yes",
            "${body[productLine][restricted]} == false :: yes",
            "${body[productLine][images][0]} contains 'rc-7777-1' :: yes",
            "${body[specifications][1][value]} == 'Medium' :: yes",
            "${body[quantity]} == '99+' :: yes",
            "${body[productLine][brand]} =~ 'ROTHCO' :: yes",
            "${exchangeProperty.mapped[title]} contains 'Jacket' :: yes",
            "${exchangeProperty.mapped[cost]} > 40 :: yes",
    })
    void operator(String condition, String expected) throws Exception {
        assertThat(evaluate(condition, variant())).as(condition).isEqualTo(expected);
    }

    @Test
    void isEmptyFunctionCoversMissingBlankAndSpaces() throws Exception {
        String condition = "${isEmpty(${body[productLine][subCategory]})}";
        Map<String, Object> missing = variant();
        productLine(missing).remove("subCategory");
        Map<String, Object> blank = variant();
        productLine(blank).put("subCategory", "");
        Map<String, Object> spaces = variant();
        productLine(spaces).put("subCategory", "   ");
        assertThat(evaluate(condition, missing)).as("missing").isEqualTo("yes");
        assertThat(evaluate(condition, blank)).as("empty").isEqualTo("yes");
        assertThat(evaluate(condition, spaces)).as("spaces").isEqualTo("yes");
        assertThat(evaluate(condition, variant())).as("filled").isEqualTo("no");
    }

    @Test
    void notEmptyComparesFunctionWithFalse() throws Exception {
        assertThat(evaluate("${isEmpty(${body[productLine][subCategory]})} == false", variant())).isEqualTo("yes");
    }

    @Test
    void nullComparisonOnlyMatchesMissing() throws Exception {
        Map<String, Object> blank = variant();
        blank.put("mpn", "");
        Map<String, Object> missing = variant();
        missing.remove("mpn");
        assertThat(evaluate("${body[mpn]} == null", missing)).as("missing").isEqualTo("yes");
        assertThat(evaluate("${body[mpn]} == null", blank)).as("empty text is not null").isEqualTo("no");
        assertThat(evaluate("${body[mpn]} == ''", blank)).as("empty text").isEqualTo("yes");
    }

    @Test
    void isEmptyOperatorIsNotSimple() {
        assertThatThrownBy(() -> evaluate("${body[mpn]} is 'empty'", variant()))
                .isInstanceOf(MappingValidationException.class)
                .hasMessageContaining("invalid condition");
    }

    @Test
    void firstMatchingRuleWins() throws Exception {
        CompiledTemplate template = gipTemplate(directory, camel, """
                  manufacturer:
                    type: text
                    rules:
                      - when: "${body[dealerPrice]} > 10"
                        set: first
                      - when: "${body[dealerPrice]} > 20"
                        set: second
                """);
        assertThat(template.map(variant()).text("manufacturer")).isEqualTo("first");
    }

    @Test
    void noMatchWithoutOtherwiseKeepsPoolValue() throws Exception {
        CompiledTemplate template = gipTemplate(directory, camel, """
                  manufacturer:
                    type: text
                    rules:
                      - when: "${body[dealerPrice]} > 1000"
                        set: luxury
                """);
        assertThat(template.map(variant()).fields()).doesNotContainKey("manufacturer");
    }

    @Test
    void branchMethodsAndTransforms() throws Exception {
        java.nio.file.Files.writeString(directory.resolve("brands.csv"), "from,to\nRothco,RTC\n");
        CompiledTemplate template = gipTemplate(directory, camel, """
                  manufacturer:
                    type: text
                    rules:
                      - when: "${body[productLine][brand]} == 'Other'"
                        value: other
                      - when: "${body[productLine][brand]} == 'Rothco'"
                        lookup: {set: brands, from: productLine.brand}
                        transforms: [lower]
                    otherwise: {match: productLine.manufacturer}
                    transforms: [{suffix: '!'}]
                  mpn:
                    type: text
                    rules:
                      - when: "${body[mpn]} == null"
                        skip: empty
                    otherwise: {match: mpn, transforms: [upper]}
                """);
        MappedRecord mapped = template.map(variant());
        assertThat(mapped.text("manufacturer")).as("branch then field transforms").isEqualTo("rtc!");
        assertThat(mapped.text("mpn")).as("otherwise with transforms").isEqualTo("8228-OD-M");
    }

    @Test
    void requiredFieldWithoutMatchingRuleRejects() throws Exception {
        java.nio.file.Files.writeString(directory.resolve("test.template.yaml"), """
                name: Test
                operation: get-inventory-primary
                fields:
                  sku: {type: text, match: sku}
                  parentSku: {type: text, match: productLine.code}
                  title:
                    type: text
                    rules:
                      - when: "${body[productLine][brand]} == 'Other'"
                        match: productLine.name
                  cost: {type: number, match: dealerPrice}
                  quantity: {type: number, match: quantity, transforms: [number]}
                """);
        CompiledTemplate template = MappingCatalog.load(directory, MappingTestSupport.options(camel)).template("Test");
        assertThatThrownBy(() -> template.map(variant()))
                .isInstanceOf(RecordRejectedException.class)
                .hasMessageContaining("field 'title'")
                .hasMessageContaining("no rule matched");
    }
}
