package com.dealerpool.rothco.job;

/**
 * Receives the outcome of every run that ends, after the job log recorded it. Metrics and
 * run notifications listen this way, so every operation reports through the same point.
 */
@FunctionalInterface
public interface RunListener {

    /**
     * Handles a run's outcome. An exception is logged by the caller and never changes the
     * run's status.
     */
    void runEnded(RunOutcome outcome);
}
