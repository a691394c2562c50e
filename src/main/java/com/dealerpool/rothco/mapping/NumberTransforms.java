package com.dealerpool.rothco.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** Transforms on numbers: number parsing, round, multiply and markup. */
final class NumberTransforms {

    /** Rothco's high-stock marker: a whole number followed by a plus sign, such as {@code 99+}. */
    private static final Pattern HIGH_STOCK = Pattern.compile("\\d+\\s*\\+");
    private static final Pattern CURRENCY_NOISE = Pattern.compile("[$,\\s]");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private NumberTransforms() {
    }

    /**
     * Reads numbers written for people: {@code 99+} becomes {@code highStockQuantity},
     * {@code $1,299.00} becomes {@code 1299.00}, blank text becomes empty (null).
     */
    static ValueTransform number(int highStockQuantity) {
        BigDecimal highStock = BigDecimal.valueOf(highStockQuantity);
        return new ValueTransform() {
            @Override
            public Object apply(Object value) throws InvalidValueException {
                if (!(value instanceof String text)) {
                    return Values.toDecimal(value);
                }
                String trimmed = text.trim();
                if (trimmed.isEmpty()) {
                    return null;
                }
                if (HIGH_STOCK.matcher(trimmed).matches()) {
                    return highStock;
                }
                String digits = CURRENCY_NOISE.matcher(trimmed).replaceAll("");
                try {
                    return new BigDecimal(digits);
                } catch (NumberFormatException e) {
                    throw new InvalidValueException(value, "'" + text + "' is not a number the 'number' transform reads"
                            + " (it reads values such as 12, 4.5, 99+ and $1,299.00); fix the source value"
                            + " or map this field with a rule that handles it");
                }
            }

            @Override
            public String description() {
                return "number";
            }
        };
    }

    /** Rounds half up to {@code decimals} places. */
    static ValueTransform round(int decimals) {
        return new NumberStep("round: " + decimals, number -> number.setScale(decimals, RoundingMode.HALF_UP));
    }

    static ValueTransform multiply(BigDecimal factor) {
        return new NumberStep("multiply: " + factor.toPlainString(), number -> number.multiply(factor));
    }

    /** Adds a percentage: {@code markup: 35} multiplies by 1.35. */
    static ValueTransform markup(BigDecimal percent) {
        BigDecimal factor = BigDecimal.ONE.add(percent.divide(HUNDRED));
        return new NumberStep("markup: " + percent.toPlainString(), number -> number.multiply(factor));
    }

    /** A transform that reads the value as a number and applies an arithmetic function; null stays null. */
    private record NumberStep(String description, java.util.function.UnaryOperator<BigDecimal> function)
            implements ValueTransform {

        @Override
        public Object apply(Object value) throws InvalidValueException {
            BigDecimal number = Values.toDecimal(value);
            return number == null ? null : function.apply(number);
        }
    }
}
