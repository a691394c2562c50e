package com.dealerpool.rothco.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/** Builds template directories, catalogs and realistic source records for the mapping tests. */
final class MappingTestSupport {

    /** The fields that every get-inventory-primary template must map, indented for 'fields:'. */
    static final String REQUIRED_GIP_FIELDS = """
              sku: {type: text, match: sku}
              parentSku: {type: text, match: productLine.code}
              title: {type: text, match: productLine.name}
              cost: {type: number, match: dealerPrice}
              quantity: {type: number, match: quantity, transforms: [number]}
            """;

    private MappingTestSupport() {
    }

    static CamelContext startCamel() {
        DefaultCamelContext context = new DefaultCamelContext();
        context.disableJMX();
        context.start();
        return context;
    }

    static MappingOptions options(CamelContext camel) {
        return MappingOptions.defaults().withCamelContext(camel);
    }

    static Path write(Path directory, String fileName, String content) {
        try {
            return Files.writeString(directory.resolve(fileName), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a get-inventory-primary template with the required fields plus {@code extraFields}. */
    static Path writeGipTemplate(Path directory, String extraFields) {
        return write(directory, "test.template.yaml", "name: Test\noperation: get-inventory-primary\nfields:\n"
                + REQUIRED_GIP_FIELDS + extraFields);
    }

    /** Loads a directory holding one GIP template with {@code extraFields} and returns that template. */
    static CompiledTemplate gipTemplate(Path directory, CamelContext camel, String extraFields)
            throws MappingValidationException {
        writeGipTemplate(directory, extraFields);
        return MappingCatalog.load(directory, options(camel)).template("Test");
    }

    /** Returns a catalog variant record as the catalog route builds it from Rothco's JSON. */
    static Map<String, Object> variant() {
        Map<String, Object> productLine = new HashMap<>();
        productLine.put("code", "RC-7777");
        productLine.put("name", "M-65 Field Jacket");
        productLine.put("brand", "Rothco");
        productLine.put("shortDescription", "Classic M-65 field jacket.");
        productLine.put("longDescription", "Wind resistant, water repellent cotton/nylon shell with a stand-up collar.");
        productLine.put("manufacturer", "Rothco");
        productLine.put("primaryCategory", "Outerwear");
        productLine.put("subCategory", "Jackets");
        productLine.put("countryOfOrigin", "Pakistan");
        productLine.put("restricted", false);
        productLine.put("images", List.of("https://images.example/rc-7777-1.jpg", "https://images.example/rc-7777-2.jpg"));
        Map<String, Object> record = new HashMap<>();
        record.put("sku", "8228");
        record.put("mpn", "8228-OD-M");
        record.put("upc", "613902822805");
        record.put("dealerPrice", 42.99);
        record.put("msrp", 79.99);
        record.put("map", 64.99);
        record.put("quantity", "99+");
        record.put("weight", 2.6);
        record.put("specifications", new ArrayList<>(List.of(
                Map.of("name", "Color", "value", "Olive Drab"),
                Map.of("name", "Size", "value", "Medium"))));
        record.put("productLine", productLine);
        return record;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> productLine(Map<String, Object> record) {
        return (Map<String, Object>) record.get("productLine");
    }

    static BigDecimal decimal(String value) {
        return new BigDecimal(value);
    }
}
