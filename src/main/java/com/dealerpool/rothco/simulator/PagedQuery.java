package com.dealerpool.rothco.simulator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** The paged root fields of the schema, the targets of page faults and of the request counts. */
public enum PagedQuery {
    CATALOG("catalog"),
    INVENTORY("inventory");

    private final String fieldName;

    PagedQuery(String fieldName) {
        this.fieldName = fieldName;
    }

    /** Name of the root field in the schema, also the JSON form in the admin API. */
    @JsonValue
    public String fieldName() {
        return fieldName;
    }

    /**
     * Parses a field name such as {@code catalog}, ignoring case.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    @JsonCreator
    public static PagedQuery fromFieldName(String value) {
        String normalized = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(query -> query.fieldName.equals(normalized))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown paged query '" + value
                        + "'; use catalog or inventory"));
    }
}
