package com.dealerpool.rothco.management;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.config.ConnectorSettings;
import com.dealerpool.rothco.config.FulfillmentSettings;
import com.dealerpool.rothco.config.SourceSettings;
import com.dealerpool.rothco.job.OperationRun;
import com.dealerpool.rothco.job.RunRegistry;
import com.dealerpool.rothco.mapping.CompiledTemplate;
import com.dealerpool.rothco.mapping.MappingCatalog;
import com.dealerpool.rothco.pool.JobLog;
import com.dealerpool.rothco.pool.RunRecord;
import com.dealerpool.rothco.pool.SchedulePauses;
import com.dealerpool.rothco.pool.SourceRegistry;

/**
 * Builds the status of every source and operation from the settings, the mapping catalog and
 * the pool (last Test Connection, job log, paused schedules). It reads only the pool for run
 * history, so it shows the same on every runtime that shares the pool and in {@code --status}.
 */
public final class StatusReader {

    private final ConnectorSettings settings;
    private final FulfillmentSettings fulfillment;
    private final Function<String, String> lookup;
    private final MappingCatalog mappings;
    private final JobLog jobLog;
    private final SourceRegistry sources;
    private final SchedulePauses pauses;
    private final RunRegistry runs;

    /**
     * @param lookup settings lookup for operations without typed settings
     * @param runs   runs in flight in this runtime, for live progress, or null outside a runtime
     */
    public StatusReader(ConnectorSettings settings, FulfillmentSettings fulfillment, Function<String, String> lookup,
            MappingCatalog mappings, JobLog jobLog, SourceRegistry sources, SchedulePauses pauses, RunRegistry runs) {
        this.settings = settings;
        this.fulfillment = fulfillment;
        this.lookup = lookup;
        this.mappings = mappings;
        this.jobLog = jobLog;
        this.sources = sources;
        this.pauses = pauses;
        this.runs = runs;
    }

    /** Returns the status of every operation of every source, in the order of rothco.sources and {@link Operation}. */
    public List<OperationStatus> all() {
        List<OperationStatus> statuses = new ArrayList<>();
        for (SourceSettings source : settings.sources()) {
            for (Operation operation : Operation.values()) {
                statuses.add(status(source.id(), operation));
            }
        }
        return statuses;
    }

    /** Returns the status of one operation of one source. */
    public OperationStatus status(String sourceId, Operation operation) {
        SourceSettings source = settings.source(sourceId);
        OperationSetup setup = setup(sourceId, operation);
        Optional<SourceRegistry.StoredConnection> connection = sources.lastConnection(sourceId);
        boolean connected = connection.map(stored -> "Connected".equals(stored.status())).orElse(false);
        String connectionText = connection.map(stored -> stored.status() + " at " + stored.testedAt() + ": "
                + stored.message()).orElse("Not tested");
        String configured = setup.enabled() ? "yes" : "no: " + setup.reason();
        RunRecord running = jobLog.runningRun(sourceId, operation.slug()).orElse(null);
        return new OperationStatus(source.id(), operation, setup, connected, connectionText, configured,
                mapped(source, operation, setup), pauses.find(sourceId, operation.slug()).orElse(null),
                jobLog.lastEndedRun(sourceId, operation.slug()).orElse(null), running, progress(sourceId, operation,
                        running));
    }

    /** Returns the settings of one operation of one source: enabled, schedule and template. */
    public OperationSetup setup(String sourceId, Operation operation) {
        return OperationSetup.of(settings.source(sourceId), operation, fulfillment, lookup);
    }

    private String mapped(SourceSettings source, Operation operation, OperationSetup setup) {
        if (operation == Operation.TEST_CONNECTION || !setup.enabled() && setup.template() == null) {
            return "n/a";
        }
        if (setup.template() == null) {
            return "no: rothco.sources." + source.id() + "." + operation.slug() + ".template is unset";
        }
        if (!mappings.templateNames().contains(setup.template())) {
            return "no: no template named '" + setup.template() + "' in " + mappings.directory() + "; use one of "
                    + mappings.templateNames();
        }
        CompiledTemplate template = mappings.template(setup.template());
        if (template.operation() != operation) {
            return "no: template '" + setup.template() + "' (" + template.file() + ") serves "
                    + template.operation().slug() + ", not " + operation.slug();
        }
        return "yes (" + setup.template() + ")";
    }

    private String progress(String sourceId, Operation operation, RunRecord running) {
        Optional<OperationRun> local = runs == null ? Optional.empty() : runs.running(sourceId, operation.slug());
        if (local.isPresent()) {
            OperationRun run = local.get();
            return "run " + run.runId() + ": page " + run.pagesDone() + " of " + Math.max(run.totalPages(), 0) + ", "
                    + run.pagesSkipped() + " skipped";
        }
        if (running == null) {
            return "";
        }
        return "run " + running.id() + " on " + running.nodeName() + ": page " + running.pagesDone() + " of "
                + running.pagesTotal() + ", " + running.pagesSkipped() + " skipped (heartbeat "
                + running.heartbeatAt() + ")";
    }
}
