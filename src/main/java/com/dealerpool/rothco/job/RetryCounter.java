package com.dealerpool.rothco.job;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Counts each retry of a Rothco request on its run, so the run's summary shows how often
 * Rothco needed a second attempt. Route configurations use it as {@code onRedeliveryRef}.
 */
public final class RetryCounter implements Processor {

    @Override
    public void process(Exchange exchange) {
        OperationRun run = exchange.getProperty(OperationRun.PROPERTY, OperationRun.class);
        if (run != null) {
            run.recordRetry();
        }
    }
}
