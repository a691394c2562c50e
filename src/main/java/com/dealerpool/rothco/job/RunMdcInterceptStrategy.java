package com.dealerpool.rothco.job;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.slf4j.MDC;

/**
 * Puts the run's ids ({@link RunLogContext}) into the SLF4J MDC around every processor of every
 * route, on whichever thread runs it, and restores the thread's previous values once the
 * processor returns. Split exchanges inherit the exchange properties, so the lines of parallel
 * page threads carry the ids too, and so do lines of Camel's log EIP.
 *
 * <p>Camel's own MDC service (camel-mdc 4.18) restores a thread's MDC only in the processor's
 * completion callback. After an asynchronous step, such as a parallel split, that callback runs
 * on a pool thread, so the calling thread kept the run's ids on later, unrelated log lines.
 *
 * <p>NOTE: Camel's error handler wraps the processors from outside, so its retry lines
 * ("Failed delivery ... On delivery attempt") carry no run ids.
 */
public final class RunMdcInterceptStrategy implements InterceptStrategy {

    private static final String[] KEYS = {RunLogContext.SOURCE, RunLogContext.OPERATION, RunLogContext.RUN_ID};

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
            Processor nextTarget) {
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                Map<String, String> previous = new HashMap<>();
                for (String key : KEYS) {
                    String value = exchange.getProperty(key, String.class);
                    if (value != null) {
                        previous.put(key, MDC.get(key));
                        MDC.put(key, value);
                    }
                }
                try {
                    return processor.process(exchange, callback);
                } finally {
                    previous.forEach((key, value) -> {
                        if (value == null) {
                            MDC.remove(key);
                        } else {
                            MDC.put(key, value);
                        }
                    });
                }
            }
        };
    }
}
