package com.dealerpool.rothco.mapping.fields;

import com.dealerpool.rothco.Operation;
import java.util.List;

/**
 * Fields of Rothco - Get PO Ack: a source record is one Rothco order invoice, and the target
 * is the acknowledgment of the pool's fulfillment request.
 */
public final class PoAcknowledgmentFields {

    public static final String FR_NUMBER = "frNumber";
    public static final String ITEM_SKU = "sku";
    public static final String ITEM_QUANTITY = "quantity";

    /** Source list whose elements become acknowledged lines. */
    public static final String ITEMS = "items";

    public static final SourceFields SOURCES = SourceFields.of(
            "orderNumber", "orderStatus", "poNumber", "invoiceNumber",
            "items[].skuCode", "items[].quantityOrdered");

    public static final OperationFields CATALOG = new OperationFields(Operation.GET_FR_ACKNOWLEDGMENTS,
            List.of(TargetField.required(FR_NUMBER, FieldType.TEXT)),
            List.of(TargetField.required(ITEM_SKU, FieldType.TEXT),
                    TargetField.required(ITEM_QUANTITY, FieldType.NUMBER)),
            SOURCES, ITEMS, "poNumber", false);

    private PoAcknowledgmentFields() {
    }
}
