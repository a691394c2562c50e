package com.dealerpool.rothco.observe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.config.ObservabilitySettings;
import com.dealerpool.rothco.job.RunLogContext;
import com.dealerpool.rothco.job.RunOutcome;
import com.dealerpool.rothco.job.RunStatus;
import com.dealerpool.rothco.pool.RunTotals;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The steps of the run notifications route (routes/rothco-notifications.camel.yaml): decides
 * whether a run's outcome is due for a notification, formats it as JSON and names the
 * endpoints to send it to.
 *
 * <p>Repeats are throttled per source, operation, status and error text: after a notification,
 * the same combination sends nothing again until the repeat window has passed. The repeats it
 * held back are logged at debug, counted in a metric and reported in the next notification of
 * the combination. The throttle state lives in memory, so a restart sends the next repeat.
 */
public final class RunNotifications {

    /** Exchange property set by {@link #due(Exchange)}: whether the notification is sent. */
    public static final String DUE_PROPERTY = "rothcoNotificationDue";

    private static final Logger LOG = LoggerFactory.getLogger(RunNotifications.class);

    private final ObservabilitySettings settings;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final RunMetrics metrics;
    private final Map<RepeatKey, Sent> lastSent = new HashMap<>();

    private record RepeatKey(String sourceId, String operation, RunStatus status, String error) {
    }

    /** The last notification of a key and the repeats held back since then. */
    private static final class Sent {
        private final Instant at;
        private final long runId;
        private int repeatsHeldBack;

        private Sent(Instant at, long runId) {
            this.at = at;
            this.runId = runId;
        }
    }

    public RunNotifications(ObservabilitySettings settings, ObjectMapper mapper, Clock clock, RunMetrics metrics) {
        this.settings = settings;
        this.mapper = mapper;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Returns whether an outcome of this status gets a notification at all, before throttling. */
    public boolean notifies(RunOutcome outcome) {
        return outcome.status() == RunStatus.FAILED
                || outcome.status() == RunStatus.SUCCEEDED_WITH_WARNINGS && settings.notifyWarnings();
    }

    /**
     * Sets {@link #DUE_PROPERTY} to whether the outcome in the body is sent: false for a status
     * without notifications and for a repeat within the window.
     */
    public void due(Exchange exchange) {
        RunOutcome outcome = exchange.getMessage().getBody(RunOutcome.class);
        try (RunLogContext context = RunLogContext.enter(exchange, outcome.sourceId(), outcome.operation(),
                outcome.runId())) {
            exchange.setProperty(DUE_PROPERTY, notifies(outcome) && takeTurn(outcome, exchange));
        }
    }

    private synchronized boolean takeTurn(RunOutcome outcome, Exchange exchange) {
        RepeatKey key = new RepeatKey(outcome.sourceId(), outcome.operation(), outcome.status(),
                Objects.requireNonNullElse(outcome.error(), ""));
        Instant now = clock.instant();
        Sent previous = lastSent.get(key);
        Duration window = settings.repeatWindow();
        if (previous != null && !window.isZero() && now.isBefore(previous.at.plus(window))) {
            previous.repeatsHeldBack++;
            metrics.notificationHeldBack(outcome);
            LOG.debug("No notification for run {} of {} {}: it repeats run {} notified at {} ({} repeats held back"
                    + " within the {} min window)", outcome.runId(), outcome.sourceId(), outcome.operation(),
                    previous.runId, previous.at, previous.repeatsHeldBack, window.toMinutes());
            return false;
        }
        lastSent.put(key, new Sent(now, outcome.runId()));
        exchange.setProperty("rothcoNotificationRepeats", previous == null ? 0 : previous.repeatsHeldBack);
        return true;
    }

    /** Returns the notification of the outcome in the body as one line of JSON. */
    public String message(Exchange exchange) throws JsonProcessingException {
        RunOutcome outcome = exchange.getMessage().getBody(RunOutcome.class);
        ObjectNode json = mapper.createObjectNode();
        json.put("source", outcome.sourceId());
        json.put("operation", outcome.operation());
        json.put("runId", outcome.runId());
        json.put("status", outcome.status().value());
        json.put("startedAt", outcome.startedAt().toString());
        json.put("endedAt", outcome.endedAt().toString());
        if (outcome.error() == null) {
            json.putNull("error");
        } else {
            json.put("error", outcome.error());
        }
        json.put("summary", outcome.summary());
        RunTotals totals = outcome.totals();
        ObjectNode counts = json.putObject("counts");
        counts.put("pagesTotal", totals.pagesTotal());
        counts.put("pagesDone", totals.pagesDone());
        counts.put("pagesSkipped", totals.pagesSkipped());
        counts.put("products", totals.products());
        counts.put("variantsCreated", totals.variantsCreated());
        counts.put("variantsUpdated", totals.variantsUpdated());
        counts.put("variantsUnchanged", totals.variantsUnchanged());
        counts.put("variantsArchived", totals.variantsArchived());
        counts.put("variantsUnarchived", totals.variantsUnarchived());
        counts.put("variantsUnknown", totals.variantsUnknown());
        counts.put("recordsRejected", totals.recordsRejected());
        json.put("repeatsHeldBack", exchange.getProperty("rothcoNotificationRepeats", 0, Integer.class));
        return mapper.writeValueAsString(json);
    }

    /** Returns a one-line subject for mail endpoints, such as "Rothco dealer get-inventory-primary run 7 failed". */
    public String subject(Exchange exchange) {
        RunOutcome outcome = exchange.getMessage().getBody(RunOutcome.class);
        return "Rothco " + outcome.sourceId() + " " + outcome.operation() + " run " + outcome.runId() + " "
                + outcome.status().value().replace('_', ' ');
    }

    /** Returns the number of endpoints in rothco.notifications.endpoints, for the route's loop. */
    public int endpointCount() {
        return settings.notificationEndpoints().size();
    }

    /** Returns the endpoint URI at an index of rothco.notifications.endpoints, counted from 0. */
    public String endpoint(int index) {
        return settings.notificationEndpoints().get(index);
    }
}
