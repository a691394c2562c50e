package com.dealerpool.rothco.fulfillment;

import org.apache.camel.Exchange;

import com.dealerpool.rothco.job.OperationRun;
import com.dealerpool.rothco.pool.JobLog;

/**
 * The rejected-orders dead letter channel: keeps each rejected FR in the {@code dead_letter}
 * table with its error and the order request (or, for an FR rejected before mapping, none).
 * The FR itself is already stored as rejected with the error text and code.
 */
public final class RejectedOrders {

    /** The {@code dead_letter.channel} of rejected FRs. */
    public static final String CHANNEL = "rejected-orders";

    private final JobLog jobLog;

    public RejectedOrders(JobLog jobLog) {
        this.jobLog = jobLog;
    }

    public void record(Exchange exchange) {
        OperationRun run = SendContext.run(exchange);
        FulfillmentRequest request = SendContext.request(exchange);
        String code = exchange.getProperty(SendContext.ERROR_CODE, String.class);
        String error = exchange.getProperty(SendContext.ERROR, String.class);
        jobLog.deadLetter(run.runId(), CHANNEL, run.sourceId(), request.frNumber(), "[" + code + "] " + error,
                exchange.getProperty(SendContext.ORDER_REQUEST, String.class));
    }
}
