package com.dealerpool.rothco.management;

import java.util.regex.Pattern;

import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.pool.RunRecord;
import com.dealerpool.rothco.pool.SchedulePauses;

/**
 * Status of one operation of one source, as {@code --status} prints it and the JMX controls show it.
 *
 * @param connected  whether the source's last Test Connection succeeded
 * @param connection the last Test Connection result with its time, or "Not tested"
 * @param configured "yes", or "no: " with the reason and the key to change
 * @param mapped     "yes (template)", "n/a" for an operation without a template, or "no: " with the problem
 * @param pause      the pause record when the schedule is paused, or null
 * @param lastRun    the last run that ended, from the job log, or null
 * @param running    the run in flight, from the job log, or null
 * @param progress   progress of the run in flight, such as "page 5 of 20, 0 skipped", or empty
 */
public record OperationStatus(String sourceId, Operation operation, OperationSetup setup, boolean connected,
        String connection, String configured, String mapped, SchedulePauses.Pause pause, RunRecord lastRun,
        RunRecord running, String progress) {

    /** The start of every run summary, as JobRuns writes it: "Run 8 of dealer get-shipments succeeded in 0.4 s: ". */
    private static final Pattern SUMMARY_START = Pattern.compile("^Run \\d+ of \\S+ \\S+ \\S+ in [0-9.]+ s: ");

    public boolean paused() {
        return pause != null;
    }

    /**
     * Returns the counts of the last run on one line, or empty before the first run. Catalog runs
     * show their page and variant counts. The order operations count FRs and shipments instead,
     * which the job log keeps only in the run's summary, so their counts are that summary without
     * its "Run N of ... in T s: " start.
     */
    public String lastRunCounts() {
        if (lastRun == null) {
            return "";
        }
        if (operation != Operation.GET_INVENTORY_PRIMARY && operation != Operation.GET_INVENTORY_SECONDARY) {
            return lastRun.summary() == null ? "" : SUMMARY_START.matcher(lastRun.summary()).replaceFirst("");
        }
        return "pages " + lastRun.pagesDone() + " of " + lastRun.pagesTotal() + " (" + lastRun.pagesSkipped()
                + " skipped), products " + lastRun.products() + ", variants created " + lastRun.variantsCreated()
                + ", updated " + lastRun.variantsUpdated() + ", unchanged " + lastRun.variantsUnchanged()
                + ", archived " + lastRun.variantsArchived() + ", un-archived " + lastRun.variantsUnarchived()
                + ", unknown " + lastRun.variantsUnknown() + ", records rejected " + lastRun.recordsRejected();
    }
}
