package com.dealerpool.rothco.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagePreparerTest {

    @Test
    void equalValuesGiveEqualHash() {
        PreparedVariant text = prepareOne(Map.of("cost", "12.5", "title", "Jacket"));
        PreparedVariant number = prepareOne(Map.of("cost", new BigDecimal("12.50"), "title", "Jacket"));

        assertThat(text.contentHash()).isEqualTo(number.contentHash());
    }

    @Test
    void absentAndNullDiffer() {
        Map<String, Object> cleared = new HashMap<>();
        cleared.put("title", null);

        assertThat(prepareOne(cleared).contentHash()).isNotEqualTo(prepareOne(Map.of()).contentHash());
    }

    @Test
    void quantityRoundsToWhole() {
        assertThat(prepareOne(Map.of("quantity", "4.6")).values()).containsEntry(VariantField.byName("quantity"), 5);
    }

    @Test
    void unknownFieldIsRejected() {
        assertThatThrownBy(() -> prepareOne(Map.of("colour", "red")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'colour'")
                .hasMessageContaining("optionValue1");
    }

    @Test
    void oversizedPriceIsRejected() {
        assertThatThrownBy(() -> prepareOne(Map.of("msrp", "123456789012")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("123456789012")
                .hasMessageContaining("msrp");
    }

    @Test
    void missingSkuIsRejected() {
        List<VariantUpdate> page = List.of(new VariantUpdate(" ", Map.of(), Map.of(), List.of()));

        assertThatThrownBy(() -> PagePreparer.prepare("dealer", page))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 0");
    }

    @Test
    void truncateKeepsSurrogatePairs() {
        String text = "ab\uD83D\uDE00cd";

        assertThat(TextLimits.truncate(text, 3)).isEqualTo("ab");
        assertThat(TextLimits.truncate(text, 4)).isEqualTo("ab\uD83D\uDE00");
    }

    private static PreparedVariant prepareOne(Map<String, Object> fields) {
        return PagePreparer.prepare("dealer", List.of(new VariantUpdate("A-1", fields, Map.of(), List.of())))
                .get("A-1");
    }
}
