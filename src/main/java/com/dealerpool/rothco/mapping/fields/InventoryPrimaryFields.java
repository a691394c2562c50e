package com.dealerpool.rothco.mapping.fields;

import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.pool.VariantField;
import java.util.List;
import java.util.Set;

/**
 * Fields of Get Inventory (Primary): a source record is one Rothco catalog variant with its
 * product line under {@code productLine}, and the targets are the pool's variant fields.
 */
public final class InventoryPrimaryFields {

    /** Variant fields that every primary inventory template must map. */
    public static final Set<String> REQUIRED = Set.of("sku", "parentSku", "title", "cost", "quantity");

    /** Source paths of one catalog variant record, as built from the catalog page document. */
    public static final SourceFields SOURCES = SourceFields.of(
            "sku", "mpn", "upc", "dealerPrice", "msrp", "map", "quantity", "weight",
            "specifications[].name", "specifications[].value",
            "productLine.code", "productLine.name", "productLine.brand", "productLine.shortDescription",
            "productLine.longDescription", "productLine.manufacturer", "productLine.primaryCategory",
            "productLine.subCategory", "productLine.countryOfOrigin", "productLine.restricted",
            "productLine.images[]");

    public static final OperationFields CATALOG = new OperationFields(Operation.GET_INVENTORY_PRIMARY,
            targets(), List.of(), SOURCES, null, "sku", true);

    private InventoryPrimaryFields() {
    }

    private static List<TargetField> targets() {
        return VariantField.all().stream()
                .map(field -> new TargetField(field.name(), FieldType.of(field.type()),
                        REQUIRED.contains(field.name()), field.maxLength()))
                .toList();
    }
}
