package com.dealerpool.rothco.mapping;

/**
 * Transform It: looks the value at a source path up in a mapping set. An empty source value
 * gives the default (or empty); a value without entry gives the default, or empty and a
 * lookup miss when there is no default.
 */
final class SetLookup implements ValueSource {

    private final MappingSet set;
    private final SourcePath path;
    private final String defaultValue;
    private final String field;

    SetLookup(MappingSet set, SourcePath path, String defaultValue, String field) {
        this.set = set;
        this.path = path;
        this.defaultValue = defaultValue;
        this.field = field;
    }

    @Override
    public Object valueFor(RecordContext context) {
        Object key = path.read(context.source());
        if (Values.isEmpty(key)) {
            return defaultValue;
        }
        String found = set.lookup(key.toString());
        if (found != null) {
            return found;
        }
        if (defaultValue == null) {
            context.recordLookupMiss(field);
        }
        return defaultValue;
    }

    @Override
    public String description() {
        return "lookup: {set: " + set.name() + ", from: " + path
                + (defaultValue == null ? "" : ", default: '" + defaultValue + "'") + "}";
    }
}
