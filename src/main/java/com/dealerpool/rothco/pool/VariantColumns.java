package com.dealerpool.rothco.pool;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Converts mapped values to the SQL types of their {@code variant} columns (see V1__pool.sql)
 * and binds them. Text longer than the column is cut by the caller; see {@link TextLimits}.
 */
final class VariantColumns {

    /** Precision and scale of the NUMERIC columns; quantity is an INTEGER column. */
    private static final Map<String, int[]> NUMERIC_COLUMNS = Map.of(
            "cost", new int[] {12, 2},
            "msrp", new int[] {12, 2},
            "map_price", new int[] {12, 2},
            "weight", new int[] {12, 3});
    private static final String INTEGER_COLUMN = "quantity";

    private VariantColumns() {
    }

    /**
     * Returns the value as the Java type that {@link #bind} writes: String, Integer, BigDecimal,
     * Boolean or LocalDate. Numbers are rounded half up to the column's scale.
     *
     * @throws IllegalArgumentException naming the SKU, field and value when it does not convert
     */
    static Object normalize(VariantField field, Object value, String sku) {
        if (value == null) {
            return null;
        }
        return switch (field.type()) {
            case TEXT -> value.toString();
            case NUMBER -> toNumber(field, value, sku);
            case BOOLEAN -> toBoolean(field, value, sku);
            case DATE -> toDate(field, value, sku);
        };
    }

    static void bind(PreparedStatement statement, int index, VariantField field, Object value) throws SQLException {
        switch (field.type()) {
            case TEXT -> statement.setString(index, (String) value);
            case NUMBER -> bindNumber(statement, index, field, value);
            case BOOLEAN -> {
                if (value == null) {
                    statement.setNull(index, Types.BOOLEAN);
                } else {
                    statement.setBoolean(index, (Boolean) value);
                }
            }
            case DATE -> {
                if (value == null) {
                    statement.setNull(index, Types.DATE);
                } else {
                    statement.setObject(index, value);
                }
            }
        }
    }

    /** Reads a column value back in the type {@link #normalize} returns. */
    static Object read(ResultSet resultSet, VariantField field) throws SQLException {
        return switch (field.type()) {
            case TEXT -> resultSet.getString(field.column());
            case NUMBER -> readNumber(resultSet, field);
            case BOOLEAN -> resultSet.getObject(field.column(), Boolean.class);
            case DATE -> resultSet.getObject(field.column(), LocalDate.class);
        };
    }

    private static Object readNumber(ResultSet resultSet, VariantField field) throws SQLException {
        if (INTEGER_COLUMN.equals(field.column())) {
            return resultSet.getObject(field.column(), Integer.class);
        }
        return resultSet.getBigDecimal(field.column());
    }

    private static void bindNumber(PreparedStatement statement, int index, VariantField field, Object value)
            throws SQLException {
        boolean integer = INTEGER_COLUMN.equals(field.column());
        if (value == null) {
            statement.setNull(index, integer ? Types.INTEGER : Types.NUMERIC);
        } else if (integer) {
            statement.setInt(index, (Integer) value);
        } else {
            statement.setBigDecimal(index, (BigDecimal) value);
        }
    }

    private static Object toNumber(VariantField field, Object value, String sku) {
        BigDecimal number = parseNumber(field, value, sku);
        if (number == null) {
            return null;
        }
        if (INTEGER_COLUMN.equals(field.column())) {
            BigDecimal whole = number.setScale(0, RoundingMode.HALF_UP);
            if (whole.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
                    || whole.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0) {
                throw invalid(field, value, sku, "it is outside the integer range");
            }
            return whole.intValue();
        }
        int[] precisionAndScale = NUMERIC_COLUMNS.get(field.column());
        if (precisionAndScale == null) {
            throw new IllegalStateException("No SQL type is defined for number column " + field.column());
        }
        BigDecimal scaled = number.setScale(precisionAndScale[1], RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() > precisionAndScale[0] - precisionAndScale[1]) {
            throw invalid(field, value, sku, "it has more than " + (precisionAndScale[0] - precisionAndScale[1])
                    + " digits before the decimal point");
        }
        return scaled;
    }

    private static BigDecimal parseNumber(VariantField field, Object value, String sku) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw invalid(field, value, sku, "it is not a finite number");
            }
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw invalid(field, value, sku, "it is not a number");
        }
    }

    private static Boolean toBoolean(VariantField field, Object value, String sku) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "" -> null;
            case "true", "yes", "y", "1" -> Boolean.TRUE;
            case "false", "no", "n", "0" -> Boolean.FALSE;
            default -> throw invalid(field, value, sku, "it is not true/false, yes/no or 1/0");
        };
    }

    private static LocalDate toDate(VariantField field, Object value, String sku) {
        if (value instanceof LocalDate date) {
            return date;
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(field, value, sku, "it is not an ISO date such as 2024-05-31");
        }
    }

    private static IllegalArgumentException invalid(VariantField field, Object value, String sku, String reason) {
        return new IllegalArgumentException("Invalid value '" + value + "' for pool field " + field.name()
                + " of SKU " + sku + ": " + reason + "; fix the inventory mapping for this field");
    }
}
