package com.dealerpool.rothco.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Maps every element of a source list, such as an order's items, with the item-level field mappings. */
final class ItemsMapping {

    private final SourcePath list;
    private final List<FieldMapping> fields;

    ItemsMapping(SourcePath list, List<FieldMapping> fields) {
        this.list = list;
        this.fields = List.copyOf(fields);
    }

    List<Map<String, Object>> apply(RecordContext context) throws RecordRejectedException {
        Object found = list.read(context.source());
        if (!(found instanceof List<?> elements) || elements.isEmpty()) {
            throw new RecordRejectedException(context.recordKey(), list.toString(), found, "items: {from: " + list + "}",
                    "the record has no line items; every order, acknowledgment and shipment needs at least one");
        }
        List<Map<String, Object>> items = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            if (!(elements.get(i) instanceof Map<?, ?> element)) {
                throw new RecordRejectedException(context.recordKey(), list + "[" + i + "]", elements.get(i),
                        "items: {from: " + list + "}", "a line item must be an object with fields; fix the source record");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) element;
            RecordContext itemContext = context.forItem(item, i, fields.size());
            for (FieldMapping field : fields) {
                field.apply(itemContext);
            }
            items.add(itemContext.fields());
        }
        return items;
    }
}
