package com.dealerpool.rothco.pool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;

/** Stores custom fields as a JSON object with names sorted, so equal maps give equal text. */
final class CustomFieldsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> MAP_TYPE = new TypeReference<>() {
    };

    private CustomFieldsJson() {
    }

    static String write(Map<String, String> customFields) {
        try {
            return MAPPER.writeValueAsString(new TreeMap<>(customFields));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Custom fields cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    static Map<String, String> read(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(json, MAP_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Invalid custom_fields JSON in the pool: " + e.getOriginalMessage(), e);
        }
    }
}
