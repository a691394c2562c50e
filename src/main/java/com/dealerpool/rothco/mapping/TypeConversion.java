package com.dealerpool.rothco.mapping;

import com.dealerpool.rothco.mapping.fields.FieldType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Locale;

/**
 * Converts a transformed value into its field's type: text stays String, numbers become
 * BigDecimal, booleans Boolean, dates LocalDate or OffsetDateTime. Empty text becomes null.
 */
final class TypeConversion {

    private final FieldType type;
    private final DateTimeFormatter dateFormat;
    private final String formatPattern;

    private TypeConversion(FieldType type, DateTimeFormatter dateFormat, String formatPattern) {
        this.type = type;
        this.dateFormat = dateFormat;
        this.formatPattern = formatPattern;
    }

    /**
     * Creates the conversion of a field.
     *
     * @param format a {@link DateTimeFormatter} pattern for date fields, or null for ISO-8601
     * @throws IllegalArgumentException when the pattern is invalid
     */
    static TypeConversion of(FieldType type, String format) {
        DateTimeFormatter formatter = format == null ? null : DateTimeFormatter.ofPattern(format, Locale.ROOT);
        return new TypeConversion(type, formatter, format);
    }

    FieldType type() {
        return type;
    }

    Object convert(Object value) throws InvalidValueException {
        if (value == null || value instanceof String text && text.isEmpty()) {
            return null;
        }
        return switch (type) {
            case TEXT -> Values.toText(value);
            case NUMBER -> Values.toDecimal(value);
            case BOOLEAN -> toBoolean(value);
            case DATE -> toDate(value);
        };
    }

    private static Boolean toBoolean(Object value) throws InvalidValueException {
        if (value instanceof Boolean flag) {
            return flag;
        }
        String text = Values.toText(value).trim().toLowerCase(Locale.ROOT);
        switch (text) {
            case "true", "yes", "y", "1":
                return Boolean.TRUE;
            case "false", "no", "n", "0":
                return Boolean.FALSE;
            case "":
                return null;
            default:
                throw new InvalidValueException(value, "'" + value + "' is not a boolean; use true/false, yes/no or 1/0,"
                        + " or map the value with a lookup or rule");
        }
    }

    private Object toDate(Object value) throws InvalidValueException {
        if (value instanceof LocalDate || value instanceof OffsetDateTime) {
            return value;
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toOffsetDateTime();
        }
        if (value instanceof LocalDateTime local) {
            return local.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Date date) {
            return date.toInstant().atOffset(ZoneOffset.UTC);
        }
        String text = Values.toText(value).trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return dateFormat == null ? parseIso(text) : parseFormatted(text);
        } catch (DateTimeParseException e) {
            String expected = dateFormat == null
                    ? "an ISO-8601 date or date-time such as 2025-03-14 or 2025-03-14T09:30:00Z"
                    : "a date in the format '" + formatPattern + "'";
            throw new InvalidValueException(value, "'" + text + "' is not " + expected
                    + "; set 'format:' on the field to the pattern the source uses");
        }
    }

    private static Object parseIso(String text) {
        if (text.length() <= 10) {
            return LocalDate.parse(text);
        }
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
        return parsed instanceof LocalDateTime local ? local.atOffset(ZoneOffset.UTC) : parsed;
    }

    private Object parseFormatted(String text) {
        TemporalAccessor parsed = dateFormat.parseBest(text, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
        return parsed instanceof LocalDateTime local ? local.atOffset(ZoneOffset.UTC) : parsed;
    }
}
