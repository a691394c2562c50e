package com.dealerpool.rothco.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.config.ConnectorSettings;
import com.dealerpool.rothco.job.OperationRun;
import com.dealerpool.rothco.mapping.CompiledTemplate;
import com.dealerpool.rothco.mapping.MappedRecord;
import com.dealerpool.rothco.mapping.MappingCatalog;
import com.dealerpool.rothco.mapping.RecordRejectedException;
import com.dealerpool.rothco.pool.JobLog;
import com.dealerpool.rothco.pool.VariantUpdate;

/**
 * The mapping step of Get Inventory (Primary) and (Secondary): applies the mapping template that
 * the source configures for the run's operation to one variant record. A record the template
 * rejects is logged with its SKU, page and reason, counted on the run and dropped from the page,
 * and the rest of the page goes on.
 */
public final class CatalogMapping {

    /**
     * Exchange property with the template of the run, chosen once when the run starts so that every
     * page maps with the same version even when another source's run reloads the mapping files.
     */
    public static final String TEMPLATE_PROPERTY = "rothcoMappingTemplate";

    private static final Logger LOG = LoggerFactory.getLogger(CatalogMapping.class);

    private final MappingCatalog mappings;
    private final ConnectorSettings settings;
    private final JobLog jobLog;

    public CatalogMapping(MappingCatalog mappings, ConnectorSettings settings, JobLog jobLog) {
        this.mappings = mappings;
        this.settings = settings;
        this.jobLog = jobLog;
    }

    /**
     * Returns the run's source template as currently loaded.
     *
     * @throws IllegalArgumentException when no template has the configured name
     */
    public CompiledTemplate templateFor(OperationRun run) {
        return mappings.template(settings.source(run.sourceId()).inventory(run.operation()).template());
    }

    /**
     * Maps every record of a page in one step and returns the accepted ones in page order.
     * Rejected records are logged and counted as {@link #map} does.
     */
    public List<VariantUpdate> mapPage(List<Map<String, Object>> records, Exchange exchange) {
        List<VariantUpdate> updates = new ArrayList<>(records.size());
        for (Map<String, Object> record : records) {
            VariantUpdate update = map(record, exchange);
            if (update != null) {
                updates.add(update);
            }
        }
        return updates;
    }

    /** Maps one record with the run's template; returns null when the record is rejected. */
    @SuppressWarnings("unchecked")
    public VariantUpdate map(Map<String, Object> record, Exchange exchange) {
        OperationRun run = exchange.getProperty(OperationRun.PROPERTY, OperationRun.class);
        Integer page = exchange.getProperty(CatalogPages.PAGE_PROPERTY, Integer.class);
        CompiledTemplate template = exchange.getProperty(TEMPLATE_PROPERTY, CompiledTemplate.class);
        if (template == null) {
            template = templateFor(run);
        }
        try {
            MappedRecord mapped = template.map(record);
            for (String field : mapped.lookupMisses()) {
                run.recordLookupMiss(field);
            }
            Object productLine = record.get("productLine");
            List<String> images = List.of();
            if (productLine instanceof Map<?, ?> line && line.get("images") instanceof List<?> urls) {
                images = (List<String>) urls;
            }
            return new VariantUpdate(mapped.text("sku"), mapped.fields(), mapped.customFields(), images);
        } catch (RecordRejectedException e) {
            String sku = record.get("sku") == null ? null : String.valueOf(record.get("sku"));
            run.recordRejected();
            String message = "Record " + (sku == null ? "without SKU" : sku) + " on page " + page + " rejected: "
                    + e.getMessage();
            LOG.warn("Run {} of {} {}: {}", run.runId(), run.sourceId(), run.operation().slug(), message);
            jobLog.event(run.runId(), "WARN", "record_rejected", page, sku, message);
            return null;
        }
    }
}
