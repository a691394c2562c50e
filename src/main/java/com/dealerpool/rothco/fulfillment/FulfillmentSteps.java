package com.dealerpool.rothco.fulfillment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;

import com.dealerpool.rothco.config.SendSettings;
import com.dealerpool.rothco.fulfillment.SendContext.Outcome;
import com.dealerpool.rothco.job.OperationRun;
import com.dealerpool.rothco.mapping.CompiledTemplate;
import com.dealerpool.rothco.mapping.MappedRecord;
import com.dealerpool.rothco.mapping.MappingCatalog;
import com.dealerpool.rothco.mapping.RecordRejectedException;
import com.dealerpool.rothco.mapping.fields.PurchaseOrderFields;
import com.dealerpool.rothco.rothco.RothcoRequests;

/**
 * The steps of one FR before the order request: validation, the stock check, the decision
 * to look the PO up first, and the GraphQL requests built with the source's mapping template.
 */
public final class FulfillmentSteps {

    /** Error code of FRs rejected by local validation or mapping. */
    public static final String CODE_INVALID_FR = "INVALID_FR";

    private final FulfillmentOutcomes outcomes;
    private final FulfillmentValidator validator;
    private final MappingCatalog mappings;
    private final RothcoRequests requests;

    public FulfillmentSteps(FulfillmentOutcomes outcomes, FulfillmentValidator validator, MappingCatalog mappings,
            RothcoRequests requests) {
        this.outcomes = outcomes;
        this.validator = validator;
        this.mappings = mappings;
        this.requests = requests;
    }

    /**
     * Starts the steps of one FR. When an order request for it left before, the PO is to be
     * looked up at Rothco first, before validation: an order Rothco already has is recorded
     * whatever the FR's data looks like now.
     */
    public void start(FulfillmentRequest request, Exchange exchange) {
        exchange.setProperty(SendContext.REQUEST, request);
        exchange.setProperty(SendContext.LOOKUP_FIRST, request.sendAttempts() > 0);
        SendContext.outcome(exchange, Outcome.READY);
    }

    /**
     * Validates the FR and, without backorders, checks its lines against the available stock
     * (unless an operator released it or a request for it left before). An invalid FR is
     * rejected with every problem; a short one is held with the reason.
     */
    public void validate(Exchange exchange) {
        FulfillmentRequest request = SendContext.request(exchange);
        List<String> problems = validator.problems(request);
        if (!problems.isEmpty()) {
            outcomes.rejected(exchange, RejectionKind.INVALID_REQUEST, CODE_INVALID_FR, String.join("; ", problems));
            return;
        }
        OperationRun run = SendContext.run(exchange);
        SendSettings send = outcomes.sendSettings(run.sourceId());
        if (!send.allowBackorders() && request.sendAttempts() == 0 && !request.released()) {
            String shortage = shortage(request, run.sourceId(), send.commitStock());
            if (shortage != null) {
                outcomes.held(exchange, shortage + "; backorders are off (rothco.sources." + run.sourceId()
                        + ".send-fulfillment-requests.allow-backorders)");
            }
        }
    }

    /** Builds the orderByPo request for the FR's PO number. */
    public String lookupRequest(Exchange exchange) {
        FulfillmentRequest request = SendContext.request(exchange);
        return requests.build("order-by-po", Map.of("poNumber", request.poNumber()));
    }

    /**
     * Maps the FR with the source's template and builds the createOrder request. A mapping
     * rejection or a shipping method missing from the shipping-methods set rejects the FR;
     * then the body is null.
     */
    public String orderRequest(Exchange exchange) {
        FulfillmentRequest request = SendContext.request(exchange);
        OperationRun run = SendContext.run(exchange);
        SendSettings send = outcomes.sendSettings(run.sourceId());
        CompiledTemplate template = mappings.template(send.template());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("billingEmail", send.billingEmail());
        MappedRecord mapped;
        try {
            mapped = template.map(request.toSourceRecord(settings));
        } catch (RecordRejectedException e) {
            outcomes.rejected(exchange, RejectionKind.INVALID_REQUEST, CODE_INVALID_FR,
                    "mapping template " + send.template() + " rejected the FR: " + e.getMessage());
            return null;
        }
        boolean sendMethod = send.acceptsShippingMethod() && request.shippingMethod() != null
                && !request.shippingMethod().isBlank();
        if (sendMethod && mapped.lookupMisses().contains(PurchaseOrderFields.SHIPPING_METHOD)) {
            outcomes.rejected(exchange, RejectionKind.INVALID_REQUEST, "UNKNOWN_SHIPPING_METHOD", "Shipping method '"
                    + request.shippingMethod() + "' has no Rothco code in the shipping-methods mapping set; add it to"
                    + " mapping-sets/shipping-methods.csv or change the FR's shipping method");
            return null;
        }
        String body = requests.build("create-order", Map.of("input", orderInput(mapped, sendMethod)));
        exchange.setProperty(SendContext.ORDER_REQUEST, body);
        return body;
    }

    /**
     * Counts the order request that is about to leave. When the claim was lost the FR belongs
     * to another runtime now and is not sent.
     */
    public void beforeSend(Exchange exchange) {
        FulfillmentRequest request = SendContext.request(exchange);
        if (!outcomes.store().recordSendAttempt(request.id(), outcomes.owner(exchange))) {
            outcomes.claimLost(exchange);
        }
    }

    /**
     * Lists the lines that ask more than the available stock, or returns null. With commit-stock
     * the view counts this FR's own lines as committed (it is sending), so they are added back.
     */
    private String shortage(FulfillmentRequest request, String sourceId, boolean commitStock) {
        Set<String> skus = new LinkedHashSet<>();
        request.items().forEach(item -> skus.add(item.sku()));
        Map<String, Integer> available = outcomes.store().availableStock(sourceId, skus);
        Map<String, Integer> ordered = new LinkedHashMap<>();
        request.items().forEach(item -> ordered.merge(item.sku(), item.quantity(), Integer::sum));
        List<String> shortages = new ArrayList<>();
        for (Map.Entry<String, Integer> line : ordered.entrySet()) {
            Integer stock = available.get(line.getKey());
            if (stock == null) {
                continue;
            }
            int sellable = commitStock ? stock + line.getValue() : stock;
            if (line.getValue() > sellable) {
                shortages.add("SKU " + line.getKey() + " ordered " + line.getValue() + ", available "
                        + Math.max(sellable, 0));
            }
        }
        return shortages.isEmpty() ? null : String.join("; ", shortages);
    }

    private static Map<String, Object> orderInput(MappedRecord mapped, boolean sendMethod) {
        Map<String, Object> input = new LinkedHashMap<>();
        putIfPresent(input, "poNumber", mapped.text(PurchaseOrderFields.PO_NUMBER));
        putIfPresent(input, "billingEmail", mapped.text(PurchaseOrderFields.BILLING_EMAIL));
        putIfPresent(input, "email", mapped.text(PurchaseOrderFields.CUSTOMER_EMAIL));
        Map<String, Object> shipTo = new LinkedHashMap<>();
        putIfPresent(shipTo, "name", mapped.text(PurchaseOrderFields.SHIP_TO_NAME));
        putIfPresent(shipTo, "address1", mapped.text(PurchaseOrderFields.ADDRESS1));
        putIfPresent(shipTo, "address2", mapped.text(PurchaseOrderFields.ADDRESS2));
        putIfPresent(shipTo, "city", mapped.text(PurchaseOrderFields.CITY));
        putIfPresent(shipTo, "state", mapped.text(PurchaseOrderFields.STATE));
        putIfPresent(shipTo, "zip", mapped.text(PurchaseOrderFields.ZIP));
        putIfPresent(shipTo, "country", mapped.text(PurchaseOrderFields.COUNTRY));
        putIfPresent(shipTo, "phone", mapped.text(PurchaseOrderFields.PHONE));
        input.put("shipTo", shipTo);
        if (sendMethod) {
            putIfPresent(input, "shippingMethod", mapped.text(PurchaseOrderFields.SHIPPING_METHOD));
        }
        BigDecimal hold = mapped.number(PurchaseOrderFields.HOLD);
        if (hold != null) {
            input.put("holdHours", hold.intValueExact());
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> item : mapped.items()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("sku", item.get(PurchaseOrderFields.ITEM_SKU));
            Object quantity = item.get(PurchaseOrderFields.ITEM_QUANTITY);
            line.put("quantity", quantity instanceof BigDecimal number ? number.intValueExact() : quantity);
            lines.add(line);
        }
        input.put("lines", lines);
        return input;
    }

    private static void putIfPresent(Map<String, Object> target, String name, String value) {
        if (value != null && !value.isBlank()) {
            target.put(name, value);
        }
    }
}
