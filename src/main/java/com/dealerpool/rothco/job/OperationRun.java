package com.dealerpool.rothco.job;

import java.time.Instant;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.pool.RunTotals;

/**
 * State of one run of an operation for one source, shared by every page exchange of the run
 * (page exchanges may run in parallel, so every field is thread-safe). Routes carry it in the
 * exchange property {@value #PROPERTY}.
 */
public final class OperationRun {

    /** Exchange property that carries the run. */
    public static final String PROPERTY = "rothcoRun";

    private final long runId;
    private final String sourceId;
    private final Operation operation;
    private final String trigger;
    private final Instant startedAt;
    private final int maxFailedPages;

    private final AtomicInteger totalPages = new AtomicInteger(-1);
    private final AtomicInteger pagesDone = new AtomicInteger();
    private final AtomicInteger pagesSkipped = new AtomicInteger();
    private final LongAdder products = new LongAdder();
    private final LongAdder created = new LongAdder();
    private final LongAdder updated = new LongAdder();
    private final LongAdder unchanged = new LongAdder();
    private final LongAdder unarchived = new LongAdder();
    private final LongAdder archived = new LongAdder();
    private final LongAdder unknown = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder otherWarnings = new LongAdder();
    private final Map<String, LongAdder> lookupMisses = new ConcurrentHashMap<>();
    private final BitSet seenVariantIds = new BitSet();
    private final AtomicLong lastHeartbeatNanos = new AtomicLong(System.nanoTime());
    private volatile String abortReason;
    private volatile String archiveNote;

    public OperationRun(long runId, String sourceId, Operation operation, String trigger, int maxFailedPages) {
        this.runId = runId;
        this.sourceId = sourceId;
        this.operation = operation;
        this.trigger = trigger;
        this.maxFailedPages = maxFailedPages;
        this.startedAt = Instant.now();
    }

    public long runId() {
        return runId;
    }

    public String sourceId() {
        return sourceId;
    }

    public Operation operation() {
        return operation;
    }

    public String trigger() {
        return trigger;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /**
     * Returns the run's owner name on a node: the node name and the run id ("host#8"), unique across
     * runtimes on one pool. Claims and the {@code changed_by} column of FR status history use it.
     */
    public String ownerOn(String nodeName) {
        return nodeName + "#" + runId;
    }

    public int maxFailedPages() {
        return maxFailedPages;
    }

    /** Records the page count reported by the first page; later calls keep the first value. */
    public void totalPages(int pages) {
        totalPages.compareAndSet(-1, pages);
    }

    /** Page count of the run, or -1 before the first page arrived. */
    public int totalPages() {
        return totalPages.get();
    }

    public int pageDone() {
        return pagesDone.incrementAndGet();
    }

    /**
     * Returns true at most once per interval, and for the last page, so that page writers record
     * the run's progress in the job log without a database write per page.
     */
    public boolean heartbeatDue(long intervalNanos) {
        long now = System.nanoTime();
        long last = lastHeartbeatNanos.get();
        boolean lastPage = pagesDone.get() + pagesSkipped.get() >= totalPages.get();
        return (now - last >= intervalNanos || lastPage) && lastHeartbeatNanos.compareAndSet(last, now);
    }

    public int pagesDone() {
        return pagesDone.get();
    }

    /** Counts a skipped page and returns the number skipped so far. */
    public int pageSkipped() {
        return pagesSkipped.incrementAndGet();
    }

    public int pagesSkipped() {
        return pagesSkipped.get();
    }

    public void addPage(int productCount, int createdCount, int updatedCount, int unchangedCount, int unarchivedCount) {
        products.add(productCount);
        created.add(createdCount);
        updated.add(updatedCount);
        unchanged.add(unchangedCount);
        unarchived.add(unarchivedCount);
    }

    public void addArchived(int count) {
        archived.add(count);
    }

    public void addUnknown(int count) {
        unknown.add(count);
    }

    public void recordRejected() {
        rejected.increment();
    }

    public long rejected() {
        return rejected.sum();
    }

    /**
     * Counts a warning that no count of the job log covers, such as a refused mapping change;
     * the run then ends as succeeded with warnings.
     */
    public void recordWarning() {
        otherWarnings.increment();
    }

    public long otherWarnings() {
        return otherWarnings.sum();
    }

    public void recordRetry() {
        retries.increment();
    }

    /** Requests to Rothco sent again after a 5xx, a 429 or a timeout. */
    public long retries() {
        return retries.sum();
    }

    public void recordLookupMiss(String field) {
        lookupMisses.computeIfAbsent(field, key -> new LongAdder()).increment();
    }

    /** Mapping-set misses without a default, counted per target field. */
    public Map<String, Long> lookupMisses() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        lookupMisses.forEach((field, count) -> copy.put(field, count.sum()));
        return copy;
    }

    /** Variant ids seen in this run; callers synchronize on the returned set. */
    public BitSet seenVariantIds() {
        return seenVariantIds;
    }

    /** Stops the run: pages not started yet are skipped and the run ends as failed. */
    public void abort(String reason) {
        if (abortReason == null) {
            abortReason = reason;
        }
    }

    public boolean isAborted() {
        return abortReason != null;
    }

    public String abortReason() {
        return abortReason;
    }

    public void archiveNote(String note) {
        this.archiveNote = note;
    }

    public String archiveNote() {
        return archiveNote;
    }

    /** Snapshot of the counts for the job log. */
    public RunTotals totals() {
        return new RunTotals(Math.max(totalPages.get(), 0), pagesDone.get(), pagesSkipped.get(), products.sum(),
                created.sum(), updated.sum(), unchanged.sum(), archived.sum(), unarchived.sum(), unknown.sum(),
                rejected.sum());
    }
}
