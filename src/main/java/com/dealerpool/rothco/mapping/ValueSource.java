package com.dealerpool.rothco.mapping;

/** Where a field's value comes from before transforms: a source path, a fixed value or a lookup. */
interface ValueSource {

    Object valueFor(RecordContext context);

    /** The method as written in the template, such as {@code match: productLine.name}. */
    String description();
}
