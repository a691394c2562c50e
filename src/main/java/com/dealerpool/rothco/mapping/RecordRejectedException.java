package com.dealerpool.rothco.mapping;

/**
 * Thrown when one source record cannot be mapped: a value does not convert into its field's
 * type, is too long, or a required field stays empty. Other records of the batch are unaffected.
 */
public class RecordRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Characters of the offending value that the message shows. */
    private static final int MAX_VALUE_LENGTH = 80;

    private final String field;
    private final transient Object value;
    private final String rule;

    /**
     * @param recordKey identifies the record, such as {@code sku=RC-1}; may be null
     * @param field     target field, such as {@code cost} or {@code items[2].quantity}
     * @param value     the offending value; may be null
     * @param rule      the template rule that produced it, such as {@code match: dealerPrice}
     * @param reason    what is wrong and how to fix it
     */
    public RecordRejectedException(String recordKey, String field, Object value, String rule, String reason) {
        super(describe(recordKey, field, value, rule, reason));
        this.field = field;
        this.value = value;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public Object value() {
        return value;
    }

    public String rule() {
        return rule;
    }

    /** Shortens a long value so that the reason after it stays in the message and the job log. */
    private static String abbreviate(String value) {
        if (value.length() <= MAX_VALUE_LENGTH) {
            return value;
        }
        return value.substring(0, MAX_VALUE_LENGTH) + "... (" + value.length() + " characters)";
    }

    private static String describe(String recordKey, String field, Object value, String rule, String reason) {
        StringBuilder text = new StringBuilder("field '").append(field).append("'");
        if (recordKey != null) {
            text.append(" of record ").append(recordKey);
        }
        text.append(", value ").append(value == null ? "(empty)" : "'" + abbreviate(String.valueOf(value)) + "'");
        text.append(", rule '").append(rule).append("': ").append(reason);
        return text.toString();
    }
}
