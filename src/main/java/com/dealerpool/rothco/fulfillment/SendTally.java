package com.dealerpool.rothco.fulfillment;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of one Send Fulfillment Requests run, shared by the parallel FR exchanges of the run
 * in the exchange property {@value #PROPERTY}.
 */
public final class SendTally {

    /** Exchange property that carries the tally. */
    public static final String PROPERTY = "rothcoSendTally";

    private final LongAdder claimed = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder foundByLookup = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder invalid = new LongAdder();
    private final LongAdder held = new LongAdder();
    private final LongAdder unknown = new LongAdder();
    private final LongAdder lookupsFailed = new LongAdder();
    private final LongAdder routed = new LongAdder();
    private final LongAdder returned = new LongAdder();
    private volatile int passes;
    private volatile long settledBeforePass = -1;

    void addClaimed(int count) {
        claimed.add(count);
    }

    /**
     * Starts a batch. Returns false when the previous batch moved no FR on, because none was
     * accepted, rejected, held, routed or newly found to have lost its reply. That happens in an
     * outage or while PO lookups fail, and the run then stops claiming.
     */
    boolean startPass() {
        long settled = sent.sum() + rejected.sum() + invalid.sum() + held.sum() + routed.sum() + unknown.sum();
        boolean progress = settled > settledBeforePass;
        settledBeforePass = settled;
        passes++;
        return progress;
    }

    int passes() {
        return passes;
    }

    void sent() {
        sent.increment();
    }

    void foundByLookup() {
        foundByLookup.increment();
    }

    void rejected() {
        rejected.increment();
    }

    void invalid() {
        invalid.increment();
    }

    void held() {
        held.increment();
    }

    void unknown() {
        unknown.increment();
    }

    void lookupFailed() {
        lookupsFailed.increment();
    }

    void routed() {
        routed.increment();
    }

    void returned() {
        returned.increment();
    }

    /** Returns true when an FR of the run needs an operator's attention or a later run. */
    boolean hasWarnings() {
        return rejected.sum() + invalid.sum() + held.sum() + unknown.sum() + lookupsFailed.sum() + returned.sum() > 0;
    }

    /** Returns the counts as the run summary lists them. */
    String describe() {
        return "fulfillment requests claimed " + claimed.sum() + ", sent " + sent.sum() + " (found by PO lookup "
                + foundByLookup.sum() + "), rejected by Rothco " + rejected.sum() + ", rejected as invalid "
                + invalid.sum() + ", held " + held.sum() + ", reply lost " + unknown.sum() + ", PO lookups failed "
                + lookupsFailed.sum() + ", routed "
                + routed.sum() + ", returned to new " + returned.sum();
    }
}
