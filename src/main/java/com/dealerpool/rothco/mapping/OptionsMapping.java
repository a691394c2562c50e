package com.dealerpool.rothco.mapping;

import com.dealerpool.rothco.pool.VariantField;
import java.util.List;

/**
 * Maps a source list, such as the specifications, to optionName1..N and optionValue1..N.
 * Slots after the last element are set empty so that options removed at Rothco disappear
 * from the pool; a list longer than {@link VariantField#MAX_OPTIONS} rejects the record.
 */
final class OptionsMapping {

    private static final String[] NAME_FIELDS = new String[VariantField.MAX_OPTIONS];
    private static final String[] VALUE_FIELDS = new String[VariantField.MAX_OPTIONS];

    static {
        for (int i = 0; i < VariantField.MAX_OPTIONS; i++) {
            NAME_FIELDS[i] = "optionName" + (i + 1);
            VALUE_FIELDS[i] = "optionValue" + (i + 1);
        }
    }

    private final SourcePath list;
    private final SourcePath name;
    private final SourcePath value;
    private final int nameMaxLength;
    private final int valueMaxLength;

    OptionsMapping(SourcePath list, SourcePath name, SourcePath value) {
        this.list = list;
        this.name = name;
        this.value = value;
        this.nameMaxLength = VariantField.byName(NAME_FIELDS[0]).maxLength();
        this.valueMaxLength = VariantField.byName(VALUE_FIELDS[0]).maxLength();
    }

    void apply(RecordContext context) throws RecordRejectedException {
        Object found = list.read(context.source());
        List<?> elements = found instanceof List<?> items ? items : List.of();
        if (elements.size() > VariantField.MAX_OPTIONS) {
            throw new RecordRejectedException(context.recordKey(), "options", elements.size(), description(),
                    "the record has " + elements.size() + " " + list + " but a variant holds at most "
                            + VariantField.MAX_OPTIONS + " Option Name/Value pairs; map the ones you need with"
                            + " explicit optionNameN/optionValueN fields instead of 'options:'");
        }
        for (int i = 0; i < VariantField.MAX_OPTIONS; i++) {
            if (i < elements.size()) {
                Object element = elements.get(i);
                context.fields().put(NAME_FIELDS[i], text(context, NAME_FIELDS[i], name.read(element), nameMaxLength));
                context.fields().put(VALUE_FIELDS[i], text(context, VALUE_FIELDS[i], value.read(element), valueMaxLength));
            } else {
                context.fields().put(NAME_FIELDS[i], null);
                context.fields().put(VALUE_FIELDS[i], null);
            }
        }
    }

    private String text(RecordContext context, String field, Object raw, int maxLength) throws RecordRejectedException {
        try {
            String text = Values.toText(raw);
            if (text != null && text.length() > maxLength) {
                throw new RecordRejectedException(context.recordKey(), field, raw, description(), "the text has "
                        + text.length() + " characters but the field holds at most " + maxLength
                        + "; shorten the specification at the source or map it with an explicit field and 'truncate: "
                        + maxLength + "'");
            }
            return text == null || text.isEmpty() ? null : text;
        } catch (InvalidValueException e) {
            throw new RecordRejectedException(context.recordKey(), field, raw, description(), e.getMessage());
        }
    }

    private String description() {
        return "options: {from: " + list + ", name: " + name + ", value: " + value + "}";
    }
}
