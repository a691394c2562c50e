package com.dealerpool.rothco.pool;

import java.util.List;
import java.util.Map;

/**
 * A variant update checked and converted for writing.
 *
 * @param sku              the variant's SKU
 * @param values           present fields in {@link VariantField#all()} order, values converted by
 *                         {@link VariantColumns#normalize}; a null value clears the column
 * @param fieldMask        bit {@link FieldIndex#of} set for every present field
 * @param customFieldsJson custom fields as JSON, or null to leave the stored ones untouched
 * @param productImages    image URLs of the parent product; empty leaves them untouched
 * @param contentHash      hash of everything above
 */
record PreparedVariant(String sku, Map<VariantField, Object> values, long fieldMask, String customFieldsJson,
        List<String> productImages, String contentHash) {

    boolean hasCustomFields() {
        return customFieldsJson != null;
    }

    boolean hasStockOrPrice() {
        return (fieldMask & FieldIndex.STOCK_OR_PRICE_MASK) != 0;
    }

    /** Parent SKU when the update sets one, else null. */
    String parentSku() {
        Object parentSku = values.get(FieldIndex.PARENT_SKU);
        return parentSku == null ? null : parentSku.toString();
    }

    /** Key of the SQL statement shape: the present fields plus whether custom fields are written. */
    long statementKey() {
        return hasCustomFields() ? fieldMask | FieldIndex.CUSTOM_FIELDS_BIT : fieldMask;
    }
}
