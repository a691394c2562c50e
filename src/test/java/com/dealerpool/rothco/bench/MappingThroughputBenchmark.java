package com.dealerpool.rothco.bench;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

import com.dealerpool.rothco.catalog.CatalogPages;
import com.dealerpool.rothco.mapping.CompiledTemplate;
import com.dealerpool.rothco.mapping.MappingCatalog;
import com.dealerpool.rothco.mapping.MappingOptions;
import com.dealerpool.rothco.mapping.RecordRejectedException;
import com.dealerpool.rothco.simulator.CatalogModel;
import com.dealerpool.rothco.simulator.CatalogSnapshot;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Benchmark of the mapping engine, run with {@code scripts/benchmark.sh mapping}. It maps the
 * same catalog records, in the same JVM and round after round, three ways:
 * <ol>
 * <li>the default Get Inventory (Primary) template of {@code mapping-sets/};</li>
 * <li>that template with 20 smart rules added on title, manufacturer and subCategory;</li>
 * <li>a plain field copy written in Java that gives the same result as the default template,
 * the floor.</li>
 * </ol>
 * Records come from the simulator's catalog model, serialized to JSON and flattened by
 * {@link CatalogPages#records}, so they have the shape and value types the routes map. Each way is
 * warmed up first, then measured over several interleaved rounds; the report gives the median.
 */
public final class MappingThroughputBenchmark {

    private static final int PAGE_SIZE = 100;
    private static final String DEFAULT_TEMPLATE = "Rothco V2 GIP";
    private static final String RULES_TEMPLATE = "Rothco V2 GIP with 20 rules";

    private MappingThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int variants = Integer.getInteger("bench.variants", 20_000);
        int warmupRounds = Integer.getInteger("bench.warmup-rounds", 10);
        int rounds = Integer.getInteger("bench.rounds", 10);

        CamelContext camel = new DefaultCamelContext();
        camel.disableJMX();
        camel.start();
        try {
            List<Map<String, Object>> records = catalogRecords(camel, variants);
            Path directory = Files.createTempDirectory("rothco-mapping-bench-");
            copyDefaultTemplate(directory);
            Files.writeString(directory.resolve("rules.template.yaml"), rulesTemplate(records));

            MappingOptions options = MappingOptions.defaults().withCamelContext(camel);
            try (MappingCatalog catalog = MappingCatalog.load(directory, options)) {
                CompiledTemplate defaultTemplate = catalog.template(DEFAULT_TEMPLATE);
                CompiledTemplate rulesTemplate = catalog.template(RULES_TEMPLATE);
                PlainFieldCopy plain = new PlainFieldCopy(options.highStockQuantity());
                checkSameResult(defaultTemplate, plain, records);

                System.out.printf(Locale.ROOT, "Mapping benchmark: %d records, %d warm-up and %d measured rounds,"
                        + " max heap %.0f MiB, %d cores%n", records.size(), warmupRounds, rounds,
                        Runtime.getRuntime().maxMemory() / 1048576.0, Runtime.getRuntime().availableProcessors());

                List<Mapper> mappers = List.of(
                        new Mapper("default template", defaultTemplate::map),
                        new Mapper("template with 20 smart rules", rulesTemplate::map),
                        new Mapper("plain field copy (floor)", plain::map));
                for (int round = 0; round < warmupRounds; round++) {
                    for (Mapper mapper : mappers) {
                        mapper.timeRound(records);
                    }
                }
                for (int round = 0; round < rounds; round++) {
                    for (Mapper mapper : mappers) {
                        mapper.recordRound(mapper.timeRound(records));
                    }
                }

                for (Mapper mapper : mappers) {
                    System.out.printf(Locale.ROOT, "%-30s %10.0f records/s (median of %d rounds, %.2f µs per record)%n",
                            mapper.label, records.size() / mapper.medianSeconds(), rounds,
                            mapper.medianSeconds() * 1e6 / records.size());
                }
                double plainSeconds = mappers.get(2).medianSeconds();
                System.out.printf(Locale.ROOT, "ratio default / plain: %.2f (target at most 2)%n",
                        mappers.get(0).medianSeconds() / plainSeconds);
                System.out.printf(Locale.ROOT, "ratio rules / plain: %.2f%n", mappers.get(1).medianSeconds() / plainSeconds);
            }
        } finally {
            camel.stop();
        }
    }

    /** Builds the records of every catalog page as the catalog route does: JSON, then {@link CatalogPages#records}. */
    private static List<Map<String, Object>> catalogRecords(CamelContext camel, int variants) throws Exception {
        CatalogSnapshot snapshot = new CatalogModel(42, variants).snapshot(0, Set.of());
        ObjectMapper mapper = new ObjectMapper();
        CatalogPages pages = new CatalogPages(mapper);
        List<Map<String, Object>> records = new ArrayList<>(snapshot.totalVariants());
        int pageCount = CatalogSnapshot.totalPages(snapshot.totalProductLines(), PAGE_SIZE);
        for (int page = 1; page <= pageCount; page++) {
            Map<String, Object> catalog = Map.of("productLines", snapshot.catalogPage(page, PAGE_SIZE));
            byte[] json = mapper.writeValueAsBytes(Map.of("data", Map.of("catalog", catalog)));
            Exchange exchange = new DefaultExchange(camel);
            exchange.setProperty(CatalogPages.PAGE_PROPERTY, page);
            records.addAll(pages.records(new ByteArrayInputStream(json), exchange));
        }
        return records;
    }

    private static void copyDefaultTemplate(Path directory) throws Exception {
        Path source = Path.of("mapping-sets", "rothco-v2-gip.template.yaml");
        Files.copy(source, directory.resolve(source.getFileName()));
    }

    /**
     * Writes the default template with 20 rules: 10 on title by brand, 5 on manufacturer by
     * category and 5 on subCategory by price. The brands and categories are taken from the records,
     * so some rules match and the rest are evaluated in vain, as in real templates.
     */
    private static String rulesTemplate(List<Map<String, Object>> records) throws Exception {
        Set<String> brands = new TreeSet<>();
        Set<String> categories = new TreeSet<>();
        for (Map<String, Object> record : records) {
            Map<?, ?> productLine = (Map<?, ?>) record.get("productLine");
            brands.add(String.valueOf(productLine.get("brand")));
            categories.add(String.valueOf(productLine.get("primaryCategory")));
        }
        StringBuilder rules = new StringBuilder();
        rules.append("  title:\n    type: text\n    rules:\n");
        for (String brand : brands.stream().limit(10).toList()) {
            rules.append("      - when: \"${body[productLine][brand]} == '").append(brand).append("'\"\n")
                    .append("        match: productLine.name\n        transforms: [titleCase]\n");
        }
        rules.append("    otherwise:\n      match: productLine.name\n");
        rules.append("  manufacturer:\n    type: text\n    rules:\n");
        for (String category : categories.stream().limit(5).toList()) {
            rules.append("      - when: \"${body[productLine][primaryCategory]} == '").append(category).append("'\"\n")
                    .append("        match: productLine.brand\n        transforms: [upper]\n");
        }
        rules.append("    otherwise:\n      match: productLine.manufacturer\n");
        rules.append("  subCategory:\n    type: text\n    rules:\n");
        for (int limit = 500; limit >= 100; limit -= 100) {
            rules.append("      - when: \"${body[dealerPrice]} > ").append(limit).append("\"\n")
                    .append("        set: Over $").append(limit).append('\n');
        }
        rules.append("    otherwise:\n      match: productLine.subCategory\n");

        String defaultTemplate = Files.readString(Path.of("mapping-sets", "rothco-v2-gip.template.yaml"));
        String withoutRuleFields = Arrays.stream(defaultTemplate.split("\n(?=  [a-zA-Z])"))
                .filter(block -> !block.startsWith("  title:") && !block.startsWith("  manufacturer:")
                        && !block.startsWith("  subCategory:"))
                .reduce((left, right) -> left + "\n" + right)
                .orElseThrow();
        return withoutRuleFields.replace("name: " + DEFAULT_TEMPLATE, "name: " + RULES_TEMPLATE)
                .replace("\noptions:", "\n" + rules + "options:");
    }

    /** Fails the benchmark unless the floor gives exactly the default template's result for every record. */
    private static void checkSameResult(CompiledTemplate template, PlainFieldCopy plain,
            List<Map<String, Object>> records) throws RecordRejectedException {
        for (Map<String, Object> record : records) {
            Map<String, Object> expected = template.map(record).fields();
            Map<String, Object> actual = plain.map(record);
            if (!expected.equals(actual)) {
                throw new IllegalStateException("The plain field copy differs from the default template for "
                        + record.get("sku") + ":\n  template: " + expected + "\n  plain:    " + actual);
            }
        }
    }

    /** Maps one record; the benchmark folds the result into a sink so that the JIT cannot drop the work. */
    @FunctionalInterface
    private interface RecordMapping {
        Object map(Map<String, Object> record) throws Exception;
    }

    /** One way of mapping, with the times of its measured rounds. */
    private static final class Mapper {

        private final String label;
        private final RecordMapping mapping;
        private final List<Double> seconds = new ArrayList<>();
        private int sink;

        Mapper(String label, RecordMapping mapping) {
            this.label = label;
            this.mapping = mapping;
        }

        double timeRound(List<Map<String, Object>> records) throws Exception {
            long start = System.nanoTime();
            for (Map<String, Object> record : records) {
                sink += mapping.map(record).hashCode() & 1;
            }
            return (System.nanoTime() - start) / 1e9;
        }

        void recordRound(double roundSeconds) {
            seconds.add(roundSeconds);
        }

        double medianSeconds() {
            List<Double> sorted = seconds.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }
    }

    /**
     * The default template's field list written out in Java: what a developer would write by hand
     * to copy the same fields into the same map, with the same value types.
     */
    private static final class PlainFieldCopy {

        private final BigDecimal highStockQuantity;

        PlainFieldCopy(int highStockQuantity) {
            this.highStockQuantity = BigDecimal.valueOf(highStockQuantity);
        }

        Map<String, Object> map(Map<String, Object> record) {
            Map<?, ?> productLine = (Map<?, ?>) record.get("productLine");
            Map<String, Object> fields = new LinkedHashMap<>(64);
            fields.put("sku", text(record.get("sku")));
            fields.put("parentSku", text(productLine.get("code")));
            fields.put("title", text(productLine.get("name")));
            fields.put("shortDescription", text(productLine.get("shortDescription")));
            fields.put("longDescription", text(productLine.get("longDescription")));
            fields.put("manufacturer", text(productLine.get("manufacturer")));
            fields.put("mpn", text(record.get("mpn")));
            fields.put("upc", text(record.get("upc")));
            fields.put("cost", decimal(record.get("dealerPrice")));
            fields.put("msrp", decimal(record.get("msrp")));
            fields.put("map", decimal(record.get("map")));
            fields.put("quantity", quantity(record.get("quantity")));
            fields.put("weight", decimal(record.get("weight")));
            List<?> images = (List<?>) productLine.get("images");
            fields.put("image", images == null || images.isEmpty() ? null : text(images.get(0)));
            fields.put("primaryCategory", text(productLine.get("primaryCategory")));
            fields.put("subCategory", text(productLine.get("subCategory")));
            fields.put("countryOfOrigin", text(productLine.get("countryOfOrigin")));
            fields.put("restricted", text(productLine.get("restricted")));
            List<?> specifications = (List<?>) record.get("specifications");
            for (int i = 0; i < 10; i++) {
                Map<?, ?> specification = specifications != null && i < specifications.size()
                        ? (Map<?, ?>) specifications.get(i) : null;
                fields.put("optionName" + (i + 1), specification == null ? null : text(specification.get("name")));
                fields.put("optionValue" + (i + 1), specification == null ? null : text(specification.get("value")));
            }
            return fields;
        }

        private BigDecimal quantity(Object value) {
            if (value instanceof String text) {
                String trimmed = text.trim();
                if (trimmed.isEmpty()) {
                    return null;
                }
                return trimmed.endsWith("+") ? highStockQuantity : new BigDecimal(trimmed);
            }
            return decimal(value);
        }

        private static String text(Object value) {
            if (value == null) {
                return null;
            }
            String text = value.toString();
            return text.isEmpty() ? null : text;
        }

        private static BigDecimal decimal(Object value) {
            if (value instanceof Double number) {
                return BigDecimal.valueOf(number);
            }
            if (value instanceof Number number) {
                return BigDecimal.valueOf(number.longValue());
            }
            return value == null ? null : new BigDecimal(value.toString());
        }
    }
}
