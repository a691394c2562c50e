package com.dealerpool.rothco.pool;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Product Data fields of a pool variant: the target fields of the inventory mapping
 * templates, with their value type and their column in the {@code variant} table.
 */
public final class VariantField {

    /** Value types that mapping templates and the pool agree on. */
    public enum Type { TEXT, NUMBER, BOOLEAN, DATE }

    /** Number of Option Name/Value pairs a variant can carry. */
    public static final int MAX_OPTIONS = 10;

    private static final Map<String, VariantField> BY_NAME;
    private static final List<VariantField> ALL;

    static {
        List<VariantField> fields = new ArrayList<>();
        fields.add(new VariantField(fields.size(), "sku", "sku", Type.TEXT, 100, false));
        fields.add(new VariantField(fields.size(), "parentSku", "parent_sku", Type.TEXT, 100, false));
        fields.add(new VariantField(fields.size(), "title", "title", Type.TEXT, 500, false));
        fields.add(new VariantField(fields.size(), "shortDescription", "short_description", Type.TEXT, 4000, false));
        fields.add(new VariantField(fields.size(), "longDescription", "long_description", Type.TEXT, 20000, false));
        fields.add(new VariantField(fields.size(), "manufacturer", "manufacturer", Type.TEXT, 200, false));
        fields.add(new VariantField(fields.size(), "mpn", "mpn", Type.TEXT, 100, false));
        fields.add(new VariantField(fields.size(), "upc", "upc", Type.TEXT, 20, false));
        fields.add(new VariantField(fields.size(), "cost", "cost", Type.NUMBER, 0, true));
        fields.add(new VariantField(fields.size(), "msrp", "msrp", Type.NUMBER, 0, true));
        fields.add(new VariantField(fields.size(), "map", "map_price", Type.NUMBER, 0, true));
        fields.add(new VariantField(fields.size(), "quantity", "quantity", Type.NUMBER, 0, true));
        fields.add(new VariantField(fields.size(), "weight", "weight", Type.NUMBER, 0, false));
        fields.add(new VariantField(fields.size(), "image", "image", Type.TEXT, 2000, false));
        fields.add(new VariantField(fields.size(), "primaryCategory", "primary_category", Type.TEXT, 200, false));
        fields.add(new VariantField(fields.size(), "subCategory", "sub_category", Type.TEXT, 200, false));
        for (int i = 1; i <= MAX_OPTIONS; i++) {
            fields.add(new VariantField(fields.size(), "optionName" + i, "option_name_" + i, Type.TEXT, 100, false));
            fields.add(new VariantField(fields.size(), "optionValue" + i, "option_value_" + i, Type.TEXT, 200, false));
        }
        fields.add(new VariantField(fields.size(), "countryOfOrigin", "country_of_origin", Type.TEXT, 100, false));
        fields.add(new VariantField(fields.size(), "restricted", "restricted", Type.TEXT, 20, false));
        Map<String, VariantField> byName = new LinkedHashMap<>();
        fields.forEach(field -> byName.put(field.name, field));
        BY_NAME = Collections.unmodifiableMap(byName);
        ALL = List.copyOf(fields);
    }

    private final int index;
    private final String name;
    private final String column;
    private final Type type;
    private final int maxLength;
    private final boolean stockOrPrice;

    private VariantField(int index, String name, String column, Type type, int maxLength, boolean stockOrPrice) {
        this.index = index;
        this.name = name;
        this.column = column;
        this.type = type;
        this.maxLength = maxLength;
        this.stockOrPrice = stockOrPrice;
    }

    public static List<VariantField> all() {
        return ALL;
    }

    /** Returns the field with this name, or null when the pool has no such field. */
    public static VariantField byName(String name) {
        return BY_NAME.get(name);
    }

    public String name() {
        return name;
    }

    /** Position of the field in {@link #all()}, from 0. */
    public int index() {
        return index;
    }

    public String column() {
        return column;
    }

    public Type type() {
        return type;
    }

    /** Maximum length of a text value in characters; 0 for other types. */
    public int maxLength() {
        return maxLength;
    }

    /**
     * True for cost, MSRP, MAP and quantity: values that carry the time they were observed
     * at Rothco, so that a write never replaces a value observed later.
     */
    public boolean isStockOrPrice() {
        return stockOrPrice;
    }
}
