package com.dealerpool.rothco.job;

import java.time.Instant;

import com.dealerpool.rothco.pool.RunTotals;

/** How a finished run ended: what the job log stores, kept in memory for status and JMX. */
public record RunOutcome(long runId, String sourceId, String operation, RunStatus status, Instant startedAt,
        Instant endedAt, RunTotals totals, String summary, String error) {

    /** Returns the summary followed by the run's error, if it has one, so the one line gives the reason. */
    public String summaryWithError() {
        return error == null ? summary : summary + "; error: " + error;
    }
}
