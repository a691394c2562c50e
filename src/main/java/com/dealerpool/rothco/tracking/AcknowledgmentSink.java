package com.dealerpool.rothco.tracking;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.config.OrderTrackingSettings;
import com.dealerpool.rothco.fulfillment.FulfillmentStatus;
import com.dealerpool.rothco.job.OperationRun;
import com.dealerpool.rothco.pool.JobLog;
import com.dealerpool.rothco.pool.OrderTrackingStore;
import com.dealerpool.rothco.pool.OrderTrackingStore.AckCandidate;
import com.dealerpool.rothco.pool.OrderTrackingStore.AckResult;

/**
 * The sink of Get FR Acknowledgments: applies one mapped acknowledgment to its FR in the pool
 * and writes what changed to the job log. Confirmed, Fully Shipped and Closed acknowledge the
 * FR, Cancelled cancels it, and Open, Hold and Partially Shipped change nothing; see
 * {@link OrderTrackingStore#applyAcknowledgment}.
 */
public final class AcknowledgmentSink {

    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgmentSink.class);

    private final OrderTrackingStore store;
    private final OrderTrackingSettings settings;
    private final JobLog jobLog;
    private final AcknowledgmentSteps steps;

    public AcknowledgmentSink(OrderTrackingStore store, OrderTrackingSettings settings, JobLog jobLog,
            AcknowledgmentSteps steps) {
        this.store = store;
        this.settings = settings;
        this.jobLog = jobLog;
        this.steps = steps;
    }

    /** Applies the acknowledgment in the body to the FR that the exchange works on. */
    public void apply(Acknowledgment ack, Exchange exchange) {
        AckCandidate candidate = exchange.getProperty(AcknowledgmentSteps.CANDIDATE_PROPERTY, AckCandidate.class);
        OperationRun run = TrackingContext.run(exchange);
        TrackingTally tally = TrackingContext.tally(exchange);
        String owner = steps.owner(run);
        String fr = "FR " + candidate.frNumber() + " (PO " + candidate.poNumber() + ", order "
                + candidate.orderNumber() + ")";
        if (ack.orderStatus() == null) {
            store.releaseAcknowledgmentClaim(candidate.id(), owner);
            tally.add("unchanged");
            TrackingContext.warn(LOG, jobLog, exchange, "ack_order_not_found", null, fr
                    + ": Rothco has no order for the PO; check the order with Rothco");
            return;
        }
        if (!matchesCandidate(ack, candidate)) {
            store.releaseAcknowledgmentClaim(candidate.id(), owner);
            tally.add("unchanged");
            String owning = store.frNumberOf(run.sourceId(), ack.frNumber());
            TrackingContext.warn(LOG, jobLog, exchange, "ack_unknown_po", null, "Invoice PO " + ack.frNumber()
                    + ", read for " + fr + ", " + (owning == null ? "matches no FR"
                            : "belongs to FR " + owning) + "; check that the FR Number field of template "
                    + settings.acknowledgments(run.sourceId()).template() + " maps the invoice's PO number");
            return;
        }

        boolean cancelUnacknowledged = settings.acknowledgments(run.sourceId()).cancelUnacknowledgedItems();
        AckResult result = store.applyAcknowledgment(new OrderTrackingStore.AckUpdate(candidate.id(), owner,
                ack.orderStatus(), ack.invoiceNumber(), ack.acknowledgedBySku(), cancelUnacknowledged));
        if (result.claimLost()) {
            tally.add("unchanged");
            TrackingContext.warn(LOG, jobLog, exchange, "ack_claim_lost", null, fr + " was taken over by another"
                    + " runtime after this run's lease ran out; this run leaves it alone");
            return;
        }

        if (!result.differences().isEmpty()) {
            TrackingContext.warn(LOG, jobLog, exchange, "ack_quantity_mismatch", null, fr + ": Rothco acknowledged"
                    + " other quantities than the FR ordered: " + String.join("; ", result.differences())
                    + (cancelUnacknowledged ? "; the quantities left out are cancelled on the FR"
                            : "; the FR keeps its quantities (cancel-unacknowledged-items is off)"));
        }
        if (result.cancelledUnits() > 0 && result.to() != FulfillmentStatus.CANCELLED) {
            TrackingContext.info(LOG, jobLog, run, "ack_items_cancelled", fr + ": cancelled " + result.cancelledUnits()
                    + " unit(s) that Rothco's acknowledgment left out");
        }
        if (result.to() == null) {
            tally.add("unchanged");
            LOG.debug("Run {} of {}: {} stays {} at Rothco status {}", run.runId(), run.sourceId(), fr,
                    result.from().value(), ack.orderStatus());
            return;
        }
        tally.add(result.to() == FulfillmentStatus.CANCELLED ? "cancelled"
                : result.to() == FulfillmentStatus.ACKNOWLEDGED ? "acknowledged" : "unchanged");
        TrackingContext.info(LOG, jobLog, run, result.to() == FulfillmentStatus.CANCELLED ? "fr_cancelled"
                : "fr_acknowledged", fr + " is now " + result.to().value() + " (was " + result.from().value()
                        + "); Rothco order status " + ack.orderStatus()
                        + (ack.invoiceNumber() == null ? "" : ", invoice " + ack.invoiceNumber()));
    }

    private static boolean matchesCandidate(Acknowledgment ack, AckCandidate candidate) {
        return ack.frNumber() == null || ack.frNumber().equals(candidate.frNumber())
                || ack.frNumber().equals(candidate.poNumber());
    }
}
