package com.dealerpool.rothco.pool;

import java.time.Instant;

/**
 * One row of {@code job_run}: a run of an operation for a source.
 *
 * @param status    running, succeeded, succeeded_with_warnings or failed
 * @param endedAt   null while the run is running
 */
public record RunRecord(long id, String sourceId, String operation, String trigger, String status,
        Instant startedAt, Instant endedAt, Instant heartbeatAt, String nodeName, int pagesTotal, int pagesDone,
        int pagesSkipped, long products, long variantsCreated, long variantsUpdated, long variantsUnchanged,
        long variantsArchived, long variantsUnarchived, long variantsUnknown, long recordsRejected,
        String archiveNote, String summary, String errorMessage) {

    /** Returns the run's counts as one value. */
    public RunTotals totals() {
        return new RunTotals(pagesTotal, pagesDone, pagesSkipped, products, variantsCreated, variantsUpdated,
                variantsUnchanged, variantsArchived, variantsUnarchived, variantsUnknown, recordsRejected);
    }

    public boolean running() {
        return JobLog.STATUS_RUNNING.equals(status);
    }
}
