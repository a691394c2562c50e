package com.dealerpool.rothco.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import com.dealerpool.rothco.config.ObservabilitySettings;
import com.dealerpool.rothco.job.RunOutcome;
import com.dealerpool.rothco.job.RunStatus;
import com.dealerpool.rothco.pool.RunTotals;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The repeat window of run notifications, with a clock the test moves. */
class RepeatWindowTest {

    private static final String ERROR = "Rothco rejected API key ****0404 (HTTP 401)";

    private final MovableClock clock = new MovableClock();
    private final ObjectMapper mapper = new ObjectMapper();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DefaultCamelContext context = new DefaultCamelContext();

    @Test
    void repeatAfterWindowReportsHeldBack() throws Exception {
        RunNotifications notifications = notifications(60, true);

        assertThat(due(notifications, failed(1, ERROR))).as("first failure").isTrue();
        clock.advance(Duration.ofMinutes(20));
        assertThat(due(notifications, failed(2, ERROR))).as("repeat after 20 min").isFalse();
        clock.advance(Duration.ofMinutes(39));
        assertThat(due(notifications, failed(3, ERROR))).as("repeat after 59 min").isFalse();
        assertThat(due(notifications, failed(4, "Rothco timed out"))).as("another error").isTrue();
        clock.advance(Duration.ofMinutes(1));

        Exchange exchange = exchange(failed(5, ERROR));
        notifications.due(exchange);
        assertThat(exchange.getProperty(RunNotifications.DUE_PROPERTY, Boolean.class)).as("repeat after 60 min")
                .isTrue();
        JsonNode message = mapper.readTree(notifications.message(exchange));
        assertThat(message.path("repeatsHeldBack").asInt()).as("repeats held back").isEqualTo(2);
        assertThat(message.path("runId").asLong()).as("run id").isEqualTo(5);
        assertThat(meters.find("rothco.notifications.held.back").counter().count()).as("held-back metric")
                .isEqualTo(2.0);
    }

    @Test
    void warningsFollowSetting() {
        RunOutcome warnings = outcome(6, RunStatus.SUCCEEDED_WITH_WARNINGS, null);

        assertThat(due(notifications(60, true), warnings)).as("warnings notified").isTrue();
        assertThat(due(notifications(60, false), warnings)).as("warnings with on-warnings=false").isFalse();
        assertThat(due(notifications(60, true), outcome(7, RunStatus.SUCCEEDED, null))).as("success").isFalse();
    }

    @Test
    void zeroWindowSendsEveryRepeat() {
        RunNotifications notifications = notifications(0, true);

        assertThat(due(notifications, failed(1, ERROR))).as("first failure").isTrue();
        assertThat(due(notifications, failed(2, ERROR))).as("immediate repeat").isTrue();
    }

    private RunNotifications notifications(int windowMinutes, boolean warnings) {
        ObservabilitySettings settings = new ObservabilitySettings(List.of(ObservabilitySettings.DEFAULT_ENDPOINT),
                Duration.ofMinutes(windowMinutes), warnings, Duration.ofSeconds(60));
        return new RunNotifications(settings, mapper, clock, new RunMetrics(meters));
    }

    private boolean due(RunNotifications notifications, RunOutcome outcome) {
        Exchange exchange = exchange(outcome);
        notifications.due(exchange);
        return exchange.getProperty(RunNotifications.DUE_PROPERTY, Boolean.class);
    }

    private Exchange exchange(RunOutcome outcome) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(outcome);
        return exchange;
    }

    private RunOutcome failed(long runId, String error) {
        return outcome(runId, RunStatus.FAILED, error);
    }

    private RunOutcome outcome(long runId, RunStatus status, String error) {
        Instant now = clock.instant();
        return new RunOutcome(runId, "dealer", "get-inventory-primary", status, now.minusSeconds(3), now,
                RunTotals.ZERO, "Run " + runId + " of dealer get-inventory-primary " + status.value(), error);
    }

    /** A fixed clock that moves only when the test advances it. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
