package com.dealerpool.rothco.mapping;

import java.util.List;

/**
 * One way to produce a field value: a value source with its transforms, or a skip.
 *
 * @param source      the method, or null for a skip
 * @param skip        how a skip treats the pool's value; null when {@code source} is set
 * @param transforms  transforms applied to the source value, in order
 * @param description the branch as written, such as {@code rules[1] match: sku}, for rejection messages
 */
record Branch(ValueSource source, SkipMode skip, ValueTransform[] transforms, String description) {

    Branch(ValueSource source, SkipMode skip, List<ValueTransform> transforms, String description) {
        this(source, skip, transforms.toArray(ValueTransform[]::new), description);
    }

    /** Skip It: what happens to the pool's value when a field is not mapped. */
    enum SkipMode {
        /** Don't Map: the field is absent from the result and the pool keeps its value. */
        KEEP,
        /** Set to Empty: the field is present with a null value and the pool value is cleared. */
        EMPTY
    }
}
