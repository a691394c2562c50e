package com.dealerpool.rothco.mapping;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads YAML files into SnakeYAML Engine nodes, which keep line numbers for problem reports,
 * and reads keys and scalars out of them.
 */
final class YamlNodes {

    private YamlNodes() {
    }

    /** Parses a file; syntax errors are added to {@code problems} and give an empty result. */
    static Optional<Node> read(Path file, ProblemList problems) {
        LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).build();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Optional<Node> root = new Compose(settings).composeReader(reader);
            if (root.isEmpty()) {
                problems.add(0, "", "the file is empty; see the header comment of a default template for the format");
            }
            return root;
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(mark -> mark.getLine() + 1).orElse(0);
            String hint = e.getProblem().contains("got [")
                    ? "; inside {...} quote values that contain brackets, such as {match: 'productLine.images[0]'}"
                    : "; fix the syntax at this line";
            problems.add(line, "", "invalid YAML: " + e.getProblem() + hint);
        } catch (YamlEngineException e) {
            problems.add(0, "", "invalid YAML: " + e.getMessage());
        } catch (IOException e) {
            problems.add(0, "", "cannot read the file: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** 1-based line where the node starts, or 0 when unknown. */
    static int line(Node node) {
        return node == null ? 0 : node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    }

    /** Returns the text of a scalar node, or null for any other node kind. */
    static String scalar(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    /**
     * Returns the entries of a mapping node by key, in file order, with key nodes kept for line
     * numbers; duplicate and non-text keys are reported.
     */
    static Map<String, NodeTuple> entries(MappingNode mapping, String field, ProblemList problems) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode());
            if (key == null) {
                problems.add(tuple.getKeyNode(), field, "a key must be plain text; write 'name: value' pairs");
            } else if (entries.containsKey(key)) {
                problems.add(tuple.getKeyNode(), field, "duplicate key '" + key + "' (first at line "
                        + line(entries.get(key).getKeyNode()) + "); keep one of them");
            } else {
                entries.put(key, tuple);
            }
        }
        return entries;
    }
}
