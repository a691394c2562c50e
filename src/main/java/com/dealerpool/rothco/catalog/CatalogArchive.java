package com.dealerpool.rothco.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.config.ConnectorSettings;
import com.dealerpool.rothco.config.InventorySettings;
import com.dealerpool.rothco.job.OperationRun;
import com.dealerpool.rothco.pool.ArchiveOutcome;
import com.dealerpool.rothco.pool.CatalogWriter;
import com.dealerpool.rothco.pool.JobLog;

/**
 * Archive / Un-Archive, the step after the last page of Get Inventory (Primary) or (Secondary),
 * whichever of the two the source lets archive. Items absent from a complete feed are archived
 * with quantity 0. A run that skipped a page, or whose feed shrank by more than the configured
 * share, archives nothing and says why: a partial feed must never zero stock. Returning items
 * are un-archived by the sink as their pages arrive.
 */
public final class CatalogArchive {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogArchive.class);

    private final CatalogWriter writer;
    private final JobLog jobLog;
    private final ConnectorSettings settings;

    public CatalogArchive(CatalogWriter writer, JobLog jobLog, ConnectorSettings settings) {
        this.writer = writer;
        this.jobLog = jobLog;
        this.settings = settings;
    }

    public void afterPages(OperationRun run) {
        InventorySettings inventory = settings.source(run.sourceId()).inventory(run.operation());
        if (!inventory.archive() || run.isAborted()) {
            return;
        }
        if (run.pagesSkipped() > 0) {
            skip(run, run.pagesSkipped() + " of " + run.totalPages()
                    + " pages failed, so the feed is incomplete; rerun the operation once Rothco serves every page");
            return;
        }
        ArchiveOutcome outcome;
        synchronized (run.seenVariantIds()) {
            outcome = writer.archiveAbsent(run.sourceId(), run.seenVariantIds(), inventory.archiveMaxShrink());
        }
        if (!outcome.archivedAny() && outcome.skippedReason() != null) {
            skip(run, outcome.skippedReason() + "; if the catalog really shrank, raise rothco.sources." + run.sourceId()
                    + "." + run.operation().slug() + ".archive-max-shrink for one run");
            return;
        }
        run.addArchived(outcome.archived());
        if (outcome.archived() > 0) {
            LOG.info("Run {} of {} {}: archived {} of {} active variants absent from the feed", run.runId(),
                    run.sourceId(), run.operation().slug(), outcome.archived(), outcome.activeBefore());
        }
    }

    private void skip(OperationRun run, String reason) {
        run.archiveNote(reason);
        LOG.warn("Run {} of {} {}: archiving skipped: {}", run.runId(), run.sourceId(), run.operation().slug(), reason);
        jobLog.event(run.runId(), "WARN", "archive_skipped", null, null, "Archiving skipped: " + reason);
    }
}
