package com.dealerpool.rothco.pool;

import java.util.List;

/** Bit positions of the pool fields, used to key SQL statements by the set of fields they write. */
final class FieldIndex {

    static final List<VariantField> FIELDS = VariantField.all();
    static final VariantField SKU = VariantField.byName("sku");
    static final VariantField PARENT_SKU = VariantField.byName("parentSku");
    static final long CUSTOM_FIELDS_BIT = 1L << 63;
    static final long STOCK_OR_PRICE_MASK;

    static {
        if (FIELDS.size() > 63) {
            throw new IllegalStateException("Field masks hold 63 pool fields, but there are " + FIELDS.size());
        }
        long mask = 0;
        for (VariantField field : FIELDS) {
            if (field.isStockOrPrice()) {
                mask |= bit(field);
            }
        }
        STOCK_OR_PRICE_MASK = mask;
    }

    private FieldIndex() {
    }

    static int of(VariantField field) {
        return field.index();
    }

    static long bit(VariantField field) {
        return 1L << of(field);
    }
}
