package com.dealerpool.rothco.fulfillment;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.pool.FulfillmentStore;

/**
 * Operator actions on fulfillment requests, shared by the JMX control and the command line.
 * Each returns a sentence that describes what happened, or why nothing changed and what to do.
 */
public final class FulfillmentActions {

    private static final Logger LOG = LoggerFactory.getLogger(FulfillmentActions.class);

    /** Maximum number of requests a list returns. */
    public static final int LIST_LIMIT = 500;

    private final FulfillmentStore store;

    /** Result of an action: whether the FR changed, and a sentence saying so or why not. */
    public record Result(boolean changed, String message) {
    }

    public FulfillmentActions(FulfillmentStore store) {
        this.store = store;
    }

    /**
     * Resubmits a rejected FR, under a new PO reference when one is given (such as FR12345-2,
     * needed after DUPLICATE_PO).
     */
    public Result resubmit(String frNumber, String newPoReference, String operator) {
        String po = newPoReference == null || newPoReference.isBlank() ? null : newPoReference.trim();
        if (store.resubmit(frNumber, po, operator)) {
            LOG.info("{} resubmitted fulfillment request {}{}", operator, frNumber, po == null ? "" : " as PO " + po);
            return new Result(true, "FR " + frNumber + " resubmitted" + (po == null ? "" : " as PO " + po)
                    + "; the next run sends it");
        }
        return notChanged(frNumber, "resubmitted", "only rejected FRs can be resubmitted");
    }

    /** Cancels an FR that was not sent (new, held or rejected). */
    public Result cancel(String frNumber, String operator) {
        if (store.cancel(frNumber, operator)) {
            LOG.info("{} cancelled fulfillment request {}", operator, frNumber);
            return new Result(true, "FR " + frNumber + " cancelled");
        }
        return notChanged(frNumber, "cancelled", "only FRs that were not sent (new, held or rejected) can be cancelled;"
                + " cancel a sent order with Rothco");
    }

    /** Releases a held FR, also one that waits under manual auto-processing. */
    public Result release(String frNumber, String operator) {
        if (store.release(frNumber, operator)) {
            LOG.info("{} released fulfillment request {}", operator, frNumber);
            return new Result(true, "FR " + frNumber + " released; the next run sends it");
        }
        return notChanged(frNumber, "released", "only held FRs can be released");
    }

    /**
     * Lists the FRs in a status, one line each.
     *
     * @throws IllegalArgumentException naming the status and the accepted ones
     */
    public List<String> list(String status) {
        FulfillmentStatus parsed = FulfillmentStatus.parse(status);
        return store.list(parsed, LIST_LIMIT).stream().map(FulfillmentActions::line).toList();
    }

    private static String line(FulfillmentStore.Summary summary) {
        StringBuilder line = new StringBuilder(summary.frNumber()).append(' ').append(summary.status())
                .append(" source=").append(summary.sourceId()).append(" po=").append(summary.poNumber());
        if (summary.orderNumber() != null) {
            line.append(" order=").append(summary.orderNumber());
        }
        if (summary.errorCode() != null) {
            line.append(" error=[").append(summary.errorCode()).append("] ").append(summary.errorText());
        }
        if (summary.holdReason() != null) {
            line.append(" held: ").append(summary.holdReason());
        }
        return line.toString();
    }

    private Result notChanged(String frNumber, String action, String rule) {
        return new Result(false, store.status(frNumber)
                .map(status -> "FR " + frNumber + " not " + action + ": it is " + status.value() + ", and " + rule)
                .orElse("FR " + frNumber + " not found in the pool; check the FR Number"));
    }
}
