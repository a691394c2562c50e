package com.dealerpool.rothco.mapping;

import static com.dealerpool.rothco.mapping.MappingTestSupport.decimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransformsTest {

    private final ValueTransform number = NumberTransforms.number(250);

    @Test
    void trimRemovesSurroundingWhitespace() throws Exception {
        assertThat(TextTransforms.trim().apply("  Olive Drab \t")).isEqualTo("Olive Drab");
    }

    @Test
    void upperAndLower() throws Exception {
        assertThat(TextTransforms.upper().apply("Olive Drab")).isEqualTo("OLIVE DRAB");
        assertThat(TextTransforms.lower().apply("Olive Drab")).isEqualTo("olive drab");
    }

    @Test
    void sentenceCaseCapitalizesFirstLetter() throws Exception {
        assertThat(TextTransforms.sentenceCase().apply("M-65 FIELD JACKET")).isEqualTo("M-65 field jacket");
        assertThat(TextTransforms.sentenceCase().apply("  rothco BOOTS")).isEqualTo("  Rothco boots");
    }

    @Test
    void titleCaseCapitalizesEveryWord() throws Exception {
        assertThat(TextTransforms.titleCase().apply("m-65 FIELD jacket")).isEqualTo("M-65 Field Jacket");
    }

    @Test
    void replaceIsLiteral() throws Exception {
        assertThat(TextTransforms.replace(".", " dot ").apply("a.b.c")).isEqualTo("a dot b dot c");
    }

    @Test
    void prefixAndSuffix() throws Exception {
        assertThat(TextTransforms.prefix("RC-").apply("8228")).isEqualTo("RC-8228");
        assertThat(TextTransforms.suffix("-OD").apply("8228")).isEqualTo("8228-OD");
    }

    @Test
    void prefixConvertsNumbersToText() throws Exception {
        assertThat(TextTransforms.prefix("RC-").apply(8228)).isEqualTo("RC-8228");
        assertThat(TextTransforms.prefix("$").apply(42.5)).isEqualTo("$42.5");
    }

    @Test
    void truncateKeepsFirstCharacters() throws Exception {
        assertThat(TextTransforms.truncate(5).apply("Field Jacket")).isEqualTo("Field");
        assertThat(TextTransforms.truncate(50).apply("Field Jacket")).isEqualTo("Field Jacket");
    }

    @Test
    void truncateNeverSplitsSurrogatePair() throws Exception {
        assertThat(TextTransforms.truncate(2).apply("a\uD83D\uDE00b")).isEqualTo("a");
    }

    @Test
    void defaultReplacesEmptyValues() throws Exception {
        ValueTransform fallback = TextTransforms.defaultValue("N/A");
        assertThat(fallback.apply(null)).as("null").isEqualTo("N/A");
        assertThat(fallback.apply("  ")).as("blank").isEqualTo("N/A");
        assertThat(fallback.apply("Rothco")).as("value").isEqualTo("Rothco");
    }

    @Test
    void textTransformsPassNullThrough() throws Exception {
        for (ValueTransform transform : List.of(TextTransforms.trim(), TextTransforms.upper(), TextTransforms.lower(),
                TextTransforms.sentenceCase(), TextTransforms.titleCase(), TextTransforms.replace("a", "b"),
                TextTransforms.prefix("x"), TextTransforms.suffix("x"), TextTransforms.truncate(3))) {
            assertThat(transform.apply(null)).as(transform.description()).isNull();
        }
    }

    @Test
    void textTransformRejectsList() {
        assertThatThrownBy(() -> TextTransforms.trim().apply(List.of("a", "b")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("productLine.images[0]");
    }

    @Test
    void numberReadsHighStockMarker() throws Exception {
        assertThat(number.apply("99+")).isEqualTo(BigDecimal.valueOf(250));
        assertThat(number.apply(" 500+ ")).isEqualTo(BigDecimal.valueOf(250));
    }

    @Test
    void numberReadsCurrency() throws Exception {
        assertThat(number.apply("$1,299.00")).isEqualTo(decimal("1299.00"));
        assertThat(number.apply("-12.5")).isEqualTo(decimal("-12.5"));
    }

    @Test
    void numberTurnsBlankIntoEmpty() throws Exception {
        assertThat(number.apply("")).as("empty").isNull();
        assertThat(number.apply("   ")).as("blank").isNull();
        assertThat(number.apply(null)).as("null").isNull();
    }

    @Test
    void numberKeepsNumbers() throws Exception {
        assertThat(number.apply(42.99)).isEqualTo(decimal("42.99"));
        assertThat(number.apply(7)).isEqualTo(decimal("7"));
    }

    @Test
    void numberRejectsText() {
        assertThatThrownBy(() -> number.apply("call us"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("'call us'")
                .hasMessageContaining("99+");
    }

    @Test
    void roundHalfUp() throws Exception {
        assertThat(NumberTransforms.round(2).apply(decimal("12.345"))).isEqualTo(decimal("12.35"));
        assertThat(NumberTransforms.round(0).apply(12.5)).isEqualTo(decimal("13"));
    }

    @Test
    void multiplyByFactor() throws Exception {
        assertThat(NumberTransforms.multiply(decimal("1.5")).apply(decimal("10"))).isEqualTo(decimal("15.0"));
    }

    @Test
    void markupAddsPercent() throws Exception {
        BigDecimal marked = (BigDecimal) NumberTransforms.markup(decimal("35")).apply(decimal("100.00"));
        assertThat(marked).isEqualByComparingTo(decimal("135"));
    }

    @Test
    void arithmeticReadsPlainNumericText() throws Exception {
        assertThat(NumberTransforms.round(1).apply(" 2.25 ")).isEqualTo(decimal("2.3"));
    }

    @Test
    void arithmeticRejectsFormattedText() {
        assertThatThrownBy(() -> NumberTransforms.multiply(BigDecimal.TEN).apply("$12"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("'number' transform first");
    }
}
