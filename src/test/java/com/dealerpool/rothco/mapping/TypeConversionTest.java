package com.dealerpool.rothco.mapping;

import static com.dealerpool.rothco.mapping.MappingTestSupport.decimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealerpool.rothco.mapping.fields.FieldType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TypeConversionTest {

    private final TypeConversion text = TypeConversion.of(FieldType.TEXT, null);
    private final TypeConversion number = TypeConversion.of(FieldType.NUMBER, null);
    private final TypeConversion bool = TypeConversion.of(FieldType.BOOLEAN, null);
    private final TypeConversion isoDate = TypeConversion.of(FieldType.DATE, null);

    @Test
    void textFromScalars() throws Exception {
        assertThat(text.convert(42.5)).isEqualTo("42.5");
        assertThat(text.convert(Boolean.TRUE)).isEqualTo("true");
        assertThat(text.convert(decimal("1.50"))).isEqualTo("1.50");
    }

    @Test
    void emptyTextBecomesNull() throws Exception {
        assertThat(text.convert("")).as("text").isNull();
        assertThat(number.convert("")).as("number").isNull();
    }

    @Test
    void numberFromDoubleAndText() throws Exception {
        assertThat(number.convert(42.99)).isEqualTo(decimal("42.99"));
        assertThat(number.convert(" 12 ")).isEqualTo(decimal("12"));
        assertThat(number.convert(3L)).isEqualTo(decimal("3"));
    }

    @Test
    void numberRejectsText() {
        assertThatThrownBy(() -> number.convert("ten"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("'ten' is not a number");
    }

    @Test
    void numberRejectsHighStockWithoutTransform() {
        assertThatThrownBy(() -> number.convert("99+"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("'number' transform");
    }

    @Test
    void booleanFromWords() throws Exception {
        assertThat(bool.convert("Yes")).isEqualTo(true);
        assertThat(bool.convert("0")).isEqualTo(false);
        assertThat(bool.convert(Boolean.TRUE)).isEqualTo(true);
    }

    @Test
    void booleanRejectsOtherText() {
        assertThatThrownBy(() -> bool.convert("maybe"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("true/false");
    }

    @Test
    void isoDateBecomesLocalDate() throws Exception {
        assertThat(isoDate.convert("2025-03-14")).isEqualTo(LocalDate.of(2025, 3, 14));
    }

    @Test
    void isoDateTimeBecomesOffsetDateTime() throws Exception {
        assertThat(isoDate.convert("2025-03-14T09:30:00-05:00"))
                .isEqualTo(OffsetDateTime.of(2025, 3, 14, 9, 30, 0, 0, ZoneOffset.ofHours(-5)));
    }

    @Test
    void dateTimeWithoutOffsetIsUtc() throws Exception {
        assertThat(isoDate.convert("2025-03-14T09:30:00"))
                .isEqualTo(OffsetDateTime.of(2025, 3, 14, 9, 30, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void formattedDate() throws Exception {
        TypeConversion us = TypeConversion.of(FieldType.DATE, "MM/dd/yyyy");
        assertThat(us.convert("03/14/2025")).isEqualTo(LocalDate.of(2025, 3, 14));
    }

    @Test
    void invalidDateNamesFormat() {
        TypeConversion us = TypeConversion.of(FieldType.DATE, "MM/dd/yyyy");
        assertThatThrownBy(() -> us.convert("2025-03-14"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("'MM/dd/yyyy'");
        assertThatThrownBy(() -> isoDate.convert("14.03.2025"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("ISO-8601");
    }
}
