package com.dealerpool.rothco.mapping;

import com.dealerpool.rothco.Operation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A template compiled at load: maps one source record at a time without parsing anything.
 * Immutable and thread-safe.
 */
public final class CompiledTemplate {

    private final String name;
    private final Operation operation;
    private final Path file;
    private final FieldMapping[] fields;
    private final OptionsMapping options;
    private final ItemsMapping items;
    private final SourcePath recordKey;
    private final ConditionLanguage conditions;
    private final int expectedFields;

    CompiledTemplate(String name, Operation operation, Path file, List<FieldMapping> fields, OptionsMapping options,
            ItemsMapping items, SourcePath recordKey, ConditionLanguage conditions) {
        this.name = name;
        this.operation = operation;
        this.file = file;
        this.fields = fields.toArray(FieldMapping[]::new);
        this.options = options;
        this.items = items;
        this.recordKey = recordKey;
        this.conditions = conditions;
        this.expectedFields = this.fields.length + (options == null ? 0 : 20);
    }

    public String name() {
        return name;
    }

    public Operation operation() {
        return operation;
    }

    public Path file() {
        return file;
    }

    /**
     * Maps one source record, a map of maps and lists as parsed from JSON.
     *
     * @throws RecordRejectedException naming the field, value, rule and fix when the record cannot be mapped
     */
    public MappedRecord map(Map<String, Object> source) throws RecordRejectedException {
        RecordContext context = RecordContext.forRecord(source, conditions, recordKey, expectedFields);
        for (int i = 0; i < fields.length; i++) {
            fields[i].apply(context);
        }
        if (options != null) {
            options.apply(context);
        }
        List<Map<String, Object>> mappedItems = items == null ? List.of() : items.apply(context);
        return new MappedRecord(context.fields(), context.customFieldsOrEmpty(), context.summaryFieldsOrEmpty(),
                mappedItems, context.lookupMisses());
    }

    @Override
    public String toString() {
        return "template '" + name + "' (" + operation.slug() + ", " + file + ")";
    }
}
