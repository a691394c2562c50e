package com.dealerpool.rothco.mapping.fields;

import com.dealerpool.rothco.pool.VariantField;
import java.util.Arrays;
import java.util.Locale;

/** Value type of a target field, as written in the {@code type:} key of a template. */
public enum FieldType {
    TEXT("text"),
    NUMBER("number"),
    DATE("date"),
    BOOLEAN("boolean");

    private final String slug;

    FieldType(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    /** Returns the type with this slug, ignoring case, or null when there is none. */
    public static FieldType fromSlug(String value) {
        String normalized = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (FieldType type : values()) {
            if (type.slug.equals(normalized)) {
                return type;
            }
        }
        return null;
    }

    /** Slugs accepted by {@link #fromSlug(String)}, for error messages. */
    public static String slugs() {
        return Arrays.stream(values()).map(FieldType::slug).toList().toString();
    }

    public static FieldType of(VariantField.Type poolType) {
        return switch (poolType) {
            case TEXT -> TEXT;
            case NUMBER -> NUMBER;
            case BOOLEAN -> BOOLEAN;
            case DATE -> DATE;
        };
    }
}
