package com.dealerpool.rothco.fulfillment;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One line of a fulfillment request. SKU and quantity may be missing on input; validation
 * rejects such a line before anything is sent.
 *
 * @param lineNumber position in the request, from 1
 */
public record FulfillmentItem(int lineNumber, String sku, Integer quantity, BigDecimal unitPrice,
        Map<String, String> customFields) {

    public FulfillmentItem {
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }
}
