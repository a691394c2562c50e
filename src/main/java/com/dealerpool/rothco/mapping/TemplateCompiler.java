package com.dealerpool.rothco.mapping;

import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.mapping.fields.FieldType;
import com.dealerpool.rothco.mapping.fields.OperationFields;
import com.dealerpool.rothco.mapping.fields.SourceFields;
import com.dealerpool.rothco.mapping.fields.Suggestions;
import com.dealerpool.rothco.mapping.fields.TargetField;
import com.dealerpool.rothco.pool.VariantField;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * Compiles one template file into a {@link CompiledTemplate}, checking every field, method,
 * mapping set, transform and condition against the operation's field catalog. All problems
 * are added to the problem list; the template is returned only when there are none.
 */
final class TemplateCompiler {

    static final int MAX_CUSTOM_FIELDS = 100;
    static final int MAX_SUMMARY_FIELDS = 10;
    static final String CUSTOM_PREFIX = "custom.";
    static final String SUMMARY_PREFIX = "summary.";

    private static final List<String> TOP_KEYS = List.of("name", "operation", "description", "fields", "options", "items");
    private static final List<String> FIELD_KEYS = List.of("type", "format", "match", "set", "lookup", "rules",
            "otherwise", "skip", "transforms");
    private static final List<String> FIELD_METHODS = List.of("match", "set", "lookup", "rules", "skip");
    private static final List<String> BRANCH_METHODS = List.of("match", "set", "value", "lookup", "skip");
    private static final Pattern OPTION_FIELD = Pattern.compile("option(Name|Value)(\\d+)");
    private static final Pattern MAPPED_REFERENCE = Pattern.compile("exchangeProperty\\.mapped\\[([^\\]]*)\\]");
    private static final Pattern BODY_REFERENCE = Pattern.compile("\\$\\{body((?:\\[[^\\]\\[]*\\])+)");
    private static final Pattern BRACKET = Pattern.compile("\\[([^\\]\\[]*)\\]");

    private final Map<String, MappingSet> sets;
    private final ConditionLanguage conditions;
    private final TransformParser transformParser;

    TemplateCompiler(Map<String, MappingSet> sets, ConditionLanguage conditions, MappingOptions options) {
        this.sets = sets;
        this.conditions = conditions;
        this.transformParser = new TransformParser(options.highStockQuantity());
    }

    Optional<CompiledTemplate> compile(Path file, ProblemList problems) {
        int problemsBefore = problems.size();
        Optional<Node> root = YamlNodes.read(file, problems);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        if (!(root.get() instanceof MappingNode rootMapping)) {
            problems.add(root.get(), "", "a template must contain the keys name, operation and fields");
            return Optional.empty();
        }
        Map<String, NodeTuple> top = YamlNodes.entries(rootMapping, "", problems);
        for (Map.Entry<String, NodeTuple> entry : top.entrySet()) {
            if (!TOP_KEYS.contains(entry.getKey())) {
                problems.add(entry.getValue().getKeyNode(), entry.getKey(), "unknown key '" + entry.getKey()
                        + "'; a template accepts " + TOP_KEYS);
            }
        }

        String name = requiredScalar(top, "name", rootMapping, problems, "add 'name: <template name>'");
        OperationFields catalog = operationFields(top, rootMapping, problems);
        if (catalog == null) {
            return Optional.empty();
        }
        NodeTuple fieldsTuple = top.get("fields");
        List<FieldMapping> fields = new ArrayList<>();
        Scope scope = new Scope(catalog.targets(), catalog.sources(), catalog.allowsCustomAndSummaryFields(), "");
        if (fieldsTuple == null || !(fieldsTuple.getValueNode() instanceof MappingNode fieldsNode)) {
            problems.add(fieldsTuple == null ? rootMapping : fieldsTuple.getValueNode(), "fields",
                    "missing 'fields:' section; list each target field with its method under 'fields:'");
        } else {
            fields = compileFields(fieldsNode, scope, problems);
        }

        OptionsMapping options = compileOptions(top.get("options"), catalog, scope, problems);
        checkRequired(catalog.targets(), scope, fieldsTuple == null ? rootMapping : fieldsTuple.getKeyNode(), "", problems);
        ItemsMapping items = compileItems(top.get("items"), catalog, rootMapping, problems);
        if (problems.size() > problemsBefore) {
            return Optional.empty();
        }
        return Optional.of(new CompiledTemplate(name, catalog.operation(), file, fields, options, items,
                SourcePath.parse(catalog.recordKeyPath()), conditions));
    }

    /** Returns the template's name without validating the rest, or null when it has none. */
    static String nameOf(Map<String, NodeTuple> top) {
        NodeTuple tuple = top.get("name");
        return tuple == null ? null : YamlNodes.scalar(tuple.getValueNode());
    }

    private OperationFields operationFields(Map<String, NodeTuple> top, Node root, ProblemList problems) {
        String slug = requiredScalar(top, "operation", root, problems,
                "add 'operation: <slug>' with one of " + Arrays.stream(Operation.values()).map(Operation::slug).toList());
        if (slug == null) {
            return null;
        }
        Node node = top.get("operation").getValueNode();
        try {
            Optional<OperationFields> fields = OperationFields.forOperation(Operation.fromSlug(slug));
            if (fields.isEmpty()) {
                problems.add(node, "operation", "the operation '" + slug + "' has no mapping step; use a template"
                        + " for one of the inventory, order, acknowledgment or shipment operations");
            }
            return fields.orElse(null);
        } catch (IllegalArgumentException e) {
            problems.add(node, "operation", e.getMessage());
            return null;
        }
    }

    private List<FieldMapping> compileFields(MappingNode fieldsNode, Scope scope, ProblemList problems) {
        List<FieldMapping> fields = new ArrayList<>();
        Map<String, NodeTuple> entries = YamlNodes.entries(fieldsNode, "fields", problems);
        int customCount = 0;
        int summaryCount = 0;
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            String fieldName = entry.getKey();
            Node keyNode = entry.getValue().getKeyNode();
            String reported = scope.prefix + fieldName;
            TargetField target;
            FieldMapping.Destination destination = FieldMapping.Destination.FIELD;
            String resultKey = fieldName;
            if (fieldName.startsWith(CUSTOM_PREFIX) || fieldName.startsWith(SUMMARY_PREFIX)) {
                boolean custom = fieldName.startsWith(CUSTOM_PREFIX);
                resultKey = fieldName.substring(custom ? CUSTOM_PREFIX.length() : SUMMARY_PREFIX.length());
                destination = custom ? FieldMapping.Destination.CUSTOM : FieldMapping.Destination.SUMMARY;
                target = new TargetField(fieldName, FieldType.TEXT, false, 0);
                if (!scope.allowsCustom) {
                    problems.add(keyNode, reported, "custom and summary fields exist only in get-inventory-primary"
                            + " templates; remove the field");
                    continue;
                }
                if (resultKey.isBlank()) {
                    problems.add(keyNode, reported, "missing name after '" + (custom ? CUSTOM_PREFIX : SUMMARY_PREFIX)
                            + "'; write a name such as '" + (custom ? CUSTOM_PREFIX : SUMMARY_PREFIX) + "brand'");
                    continue;
                }
                if (custom && ++customCount == MAX_CUSTOM_FIELDS + 1) {
                    problems.add(keyNode, reported, "too many custom fields: a template holds at most "
                            + MAX_CUSTOM_FIELDS + "; remove the custom fields from here on");
                }
                if (!custom && ++summaryCount == MAX_SUMMARY_FIELDS + 1) {
                    problems.add(keyNode, reported, "too many summary fields: a template holds at most "
                            + MAX_SUMMARY_FIELDS + "; remove the summary fields from here on");
                }
            } else {
                target = scope.targets.get(fieldName);
                if (target == null) {
                    problems.add(keyNode, reported, unknownTargetMessage(fieldName, scope));
                    continue;
                }
            }
            if (!(entry.getValue().getValueNode() instanceof MappingNode spec)) {
                problems.add(entry.getValue().getValueNode(), reported, "a field needs a method, such as"
                        + " '" + fieldName + ": {type: " + target.type().slug() + ", match: <source field>}'");
                continue;
            }
            FieldMapping mapping = compileField(target, resultKey, destination, spec, reported, scope, problems);
            scope.mapped.add(fieldName);
            if (mapping != null) {
                fields.add(mapping);
            }
        }
        return fields;
    }

    private FieldMapping compileField(TargetField target, String resultKey, FieldMapping.Destination destination,
            MappingNode spec, String reported, Scope scope, ProblemList problems) {
        int before = problems.size();
        Map<String, NodeTuple> keys = YamlNodes.entries(spec, reported, problems);
        for (Map.Entry<String, NodeTuple> entry : keys.entrySet()) {
            if (!FIELD_KEYS.contains(entry.getKey())) {
                problems.add(entry.getValue().getKeyNode(), reported, "unknown method or key '" + entry.getKey()
                        + "'; use one method of " + FIELD_METHODS + " plus type, format, transforms and otherwise");
            }
        }
        checkType(target, keys.get("type"), spec, reported, problems);
        TypeConversion conversion = conversion(target, keys.get("format"), reported, problems);
        List<String> methods = FIELD_METHODS.stream().filter(keys::containsKey).toList();
        if (methods.size() != 1) {
            problems.add(spec, reported, methods.isEmpty()
                    ? "missing method; give exactly one of " + FIELD_METHODS
                    : "more than one method " + methods + "; keep exactly one");
            return null;
        }
        if (target.required() && methods.get(0).equals("skip")) {
            problems.add(keys.get("skip").getKeyNode(), reported, "the field is required and cannot be skipped;"
                    + " map it with match, set, lookup or rules");
        }
        if (keys.containsKey("otherwise") && !methods.get(0).equals("rules")) {
            problems.add(keys.get("otherwise").getKeyNode(), reported, "'otherwise:' belongs to 'rules:'; remove it"
                    + " or turn the method into rules");
        }
        List<ValueTransform> transforms = transformParser.parse(valueOf(keys.get("transforms")), reported, problems);
        Branch branch = null;
        List<SmartRule> rules = List.of();
        Branch otherwise = null;
        if (methods.get(0).equals("rules")) {
            rules = compileRules(keys.get("rules").getValueNode(), target, reported, scope, conversion, problems);
            NodeTuple otherwiseTuple = keys.get("otherwise");
            if (otherwiseTuple != null) {
                otherwise = compileBranch(otherwiseTuple.getValueNode(), target, reported, "otherwise", scope,
                        conversion, problems);
            }
        } else {
            branch = compileMethod(keys, methods.get(0), target, reported, "", scope, conversion, problems);
        }
        if (problems.size() > before) {
            return null;
        }
        return new FieldMapping(target, resultKey, destination, branch, rules, otherwise, transforms, conversion);
    }

    private List<SmartRule> compileRules(Node node, TargetField target, String reported, Scope scope,
            TypeConversion conversion, ProblemList problems) {
        List<SmartRule> rules = new ArrayList<>();
        if (!(node instanceof org.snakeyaml.engine.v2.nodes.SequenceNode sequence) || sequence.getValue().isEmpty()) {
            problems.add(node, reported, "'rules:' must be a list of '- when: <condition>' entries with a method each");
            return rules;
        }
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Node ruleNode = sequence.getValue().get(i);
            String label = "rules[" + (i + 1) + "]";
            if (!(ruleNode instanceof MappingNode ruleMapping)) {
                problems.add(ruleNode, reported, label + " must be a mapping with 'when:' and a method");
                continue;
            }
            Map<String, NodeTuple> keys = YamlNodes.entries(ruleMapping, reported, problems);
            NodeTuple when = keys.get("when");
            String conditionText = when == null ? null : YamlNodes.scalar(when.getValueNode());
            if (conditionText == null || conditionText.isBlank()) {
                problems.add(ruleNode, reported, label + " is missing 'when: <condition>', such as"
                        + " \"when: \\\"${body[productLine][brand]} == 'Rothco'\\\"\"");
                continue;
            }
            org.apache.camel.Predicate predicate = compileCondition(conditionText, when.getValueNode(), reported,
                    scope, problems);
            Branch branch = compileBranch(ruleMapping, target, reported, label, scope, conversion, problems, "when");
            if (predicate != null && branch != null) {
                rules.add(new SmartRule(predicate, conditionText, branch));
            }
        }
        return rules;
    }

    private org.apache.camel.Predicate compileCondition(String text, Node node, String reported, Scope scope,
            ProblemList problems) {
        int before = problems.size();
        Matcher mapped = MAPPED_REFERENCE.matcher(text);
        while (mapped.find()) {
            String name = mapped.group(1).trim();
            if (!scope.mapped.contains(name)) {
                problems.add(node, reported, "the condition reads mapped field '" + name + "', which is not mapped"
                        + " above this field; fields are mapped in file order, so move '" + name + "' up or read"
                        + " the source with ${body[...]}");
            }
        }
        Matcher body = BODY_REFERENCE.matcher(text);
        while (body.find()) {
            String pattern = bodyPattern(body.group(1));
            if (!scope.sources.contains(pattern)) {
                problems.add(node, reported, "the condition reads unknown source field '" + pattern + "'; "
                        + suggestion(pattern, scope.sources));
            }
        }
        try {
            org.apache.camel.Predicate predicate = conditions.compile(text);
            conditions.checkSyntax(predicate);
            return problems.size() > before ? null : predicate;
        } catch (RuntimeException e) {
            problems.add(node, reported, "invalid condition '" + text + "': " + firstLine(e.getMessage())
                    + "; write a Simple predicate such as \"${body[sku]} startsWith 'RC'\"");
            return null;
        }
    }

    private Branch compileBranch(Node node, TargetField target, String reported, String label, Scope scope,
            TypeConversion conversion, ProblemList problems, String... extraKeys) {
        if (!(node instanceof MappingNode mapping)) {
            problems.add(node, reported, label + " must contain one method of " + BRANCH_METHODS);
            return null;
        }
        Map<String, NodeTuple> keys = YamlNodes.entries(mapping, reported, problems);
        for (Map.Entry<String, NodeTuple> entry : keys.entrySet()) {
            String key = entry.getKey();
            if (!BRANCH_METHODS.contains(key) && !key.equals("transforms") && !Arrays.asList(extraKeys).contains(key)) {
                problems.add(entry.getValue().getKeyNode(), reported, label + ": unknown key '" + key
                        + "'; use one method of " + BRANCH_METHODS + " plus transforms");
            }
        }
        List<String> methods = BRANCH_METHODS.stream().filter(keys::containsKey).toList();
        if (methods.size() != 1) {
            problems.add(node, reported, label + (methods.isEmpty() ? ": missing method; give exactly one of "
                    + BRANCH_METHODS : ": more than one method " + methods + "; keep exactly one"));
            return null;
        }
        return compileMethod(keys, methods.get(0), target, reported, label + " ", scope, conversion, problems);
    }

    private Branch compileMethod(Map<String, NodeTuple> keys, String method, TargetField target, String reported,
            String label, Scope scope, TypeConversion conversion, ProblemList problems) {
        Node value = keys.get(method).getValueNode();
        List<ValueTransform> transforms = label.isEmpty() ? List.of()
                : transformParser.parse(valueOf(keys.get("transforms")), reported, problems);
        switch (method) {
            case "match" -> {
                SourcePath path = sourcePath(value, reported, scope.sources, problems);
                return path == null ? null : new Branch(new SourceMatch(path), null, transforms, label + "match: " + path);
            }
            case "set", "value" -> {
                String fixed = YamlNodes.scalar(value);
                if (fixed == null) {
                    problems.add(value, reported, "'" + method + ":' needs a single value, such as '" + method + ": Rothco'");
                    return null;
                }
                checkFixedValue(fixed, transforms, conversion, value, reported, problems);
                return new Branch(new FixedValue(fixed), null, transforms, label + "set: '" + fixed + "'");
            }
            case "lookup" -> {
                SetLookup lookup = compileLookup(value, target, reported, scope, problems);
                return lookup == null ? null : new Branch(lookup, null, transforms, label + lookup.description());
            }
            case "skip" -> {
                String mode = YamlNodes.scalar(value);
                if ("keep".equals(mode)) {
                    return new Branch(null, Branch.SkipMode.KEEP, transforms, label + "skip: keep");
                }
                if ("empty".equals(mode)) {
                    return new Branch(null, Branch.SkipMode.EMPTY, transforms, label + "skip: empty");
                }
                problems.add(value, reported, "invalid 'skip: " + mode + "'; write 'skip: keep' to leave the pool's"
                        + " value as it is or 'skip: empty' to clear it on every sync");
                return null;
            }
            default -> throw new IllegalStateException("unhandled method " + method);
        }
    }

    private SetLookup compileLookup(Node node, TargetField target, String reported, Scope scope, ProblemList problems) {
        String example = "such as 'lookup: {set: shipping-methods, from: shippingMethod, default: STANDARD}'";
        if (!(node instanceof MappingNode mapping)) {
            problems.add(node, reported, "'lookup:' needs 'set' and 'from', " + example);
            return null;
        }
        Map<String, NodeTuple> keys = YamlNodes.entries(mapping, reported, problems);
        for (Map.Entry<String, NodeTuple> entry : keys.entrySet()) {
            if (!List.of("set", "from", "default").contains(entry.getKey())) {
                problems.add(entry.getValue().getKeyNode(), reported, "unknown lookup key '" + entry.getKey()
                        + "'; a lookup accepts set, from and default");
            }
        }

        String setName = keys.containsKey("set") ? YamlNodes.scalar(keys.get("set").getValueNode()) : null;
        MappingSet set = setName == null ? null : sets.get(setName);
        if (setName == null) {
            problems.add(node, reported, "the lookup is missing 'set: <mapping set name>', " + example);
        } else if (set == null) {
            problems.add(keys.get("set").getValueNode(), reported, "unknown mapping set '" + setName
                    + "'; use one of " + sets.keySet().stream().sorted().toList()
                    + " or add " + setName + ".csv to the mapping-sets directory");
        }

        NodeTuple from = keys.get("from");
        SourcePath path = null;
        if (from == null) {
            problems.add(node, reported, "the lookup is missing 'from: <source field>', " + example);
        } else {
            path = sourcePath(from.getValueNode(), reported, scope.sources, problems);
        }
        String defaultValue = keys.containsKey("default") ? YamlNodes.scalar(keys.get("default").getValueNode()) : null;
        if (set == null || path == null) {
            return null;
        }
        return new SetLookup(set, path, defaultValue, target.name());
    }

    private OptionsMapping compileOptions(NodeTuple tuple, OperationFields catalog, Scope scope, ProblemList problems) {
        if (tuple == null) {
            return null;
        }
        Node node = tuple.getValueNode();
        if (catalog.operation() != Operation.GET_INVENTORY_PRIMARY) {
            problems.add(tuple.getKeyNode(), "options", "'options:' exists only in get-inventory-primary templates; remove it");
            return null;
        }
        String example = "such as 'options: {from: specifications, name: name, value: value}'";
        if (!(node instanceof MappingNode mapping)) {
            problems.add(node, "options", "'options:' needs from, name and value, " + example);
            return null;
        }
        Map<String, NodeTuple> keys = YamlNodes.entries(mapping, "options", problems);
        for (Map.Entry<String, NodeTuple> entry : keys.entrySet()) {
            if (!List.of("from", "name", "value").contains(entry.getKey())) {
                problems.add(entry.getValue().getKeyNode(), "options", "unknown key '" + entry.getKey()
                        + "'; 'options:' accepts from, name and value");
            }
        }

        for (String field : scope.mapped) {
            Matcher option = OPTION_FIELD.matcher(field);
            if (option.matches()) {
                problems.add(tuple.getKeyNode(), field, "'options:' already fills every optionNameN/optionValueN;"
                        + " remove either 'options:' or the explicit option fields");
                return null;
            }
        }
        SourcePath list = keys.containsKey("from") ? sourcePath(keys.get("from").getValueNode(), "options",
                scope.sources, problems) : null;
        if (list == null) {
            if (!keys.containsKey("from")) {
                problems.add(node, "options", "'options:' is missing 'from: <source list>', " + example);
            }
            return null;
        }

        SourceFields itemSources = scope.sources.below(list.pattern());
        SourcePath name = optionPart(keys, "name", node, itemSources, example, problems);
        SourcePath value = optionPart(keys, "value", node, itemSources, example, problems);
        if (name == null || value == null) {
            return null;
        }
        return new OptionsMapping(list, name, value);
    }

    private SourcePath optionPart(Map<String, NodeTuple> keys, String key, Node node, SourceFields itemSources,
            String example, ProblemList problems) {
        if (!keys.containsKey(key)) {
            problems.add(node, "options", "'options:' is missing '" + key + ": <field of each element>', " + example);
            return null;
        }
        return sourcePath(keys.get(key).getValueNode(), "options", itemSources, problems);
    }

    private ItemsMapping compileItems(NodeTuple tuple, OperationFields catalog, Node root, ProblemList problems) {
        if (!catalog.hasItems()) {
            if (tuple != null) {
                problems.add(tuple.getKeyNode(), "items", "'items:' exists only in order, acknowledgment and shipment"
                        + " templates; remove it");
            }
            return null;
        }
        String example = "such as 'items: {from: " + catalog.itemsSource() + ", fields: {sku: {match: ...}}}'";
        if (tuple == null || !(tuple.getValueNode() instanceof MappingNode mapping)) {
            problems.add(tuple == null ? root : tuple.getValueNode(), "items", "missing 'items:' section with 'from'"
                    + " and 'fields' for the line items, " + example);
            return null;
        }
        Map<String, NodeTuple> keys = YamlNodes.entries(mapping, "items", problems);
        for (Map.Entry<String, NodeTuple> entry : keys.entrySet()) {
            if (!List.of("from", "fields").contains(entry.getKey())) {
                problems.add(entry.getValue().getKeyNode(), "items", "unknown key '" + entry.getKey()
                        + "'; 'items:' accepts from and fields");
            }
        }

        String from = keys.containsKey("from") ? YamlNodes.scalar(keys.get("from").getValueNode()) : catalog.itemsSource();
        if (!catalog.itemsSource().equals(from)) {
            problems.add(keys.get("from").getValueNode(), "items", "line items come from '" + catalog.itemsSource()
                    + "', not '" + from + "'; write 'from: " + catalog.itemsSource() + "'");
            return null;
        }

        Scope itemScope = new Scope(catalog.itemTargets(), catalog.itemSources(), false, "items.");
        NodeTuple fieldsTuple = keys.get("fields");
        if (fieldsTuple == null || !(fieldsTuple.getValueNode() instanceof MappingNode fieldsNode)) {
            problems.add(fieldsTuple == null ? mapping : fieldsTuple.getValueNode(), "items",
                    "missing 'fields:' under 'items:', " + example);
            return null;
        }
        List<FieldMapping> fields = compileFields(fieldsNode, itemScope, problems);
        checkRequired(catalog.itemTargets(), itemScope, fieldsTuple.getKeyNode(), "items.", problems);
        return new ItemsMapping(SourcePath.parse(from), fields);
    }

    private static void checkRequired(Map<String, TargetField> targets, Scope scope, Node node, String prefix,
            ProblemList problems) {
        for (TargetField target : targets.values()) {
            if (target.required() && !scope.mapped.contains(target.name())) {
                problems.add(node, prefix + target.name(), "missing required field; add '" + target.name()
                        + ": {type: " + target.type().slug() + ", match: <source field>}' under 'fields:'");
            }
        }
    }

    private static void checkType(TargetField target, NodeTuple typeTuple, Node spec, String reported,
            ProblemList problems) {
        if (typeTuple == null) {
            return;
        }
        String typeName = YamlNodes.scalar(typeTuple.getValueNode());
        FieldType type = FieldType.fromSlug(typeName);
        if (type == null) {
            problems.add(typeTuple.getValueNode(), reported, "unknown type '" + typeName + "'; use one of "
                    + FieldType.slugs());
        } else if (type != target.type()) {
            problems.add(typeTuple.getValueNode(), reported, "the field is of type " + target.type().slug()
                    + ", not " + type.slug() + "; write 'type: " + target.type().slug() + "'");
        }
    }

    private static TypeConversion conversion(TargetField target, NodeTuple formatTuple, String reported,
            ProblemList problems) {
        if (formatTuple == null) {
            return TypeConversion.of(target.type(), null);
        }
        String format = YamlNodes.scalar(formatTuple.getValueNode());
        if (target.type() != FieldType.DATE) {
            problems.add(formatTuple.getKeyNode(), reported, "'format:' applies only to date fields; remove it");
            return TypeConversion.of(target.type(), null);
        }
        try {
            return TypeConversion.of(target.type(), format);
        } catch (IllegalArgumentException e) {
            problems.add(formatTuple.getValueNode(), reported, "invalid date format '" + format + "': " + e.getMessage()
                    + "; write a java.time pattern such as 'MM/dd/yyyy'");
            return TypeConversion.of(target.type(), null);
        }
    }

    private static void checkFixedValue(String fixed, List<ValueTransform> transforms, TypeConversion conversion,
            Node node, String reported, ProblemList problems) {
        if (!transforms.isEmpty()) {
            return;
        }
        try {
            conversion.convert(fixed);
        } catch (InvalidValueException e) {
            problems.add(node, reported, "the fixed value does not fit the field: " + e.getMessage());
        }
    }

    private static SourcePath sourcePath(Node node, String reported, SourceFields sources, ProblemList problems) {
        String text = YamlNodes.scalar(node);
        SourcePath path;
        try {
            path = SourcePath.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(node, reported, e.getMessage());
            return null;
        }
        if (!sources.contains(path.pattern())) {
            problems.add(node, reported, "unknown source field '" + text + "'; " + suggestion(path.pattern(), sources));
            return null;
        }
        return path;
    }

    private static String suggestion(String pattern, SourceFields sources) {
        List<String> nearest = sources.nearest(pattern, 3);
        return nearest.isEmpty() ? "this record has no source fields here"
                : "did you mean " + String.join(" or ", nearest) + "? (write list positions as [0], [1], ...)";
    }

    private static String unknownTargetMessage(String fieldName, Scope scope) {
        Matcher option = OPTION_FIELD.matcher(fieldName);
        if (option.matches() && Integer.parseInt(option.group(2)) > VariantField.MAX_OPTIONS
                && scope.targets.containsKey("optionName1")) {
            return "a variant holds at most " + VariantField.MAX_OPTIONS + " Option Name/Value pairs"
                    + " (optionName1..optionName10); remove this field or put the value in a custom field";
        }
        List<String> nearest = Suggestions.nearest(fieldName, List.copyOf(scope.targets.keySet()), 3);
        return "unknown target field '" + fieldName + "'; did you mean " + String.join(" or ", nearest) + "?"
                + (scope.allowsCustom ? " Fields of your own go in 'custom.<name>' or 'summary.<name>'." : "");
    }

    private static String bodyPattern(String brackets) {
        StringBuilder pattern = new StringBuilder();
        Matcher segment = BRACKET.matcher(brackets);
        while (segment.find()) {
            String key = segment.group(1).trim();
            if (!key.isEmpty() && key.chars().allMatch(Character::isDigit)) {
                pattern.append("[]");
            } else {
                if (pattern.length() > 0) {
                    pattern.append('.');
                }
                pattern.append(key.replace("'", "").replace("\"", ""));
            }
        }
        return pattern.toString();
    }

    private static String requiredScalar(Map<String, NodeTuple> top, String key, Node root, ProblemList problems,
            String fix) {
        NodeTuple tuple = top.get(key);
        String value = tuple == null ? null : YamlNodes.scalar(tuple.getValueNode());
        if (value == null || value.isBlank()) {
            problems.add(tuple == null ? root : tuple.getValueNode(), key, "missing '" + key + "'; " + fix);
            return null;
        }
        return value.trim();
    }

    private static Node valueOf(NodeTuple tuple) {
        return tuple == null ? null : tuple.getValueNode();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Targets, sources and already-mapped fields of the record or of its line items. */
    private static final class Scope {
        final Map<String, TargetField> targets;
        final SourceFields sources;
        final boolean allowsCustom;
        final String prefix;
        final Set<String> mapped = new HashSet<>();

        Scope(Map<String, TargetField> targets, SourceFields sources, boolean allowsCustom, String prefix) {
            this.targets = targets;
            this.sources = sources;
            this.allowsCustom = allowsCustom;
            this.prefix = prefix;
        }
    }
}
