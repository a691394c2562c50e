package com.dealerpool.rothco.mapping.fields;

import com.dealerpool.rothco.Operation;
import java.util.List;

/** Fields of Get Shipments 2: a source record is one Rothco shipment, the target a pool shipment. */
public final class ShipmentFields {

    public static final String TRACKING_NUMBER = "trackingNumber";
    public static final String SHIPPED_AT = "shippedAt";
    public static final String METHOD = "method";
    public static final String CARRIER = "carrier";
    public static final String PO_NUMBER = "poNumber";
    public static final String ITEM_SKU = "sku";
    public static final String ITEM_QUANTITY = "quantity";

    /** Source list whose elements become shipped lines. */
    public static final String ITEMS = "items";

    public static final SourceFields SOURCES = SourceFields.of(
            "orderNumber", "orderStatus", "poNumber", "shippedAt", "shippingMethodCode",
            "shippingMethodName", "trackingNumber",
            "items[].productLineCode", "items[].quantityOrdered", "items[].quantityShipped", "items[].skuCode");

    public static final OperationFields CATALOG = new OperationFields(Operation.GET_SHIPMENTS,
            List.of(TargetField.required(TRACKING_NUMBER, FieldType.TEXT),
                    TargetField.optional(SHIPPED_AT, FieldType.DATE),
                    TargetField.optional(METHOD, FieldType.TEXT),
                    TargetField.optional(CARRIER, FieldType.TEXT),
                    TargetField.optional(PO_NUMBER, FieldType.TEXT)),
            List.of(TargetField.required(ITEM_SKU, FieldType.TEXT),
                    TargetField.required(ITEM_QUANTITY, FieldType.NUMBER)),
            SOURCES, ITEMS, "trackingNumber", false);

    private ShipmentFields() {
    }
}
