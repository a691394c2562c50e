package com.dealerpool.rothco.tracking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;

import com.dealerpool.rothco.config.OrderTrackingSettings;
import com.dealerpool.rothco.mapping.MappedRecord;
import com.dealerpool.rothco.mapping.MappingCatalog;
import com.dealerpool.rothco.mapping.RecordRejectedException;
import com.dealerpool.rothco.mapping.fields.PoAcknowledgmentFields;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The mapping step of Get FR Acknowledgments: turns Rothco's order status reply into a source
 * record of "Rothco - Get PO Ack" and maps it with the source's template. The record carries the
 * invoice's PO number and items once there is an invoice, and the confirmed order lines before.
 */
public final class AcknowledgmentMapping {

    private final MappingCatalog mappings;
    private final OrderTrackingSettings settings;
    private final ObjectMapper mapper;

    public AcknowledgmentMapping(MappingCatalog mappings, OrderTrackingSettings settings, ObjectMapper mapper) {
        this.mappings = mappings;
        this.settings = settings;
        this.mapper = mapper;
    }

    /**
     * Maps the reply in the body.
     *
     * @throws IllegalStateException when the reply carries GraphQL errors, is not JSON, or the
     *                               template rejects it; the route records the FR as not checked
     */
    @SuppressWarnings("unchecked")
    public Acknowledgment map(String body, Exchange exchange) {
        Map<String, Object> data = TrackingContext.readReply(mapper, body, "order status");
        if (!(data.get("orderByPo") instanceof Map<?, ?> orderMap)) {
            return new Acknowledgment(null, null, null, null);
        }
        Map<String, Object> order = (Map<String, Object>) orderMap;
        Map<String, Object> invoice = order.get("invoice") instanceof Map<?, ?> invoiceMap
                ? (Map<String, Object>) invoiceMap : null;
        List<Object> items = (List<Object>) (invoice != null ? invoice.get("items") : order.get("items"));
        String status = (String) order.get("status");
        String invoiceNumber = invoice == null ? null : (String) invoice.get("invoiceNumber");
        if (items == null || items.isEmpty()) {
            // The template needs at least one item; an order without lines acknowledges nothing.
            return new Acknowledgment(status, invoiceNumber, (String) order.get("poNumber"), Map.of());
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("orderNumber", order.get("orderNumber"));
        record.put("orderStatus", status);
        record.put("poNumber", invoice != null ? invoice.get("poNumber") : order.get("poNumber"));
        record.put("invoiceNumber", invoiceNumber);
        record.put("items", items);

        String templateName = settings.acknowledgments(TrackingContext.run(exchange).sourceId()).template();
        MappedRecord mapped;
        try {
            mapped = mappings.template(templateName).map(record);
        } catch (RecordRejectedException e) {
            throw new IllegalStateException("mapping template " + templateName + " rejected Rothco's reply: "
                    + e.getMessage(), e);
        }
        Map<String, Integer> bySku = TrackingContext.quantitiesBySku(mapped.items(), PoAcknowledgmentFields.ITEM_SKU,
                PoAcknowledgmentFields.ITEM_QUANTITY);
        return new Acknowledgment(status, invoiceNumber, mapped.text(PoAcknowledgmentFields.FR_NUMBER), bySku);
    }
}
