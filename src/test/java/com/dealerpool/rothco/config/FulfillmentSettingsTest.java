package com.dealerpool.rothco.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Send Fulfillment Requests settings: defaults, required keys and the parsed values. */
class FulfillmentSettingsTest {

    private static final String PREFIX = "rothco.sources.dealer.send-fulfillment-requests.";

    private static Map<String, String> enabled() {
        Map<String, String> properties = new HashMap<>();
        properties.put(PREFIX + "enabled", "true");
        properties.put(PREFIX + "billing-email", "billing@dealer.example");
        return properties;
    }

    private static SendSettings read(Map<String, String> properties) {
        return FulfillmentSettings.read(properties::get, List.of("dealer")).source("dealer");
    }

    @Test
    void defaultsMatchDocumentation() {
        SendSettings send = read(Map.of());
        assertThat(send.enabled()).as("enabled").isFalse();
        assertThat(send.schedule()).as("schedule").isEqualTo("0 0/5 * * * ?");
        assertThat(send.template()).as("template").isEqualTo("Send Purchase Orders");
        assertThat(send.holdHours()).as("hold hours").isZero();
        assertThat(send.businessHours()).as("business hours").isEqualTo(BusinessHours.ALWAYS);
        assertThat(send.useAckProcess()).as("use-ack-process").isFalse();
        assertThat(send.acceptsShippingMethod()).as("accepts-shipping-method").isFalse();
        assertThat(send.autoProcessing()).as("auto-processing").isEqualTo(AutoProcessing.AUTO);
        assertThat(send.commitStock()).as("commit-stock").isFalse();
        assertThat(send.allowBackorders()).as("allow-backorders").isFalse();
    }

    @Test
    void missingBillingEmailNamesKey() {
        Map<String, String> properties = enabled();
        properties.remove(PREFIX + "billing-email");
        assertThatThrownBy(() -> read(properties))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(PREFIX + "billing-email is missing");
    }

    @Test
    void globalManualAppliesToSource() {
        Map<String, String> properties = enabled();
        properties.put("rothco.send-fulfillment-requests.auto-processing", "manual");
        assertThat(read(properties).manual()).as("manual through global").isTrue();
    }

    @Test
    void sourceAutoOverridesGlobalManual() {
        Map<String, String> properties = enabled();
        properties.put("rothco.send-fulfillment-requests.auto-processing", "manual");
        properties.put(PREFIX + "auto-processing", "auto");
        assertThat(read(properties).manual()).as("manual").isFalse();
    }

    @Test
    void invalidAutoProcessingNamesKey() {
        Map<String, String> properties = enabled();
        properties.put(PREFIX + "auto-processing", "sometimes");
        assertThatThrownBy(() -> read(properties))
                .hasMessageContaining(PREFIX + "auto-processing='sometimes' is not an auto-processing mode");
    }

    @Test
    void businessHoursAreParsed() {
        Map<String, String> properties = enabled();
        properties.put(PREFIX + "business-hours.days", "MON-FRI");
        properties.put(PREFIX + "business-hours.start", "08:00");
        properties.put(PREFIX + "business-hours.end", "17:30");
        properties.put(PREFIX + "business-hours.time-zone", "America/New_York");
        BusinessHours hours = read(properties).businessHours();
        assertThat(hours.days()).as("days").containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(hours.end()).as("end").isEqualTo(LocalTime.of(17, 30));
        // 2026-12-07 is a Monday: 13:00 UTC is 08:00 in New York, 12:59 UTC is before it.
        assertThat(hours.contains(Instant.parse("2026-12-07T13:00:00Z"))).as("Monday 08:00 New York").isTrue();
        assertThat(hours.contains(Instant.parse("2026-12-07T12:59:00Z"))).as("Monday 07:59 New York").isFalse();
        assertThat(hours.contains(Instant.parse("2026-12-05T15:00:00Z"))).as("Saturday 10:00 New York").isFalse();
    }

    @Test
    void invalidDayNamesKey() {
        Map<String, String> properties = enabled();
        properties.put(PREFIX + "business-hours.days", "MON-FUNDAY");
        assertThatThrownBy(() -> read(properties))
                .hasMessageContaining(PREFIX + "business-hours.days contains 'FUNDAY', which is not a day");
    }

    @Test
    void routingGroupListsLaterMembers() {
        Map<String, String> properties = enabled();
        properties.put(PREFIX + "routing-group", "main");
        properties.put("rothco.sources.second.send-fulfillment-requests.enabled", "true");
        properties.put("rothco.sources.second.send-fulfillment-requests.billing-email", "b@dealer.example");
        properties.put("rothco.sources.second.send-fulfillment-requests.routing-group", "main");
        FulfillmentSettings settings = FulfillmentSettings.read(properties::get, List.of("dealer", "second"));
        assertThat(settings.groupMembersAfter("dealer")).as("after dealer").containsExactly("second");
        assertThat(settings.groupMembersAfter("second")).as("after second").isEmpty();
    }

    @Test
    void httpOnAllInterfacesNeedsToken() {
        Map<String, String> properties = enabled();
        properties.put("camel.server.enabled", "true");
        properties.put("camel.server.host", "0.0.0.0");
        assertThatThrownBy(() -> read(properties))
                .hasMessageContaining("fulfillment.http.token is missing, but camel.server.host=0.0.0.0");
    }

    @Test
    void httpOnLoopbackNeedsNoToken() {
        Map<String, String> properties = enabled();
        properties.put("camel.server.enabled", "true");
        properties.put("camel.server.host", "127.0.0.1");
        assertThat(FulfillmentSettings.read(properties::get, List.of("dealer")).httpEnabled()).as("HTTP").isTrue();
    }
}
