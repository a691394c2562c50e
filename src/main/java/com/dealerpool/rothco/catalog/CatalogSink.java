package com.dealerpool.rothco.catalog;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.job.OperationRun;
import com.dealerpool.rothco.pool.CatalogWriter;
import com.dealerpool.rothco.pool.JobLog;
import com.dealerpool.rothco.pool.PageWriteResult;
import com.dealerpool.rothco.pool.VariantUpdate;

/**
 * The pool sink of Get Inventory (Primary): writes one mapped page in one transaction and
 * logs the run's progress.
 */
public final class CatalogSink {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogSink.class);

    /** Progress reaches the job log every 2 seconds; the stale-run check waits 10 minutes. */
    private static final long HEARTBEAT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final CatalogWriter writer;
    private final JobLog jobLog;

    public CatalogSink(CatalogWriter writer, JobLog jobLog) {
        this.writer = writer;
        this.jobLog = jobLog;
    }

    /** Writes the page and empties the message body, so a finished page holds no memory. */
    public void writePage(List<VariantUpdate> updates, Exchange exchange) {
        OperationRun run = exchange.getProperty(OperationRun.PROPERTY, OperationRun.class);
        int page = exchange.getProperty(CatalogPages.PAGE_PROPERTY, 0, Integer.class);
        Instant observedAt = exchange.getProperty(CatalogPages.OBSERVED_AT_PROPERTY, Instant.class);
        PageWriteResult result = writer.writePage(run.sourceId(), updates, observedAt, run.seenVariantIds());
        run.addPage(result.products(), result.created(), result.updated(), result.unchanged(), result.unarchived());
        int done = run.pageDone();
        if (run.heartbeatDue(HEARTBEAT_INTERVAL_NANOS)) {
            jobLog.heartbeat(run.runId(), done, run.totalPages());
        }
        LOG.info("Run {} of {} {}: page {} of {} written ({} done): created {}, updated {}, unchanged {}, un-archived {}",
                run.runId(), run.sourceId(), run.operation().slug(), page, run.totalPages(), done, result.created(),
                result.updated(), result.unchanged(), result.unarchived());
        exchange.getMessage().setBody(null);
    }
}
