package com.dealerpool.rothco.mapping;

/**
 * Thrown by a transform or a type conversion that cannot handle a value; the field mapping
 * turns it into a {@link RecordRejectedException} that names the field and rule.
 */
final class InvalidValueException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Object value;

    InvalidValueException(Object value, String reason) {
        super(reason, null, false, false);
        this.value = value;
    }

    Object value() {
        return value;
    }
}
