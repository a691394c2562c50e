package com.dealerpool.rothco.mapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Compiles a {@code transforms:} list. Items are either a name ({@code trim}) or a one-key
 * mapping with the argument ({@code truncate: 80}, {@code replace: {from: '"', to: ' in'}}).
 */
final class TransformParser {

    static final List<String> NAMES = List.of("trim", "upper", "lower", "sentenceCase", "titleCase", "replace",
            "prefix", "suffix", "truncate", "round", "multiply", "markup", "default", "number");

    private final int highStockQuantity;

    TransformParser(int highStockQuantity) {
        this.highStockQuantity = highStockQuantity;
    }

    List<ValueTransform> parse(Node node, String field, ProblemList problems) {
        List<ValueTransform> transforms = new ArrayList<>();
        if (node == null) {
            return transforms;
        }
        if (!(node instanceof SequenceNode sequence)) {
            problems.add(node, field, "'transforms:' must be a list, such as [trim, titleCase] or one '- name' line per transform");
            return transforms;
        }
        for (Node item : sequence.getValue()) {
            ValueTransform transform = parseItem(item, field, problems);
            if (transform != null) {
                transforms.add(transform);
            }
        }
        return transforms;
    }

    private ValueTransform parseItem(Node item, String field, ProblemList problems) {
        String name = YamlNodes.scalar(item);
        Node argument = null;
        if (name == null) {
            if (!(item instanceof MappingNode mapping) || mapping.getValue().size() != 1) {
                problems.add(item, field, "a transform is a name such as 'trim' or one 'name: argument' pair such as 'truncate: 80'");
                return null;
            }
            NodeTuple tuple = mapping.getValue().get(0);
            name = YamlNodes.scalar(tuple.getKeyNode());
            argument = tuple.getValueNode();
        }
        return switch (name == null ? "" : name) {
            case "trim" -> noArgument(TextTransforms.trim(), argument, name, item, field, problems);
            case "upper" -> noArgument(TextTransforms.upper(), argument, name, item, field, problems);
            case "lower" -> noArgument(TextTransforms.lower(), argument, name, item, field, problems);
            case "sentenceCase" -> noArgument(TextTransforms.sentenceCase(), argument, name, item, field, problems);
            case "titleCase" -> noArgument(TextTransforms.titleCase(), argument, name, item, field, problems);
            case "number" -> noArgument(NumberTransforms.number(highStockQuantity), argument, name, item, field, problems);
            case "prefix" -> textArgument(argument, name, item, field, problems, TextTransforms::prefix);
            case "suffix" -> textArgument(argument, name, item, field, problems, TextTransforms::suffix);
            case "default" -> textArgument(argument, name, item, field, problems, TextTransforms::defaultValue);
            case "replace" -> replace(argument, item, field, problems);
            case "truncate" -> wholeNumber(argument, name, 1, item, field, problems, TextTransforms::truncate);
            case "round" -> wholeNumber(argument, name, 0, item, field, problems, NumberTransforms::round);
            case "multiply" -> decimal(argument, name, item, field, problems, NumberTransforms::multiply);
            case "markup" -> decimal(argument, name, item, field, problems, NumberTransforms::markup);
            default -> {
                problems.add(item, field, "unknown transform '" + name + "'; use one of " + NAMES);
                yield null;
            }
        };
    }

    private static ValueTransform noArgument(ValueTransform transform, Node argument, String name, Node item,
            String field, ProblemList problems) {
        if (argument != null && !"".equals(YamlNodes.scalar(argument))) {
            problems.add(item, field, "the transform '" + name + "' takes no argument; write '- " + name + "'");
            return null;
        }
        return transform;
    }

    private static ValueTransform textArgument(Node argument, String name, Node item, String field, ProblemList problems,
            java.util.function.Function<String, ValueTransform> factory) {
        String text = YamlNodes.scalar(argument);
        if (text == null) {
            problems.add(item, field, "the transform '" + name + "' needs a text argument, such as '" + name + ": value'");
            return null;
        }
        return factory.apply(text);
    }

    private static ValueTransform replace(Node argument, Node item, String field, ProblemList problems) {
        if (argument instanceof MappingNode mapping) {
            Map<String, NodeTuple> keys = YamlNodes.entries(mapping, field, problems);
            String from = keys.containsKey("from") ? YamlNodes.scalar(keys.get("from").getValueNode()) : null;
            String to = keys.containsKey("to") ? YamlNodes.scalar(keys.get("to").getValueNode()) : null;
            if (from != null && !from.isEmpty() && to != null && keys.size() == 2) {
                return TextTransforms.replace(from, to);
            }
        }
        problems.add(item, field, "the transform 'replace' needs a non-empty 'from' and a 'to', such as"
                + " \"replace: {from: 'Blk', to: 'Black'}\"");
        return null;
    }

    private static ValueTransform wholeNumber(Node argument, String name, int minimum, Node item, String field,
            ProblemList problems, java.util.function.IntFunction<ValueTransform> factory) {
        String text = YamlNodes.scalar(argument);
        try {
            int number = Integer.parseInt(text == null ? "" : text.trim());
            if (number >= minimum) {
                return factory.apply(number);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(item, field, "the transform '" + name + "' needs a whole number of " + minimum
                + " or more, such as '" + name + ": 2', not '" + text + "'");
        return null;
    }

    private static ValueTransform decimal(Node argument, String name, Node item, String field, ProblemList problems,
            java.util.function.Function<BigDecimal, ValueTransform> factory) {
        String text = YamlNodes.scalar(argument);
        try {
            return factory.apply(new BigDecimal(text == null ? "" : text.trim()));
        } catch (NumberFormatException e) {
            problems.add(item, field, "the transform '" + name + "' needs a number, such as '" + name
                    + ("markup".equals(name) ? ": 35' (percent)" : ": 1.35'") + ", not '" + text + "'");
            return null;
        }
    }
}
