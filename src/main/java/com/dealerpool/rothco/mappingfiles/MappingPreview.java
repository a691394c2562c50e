package com.dealerpool.rothco.mappingfiles;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.CommandLine.PreviewRequest;
import com.dealerpool.rothco.ConnectorRuntime;
import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.config.SourceSettings;
import com.dealerpool.rothco.mapping.CompiledTemplate;
import com.dealerpool.rothco.mapping.MappedRecord;
import com.dealerpool.rothco.mapping.MappingCatalog;
import com.dealerpool.rothco.mapping.RecordRejectedException;
import com.dealerpool.rothco.rothco.RothcoFailures;

/**
 * The {@code --preview SOURCE:OPERATION} command: fetches the first records of an operation
 * through the preview route ({@code routes/rothco-preview.camel.yaml}, the same GraphQL request,
 * HTTP client and API key as the operation's own route), maps them with a template and prints
 * source and mapped values side by side, with rejections and lookup misses. It writes nothing to
 * the pool.
 */
public final class MappingPreview {

    /** Exit code of a preview that fetched and mapped its records, whether or not some were rejected. */
    public static final int EXIT_DONE = 0;

    /** Exit code when fetching the records failed. */
    public static final int EXIT_FETCH_FAILED = 1;

    /** Exit code for a source, operation or template that cannot be previewed. */
    public static final int EXIT_INVALID = 64;

    /** Exchange property with the number of records the preview route returns. */
    static final String RECORDS_PROPERTY = "rothcoPreviewRecords";

    private static final Logger LOG = LoggerFactory.getLogger(MappingPreview.class);

    /** Operations with a preview route template, named {@code rothco-preview-<operation>}. */
    private static final List<Operation> PREVIEWABLE = List.of(Operation.GET_INVENTORY_PRIMARY);

    private final CamelContext camel;
    private final ConnectorRuntime runtime;
    private final PrintStream out;

    public MappingPreview(CamelContext camel, ConnectorRuntime runtime, PrintStream out) {
        this.camel = camel;
        this.runtime = runtime;
        this.out = out;
    }

    /** Runs one preview on a started runtime, prints it and returns the exit code. */
    public int run(PreviewRequest request) {
        String sourceId = request.target().sourceId();
        Operation operation = request.target().operation();
        if (!PREVIEWABLE.contains(operation)) {
            out.println("Preview is not available for " + operation.slug() + " yet; preview "
                    + PREVIEWABLE.stream().map(Operation::slug).toList() + " instead");
            return EXIT_INVALID;
        }
        SourceSettings source = runtime.settings().sources().stream()
                .filter(candidate -> candidate.id().equals(sourceId)).findFirst().orElse(null);
        if (source == null) {
            out.println("Source '" + sourceId + "' is not configured; preview one of "
                    + runtime.settings().sources().stream().map(SourceSettings::id).toList()
                    + " or add it to rothco.sources");
            return EXIT_INVALID;
        }
        MappingCatalog catalog = camel.getRegistry().lookupByNameAndType("mappingCatalog", MappingCatalog.class);
        String templateName = request.template() != null ? request.template() : source.primary().template();
        if (!catalog.templateNames().contains(templateName)) {
            out.println("Template '" + templateName + "' not found; templates in " + catalog.directory() + " are "
                    + catalog.templateNames() + " (the 'name:' inside each *.template.yaml file)");
            return EXIT_INVALID;
        }
        CompiledTemplate template = catalog.template(templateName);
        if (template.operation() != operation) {
            out.println("Template '" + templateName + "' serves " + template.operation().slug() + ", not "
                    + operation.slug() + "; pass --template with a template whose 'operation:' is " + operation.slug());
            return EXIT_INVALID;
        }

        List<Map<String, Object>> records;
        try {
            records = fetch(source, operation, request.records());
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String message = RothcoFailures.classify(cause, sourceId, source.apiKey()).message();
            LOG.error("Preview of {} {} could not fetch records: {}", sourceId, operation.slug(), message);
            out.println("Fetching records of " + sourceId + " " + operation.slug() + " failed: " + message);
            return EXIT_FETCH_FAILED;
        }
        print(template, sourceId, operation, records);
        return EXIT_DONE;
    }

    private List<Map<String, Object>> fetch(SourceSettings source, Operation operation, int count) {
        String routeId = "rothco-" + source.id() + "-preview-" + operation.slug();
        if (camel.getRoute(routeId) == null) {
            if (camel.getRegistry().lookupByName("previewRecords") == null) {
                camel.getRegistry().bind("previewRecords", new PreviewRecords());
            }
            try {
                TemplatedRouteBuilder.builder(camel, "rothco-preview-" + operation.slug())
                        .routeId(routeId)
                        .parameter("sourceId", source.id())
                        .parameter("endpointUrl", runtime.endpointOf(source))
                        .add();
            } catch (RuntimeException e) {
                throw new IllegalStateException("Cannot create the preview route " + routeId
                        + " from the route template rothco-preview-" + operation.slug()
                        + "; check routes/rothco-preview.camel.yaml: " + e.getMessage(), e);
            }
        }
        Exchange done = camel.createProducerTemplate().send("direct:" + routeId,
                exchange -> exchange.setProperty(RECORDS_PROPERTY, count));
        if (done.getException() != null) {
            throw new CamelExecutionException("Preview route " + routeId + " failed", done, done.getException());
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> records = done.getMessage().getBody(List.class);
        return records;
    }

    private void print(CompiledTemplate template, String sourceId, Operation operation,
            List<Map<String, Object>> records) {
        out.println("Preview of template '" + template.name() + "' (" + template.file() + ") on " + records.size()
                + " records of " + sourceId + " " + operation.slug() + "; nothing is written to the pool.");
        int rejected = 0;
        Map<String, Integer> misses = new TreeMap<>();
        for (int i = 0; i < records.size(); i++) {
            Map<String, Object> record = records.get(i);
            out.println();
            out.println("Record " + (i + 1) + " of " + records.size() + ": sku " + PreviewTable.display(record.get("sku")));
            MappedRecord mapped = null;
            try {
                mapped = template.map(record);
            } catch (RecordRejectedException e) {
                rejected++;
                out.println("  REJECTED: " + e.getMessage());
            }
            PreviewTable.lines(record, mapped).forEach(out::println);
            if (mapped != null && !mapped.lookupMisses().isEmpty()) {
                out.println("  Lookup misses (no entry in the mapping set and no default): "
                        + String.join(", ", mapped.lookupMisses()));
                mapped.lookupMisses().forEach(field -> misses.merge(field, 1, Integer::sum));
            }
        }
        out.println();
        out.println("Summary: " + records.size() + " records, " + (records.size() - rejected) + " mapped, " + rejected
                + " rejected" + (misses.isEmpty() ? "" : ", lookup misses by field " + misses) + ".");
    }
}
