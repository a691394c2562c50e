package com.dealerpool.rothco.tracking;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.slf4j.Logger;

import com.dealerpool.rothco.job.JobRuns;
import com.dealerpool.rothco.job.OperationRun;
import com.dealerpool.rothco.job.RunOutcome;
import com.dealerpool.rothco.pool.JobLog;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Exchange properties shared by the steps of Get FR Acknowledgments and Get Shipments, and their job log output. */
final class TrackingContext {

    private TrackingContext() {
    }

    static OperationRun run(Exchange exchange) {
        return exchange.getProperty(OperationRun.PROPERTY, OperationRun.class);
    }

    static TrackingTally tally(Exchange exchange) {
        return exchange.getProperty(TrackingTally.PROPERTY, TrackingTally.class);
    }

    /** Ends the run with the tally's counts; warnings on the tally or the run end it with warnings. */
    static RunOutcome finish(JobRuns jobRuns, Exchange exchange) {
        TrackingTally tally = tally(exchange);
        OperationRun run = run(exchange);
        return jobRuns.finish(run, tally.describe(), tally.hasWarnings() || run.otherWarnings() > 0);
    }

    /**
     * Parses a Rothco reply.
     *
     * @param replyName names the reply in error messages, such as "shipments page 2"
     * @throws IllegalStateException when the reply is not JSON or carries GraphQL errors
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> readReply(ObjectMapper mapper, String body, String replyName) {
        Map<String, Object> reply;
        try {
            reply = mapper.readValue(body, Map.class);
        } catch (IOException e) {
            throw new IllegalStateException("Rothco's " + replyName + " reply is not valid JSON: " + e.getMessage(), e);
        }
        if (reply.get("errors") instanceof List<?> errors && !errors.isEmpty()) {
            throw new IllegalStateException("Rothco returned errors for the " + replyName + " request: " + errors);
        }
        return reply.get("data") instanceof Map<?, ?> data ? (Map<String, Object>) data : Map.of();
    }

    /** Sums mapped items per SKU; a template's number fields arrive as BigDecimal. */
    static Map<String, Integer> quantitiesBySku(List<Map<String, Object>> items, String skuField,
            String quantityField) {
        Map<String, Integer> bySku = new LinkedHashMap<>();
        for (Map<String, Object> item : items) {
            Object quantity = item.get(quantityField);
            int value = quantity instanceof BigDecimal number ? number.intValue() : ((Number) quantity).intValue();
            bySku.merge(String.valueOf(item.get(skuField)), value, Integer::sum);
        }
        return bySku;
    }

    /** Logs an INFO line and writes a job event. */
    static void info(Logger log, JobLog jobLog, OperationRun run, String kind, String message) {
        log.info("Run {} of {} {}: {}", run.runId(), run.sourceId(), run.operation().slug(), message);
        jobLog.event(run.runId(), "INFO", kind, null, null, message);
    }

    /** Logs a WARN line, writes a job event and counts the warning on the run's tally. */
    static void warn(Logger log, JobLog jobLog, Exchange exchange, String kind, String sku, String message) {
        OperationRun run = run(exchange);
        log.warn("Run {} of {} {}: {}", run.runId(), run.sourceId(), run.operation().slug(), message);
        jobLog.event(run.runId(), "WARN", kind, null, sku, message);
        tally(exchange).warning();
    }
}
