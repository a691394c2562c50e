package com.dealerpool.rothco.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * State of mapping one record or one line item: the source, the fields mapped so far, lookup
 * misses, and the exchange for rule conditions, which is built only when a rule needs it.
 */
final class RecordContext {

    private final Map<String, Object> source;
    private final ConditionLanguage conditions;
    private final String fieldPrefix;
    private final SourcePath recordKeyPath;
    private final Object recordKeyValue;
    private final Map<String, Object> fields;
    private Map<String, String> customFields;
    private Map<String, String> summaryFields;
    private final List<String> lookupMisses;
    private Exchange exchange;

    private RecordContext(Map<String, Object> source, ConditionLanguage conditions, String fieldPrefix,
            SourcePath recordKeyPath, Object recordKeyValue, int expectedFields, List<String> lookupMisses) {
        this.source = source;
        this.conditions = conditions;
        this.fieldPrefix = fieldPrefix;
        this.recordKeyPath = recordKeyPath;
        this.recordKeyValue = recordKeyValue;
        this.fields = new LinkedHashMap<>(expectedFields * 4 / 3 + 1);
        this.lookupMisses = lookupMisses;
    }

    static RecordContext forRecord(Map<String, Object> source, ConditionLanguage conditions, SourcePath recordKeyPath,
            int expectedFields) {
        return new RecordContext(source, conditions, "", recordKeyPath, recordKeyPath.read(source), expectedFields,
                new ArrayList<>(0));
    }

    /** Creates the context of one line item; misses are reported on the record as {@code items[i].field}. */
    RecordContext forItem(Map<String, Object> item, int index, int expectedFields) {
        return new RecordContext(item, conditions, "items[" + index + "].", recordKeyPath, recordKeyValue,
                expectedFields, lookupMisses);
    }

    Map<String, Object> source() {
        return source;
    }

    Map<String, Object> fields() {
        return fields;
    }

    /** Custom fields mapped so far; allocated on first use because most templates have none. */
    Map<String, String> customFields() {
        if (customFields == null) {
            customFields = new HashMap<>();
        }
        return customFields;
    }

    /** Summary fields mapped so far; allocated on first use because most templates have none. */
    Map<String, String> summaryFields() {
        if (summaryFields == null) {
            summaryFields = new HashMap<>();
        }
        return summaryFields;
    }

    Map<String, String> customFieldsOrEmpty() {
        return customFields == null ? Map.of() : customFields;
    }

    Map<String, String> summaryFieldsOrEmpty() {
        return summaryFields == null ? Map.of() : summaryFields;
    }

    List<String> lookupMisses() {
        return lookupMisses;
    }

    /** Identifies the record in rejection messages, such as {@code sku=RC-1}; null when unknown. */
    String recordKey() {
        return recordKeyValue == null ? null : recordKeyPath + "=" + recordKeyValue;
    }

    /** Returns the name of a target field as reported, such as {@code items[0].sku} for item fields. */
    String qualify(String field) {
        return fieldPrefix.isEmpty() ? field : fieldPrefix + field;
    }

    void recordLookupMiss(String field) {
        lookupMisses.add(qualify(field));
    }

    Exchange exchange() {
        if (exchange == null) {
            exchange = conditions.newExchange(source, fields);
        }
        return exchange;
    }
}
