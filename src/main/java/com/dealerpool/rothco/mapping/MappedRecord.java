package com.dealerpool.rothco.mapping;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Result of mapping one source record. A target field that is absent from {@link #fields()}
 * keeps the pool's value ("Skip It (Don't Map)"); a field present with a null value is set
 * empty. Values are String, BigDecimal, Boolean, LocalDate or OffsetDateTime.
 */
public final class MappedRecord {

    private final Map<String, Object> fields;
    private final Map<String, String> customFields;
    private final Map<String, String> summaryFields;
    private final List<Map<String, Object>> items;
    private final List<String> lookupMisses;

    MappedRecord(Map<String, Object> fields, Map<String, String> customFields, Map<String, String> summaryFields,
            List<Map<String, Object>> items, List<String> lookupMisses) {
        this.fields = Collections.unmodifiableMap(fields);
        this.customFields = Collections.unmodifiableMap(customFields);
        this.summaryFields = Collections.unmodifiableMap(summaryFields);
        this.items = Collections.unmodifiableList(items);
        this.lookupMisses = Collections.unmodifiableList(lookupMisses);
    }

    /** Target field name to typed value. */
    public Map<String, Object> fields() {
        return fields;
    }

    /** Custom fields by name without the {@code custom.} prefix; a null value sets the field empty. */
    public Map<String, String> customFields() {
        return customFields;
    }

    /** Summary fields by name without the {@code summary.} prefix; a null value sets the field empty. */
    public Map<String, String> summaryFields() {
        return summaryFields;
    }

    /** Item-level targets of order, acknowledgment and shipment templates; empty for other templates. */
    public List<Map<String, Object>> items() {
        return items;
    }

    /**
     * Target fields whose mapping-set lookup found no entry and had no default, such as
     * {@code shippingMethod} or {@code items[1].sku}; those fields are empty.
     */
    public List<String> lookupMisses() {
        return lookupMisses;
    }

    /** Returns a field's value as text, or null when it is absent or empty. */
    public String text(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }

    /**
     * Returns a number field's value, or null when it is absent or empty.
     *
     * @throws IllegalArgumentException when the field contains a value of another type
     */
    public BigDecimal number(String field) {
        Object value = fields.get(field);
        if (value == null || value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        throw new IllegalArgumentException("Field '" + field + "' contains " + value.getClass().getSimpleName()
                + " '" + value + "', not a number; read it with text(\"" + field + "\")");
    }

    @Override
    public String toString() {
        return "MappedRecord" + fields + (items.isEmpty() ? "" : " items=" + items);
    }
}
