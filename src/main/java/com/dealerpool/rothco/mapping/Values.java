package com.dealerpool.rothco.mapping;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/** Conversions of source values shared by transforms and type conversion. */
final class Values {

    private Values() {
    }

    /** True for null and for text that is empty or only whitespace. */
    static boolean isEmpty(Object value) {
        return value == null || value instanceof String text && text.isBlank();
    }

    /**
     * Returns a scalar value as text: numbers in plain notation, other values by {@code toString()}.
     *
     * @throws InvalidValueException for lists and maps, which need a position or key in the path
     */
    static String toText(Object value) throws InvalidValueException {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return decimalOf((Number) value).toPlainString();
        }
        if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
            throw new InvalidValueException(value, "the source value is a list or object, not a single value;"
                    + " point the path at one element, such as 'productLine.images[0]' or 'specifications[0].name'");
        }
        return value.toString();
    }

    /**
     * Returns a value as a number: numbers as they are, text when it is a plain decimal number.
     *
     * @throws InvalidValueException naming the value and the {@code number} transform as the fix
     */
    static BigDecimal toDecimal(Object value) throws InvalidValueException {
        if (value == null || value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof Number number) {
            return decimalOf(number);
        }
        if (value instanceof String text) {
            String trimmed = text.trim();
            if (trimmed.isEmpty()) {
                return null;
            }
            try {
                return new BigDecimal(trimmed);
            } catch (NumberFormatException e) {
                throw new InvalidValueException(value, "'" + text + "' is not a number; put the 'number' transform"
                        + " first to read values such as '99+' or '$1,299.00', or fix the source value");
            }
        }
        throw new InvalidValueException(value, "a " + value.getClass().getSimpleName()
                + " value is not a number; map a numeric source field");
    }

    private static BigDecimal decimalOf(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double primitive = number.doubleValue();
            if (Double.isNaN(primitive) || Double.isInfinite(primitive)) {
                return null;
            }
            return BigDecimal.valueOf(primitive);
        }
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof java.math.BigInteger integer) {
            return new BigDecimal(integer);
        }
        return BigDecimal.valueOf(number.longValue());
    }
}
