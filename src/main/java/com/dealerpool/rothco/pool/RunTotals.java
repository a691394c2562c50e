package com.dealerpool.rothco.pool;

/** Counts of a finished run, stored in the {@code job_run} row. */
public record RunTotals(int pagesTotal, int pagesDone, int pagesSkipped, long products, long variantsCreated,
        long variantsUpdated, long variantsUnchanged, long variantsArchived, long variantsUnarchived,
        long variantsUnknown, long recordsRejected) {

    public static final RunTotals ZERO = new RunTotals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
