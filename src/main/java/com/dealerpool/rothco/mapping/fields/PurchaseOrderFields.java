package com.dealerpool.rothco.mapping.fields;

import com.dealerpool.rothco.Operation;
import java.util.List;

/**
 * Fields of Send Purchase Orders: a source record is one fulfillment request (FR) of the pool
 * with the source's order settings under {@code settings}, and the target is a Rothco order.
 */
public final class PurchaseOrderFields {

    public static final String PO_NUMBER = "poNumber";
    public static final String BILLING_EMAIL = "billingEmail";
    public static final String SHIP_TO_NAME = "shipToName";
    public static final String ADDRESS1 = "address1";
    public static final String ADDRESS2 = "address2";
    public static final String CITY = "city";
    public static final String STATE = "state";
    public static final String ZIP = "zip";
    public static final String COUNTRY = "country";
    public static final String CUSTOMER_EMAIL = "customerEmail";
    public static final String PHONE = "phone";
    /** Hours Rothco holds the order before processing it. */
    public static final String HOLD = "hold";
    public static final String SHIPPING_METHOD = "shippingMethod";
    public static final String ITEM_SKU = "sku";
    public static final String ITEM_QUANTITY = "quantity";

    /** Source list whose elements become order lines. */
    public static final String ITEMS = "items";

    public static final SourceFields SOURCES = SourceFields.of(
            "frNumber", "frNotes", "confirmToEmail", "confirmToName", "customFields.*",
            "items[].sku", "items[].quantity", "items[].unitPrice", "items[].customFields.*",
            "shippingAddress.fullName", "shippingAddress.address1", "shippingAddress.address2",
            "shippingAddress.city", "shippingAddress.state", "shippingAddress.postalCode",
            "shippingAddress.countryCode", "shippingAddress.phone",
            "customerEmail", "shippingMethod", "settings.billingEmail", "settings.holdHours");

    public static final OperationFields CATALOG = new OperationFields(Operation.SEND_FULFILLMENT_REQUESTS,
            List.of(TargetField.required(PO_NUMBER, FieldType.TEXT),
                    TargetField.required(BILLING_EMAIL, FieldType.TEXT),
                    TargetField.required(SHIP_TO_NAME, FieldType.TEXT),
                    TargetField.required(ADDRESS1, FieldType.TEXT),
                    TargetField.optional(ADDRESS2, FieldType.TEXT),
                    TargetField.required(CITY, FieldType.TEXT),
                    TargetField.required(STATE, FieldType.TEXT),
                    TargetField.required(ZIP, FieldType.TEXT),
                    TargetField.optional(COUNTRY, FieldType.TEXT),
                    TargetField.required(CUSTOMER_EMAIL, FieldType.TEXT),
                    TargetField.optional(PHONE, FieldType.TEXT),
                    TargetField.optional(HOLD, FieldType.NUMBER),
                    TargetField.optional(SHIPPING_METHOD, FieldType.TEXT)),
            List.of(TargetField.required(ITEM_SKU, FieldType.TEXT),
                    TargetField.required(ITEM_QUANTITY, FieldType.NUMBER)),
            SOURCES, ITEMS, "frNumber", false);

    private PurchaseOrderFields() {
    }
}
