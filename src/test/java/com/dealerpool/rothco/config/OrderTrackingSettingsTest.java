package com.dealerpool.rothco.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Get FR Acknowledgments and Get Shipments settings: defaults and the checks with their messages. */
class OrderTrackingSettingsTest {

    private static final String ACK = "rothco.sources.dealer.get-fr-acknowledgments.";
    private static final String SHIPMENTS = "rothco.sources.dealer.get-shipments.";

    private static OrderTrackingSettings read(Map<String, String> properties) {
        return OrderTrackingSettings.read(properties::get, List.of("dealer"));
    }

    @Test
    void defaultsMatchDocumentation() {
        OrderTrackingSettings settings = read(Map.of());
        OrderTrackingSettings.Acknowledgments ack = settings.acknowledgments("dealer");
        OrderTrackingSettings.Shipments shipments = settings.shipments("dealer");
        assertThat(ack.enabled()).as("ack enabled").isTrue();
        assertThat(ack.schedule()).as("ack schedule").isEqualTo("0 0 0/3 * * ?");
        assertThat(ack.template()).as("ack template").isEqualTo("Rothco - Get PO Ack");
        assertThat(ack.cancelUnacknowledgedItems()).as("cancel-unacknowledged-items").isFalse();
        assertThat(shipments.enabled()).as("shipments enabled").isTrue();
        assertThat(shipments.schedule()).as("shipments schedule").isEqualTo("0 0 0/2 * * ?");
        assertThat(shipments.template()).as("shipments template").isEqualTo("Get Shipments 2");
        assertThat(shipments.lookbackDays()).as("lookback-days").isEqualTo(10);
        assertThat(shipments.shippedAtFallback()).as("shipped-at-fallback").isEqualTo("empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "10", "15", "30"})
    void allowedLookbackIsRead(String days) {
        assertThat(read(Map.of(SHIPMENTS + "lookback-days", days)).shipments("dealer").lookbackDays())
                .as("lookback-days").isEqualTo(Integer.parseInt(days));
    }

    @ParameterizedTest
    @ValueSource(strings = {"7", "0", "ten", "31"})
    void otherLookbackNamesAllowedValues(String days) {
        assertThatThrownBy(() -> read(Map.of(SHIPMENTS + "lookback-days", days)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(SHIPMENTS + "lookback-days=" + days)
                .hasMessageContaining("use one of 5, 10, 15 or 30");
    }

    @Test
    void unknownFallbackNamesChoices() {
        assertThatThrownBy(() -> read(Map.of(SHIPMENTS + "shipped-at-fallback", "yesterday")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(SHIPMENTS + "shipped-at-fallback=yesterday")
                .hasMessageContaining("use empty").hasMessageContaining("or run-time");
    }

    @Test
    void invalidScheduleNamesKey() {
        assertThatThrownBy(() -> read(Map.of(ACK + "schedule", "every hour")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(ACK + "schedule=every hour");
    }
}
