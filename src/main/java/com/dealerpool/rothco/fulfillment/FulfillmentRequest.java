package com.dealerpool.rothco.fulfillment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fulfillment request (FR): an order, or part of one, that Rothco ships straight to the
 * dealer's customer. A request read from the pool has an id; one parsed from intake has none.
 *
 * @param poNumber     PO number sent to Rothco: the FR number, or a new reference given at resubmit
 * @param sourceId     the source (Rothco account) the request is routed to
 * @param sendAttempts order requests sent to Rothco so far; above 0 the PO is looked up first
 * @param triedSources sources of its routing group that already rejected it
 * @param released     whether an operator released it from held, which skips the stock check
 */
public record FulfillmentRequest(Long id, String frNumber, String poNumber, String sourceId,
        FulfillmentStatus status, String frNotes, Map<String, String> customFields, String confirmToEmail,
        String confirmToName, String customerEmail, ShippingAddress shippingAddress, String shippingMethod,
        List<FulfillmentItem> items, int sendAttempts, List<String> triedSources, boolean released) {

    public FulfillmentRequest {
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
        items = items == null ? List.of() : List.copyOf(items);
        triedSources = triedSources == null ? List.of() : List.copyOf(triedSources);
    }

    /** Creates a request that no operator has released. */
    public FulfillmentRequest(Long id, String frNumber, String poNumber, String sourceId, FulfillmentStatus status,
            String frNotes, Map<String, String> customFields, String confirmToEmail, String confirmToName,
            String customerEmail, ShippingAddress shippingAddress, String shippingMethod, List<FulfillmentItem> items,
            int sendAttempts, List<String> triedSources) {
        this(id, frNumber, poNumber, sourceId, status, frNotes, customFields, confirmToEmail, confirmToName,
                customerEmail, shippingAddress, shippingMethod, items, sendAttempts, triedSources, false);
    }

    /**
     * Returns the source record that the Send Purchase Orders template reads, with the fields
     * that {@code PurchaseOrderFields.SOURCES} lists. {@code frNumber} contains the PO number.
     *
     * @param settings the source's order settings, under {@code settings}
     */
    public Map<String, Object> toSourceRecord(Map<String, Object> settings) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("frNumber", poNumber);
        record.put("frNotes", frNotes);
        record.put("confirmToEmail", confirmToEmail);
        record.put("confirmToName", confirmToName);
        record.put("customFields", customFields);
        record.put("customerEmail", customerEmail);
        record.put("shippingMethod", shippingMethod);
        ShippingAddress address = shippingAddress;
        Map<String, Object> ship = new LinkedHashMap<>();
        if (address != null) {
            ship.put("fullName", address.fullName());
            ship.put("address1", address.address1());
            ship.put("address2", address.address2());
            ship.put("city", address.city());
            ship.put("state", address.state());
            ship.put("postalCode", address.postalCode());
            ship.put("countryCode", address.countryCode());
            ship.put("phone", address.phone());
        }
        record.put("shippingAddress", ship);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (FulfillmentItem item : items) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("sku", item.sku());
            line.put("quantity", item.quantity());
            line.put("unitPrice", item.unitPrice());
            line.put("customFields", item.customFields());
            lines.add(line);
        }
        record.put("items", lines);
        record.put("settings", settings);
        return record;
    }
}
