package com.dealerpool.rothco.mapping.fields;

/**
 * A field that a template can write.
 *
 * @param name      field name as written in templates, such as {@code cost} or {@code poNumber}
 * @param type      value type that mapped values are converted into
 * @param required  true when every template must map the field and every record must give it a value
 * @param maxLength maximum length of a text value in characters; 0 when unlimited
 */
public record TargetField(String name, FieldType type, boolean required, int maxLength) {

    public static TargetField required(String name, FieldType type) {
        return new TargetField(name, type, true, 0);
    }

    public static TargetField optional(String name, FieldType type) {
        return new TargetField(name, type, false, 0);
    }
}
