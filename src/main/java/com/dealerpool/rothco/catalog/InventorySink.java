package com.dealerpool.rothco.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.config.ConnectorSettings;
import com.dealerpool.rothco.config.SecondarySettings;
import com.dealerpool.rothco.job.OperationRun;
import com.dealerpool.rothco.pool.InventorySnapshotWriter;
import com.dealerpool.rothco.pool.JobLog;
import com.dealerpool.rothco.pool.SnapshotPageResult;
import com.dealerpool.rothco.pool.SnapshotWriteOptions;
import com.dealerpool.rothco.pool.VariantUpdate;

/**
 * The pool sink of Get Inventory (Secondary): writes the stock and prices of one mapped snapshot
 * page in one transaction, lists the SKUs the pool does not have in the job log and logs the
 * run's progress.
 */
public final class InventorySink {

    /** Maximum length of the SKU list in one {@code unknown_skus} event, below the 4,000 characters of job_event.message. */
    static final int UNKNOWN_SKUS_TEXT_LENGTH = 3_500;

    private static final Logger LOG = LoggerFactory.getLogger(InventorySink.class);

    /** Progress reaches the job log every 2 seconds; the stale-run check waits 10 minutes. */
    private static final long HEARTBEAT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final InventorySnapshotWriter writer;
    private final JobLog jobLog;
    private final ConnectorSettings settings;

    public InventorySink(InventorySnapshotWriter writer, JobLog jobLog, ConnectorSettings settings) {
        this.writer = writer;
        this.jobLog = jobLog;
        this.settings = settings;
    }

    /** Writes the page and empties the message body, so a finished page holds no memory. */
    public void writePage(List<VariantUpdate> updates, Exchange exchange) {
        OperationRun run = exchange.getProperty(OperationRun.PROPERTY, OperationRun.class);
        int page = exchange.getProperty(CatalogPages.PAGE_PROPERTY, 0, Integer.class);
        Instant observedAt = exchange.getProperty(CatalogPages.OBSERVED_AT_PROPERTY, Instant.class);
        SecondarySettings secondary = settings.source(run.sourceId()).secondary();
        SnapshotWriteOptions options = new SnapshotWriteOptions(secondary.allowCreateVariant(), secondary.archive());

        SnapshotPageResult result = writer.writePage(run.sourceId(), updates, observedAt, run.seenVariantIds(), options);
        int unchanged = result.unchanged() + result.keptNewer() + result.archivedLeft();
        run.addPage(0, result.created(), result.updated(), unchanged, result.unarchived());
        run.addUnknown(result.unknownSkus().size());
        logUnknownSkus(run, page, result);
        int done = run.pageDone();
        if (run.heartbeatDue(HEARTBEAT_INTERVAL_NANOS)) {
            jobLog.heartbeat(run.runId(), done, run.totalPages());
        }
        LOG.info("Run {} of {} {}: page {} of {} written ({} done): updated {}, unchanged {}, kept newer {},"
                + " left archived {}, un-archived {}, unknown {} (created {})", run.runId(), run.sourceId(),
                run.operation().slug(), page, run.totalPages(), done, result.updated(), result.unchanged(),
                result.keptNewer(), result.archivedLeft(), result.unarchived(), result.unknownSkus().size(),
                result.created());
        exchange.getMessage().setBody(null);
    }

    /**
     * Lists the page's unknown SKUs in as few {@code unknown_skus} events of the run as the message
     * column allows: 10,000 SKUs of 15 characters make about 50 events, not 10,000.
     */
    private void logUnknownSkus(OperationRun run, int page, SnapshotPageResult result) {
        if (result.unknownSkus().isEmpty()) {
            return;
        }
        String outcome = result.created() > 0
                ? "created as minimal variants for the next Primary run to complete"
                : "skipped because rothco.sources." + run.sourceId() + "." + run.operation().slug()
                        + ".allow-create-variant is false";
        for (List<String> skus : chunksWithin(result.unknownSkus(), UNKNOWN_SKUS_TEXT_LENGTH)) {
            jobLog.event(run.runId(), result.created() > 0 ? "INFO" : "WARN", "unknown_skus", page, null,
                    skus.size() + " SKUs of inventory page " + page + " are not in the pool, " + outcome + ": "
                            + String.join(", ", skus));
        }
    }

    /** Splits values into runs whose ", "-joined text is at most {@code maxLength} characters. */
    static List<List<String>> chunksWithin(List<String> values, int maxLength) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        int length = 0;
        for (String value : values) {
            int added = chunk.isEmpty() ? value.length() : value.length() + 2;
            if (!chunk.isEmpty() && length + added > maxLength) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                length = 0;
                added = value.length();
            }
            chunk.add(value);
            length += added;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }
}
