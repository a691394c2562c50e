package com.dealerpool.rothco.observe;

import java.time.Duration;

import org.apache.camel.Exchange;

import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.fulfillment.RejectionKind;
import com.dealerpool.rothco.job.OperationRun;
import com.dealerpool.rothco.job.RunListener;
import com.dealerpool.rothco.job.RunOutcome;
import com.dealerpool.rothco.pool.RunTotals;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The connector's own meters, next to Camel's route meters in the same registry. Run counts
 * are recorded when a run ends, from the totals the job log stores, so a run in flight shows
 * in the metrics only once it ended. Prometheus names get the {@code _total} or
 * {@code _seconds} suffix.
 */
public final class RunMetrics implements RunListener {

    private final MeterRegistry registry;

    public RunMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public void runEnded(RunOutcome outcome) {
        String source = outcome.sourceId();
        String operation = outcome.operation();
        String status = outcome.status().value();
        Counter.builder("rothco.runs")
                .description("Runs that ended, by source, operation and status")
                .tags("source", source, "operation", operation, "status", status)
                .register(registry)
                .increment();
        Timer.builder("rothco.run.duration")
                .description("Duration of runs that ended, by source, operation and status")
                .tags("source", source, "operation", operation, "status", status)
                .register(registry)
                .record(Duration.between(outcome.startedAt(), outcome.endedAt()));

        RunTotals totals = outcome.totals();
        if (writesVariants(operation)) {
            variantsWritten(source, operation, "created", totals.variantsCreated());
            variantsWritten(source, operation, "updated", totals.variantsUpdated());
            variantsWritten(source, operation, "archived", totals.variantsArchived());
            variantsWritten(source, operation, "unarchived", totals.variantsUnarchived());
        }
        Counter.builder("rothco.pages.skipped")
                .description("Catalog or inventory pages skipped after their retries")
                .tags("source", source, "operation", operation)
                .register(registry)
                .increment(totals.pagesSkipped());
        Counter.builder("rothco.records.rejected")
                .description("Feed records rejected by the mapping and recorded as dead letters")
                .tags("source", source, "operation", operation)
                .register(registry)
                .increment(totals.recordsRejected());
    }

    /**
     * Returns whether the operation writes variants. Only Primary and Secondary get the variant
     * counter, so no series of an order operation stays at zero forever.
     */
    private static boolean writesVariants(String operation) {
        return Operation.GET_INVENTORY_PRIMARY.slug().equals(operation)
                || Operation.GET_INVENTORY_SECONDARY.slug().equals(operation);
    }

    private void variantsWritten(String source, String operation, String change, long count) {
        Counter.builder("rothco.variants.written")
                .description("Variants written to the pool, by kind of change")
                .tags("source", source, "operation", operation, "change", change)
                .register(registry)
                .increment(count);
    }

    /**
     * Counts a fulfillment request that Rothco or the local validation rejected, by rejection
     * kind: a step of the rejected-orders route.
     */
    public void rejection(Exchange exchange) {
        OperationRun run = exchange.getProperty(OperationRun.PROPERTY, OperationRun.class);
        RejectionKind kind = exchange.getProperty(RejectionKind.PROPERTY, RejectionKind.class);
        Counter.builder("rothco.fulfillment.rejections")
                .description("Fulfillment requests rejected, by rejection kind")
                .tags("source", run == null ? "unknown" : run.sourceId(), "kind",
                        kind == null ? "unknown" : kind.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry)
                .increment();
    }

    void notificationHeldBack(RunOutcome outcome) {
        Counter.builder("rothco.notifications.held.back")
                .description("Run notifications not sent because they repeat one sent within the repeat window")
                .tags("source", outcome.sourceId(), "operation", outcome.operation())
                .register(registry)
                .increment();
    }
}
