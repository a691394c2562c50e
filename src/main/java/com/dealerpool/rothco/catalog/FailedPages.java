package com.dealerpool.rothco.catalog;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.config.ConnectorSettings;
import com.dealerpool.rothco.job.OperationRun;
import com.dealerpool.rothco.pool.JobLog;
import com.dealerpool.rothco.rothco.ConnectionStatus;
import com.dealerpool.rothco.rothco.RothcoFailures;

/**
 * The dead letter channel of catalog and inventory pages: records a page that still failed
 * after its retries in the job log and the dead letter table, and lets the run go on. An
 * authentication failure stops the run at once, and so does one failed page more than the
 * source's limit.
 */
public final class FailedPages {

    /** Exchange property with the request body, kept for the dead letter. */
    public static final String REQUEST_PROPERTY = "rothcoRequest";

    private static final Logger LOG = LoggerFactory.getLogger(FailedPages.class);

    private final JobLog jobLog;
    private final ConnectorSettings settings;

    public FailedPages(JobLog jobLog, ConnectorSettings settings) {
        this.jobLog = jobLog;
        this.settings = settings;
    }

    public void record(Exchange exchange) {
        OperationRun run = exchange.getProperty(OperationRun.PROPERTY, OperationRun.class);
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int page = exchange.getProperty(CatalogPages.PAGE_PROPERTY, 0, Integer.class);
        String sourceId = run.sourceId();
        RothcoFailures.Failure failure = RothcoFailures.classify(error, sourceId, settings.source(sourceId).apiKey());

        if (failure.status() == ConnectionStatus.INVALID_KEY || failure.status() == ConnectionStatus.SANDBOX_KEY_ON_LIVE
                || failure.status() == ConnectionStatus.LIVE_KEY_ON_SANDBOX) {
            run.abort(failure.message());
            jobLog.event(run.runId(), "ERROR", "authentication_failed", page, null, failure.message());
            LOG.error("Run {} of {} {}: {}", run.runId(), sourceId, run.operation().slug(), failure.message());
            exchange.getMessage().setBody(null);
            return;
        }

        PagedFeed feed = PagedFeed.of(run.operation());
        int skipped = run.pageSkipped();
        String message = feed.describe(page) + " skipped after its retries: " + failure.message();
        LOG.warn("Run {} of {} {}: {}", run.runId(), sourceId, run.operation().slug(), message);
        jobLog.event(run.runId(), "WARN", "page_failed", page, null, message);
        jobLog.deadLetter(run.runId(), feed.deadLetterChannel(), sourceId, "page " + page, failure.message(),
                exchange.getProperty(REQUEST_PROPERTY, String.class));
        if (skipped > run.maxFailedPages()) {
            String reason = skipped + " " + feed.queryField() + " pages failed, more than the limit of "
                    + run.maxFailedPages() + " (rothco.sources." + sourceId + "." + run.operation().slug()
                    + ".max-failed-pages); last error: "
                    + failure.message();
            run.abort(reason);
            jobLog.event(run.runId(), "ERROR", "run_aborted", page, null, reason);
        }
        exchange.getMessage().setBody(null);
    }
}
