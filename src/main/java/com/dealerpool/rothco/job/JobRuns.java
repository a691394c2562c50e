package com.dealerpool.rothco.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.config.ConnectorSettings;
import com.dealerpool.rothco.pool.JobLog;
import com.dealerpool.rothco.pool.RunTotals;
import com.dealerpool.rothco.rothco.RothcoFailures;

/**
 * Starts and ends runs: the first and last steps of every operation route. It writes the
 * job log's start and end records, keeps one run per source and operation in flight, and
 * logs the one-line summary.
 */
public final class JobRuns {

    /** Exchange property that names what started the run: schedule, manual, startup or command-line. */
    public static final String TRIGGER_PROPERTY = "rothcoTrigger";

    /** Exchange property with Quartz's scheduled fire time ({@link Date}) of a scheduled run. */
    public static final String SCHEDULED_FIRE_PROPERTY = "rothcoScheduledFireTime";

    private static final Logger LOG = LoggerFactory.getLogger(JobRuns.class);

    private final JobLog jobLog;
    private final RunRegistry registry;
    private final ConnectorSettings settings;
    private final ClusterRuns cluster;
    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();

    public JobRuns(JobLog jobLog, RunRegistry registry, ConnectorSettings settings) {
        this(jobLog, registry, settings, null);
    }

    /** @param cluster the cluster-wide run guards, or null when this runtime runs alone */
    public JobRuns(JobLog jobLog, RunRegistry registry, ConnectorSettings settings, ClusterRuns cluster) {
        this.jobLog = jobLog;
        this.registry = registry;
        this.settings = settings;
        this.cluster = cluster;
    }

    /** Adds a listener that receives the outcome of every run that ends from now on. */
    public void addListener(RunListener listener) {
        listeners.add(listener);
    }

    /**
     * Starts a run and stores it in the exchange property {@link OperationRun#PROPERTY}. When a run
     * of the same source and operation is still in flight, it logs that and leaves the property
     * unset, so the route stops. In a cluster the run also takes the operation's run guard. When
     * another runtime has it, the start is recorded as skipped, naming that runtime and run.
     */
    public void start(Exchange exchange, String sourceId, String operationSlug) {
        Operation operation = Operation.fromSlug(operationSlug);
        String trigger = exchange.getProperty(TRIGGER_PROPERTY, "manual", String.class);
        var running = registry.running(sourceId, operation.slug());
        if (running.isPresent()) {
            LOG.warn("{} {}: {} trigger ignored because run {} is still running", sourceId, operation.slug(), trigger,
                    running.get().runId());
            exchange.removeProperty(OperationRun.PROPERTY);
            return;
        }
        int maxFailedPages = operation == Operation.GET_INVENTORY_PRIMARY
                || operation == Operation.GET_INVENTORY_SECONDARY
                ? settings.source(sourceId).inventory(operation).maxFailedPages() : 0;
        Date scheduledFire = exchange.getProperty(SCHEDULED_FIRE_PROPERTY, Date.class);
        long runId = jobLog.startRun(sourceId, operation.slug(), trigger,
                scheduledFire == null ? null : scheduledFire.toInstant());
        if (cluster != null) {
            var holder = cluster.acquire(sourceId, operation.slug(), runId);
            if (holder.isPresent()) {
                String summary = "Run " + runId + " of " + sourceId + " " + operation.slug() + " skipped (" + trigger
                        + " trigger): " + holder.get().describe() + " is still in flight";
                jobLog.finishRun(runId, RunStatus.SKIPPED.value(), null, null, summary, null);
                LOG.warn(summary);
                exchange.removeProperty(OperationRun.PROPERTY);
                return;
            }
        }
        OperationRun run = new OperationRun(runId, sourceId, operation, trigger, maxFailedPages);
        if (!registry.tryRegister(run)) {
            jobLog.finishRun(runId, RunStatus.FAILED.value(), run.totals(), null,
                    "not started: another run of the operation started at the same moment", null);
            if (cluster != null) {
                cluster.release(run);
            }
            exchange.removeProperty(OperationRun.PROPERTY);
            return;
        }
        exchange.setProperty(OperationRun.PROPERTY, run);
        try (RunLogContext context = RunLogContext.enter(exchange, sourceId, operation.slug(), runId)) {
            LOG.info("Run {} of {} {} started ({} trigger)", runId, sourceId, operation.slug(), trigger);
        }
    }

    /** Ends a run whose steps all completed; a run aborted on the way ends as failed. */
    public RunOutcome finish(OperationRun run) {
        RunStatus status;
        if (run.isAborted()) {
            status = RunStatus.FAILED;
        } else if (run.pagesSkipped() > 0 || run.rejected() > 0 || run.archiveNote() != null
                || run.otherWarnings() > 0) {
            status = RunStatus.SUCCEEDED_WITH_WARNINGS;
        } else {
            status = RunStatus.SUCCEEDED;
        }
        return end(run, status, run.abortReason());
    }

    /** Ends a run that stopped with an exception, with a message that names the cause and the fix. */
    public RunOutcome fail(Exchange exchange) {
        OperationRun run = exchange.getProperty(OperationRun.PROPERTY, OperationRun.class);
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (error == null) {
            error = exchange.getException();
        }
        if (run == null) {
            LOG.error("A run failed before it was recorded", error);
            return null;
        }
        String message = error == null ? "unknown error"
                : RothcoFailures.classify(error, run.sourceId(), settings.source(run.sourceId()).apiKey()).message();
        run.abort(message);
        return end(run, RunStatus.FAILED, message);
    }

    /**
     * Ends a run of an operation that counts its own items instead of pages, such as Send
     * Fulfillment Requests; the summary lists those counts. A run aborted on the way ends as failed.
     *
     * @param counts   the run's counts as text, such as "claimed 10, sent 9, rejected 1"
     * @param warnings whether something needs an operator's attention
     */
    public RunOutcome finish(OperationRun run, String counts, boolean warnings) {
        RunStatus status = run.isAborted() ? RunStatus.FAILED
                : warnings ? RunStatus.SUCCEEDED_WITH_WARNINGS : RunStatus.SUCCEEDED;
        Instant endedAt = Instant.now();
        String summary = summaryStart(run, status, Duration.between(run.startedAt(), endedAt)) + counts;
        return end(run, status, run.abortReason(), summary, endedAt);
    }

    private RunOutcome end(OperationRun run, RunStatus status, String error) {
        Instant endedAt = Instant.now();
        return end(run, status, error, summary(run, status, run.totals(), Duration.between(run.startedAt(), endedAt)),
                endedAt);
    }

    private RunOutcome end(OperationRun run, RunStatus status, String error, String summary, Instant endedAt) {
        RunTotals totals = run.totals();
        jobLog.finishRun(run.runId(), status.value(), totals, run.archiveNote(), summary, error);
        if (cluster != null) {
            cluster.release(run);
        }
        RunOutcome outcome = new RunOutcome(run.runId(), run.sourceId(), run.operation().slug(), status,
                run.startedAt(), endedAt, totals, summary, error);
        registry.complete(run, outcome);
        if (status == RunStatus.FAILED) {
            LOG.error(outcome.summaryWithError());
        } else if (status == RunStatus.SUCCEEDED_WITH_WARNINGS) {
            LOG.warn(summary);
        } else {
            LOG.info(summary);
        }
        notifyListeners(outcome);
        return outcome;
    }

    private void notifyListeners(RunOutcome outcome) {
        for (RunListener listener : listeners) {
            try {
                listener.runEnded(outcome);
            } catch (RuntimeException e) {
                LOG.error("Reporting the end of run {} of {} {} failed; the run keeps its status {}: {}",
                        outcome.runId(), outcome.sourceId(), outcome.operation(), outcome.status().value(),
                        e.getMessage(), e);
            }
        }
    }

    private static String summaryStart(OperationRun run, RunStatus status, Duration duration) {
        return String.format(Locale.ROOT, "Run %d of %s %s %s in %.1f s: ", run.runId(), run.sourceId(),
                run.operation().slug(), status.value(), duration.toMillis() / 1000.0);
    }

    private static String summary(OperationRun run, RunStatus status, RunTotals totals, Duration duration) {
        StringBuilder text = new StringBuilder(summaryStart(run, status, duration));
        text.append(String.format(Locale.ROOT,
                "pages %d of %d (%d skipped), products %d, variants created %d, updated %d, unchanged %d, "
                        + "archived %d, un-archived %d, unknown %d, records rejected %d",
                totals.pagesDone(), totals.pagesTotal(), totals.pagesSkipped(), totals.products(),
                totals.variantsCreated(), totals.variantsUpdated(), totals.variantsUnchanged(),
                totals.variantsArchived(), totals.variantsUnarchived(), totals.variantsUnknown(),
                totals.recordsRejected()));
        if (run.otherWarnings() > 0) {
            text.append(", other warnings ").append(run.otherWarnings()).append(" (see the run's job events)");
        }
        if (run.retries() > 0) {
            text.append(", retries ").append(run.retries());
        }
        Map<String, Long> misses = run.lookupMisses();
        if (!misses.isEmpty()) {
            text.append(", mapping-set misses ").append(misses);
        }
        if (run.archiveNote() != null) {
            text.append("; archiving skipped: ").append(run.archiveNote());
        }
        return text.toString();
    }
}
