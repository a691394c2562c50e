package com.dealerpool.rothco.job;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.slf4j.MDC;

/**
 * The log context of a run: the exchange properties {@value #SOURCE}, {@value #OPERATION} and
 * {@value #RUN_ID}, which {@link RunMdcInterceptStrategy} copies into the SLF4J MDC around every
 * processor. The same names are the MDC keys.
 */
public final class RunLogContext implements AutoCloseable {

    public static final String SOURCE = "source";
    public static final String OPERATION = "operation";
    public static final String RUN_ID = "runId";

    private final Map<String, String> previous = new LinkedHashMap<>();

    private RunLogContext(Map<String, String> values) {
        values.forEach((key, value) -> {
            previous.put(key, MDC.get(key));
            MDC.put(key, value);
        });
    }

    /**
     * Stores a run's ids on the exchange and puts them in the MDC of the current thread until
     * the returned context is closed. The processor that stores them needs this, because the
     * intercept strategy filled the MDC before the properties existed.
     */
    public static RunLogContext enter(Exchange exchange, String sourceId, String operation, long runId) {
        exchange.setProperty(SOURCE, sourceId);
        exchange.setProperty(OPERATION, operation);
        exchange.setProperty(RUN_ID, String.valueOf(runId));
        return new RunLogContext(Map.of(SOURCE, sourceId, OPERATION, operation, RUN_ID, String.valueOf(runId)));
    }

    /** Restores the MDC values the keys had before, so no run's ids outlive the processor. */
    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }
}
