package com.dealerpool.rothco.mapping;

import com.dealerpool.rothco.mapping.fields.TargetField;
import java.util.List;

/**
 * Compiled mapping of one target field: picks a branch (the field's method, or the first
 * matching smart rule, or {@code otherwise}), applies the branch's and the field's
 * transforms, converts into the field's type and checks required and length limits.
 */
final class FieldMapping {

    /** Result map that receives a mapped value. */
    enum Destination { FIELD, CUSTOM, SUMMARY }

    private final TargetField target;
    private final String resultKey;
    private final Destination destination;
    private final Branch branch;
    private final SmartRule[] rules;
    private final Branch otherwise;
    private final ValueTransform[] transforms;
    private final TypeConversion conversion;

    /**
     * @param resultKey key in the result map: the field name, without the {@code custom.} or {@code summary.} prefix
     * @param branch    the field's single method, or null when the field uses rules
     * @param rules     smart rules in order; empty when {@code branch} is set
     * @param otherwise branch used when no rule matches; null keeps the pool's value
     */
    FieldMapping(TargetField target, String resultKey, Destination destination, Branch branch, List<SmartRule> rules,
            Branch otherwise, List<ValueTransform> transforms, TypeConversion conversion) {
        this.target = target;
        this.resultKey = resultKey;
        this.destination = destination;
        this.branch = branch;
        this.rules = rules.toArray(SmartRule[]::new);
        this.otherwise = otherwise;
        this.transforms = transforms.toArray(ValueTransform[]::new);
        this.conversion = conversion;
    }

    TargetField target() {
        return target;
    }

    void apply(RecordContext context) throws RecordRejectedException {
        Branch selected = branch != null ? branch : selectRule(context);
        if (selected == null || selected.skip() == Branch.SkipMode.KEEP) {
            if (target.required()) {
                throw reject(context, null, selected == null ? "rules (no rule matched)" : selected.description(),
                        "the field is required but was not mapped; add an 'otherwise:' branch or a rule that"
                                + " covers this record");
            }
            return;
        }
        Object value = selected.skip() == Branch.SkipMode.EMPTY ? null : produce(selected, context);
        store(context, value);
    }

    private Branch selectRule(RecordContext context) throws RecordRejectedException {
        for (SmartRule rule : rules) {
            boolean matches;
            try {
                matches = rule.condition().matches(context.exchange());
            } catch (RuntimeException e) {
                throw reject(context, null, "when: " + rule.conditionText(), "the condition failed: " + e.getMessage()
                        + "; fix the condition so that it compares values of the same kind");
            }
            if (matches) {
                return rule.branch();
            }
        }
        return otherwise;
    }

    private Object produce(Branch selected, RecordContext context) throws RecordRejectedException {
        Object value = selected.source().valueFor(context);
        String step = selected.description();
        try {
            ValueTransform[] branchTransforms = selected.transforms();
            for (int i = 0; i < branchTransforms.length; i++) {
                step = branchTransforms[i].description();
                value = branchTransforms[i].apply(value);
            }
            for (int i = 0; i < transforms.length; i++) {
                step = transforms[i].description();
                value = transforms[i].apply(value);
            }
            step = selected.description() + " as " + target.type().slug();
            return conversion.convert(value);
        } catch (InvalidValueException e) {
            throw reject(context, e.value(), step, e.getMessage());
        }
    }

    private void store(RecordContext context, Object value) throws RecordRejectedException {
        if (target.required() && (value == null || value instanceof String text && text.isBlank())) {
            throw reject(context, value, describeMethod(), "the field is required but the value is empty;"
                    + " map a source field that always has a value, or add a 'default' transform");
        }
        if (target.maxLength() > 0 && value instanceof String text && text.length() > target.maxLength()) {
            throw reject(context, value, describeMethod(), "the text has " + text.length()
                    + " characters but the field holds at most " + target.maxLength()
                    + "; add the transform 'truncate: " + target.maxLength() + "'");
        }
        switch (destination) {
            case FIELD -> context.fields().put(resultKey, value);
            case CUSTOM -> context.customFields().put(resultKey, (String) value);
            case SUMMARY -> context.summaryFields().put(resultKey, (String) value);
        }
    }

    private String describeMethod() {
        return branch != null ? branch.description() : "rules";
    }

    private RecordRejectedException reject(RecordContext context, Object value, String rule, String reason) {
        String field = context.qualify(destination == Destination.FIELD ? resultKey : target.name());
        return new RecordRejectedException(context.recordKey(), field, value, rule, reason);
    }
}
