package com.dealerpool.rothco.mapping;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line into cells: commas separate cells, double quotes enclose cells with commas, {@code ""} is a quote. */
final class CsvLine {

    private CsvLine() {
    }

    /**
     * @throws IllegalArgumentException when a quoted cell is not closed on the same line
     */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                cell.setLength(0);
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unclosed quote in '" + line
                    + "'; close the quoted value on the same line (values cannot span lines)");
        }
        cells.add(cell.toString());
        return cells;
    }
}
