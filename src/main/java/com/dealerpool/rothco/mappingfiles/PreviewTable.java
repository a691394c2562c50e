package com.dealerpool.rothco.mappingfiles;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.dealerpool.rothco.mapping.MappedRecord;

/**
 * Lays out one previewed record as two columns: the source fields with their values on the left
 * (nested fields flattened to template paths such as {@code productLine.images[0]}) and the
 * mapped target fields on the right.
 */
final class PreviewTable {

    /** Maximum length of a shown value; longer values are cut and end in "...". */
    static final int MAX_VALUE_LENGTH = 40;

    private static final String EMPTY = "(empty)";
    private static final String SEPARATOR = " | ";

    private PreviewTable() {
    }

    /**
     * Returns the table lines of a record, indented by two spaces.
     *
     * @param mapped the mapped record, or null when the template rejected it, which leaves the right column empty
     */
    static List<String> lines(Map<String, Object> source, MappedRecord mapped) {
        List<String[]> left = new ArrayList<>();
        flatten("", source, left);
        List<String[]> right = new ArrayList<>();
        if (mapped != null) {
            mapped.fields().forEach((field, value) -> right.add(row(field, value)));
            mapped.customFields().forEach((field, value) -> right.add(row("custom." + field, value)));
            mapped.summaryFields().forEach((field, value) -> right.add(row("summary." + field, value)));
        }
        List<String> leftCells = cells("SOURCE", left);
        List<String> rightCells = cells(mapped == null ? "MAPPED (rejected)" : "MAPPED", right);
        int leftWidth = leftCells.stream().mapToInt(String::length).max().orElse(0);

        List<String> lines = new ArrayList<>();
        for (int i = 0; i < Math.max(leftCells.size(), rightCells.size()); i++) {
            String leftCell = i < leftCells.size() ? leftCells.get(i) : "";
            String rightCell = i < rightCells.size() ? rightCells.get(i) : "";
            lines.add(("  " + pad(leftCell, leftWidth) + SEPARATOR + rightCell).stripTrailing());
        }
        return lines;
    }

    /** Formats a value as the preview shows it: numbers in plain notation, null as "(empty)", long text cut. */
    static String display(Object value) {
        if (value == null) {
            return EMPTY;
        }
        String text = value instanceof BigDecimal number ? number.toPlainString() : value.toString();
        text = text.replace('\n', ' ').replace('\r', ' ');
        if (text.isEmpty()) {
            return "\"\"";
        }
        return text.length() > MAX_VALUE_LENGTH ? text.substring(0, MAX_VALUE_LENGTH - 3) + "..." : text;
    }

    private static void flatten(String path, Object value, List<String[]> rows) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((key, child) -> flatten(path.isEmpty() ? String.valueOf(key) : path + "." + key, child, rows));
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            for (int i = 0; i < list.size(); i++) {
                flatten(path + "[" + i + "]", list.get(i), rows);
            }
        } else {
            rows.add(row(path, value));
        }
    }

    private static String[] row(String name, Object value) {
        return new String[] {name, display(value)};
    }

    /** Joins each row's name and value into one cell, names padded to the longest, under a heading. */
    private static List<String> cells(String heading, List<String[]> rows) {
        int nameWidth = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0);
        List<String> cells = new ArrayList<>(rows.size() + 1);
        cells.add(heading);
        for (String[] row : rows) {
            cells.add(pad(row[0], nameWidth) + "  " + row[1]);
        }
        return cells;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
