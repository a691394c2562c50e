package com.dealerpool.rothco.mapping;

/** Set It: the same value for every record. */
final class FixedValue implements ValueSource {

    private final String value;

    FixedValue(String value) {
        this.value = value;
    }

    @Override
    public Object valueFor(RecordContext context) {
        return value;
    }

    @Override
    public String description() {
        return "set: '" + value + "'";
    }
}
