package com.dealerpool.rothco.fulfillment;

import org.apache.camel.Exchange;

import com.dealerpool.rothco.job.OperationRun;

/**
 * The exchange properties that the steps of one FR read and set, in one place. The route's
 * filters read {@value #OUTCOME} to decide whether the FR goes on.
 */
final class SendContext {

    /** The FR being processed. */
    static final String REQUEST = "rothcoFr";
    /** State of the FR so far: ready, or an {@link Outcome} value. */
    static final String OUTCOME = "rothcoFrOutcome";
    /** Whether the PO must be looked up at Rothco before the FR may be sent. */
    static final String LOOKUP_FIRST = "rothcoFrLookupFirst";
    /** The error text and code of a rejected FR, for the dead letter channel. */
    static final String ERROR = "rothcoFrError";
    static final String ERROR_CODE = "rothcoFrErrorCode";
    /** The order request body, kept for the dead letter channel. */
    static final String ORDER_REQUEST = "rothcoOrderRequest";

    /** Values of {@value #OUTCOME}. */
    enum Outcome {
        READY, ACCEPTED, REJECTED, ROUTED, HELD, UNKNOWN, RETURNED, CLAIM_LOST;

        String value() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private SendContext() {
    }

    static OperationRun run(Exchange exchange) {
        return exchange.getProperty(OperationRun.PROPERTY, OperationRun.class);
    }

    static SendTally tally(Exchange exchange) {
        return exchange.getProperty(SendTally.PROPERTY, SendTally.class);
    }

    static FulfillmentRequest request(Exchange exchange) {
        return exchange.getProperty(REQUEST, FulfillmentRequest.class);
    }

    static void outcome(Exchange exchange, Outcome outcome) {
        exchange.setProperty(OUTCOME, outcome.value());
    }

    /** Returns the claim owner of a run: the node name and the run id, unique across runtimes on one pool. */
    static String owner(String nodeName, OperationRun run) {
        return run.ownerOn(nodeName);
    }
}
