package com.dealerpool.rothco.mapping;

/** Match It: the value at a source path. */
final class SourceMatch implements ValueSource {

    private final SourcePath path;

    SourceMatch(SourcePath path) {
        this.path = path;
    }

    @Override
    public Object valueFor(RecordContext context) {
        return path.read(context.source());
    }

    @Override
    public String description() {
        return "match: " + path;
    }
}
