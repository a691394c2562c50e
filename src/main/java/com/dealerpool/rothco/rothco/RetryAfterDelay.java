package com.dealerpool.rothco.rothco;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Sets the next redelivery delay from Rothco's Retry-After header when a call failed with
 * HTTP 429. Camel's redelivery error handler reads {@link Exchange#REDELIVERY_DELAY} in place
 * of the policy's computed delay. Route configurations use it as {@code onExceptionOccurredRef}.
 */
public final class RetryAfterDelay implements Processor {

    @Override
    public void process(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        long delay = RothcoFailures.retryAfterMillis(error);
        if (delay >= 0) {
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, delay);
        } else {
            exchange.getMessage().removeHeader(Exchange.REDELIVERY_DELAY);
        }
    }
}
