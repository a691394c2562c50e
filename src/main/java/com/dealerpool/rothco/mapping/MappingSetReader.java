package com.dealerpool.rothco.mapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * Reads mapping sets from CSV files (header {@code from,to}, settings in {@code # name: value}
 * comment lines) and YAML files ({@code caseSensitive}, {@code trim} and {@code entries} keys).
 * Both default to case-insensitive keys with surrounding whitespace trimmed.
 */
final class MappingSetReader {

    static final String CASE_SENSITIVE = "case-sensitive";
    static final String TRIM = "trim";

    private static final Pattern SETTING = Pattern.compile("#\\s*([A-Za-z-]+)\\s*:\\s*(\\S*)\\s*");

    private MappingSetReader() {
    }

    /** Returns the set name for a file: its name without the {@code .csv}, {@code .yaml} or {@code .yml} extension. */
    static String nameOf(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.substring(0, fileName.lastIndexOf('.'));
    }

    static Optional<MappingSet> readCsv(Path file, ProblemList problems) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(0, "", "cannot read the file: " + e.getMessage());
            return Optional.empty();
        }
        boolean caseSensitive = false;
        boolean trim = true;
        boolean headerSeen = false;
        List<String[]> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String line = stripByteOrderMark(lines.get(i), i);
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher setting = SETTING.matcher(line.trim());
                if (setting.matches() && !headerSeen) {
                    String key = setting.group(1).toLowerCase(Locale.ROOT);
                    Boolean flag = parseFlag(setting.group(2));
                    if (key.equals(CASE_SENSITIVE) || key.equals(TRIM)) {
                        if (flag == null) {
                            problems.add(lineNumber, key, "invalid setting value '" + setting.group(2)
                                    + "'; write true or false");
                        } else if (key.equals(CASE_SENSITIVE)) {
                            caseSensitive = flag;
                        } else {
                            trim = flag;
                        }
                    }
                }
                continue;
            }
            List<String> cells;
            try {
                cells = CsvLine.split(line);
            } catch (IllegalArgumentException e) {
                problems.add(lineNumber, "", e.getMessage());
                continue;
            }
            if (!headerSeen) {
                headerSeen = true;
                if (cells.size() != 2 || !cells.get(0).trim().equalsIgnoreCase("from")
                        || !cells.get(1).trim().equalsIgnoreCase("to")) {
                    problems.add(lineNumber, "", "invalid header '" + line + "'; the first line after the comments must be 'from,to'");
                }
                continue;
            }
            if (cells.size() != 2) {
                problems.add(lineNumber, "", "expected 2 columns (from,to) but found " + cells.size()
                        + " in '" + line + "'; quote values that contain commas, such as \"Ground, 5-7 days\"");
                continue;
            }
            rows.add(cells.toArray(String[]::new));
            rowLines.add(lineNumber);
        }
        if (!headerSeen) {
            problems.add(0, "", "missing header line 'from,to'; add it above the entries");
        }
        Map<String, String> entries = new HashMap<>();
        Map<String, Integer> entryLines = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            addEntry(rows.get(i)[0], rows.get(i)[1], rowLines.get(i), caseSensitive, trim, entries, entryLines, problems);
        }
        return Optional.of(new MappingSet(nameOf(file), file, caseSensitive, trim, entries));
    }

    static Optional<MappingSet> readYaml(Path file, ProblemList problems) {
        Optional<Node> root = YamlNodes.read(file, problems);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        if (!(root.get() instanceof MappingNode mapping)) {
            problems.add(root.get(), "", "a YAML mapping set must contain the keys caseSensitive, trim and entries");
            return Optional.empty();
        }
        Map<String, NodeTuple> keys = YamlNodes.entries(mapping, "", problems);
        boolean caseSensitive = readFlag(keys.get("caseSensitive"), false, problems);
        boolean trim = readFlag(keys.get("trim"), true, problems);
        for (NodeTuple tuple : keys.values()) {
            String key = YamlNodes.scalar(tuple.getKeyNode());
            if (!List.of("caseSensitive", "trim", "entries", "description").contains(key)) {
                problems.add(tuple.getKeyNode(), key, "unknown key '" + key
                        + "'; a YAML mapping set accepts description, caseSensitive, trim and entries");
            }
        }
        Map<String, String> entries = new HashMap<>();
        Map<String, Integer> entryLines = new HashMap<>();
        NodeTuple entriesTuple = keys.get("entries");
        if (entriesTuple == null) {
            problems.add(mapping, "entries", "missing 'entries:'; list the lookups as 'source value: target value' lines");
        } else if (!(entriesTuple.getValueNode() instanceof MappingNode entriesNode)) {
            problems.add(entriesTuple.getValueNode(), "entries", "'entries:' must contain 'source value: target value' lines");
        } else {
            for (NodeTuple entry : entriesNode.getValue()) {
                String from = YamlNodes.scalar(entry.getKeyNode());
                String to = YamlNodes.scalar(entry.getValueNode());
                if (from == null || to == null) {
                    problems.add(entry.getKeyNode(), "entries", "an entry must map one text value to one text value");
                    continue;
                }
                addEntry(from, to, YamlNodes.line(entry.getKeyNode()), caseSensitive, trim, entries, entryLines, problems);
            }
        }
        return Optional.of(new MappingSet(nameOf(file), file, caseSensitive, trim, entries));
    }

    private static void addEntry(String from, String to, int line, boolean caseSensitive, boolean trim,
            Map<String, String> entries, Map<String, Integer> entryLines, ProblemList problems) {
        String key = MappingSet.normalize(from, caseSensitive, trim);
        Integer firstLine = entryLines.putIfAbsent(key, line);
        if (firstLine != null) {
            problems.add(line, "", "duplicate entry '" + from + "' (same key as line " + firstLine
                    + (caseSensitive ? "" : ", compared ignoring case") + "); keep one of them");
            return;
        }
        entries.put(key, trim ? to.trim() : to);
    }

    private static boolean readFlag(NodeTuple tuple, boolean defaultValue, ProblemList problems) {
        if (tuple == null) {
            return defaultValue;
        }
        String key = YamlNodes.scalar(tuple.getKeyNode());
        Boolean flag = parseFlag(YamlNodes.scalar(tuple.getValueNode()));
        if (flag == null) {
            problems.add(tuple.getValueNode(), key, "invalid setting value; write true or false");
            return defaultValue;
        }
        return flag;
    }

    private static Boolean parseFlag(String text) {
        if ("true".equalsIgnoreCase(text)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(text)) {
            return Boolean.FALSE;
        }
        return null;
    }

    private static String stripByteOrderMark(String line, int index) {
        return index == 0 && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
