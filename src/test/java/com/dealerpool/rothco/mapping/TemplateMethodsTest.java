package com.dealerpool.rothco.mapping;

import static com.dealerpool.rothco.mapping.MappingTestSupport.decimal;
import static com.dealerpool.rothco.mapping.MappingTestSupport.gipTemplate;
import static com.dealerpool.rothco.mapping.MappingTestSupport.productLine;
import static com.dealerpool.rothco.mapping.MappingTestSupport.variant;
import static com.dealerpool.rothco.mapping.MappingTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateMethodsTest {

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

    private CompiledTemplate template(String extraFields) throws MappingValidationException {
        return gipTemplate(directory, camel, extraFields);
    }

    @Test
    void matchCopiesNestedAndListValues() throws Exception {
        MappedRecord mapped = template("""
                  image: {type: text, match: 'productLine.images[0]'}
                  optionName1: {type: text, match: 'specifications[0].name'}
                """).map(variant());
        assertThat(mapped.text("title")).isEqualTo("M-65 Field Jacket");
        assertThat(mapped.text("image")).isEqualTo("https://images.example/rc-7777-1.jpg");
        assertThat(mapped.text("optionName1")).isEqualTo("Color");
        assertThat(mapped.number("cost")).isEqualTo(decimal("42.99"));
    }

    @Test
    void matchOfMissingValueIsEmpty() throws Exception {
        Map<String, Object> record = variant();
        record.remove("mpn");
        MappedRecord mapped = template("  mpn: {type: text, match: mpn}\n").map(record);
        assertThat(mapped.fields()).containsEntry("mpn", null);
    }

    @Test
    void setWritesFixedValue() throws Exception {
        MappedRecord mapped = template("  manufacturer: {type: text, set: Rothco Inc.}\n  weight: {type: number, set: '1.5'}\n")
                .map(variant());
        assertThat(mapped.text("manufacturer")).isEqualTo("Rothco Inc.");
        assertThat(mapped.number("weight")).isEqualTo(decimal("1.5"));
    }

    @Test
    void lookupFindsEntry() throws Exception {
        write(directory, "categories.csv", "from,to\nOuterwear,Apparel > Outerwear\n");
        MappedRecord mapped = template("  primaryCategory: {type: text, lookup: {set: categories, from: productLine.primaryCategory}}\n")
                .map(variant());
        assertThat(mapped.text("primaryCategory")).isEqualTo("Apparel > Outerwear");
        assertThat(mapped.lookupMisses()).isEmpty();
    }

    @Test
    void lookupMissUsesDefault() throws Exception {
        write(directory, "categories.csv", "from,to\nFootwear,Apparel > Footwear\n");
        MappedRecord mapped = template("  primaryCategory: {type: text, lookup: {set: categories,"
                + " from: productLine.primaryCategory, default: Uncategorized}}\n").map(variant());
        assertThat(mapped.text("primaryCategory")).isEqualTo("Uncategorized");
        assertThat(mapped.lookupMisses()).as("a default is not a miss").isEmpty();
    }

    @Test
    void lookupMissWithoutDefaultIsReported() throws Exception {
        write(directory, "categories.csv", "from,to\nFootwear,Apparel > Footwear\n");
        MappedRecord mapped = template("  primaryCategory: {type: text, lookup: {set: categories,"
                + " from: productLine.primaryCategory}}\n").map(variant());
        assertThat(mapped.fields()).containsEntry("primaryCategory", null);
        assertThat(mapped.lookupMisses()).containsExactly("primaryCategory");
    }

    @Test
    void lookupOfEmptySourceIsNoMiss() throws Exception {
        write(directory, "categories.csv", "from,to\nFootwear,Apparel > Footwear\n");
        Map<String, Object> record = variant();
        productLine(record).remove("primaryCategory");
        MappedRecord mapped = template("  primaryCategory: {type: text, lookup: {set: categories,"
                + " from: productLine.primaryCategory}}\n").map(record);
        assertThat(mapped.fields()).containsEntry("primaryCategory", null);
        assertThat(mapped.lookupMisses()).isEmpty();
    }

    @Test
    void skipKeepLeavesFieldAbsent() throws Exception {
        MappedRecord mapped = template("  msrp: {type: number, skip: keep}\n").map(variant());
        assertThat(mapped.fields()).doesNotContainKey("msrp");
    }

    @Test
    void skipEmptyClearsField() throws Exception {
        MappedRecord mapped = template("  msrp: {type: number, skip: empty}\n").map(variant());
        assertThat(mapped.fields()).containsEntry("msrp", null);
    }

    @Test
    void unmappedFieldIsAbsent() throws Exception {
        MappedRecord mapped = template("").map(variant());
        assertThat(mapped.fields()).doesNotContainKeys("msrp", "image", "optionName1");
    }

    @Test
    void transformsChainInOrder() throws Exception {
        MappedRecord mapped = template("""
                  shortDescription:
                    type: text
                    match: productLine.name
                    transforms: [upper, {replace: {from: 'FIELD ', to: ''}}, {prefix: 'ROTHCO '}, {truncate: 14}]
                  msrp: {type: number, match: dealerPrice, transforms: [{markup: 50}, {round: 2}]}
                """).map(variant());
        assertThat(mapped.text("shortDescription")).isEqualTo("ROTHCO M-65 JA");
        assertThat(mapped.number("msrp")).isEqualTo(decimal("64.49"));
    }

    @Test
    void quantityHighStockUsesConfiguredNumber() throws Exception {
        MappingTestSupport.writeGipTemplate(directory, "");
        CompiledTemplate template = MappingCatalog.load(directory,
                MappingTestSupport.options(camel).withHighStockQuantity(500)).template("Test");
        assertThat(template.map(variant()).number("quantity")).isEqualTo(BigDecimal.valueOf(500));
    }

    @Test
    void customAndSummaryFields() throws Exception {
        MappedRecord mapped = template("""
                  custom.brand: {type: text, match: productLine.brand}
                  custom.note: {type: text, skip: empty}
                  summary.origin: {type: text, match: productLine.countryOfOrigin}
                """).map(variant());
        assertThat(mapped.customFields()).containsEntry("brand", "Rothco").containsEntry("note", null);
        assertThat(mapped.summaryFields()).containsEntry("origin", "Pakistan");
        assertThat(mapped.fields()).doesNotContainKeys("custom.brand", "brand");
    }

    @Test
    void optionsFromSpecifications() throws Exception {
        MappedRecord mapped = template("options: {from: specifications, name: name, value: value}\n").map(variant());
        assertThat(mapped.text("optionName1")).isEqualTo("Color");
        assertThat(mapped.text("optionValue1")).isEqualTo("Olive Drab");
        assertThat(mapped.text("optionName2")).isEqualTo("Size");
        assertThat(mapped.fields()).as("unused slots are cleared").containsEntry("optionName3", null)
                .containsEntry("optionValue10", null);
    }

    @Test
    void optionsRejectEleventhSpecification() throws Exception {
        Map<String, Object> record = variant();
        List<Map<String, Object>> specifications = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            specifications.add(Map.of("name", "Spec " + i, "value", "V" + i));
        }
        record.put("specifications", specifications);
        CompiledTemplate template = template("options: {from: specifications, name: name, value: value}\n");
        assertThatThrownBy(() -> template.map(record))
                .isInstanceOf(RecordRejectedException.class)
                .hasMessageContaining("sku=8228")
                .hasMessageContaining("11 specifications")
                .hasMessageContaining("at most 10");
    }

    @Test
    void textIntoNumberRejectsRecord() throws Exception {
        Map<String, Object> record = variant();
        record.put("weight", "heavy");
        CompiledTemplate template = template("  weight: {type: number, match: weight}\n");
        assertThatThrownBy(() -> template.map(record))
                .isInstanceOf(RecordRejectedException.class)
                .hasMessageContaining("'weight'")
                .hasMessageContaining("'heavy'")
                .hasMessageContaining("match: weight")
                .satisfies(e -> assertThat(((RecordRejectedException) e).field()).isEqualTo("weight"))
                .satisfies(e -> assertThat(((RecordRejectedException) e).value()).isEqualTo("heavy"));
    }

    @Test
    void failingTransformIsNamedAsRule() throws Exception {
        Map<String, Object> record = variant();
        record.put("quantity", "plenty");
        CompiledTemplate template = template("");
        assertThatThrownBy(() -> template.map(record))
                .isInstanceOf(RecordRejectedException.class)
                .satisfies(e -> assertThat(((RecordRejectedException) e).rule()).isEqualTo("number"))
                .hasMessageContaining("'plenty'");
    }

    @Test
    void emptyRequiredSkuRejectsRecord() throws Exception {
        Map<String, Object> record = variant();
        record.put("sku", "");
        CompiledTemplate template = template("");
        assertThatThrownBy(() -> template.map(record))
                .isInstanceOf(RecordRejectedException.class)
                .hasMessageContaining("field 'sku'")
                .hasMessageContaining("required");
    }

    @Test
    void oversizedTextRejectsRecord() throws Exception {
        Map<String, Object> record = variant();
        record.put("upc", "1234567890123456789012");
        CompiledTemplate template = template("  upc: {type: text, match: upc}\n");
        assertThatThrownBy(() -> template.map(record))
                .isInstanceOf(RecordRejectedException.class)
                .hasMessageContaining("at most 20")
                .hasMessageContaining("truncate: 20");
    }

    @Test
    void unparsableDateRejectsRecord() throws Exception {
        write(directory, "ship.template.yaml", """
                name: Ship
                operation: get-shipments
                fields:
                  trackingNumber: {type: text, match: trackingNumber}
                  shippedAt: {type: date, match: shippedAt, format: MM/dd/yyyy}
                items:
                  from: items
                  fields:
                    sku: {type: text, match: skuCode}
                    quantity: {type: number, match: quantityShipped}
                """);
        CompiledTemplate template = MappingCatalog.load(directory, MappingTestSupport.options(camel)).template("Ship");
        Map<String, Object> shipment = Map.of("trackingNumber", "1Z999", "shippedAt", "yesterday",
                "items", List.of(Map.of("skuCode", "8228", "quantityShipped", 1)));
        assertThatThrownBy(() -> template.map(shipment))
                .isInstanceOf(RecordRejectedException.class)
                .hasMessageContaining("'shippedAt'")
                .hasMessageContaining("'yesterday'")
                .hasMessageContaining("MM/dd/yyyy");
    }

    @Test
    void textFromListRejectsRecord() throws Exception {
        CompiledTemplate template = template("  image: {type: text, match: productLine.images}\n");
        assertThatThrownBy(() -> template.map(variant()))
                .isInstanceOf(RecordRejectedException.class)
                .hasMessageContaining("productLine.images[0]");
    }
}
