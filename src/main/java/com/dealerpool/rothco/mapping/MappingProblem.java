package com.dealerpool.rothco.mapping;

import java.nio.file.Path;

/**
 * One invalid spot in a template or mapping set.
 *
 * @param file    the file that contains it
 * @param line    1-based line number, or 0 when the problem concerns the whole file
 * @param field   target field or setting concerned, or an empty string
 * @param message what is wrong and how to fix it
 */
public record MappingProblem(Path file, int line, String field, String message) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (field != null && !field.isEmpty()) {
            text.append("field '").append(field).append("': ");
        }
        return text.append(message).toString();
    }
}
