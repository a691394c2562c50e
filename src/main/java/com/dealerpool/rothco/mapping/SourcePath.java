package com.dealerpool.rothco.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A compiled path into a source record, such as {@code productLine.images[0]} or
 * {@code specifications[1].name}: map keys joined by dots, list positions in brackets.
 * Reading it walks maps and lists without reflection; a missing step gives null.
 */
final class SourcePath {

    private static final int KEY = -1;

    private final String text;
    private final String[] keys;
    private final int[] indexes;

    private SourcePath(String text, String[] keys, int[] indexes) {
        this.text = text;
        this.keys = keys;
        this.indexes = indexes;
    }

    /**
     * Parses a path.
     *
     * @throws IllegalArgumentException naming the path and the expected syntax
     */
    static SourcePath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("missing source path; write a field such as 'sku' or 'productLine.name'");
        }
        List<String> keys = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        int position = 0;
        boolean expectKey = true;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '[') {
                int close = text.indexOf(']', position);
                if (close < 0 || position == 0) {
                    throw syntaxError(text);
                }
                indexes.add(parseIndex(text, text.substring(position + 1, close)));
                keys.add(null);
                position = close + 1;
                expectKey = false;
            } else if (c == '.') {
                if (expectKey) {
                    throw syntaxError(text);
                }
                position++;
                expectKey = true;
            } else {
                if (!expectKey) {
                    throw syntaxError(text);
                }
                int end = position;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    if (text.charAt(end) == ']') {
                        throw syntaxError(text);
                    }
                    end++;
                }
                keys.add(text.substring(position, end).trim());
                indexes.add(KEY);
                position = end;
                expectKey = false;
            }
        }
        if (expectKey) {
            throw syntaxError(text);
        }
        int[] indexArray = indexes.stream().mapToInt(Integer::intValue).toArray();
        return new SourcePath(text.trim(), keys.toArray(String[]::new), indexArray);
    }

    /** Returns the value at this path, or null when any step is missing. */
    Object read(Object root) {
        Object current = root;
        for (int i = 0; i < keys.length && current != null; i++) {
            int index = indexes[i];
            if (index == KEY) {
                current = current instanceof Map<?, ?> map ? map.get(keys[i]) : null;
            } else {
                current = current instanceof List<?> list && index < list.size() ? list.get(index) : null;
            }
        }
        return current;
    }

    /** Returns the path with list positions written {@code []}, as the source field catalogs list them. */
    String pattern() {
        StringBuilder pattern = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            if (indexes[i] == KEY) {
                if (i > 0) {
                    pattern.append('.');
                }
                pattern.append(keys[i]);
            } else {
                pattern.append("[]");
            }
        }
        return pattern.toString();
    }

    @Override
    public String toString() {
        return text;
    }

    private static int parseIndex(String path, String digits) {
        try {
            int index = Integer.parseInt(digits.trim());
            if (index >= 0) {
                return index;
            }
        } catch (NumberFormatException e) {
            // reported below with the whole path
        }
        throw new IllegalArgumentException("invalid list position '" + digits + "' in source path '" + path
                + "'; write a position from 0, such as 'productLine.images[0]'");
    }

    private static IllegalArgumentException syntaxError(String path) {
        return new IllegalArgumentException("invalid source path '" + path
                + "'; join field names with dots and write list positions in brackets, such as 'specifications[0].name'");
    }
}
