package com.dealerpool.rothco.secondary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.dealerpool.rothco.config.ConnectorSettings;
import com.dealerpool.rothco.primary.ConnectorHarness;
import com.dealerpool.rothco.config.InvalidSettingsException;
import com.dealerpool.rothco.config.SecondarySettings;
import com.dealerpool.rothco.rothco.RothcoContract;

/** Parsing and validation of the rothco.sources.&lt;id&gt;.get-inventory-secondary.* settings. */
class SecondarySettingsTest {

    private static final String PRIMARY = "rothco.sources.dealer.get-inventory-primary.";
    private static final String SECONDARY = "rothco.sources.dealer.get-inventory-secondary.";

    @Test
    void defaultsApplyWhenUnset() {
        SecondarySettings secondary = read(Map.of()).source("dealer").secondary();

        assertThat(secondary.enabled()).as("enabled").isTrue();
        assertThat(secondary.schedule()).as("schedule").isEqualTo("0 0 * * * ?");
        assertThat(secondary.runAtStartup()).as("run at startup").isFalse();
        assertThat(secondary.template()).as("template").isEqualTo("Rothco V2 GIS");
        assertThat(secondary.pageSize()).as("page size").isEqualTo(1000);
        assertThat(secondary.maxFailedPages()).as("max failed pages").isEqualTo(3);
        assertThat(secondary.allowCreateVariant()).as("allow create variant").isFalse();
        assertThat(secondary.archive()).as("archive").isFalse();
        assertThat(secondary.archiveMaxShrink()).as("archive max shrink").isEqualTo(0.20);
    }

    @Test
    void archivingOnBothRejectedNamingBothKeys() {
        InvalidSettingsException error = catchThrowableOfType(InvalidSettingsException.class,
                () -> read(Map.of(PRIMARY + "archive", "true", SECONDARY + "archive", "true")));

        assertThat(error).as("exception for archiving on both operations").isNotNull();
        assertThat(error.problems()).as("problems").hasSize(1);
        assertThat(error.problems().get(0)).as("problem line")
                .contains(PRIMARY + "archive").contains(SECONDARY + "archive");
    }

    @Test
    void archivingOnSecondaryAloneAccepted() {
        SecondarySettings secondary = read(Map.of(PRIMARY + "archive", "false", SECONDARY + "archive", "true"))
                .source("dealer").secondary();

        assertThat(secondary.archive()).as("archive").isTrue();
    }

    @Test
    void pageSizeAboveMaximumRejected() {
        String tooLarge = String.valueOf(RothcoContract.MAX_INVENTORY_PAGE_SIZE + 1);

        InvalidSettingsException error = catchThrowableOfType(InvalidSettingsException.class,
                () -> read(Map.of(SECONDARY + "page-size", tooLarge)));

        assertThat(error).as("exception for page size " + tooLarge).isNotNull();
        assertThat(error.getMessage()).as("message").contains(SECONDARY + "page-size=" + tooLarge)
                .contains(String.valueOf(RothcoContract.MAX_INVENTORY_PAGE_SIZE));
    }

    private static ConnectorSettings read(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>();
        properties.put("rothco.sources", "dealer");
        properties.put("rothco.sources.dealer.api-key", "sandbox-settings-key-0001");
        ConnectorHarness.putShipping(properties, "dealer");
        properties.putAll(overrides);
        return ConnectorSettings.read(properties::get, Map.of());
    }
}
