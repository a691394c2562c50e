package com.dealerpool.rothco.fulfillment;

import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.hc.client5.http.ConnectTimeoutException;

import com.dealerpool.rothco.config.ConnectorSettings;
import com.dealerpool.rothco.job.OperationRun;
import com.dealerpool.rothco.rothco.ConnectionStatus;
import com.dealerpool.rothco.rothco.RothcoFailures;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads Rothco's replies to the order API and records the FR's outcome.
 * <p>
 * Whether a failed order request may have placed an order decides what happens next. A
 * request that never connected, an HTTP 429 and an HTTP 401 or 403 placed no order, so the FR
 * returns to new. Anything after the request left (a timeout, a dropped connection, HTTP 5xx,
 * an unreadable reply) leaves the FR unknown, and its PO is looked up before it is sent again.
 */
public final class OrderReplies {

    private final FulfillmentOutcomes outcomes;
    private final ConnectorSettings settings;
    private final ObjectMapper mapper;

    public OrderReplies(FulfillmentOutcomes outcomes, ConnectorSettings settings, ObjectMapper mapper) {
        this.outcomes = outcomes;
        this.settings = settings;
        this.mapper = mapper;
    }

    /** Reads the createOrder reply: an accepted order, or Rothco's rejection with its exact text and code. */
    public void createResult(String body, Exchange exchange) {
        Map<String, Object> reply = parse(body);
        if (reply == null) {
            outcomes.unknown(exchange, "the reply to createOrder is not valid JSON");
            return;
        }
        Map<String, Object> order = order(reply, "createOrder");
        if (order != null) {
            outcomes.accepted(exchange, text(order, "orderNumber"), text(order, "confirmationId"), false);
            return;
        }
        List<?> errors = reply.get("errors") instanceof List<?> list ? list : List.of();
        if (errors.isEmpty()) {
            outcomes.unknown(exchange, "the reply to createOrder has neither an order nor errors");
            return;
        }
        StringBuilder text = new StringBuilder();
        String code = null;
        for (Object error : errors) {
            if (!(error instanceof Map<?, ?> map)) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(map.get("message"));
            if (code == null && map.get("extensions") instanceof Map<?, ?> extensions && extensions.get("code") != null) {
                code = String.valueOf(extensions.get("code"));
            }
        }
        outcomes.rejected(exchange, RejectionKind.ofCode(code), code == null ? "UNKNOWN" : code, text.toString());
    }

    /**
     * Reads the orderByPo reply. An order found is recorded as sent; none found leaves the
     * outcome ready, so the FR is sent. A reply with errors counts as a failed lookup.
     */
    public void lookupResult(String body, Exchange exchange) {
        Map<String, Object> reply = parse(body);
        if (reply == null || reply.get("errors") instanceof List<?> errors && !errors.isEmpty()) {
            outcomes.lookupFailed(exchange, "the PO lookup failed: " + (reply == null ? "reply is not valid JSON"
                    : reply.get("errors")));
            return;
        }
        Map<String, Object> order = order(reply, "orderByPo");
        if (order != null) {
            outcomes.accepted(exchange, text(order, "orderNumber"), text(order, "confirmationId"), true);
        }
    }

    /** Records a PO lookup that failed after its retries: the FR stays unknown and is not sent. */
    public void lookupFailed(Exchange exchange) {
        outcomes.lookupFailed(exchange, "the PO lookup failed: " + failureMessage(exchange));
    }

    /** Records a createOrder request that failed; see the class comment for which way. */
    public void sendFailed(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String message = failureMessage(exchange);
        if (placedNoOrder(error)) {
            RothcoFailures.Failure failure = classify(exchange, error);
            if (failure.status() == ConnectionStatus.INVALID_KEY || failure.status() == ConnectionStatus.SANDBOX_KEY_ON_LIVE
                    || failure.status() == ConnectionStatus.LIVE_KEY_ON_SANDBOX) {
                SendContext.run(exchange).abort(failure.message());
            }
            outcomes.returned(exchange, message);
            return;
        }
        outcomes.unknown(exchange, message);
    }

    /** Returns true when the failure shows that Rothco placed no order. */
    static boolean placedNoOrder(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException) {
                return true;
            }
            if (cause instanceof HttpOperationFailedException http) {
                int status = http.getStatusCode();
                return status == 401 || status == 403 || status == 429;
            }
        }
        return false;
    }

    private String failureMessage(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return error == null ? "unknown error" : classify(exchange, error).message();
    }

    private RothcoFailures.Failure classify(Exchange exchange, Throwable error) {
        OperationRun run = SendContext.run(exchange);
        return RothcoFailures.classify(error, run.sourceId(), settings.source(run.sourceId()).apiKey());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parse(String body) {
        try {
            return body == null ? null : mapper.readValue(body, Map.class);
        } catch (IOException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> order(Map<String, Object> reply, String field) {
        if (reply.get("data") instanceof Map<?, ?> data && data.get(field) instanceof Map<?, ?> order) {
            return (Map<String, Object>) order;
        }
        return null;
    }

    private static String text(Map<String, Object> order, String field) {
        Object value = order.get(field);
        return value == null ? null : value.toString();
    }
}
