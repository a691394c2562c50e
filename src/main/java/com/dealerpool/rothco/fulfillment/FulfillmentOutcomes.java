package com.dealerpool.rothco.fulfillment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.config.FulfillmentSettings;
import com.dealerpool.rothco.config.SendSettings;
import com.dealerpool.rothco.fulfillment.SendContext.Outcome;
import com.dealerpool.rothco.job.OperationRun;
import com.dealerpool.rothco.pool.FulfillmentStore;
import com.dealerpool.rothco.pool.JobLog;

/**
 * Records what happened to one FR: the status in the pool, an event in the job log, a log
 * line, the run's tally and the outcome property the route reads. A store update that finds
 * the claim lost (another runtime took the FR over after the lease ran out) records nothing
 * else and sets the outcome claim-lost.
 */
public final class FulfillmentOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(FulfillmentOutcomes.class);

    private final FulfillmentStore store;
    private final JobLog jobLog;
    private final FulfillmentSettings settings;
    private final String nodeName;

    public FulfillmentOutcomes(FulfillmentStore store, JobLog jobLog, FulfillmentSettings settings, String nodeName) {
        this.store = store;
        this.jobLog = jobLog;
        this.settings = settings;
        this.nodeName = nodeName;
    }

    String owner(Exchange exchange) {
        return SendContext.owner(nodeName, SendContext.run(exchange));
    }

    FulfillmentStore store() {
        return store;
    }

    SendSettings sendSettings(String sourceId) {
        return settings.source(sourceId);
    }

    /** Records an order Rothco accepted, or one the PO lookup found after a lost reply. */
    void accepted(Exchange exchange, String orderNumber, String confirmationId, boolean foundByLookup) {
        FulfillmentRequest request = SendContext.request(exchange);
        OperationRun run = SendContext.run(exchange);
        FulfillmentStatus status = sendSettings(run.sourceId()).useAckProcess() ? FulfillmentStatus.SENT
                : FulfillmentStatus.ACKNOWLEDGED;
        String how = foundByLookup ? "found at Rothco by PO lookup after a lost reply" : "accepted by Rothco";
        if (!store.markAccepted(request.id(), owner(exchange), status, orderNumber, confirmationId,
                how + " as order " + orderNumber)) {
            claimLost(exchange);
            return;
        }
        SendTally tally = SendContext.tally(exchange);
        tally.sent();
        if (foundByLookup) {
            tally.foundByLookup();
        }
        String message = "FR " + request.frNumber() + " (PO " + request.poNumber() + ") " + how + " as order "
                + orderNumber + " (confirmation " + confirmationId + "); status " + status.value();
        LOG.info("Run {} of {}: {}", run.runId(), run.sourceId(), message);
        jobLog.event(run.runId(), "INFO", "fr_sent", null, null, message);
        SendContext.outcome(exchange, Outcome.ACCEPTED);
    }

    /**
     * Records a rejection. A restricted or hazmat-restricted item moves the FR to the next
     * source of its routing group that has not tried it yet. Otherwise the FR is rejected, and
     * the route hands it to the rejected-orders dead letter channel.
     *
     * @param kind  what kind of rejection, for the resolution text
     * @param code  Rothco's {@code extensions.code}, or the connector's for local rejections
     * @param text  Rothco's exact message, or every local problem
     */
    void rejected(Exchange exchange, RejectionKind kind, String code, String text) {
        FulfillmentRequest request = SendContext.request(exchange);
        OperationRun run = SendContext.run(exchange);
        if (kind.routable()) {
            List<String> tried = new ArrayList<>(request.triedSources());
            tried.add(run.sourceId());
            String next = settings.groupMembersAfter(run.sourceId()).stream().filter(id -> !tried.contains(id))
                    .findFirst().orElse(null);
            if (next != null) {
                if (!store.route(request.id(), owner(exchange), next, tried, code, text)) {
                    claimLost(exchange);
                    return;
                }
                SendContext.tally(exchange).routed();
                String message = "FR " + request.frNumber() + " rejected by source " + run.sourceId() + " (" + code
                        + ": " + text + "); routed to source " + next + " of routing group "
                        + sendSettings(run.sourceId()).routingGroup();
                LOG.warn("Run {} of {}: {}", run.runId(), run.sourceId(), message);
                jobLog.event(run.runId(), "WARN", "fr_routed", null, null, message);
                SendContext.outcome(exchange, Outcome.ROUTED);
                return;
            }
        }
        if (!store.markRejected(request.id(), owner(exchange), code, text)) {
            claimLost(exchange);
            return;
        }
        SendTally tally = SendContext.tally(exchange);
        if (kind == RejectionKind.INVALID_REQUEST) {
            tally.invalid();
        } else {
            tally.rejected();
        }
        run.recordRejected();
        String message = "FR " + request.frNumber() + " (PO " + request.poNumber() + ") rejected, " + kind.label()
                + " [" + code + "]: " + text + " To resolve: " + kind.resolution();
        LOG.warn("Run {} of {}: {}", run.runId(), run.sourceId(), message);
        jobLog.event(run.runId(), "WARN", "fr_rejected", null, null, message);
        exchange.setProperty(SendContext.ERROR, text);
        exchange.setProperty(SendContext.ERROR_CODE, code);
        exchange.setProperty(RejectionKind.PROPERTY, kind);
        SendContext.outcome(exchange, Outcome.REJECTED);
    }

    /** Holds the FR with a reason an operator can read. */
    void held(Exchange exchange, String reason) {
        FulfillmentRequest request = SendContext.request(exchange);
        OperationRun run = SendContext.run(exchange);
        if (!store.hold(request.id(), owner(exchange), reason)) {
            claimLost(exchange);
            return;
        }
        SendContext.tally(exchange).held();
        String message = "FR " + request.frNumber() + " held: " + reason;
        LOG.warn("Run {} of {}: {}", run.runId(), run.sourceId(), message);
        jobLog.event(run.runId(), "WARN", "fr_held", null, null, message);
        SendContext.outcome(exchange, Outcome.HELD);
    }

    /** Records an order request whose reply was lost; the PO is looked up before any resend. */
    void unknown(Exchange exchange, String error) {
        stayUnknown(exchange, error, false);
    }

    /** Records a failed PO lookup: the FR stays unknown and is looked up again later. */
    void lookupFailed(Exchange exchange, String error) {
        stayUnknown(exchange, error, true);
    }

    private void stayUnknown(Exchange exchange, String error, boolean lookupFailed) {
        FulfillmentRequest request = SendContext.request(exchange);
        OperationRun run = SendContext.run(exchange);
        Instant retryAt = Instant.now().plus(Duration.ofSeconds(sendSettings(run.sourceId()).unknownRetrySeconds()));
        if (!store.markUnknown(request.id(), owner(exchange), error, retryAt)) {
            claimLost(exchange);
            return;
        }
        if (lookupFailed) {
            SendContext.tally(exchange).lookupFailed();
        } else {
            SendContext.tally(exchange).unknown();
        }
        String message = "FR " + request.frNumber() + " (PO " + request.poNumber() + "): "
                + (lookupFailed ? error : "the order request left but its reply was lost (" + error + ")")
                + "; the PO is looked up at Rothco from " + retryAt + " before the FR is sent again";
        LOG.warn("Run {} of {}: {}", run.runId(), run.sourceId(), message);
        jobLog.event(run.runId(), "WARN", "fr_unknown", null, null, message);
        SendContext.outcome(exchange, Outcome.UNKNOWN);
    }

    /** Returns an FR that Rothco did not process (not connected, rate limited, key refused) to new. */
    void returned(Exchange exchange, String reason) {
        FulfillmentRequest request = SendContext.request(exchange);
        OperationRun run = SendContext.run(exchange);
        Instant retryAt = Instant.now().plus(Duration.ofSeconds(sendSettings(run.sourceId()).unknownRetrySeconds()));
        if (!store.returnToNew(request.id(), owner(exchange), "not processed by Rothco: " + reason, retryAt)) {
            claimLost(exchange);
            return;
        }
        SendContext.tally(exchange).returned();
        String message = "FR " + request.frNumber() + " was not processed by Rothco and waits for the next run: "
                + reason;
        LOG.warn("Run {} of {}: {}", run.runId(), run.sourceId(), message);
        jobLog.event(run.runId(), "WARN", "fr_returned", null, null, message);
        SendContext.outcome(exchange, Outcome.RETURNED);
    }

    void claimLost(Exchange exchange) {
        FulfillmentRequest request = SendContext.request(exchange);
        OperationRun run = SendContext.run(exchange);
        String message = "FR " + request.frNumber() + " was taken over by another runtime after this run's lease"
                + " ran out; this run leaves it alone";
        LOG.warn("Run {} of {}: {}", run.runId(), run.sourceId(), message);
        jobLog.event(run.runId(), "WARN", "fr_claim_lost", null, null, message);
        SendContext.outcome(exchange, Outcome.CLAIM_LOST);
    }
}
