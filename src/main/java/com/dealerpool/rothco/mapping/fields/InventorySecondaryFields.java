package com.dealerpool.rothco.mapping.fields;

import com.dealerpool.rothco.Operation;
import java.util.List;

/** Fields of Get Inventory (Secondary): a source record is one row of Rothco's inventory snapshot. */
public final class InventorySecondaryFields {

    public static final String SKU = "sku";
    public static final String QUANTITY = "quantity";
    public static final String COST = "cost";
    public static final String MAP = "map";
    public static final String MSRP = "msrp";

    /** Source paths of one InventoryItem of the assumed Rothco V2 schema. */
    public static final SourceFields SOURCES = SourceFields.of("sku", "dealerPrice", "msrp", "map", "quantity");

    public static final OperationFields CATALOG = new OperationFields(Operation.GET_INVENTORY_SECONDARY,
            List.of(TargetField.required(SKU, FieldType.TEXT),
                    TargetField.required(QUANTITY, FieldType.NUMBER),
                    TargetField.required(COST, FieldType.NUMBER),
                    TargetField.optional(MAP, FieldType.NUMBER),
                    TargetField.optional(MSRP, FieldType.NUMBER)),
            List.of(), SOURCES, null, "sku", false);

    private InventorySecondaryFields() {
    }
}
