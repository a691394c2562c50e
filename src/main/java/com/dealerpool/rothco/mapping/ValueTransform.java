package com.dealerpool.rothco.mapping;

/**
 * One step of a field's {@code transforms:} chain. Implementations are immutable and
 * thread-safe; they pass an empty value (null) through unless they exist to replace it.
 */
interface ValueTransform {

    /**
     * Returns the transformed value.
     *
     * @throws InvalidValueException when the value cannot be transformed, naming the fix
     */
    Object apply(Object value) throws InvalidValueException;

    /** The transform as written in the template, such as {@code truncate: 80}, for rejection messages. */
    String description();
}
