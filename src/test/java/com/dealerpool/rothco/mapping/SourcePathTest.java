package com.dealerpool.rothco.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourcePathTest {

    private final Map<String, Object> record = MappingTestSupport.variant();

    @Test
    void readsTopLevelField() {
        assertThat(SourcePath.parse("sku").read(record)).isEqualTo("8228");
    }

    @Test
    void readsNestedField() {
        assertThat(SourcePath.parse("productLine.name").read(record)).isEqualTo("M-65 Field Jacket");
    }

    @Test
    void readsListItem() {
        assertThat(SourcePath.parse("productLine.images[1]").read(record)).isEqualTo("https://images.example/rc-7777-2.jpg");
    }

    @Test
    void readsFieldOfListItem() {
        assertThat(SourcePath.parse("specifications[1].value").read(record)).isEqualTo("Medium");
    }

    @Test
    void missingStepsReadNull() {
        assertThat(SourcePath.parse("specifications[5].name").read(record)).as("index past the end").isNull();
        assertThat(SourcePath.parse("productLine.missing.deeper").read(record)).as("missing key").isNull();
        assertThat(SourcePath.parse("sku[0]").read(record)).as("index into text").isNull();
    }

    @Test
    void patternReplacesPositions() {
        assertThat(SourcePath.parse("specifications[3].name").pattern()).isEqualTo("specifications[].name");
        assertThat(SourcePath.parse("productLine.images[0]").pattern()).isEqualTo("productLine.images[]");
    }

    @Test
    void rejectsInvalidSyntax() {
        for (String invalid : List.of("", "a..b", ".a", "a.", "[0]", "a[x]", "a[-1]", "a]b", "a[0")) {
            assertThatThrownBy(() -> SourcePath.parse(invalid)).as(invalid)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
