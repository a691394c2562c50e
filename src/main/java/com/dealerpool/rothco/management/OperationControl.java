package com.dealerpool.rothco.management;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;

import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.job.ClusterRuns;
import com.dealerpool.rothco.job.JobRuns;
import com.dealerpool.rothco.job.RunOutcome;
import com.dealerpool.rothco.job.RunRegistry;
import com.dealerpool.rothco.rothco.ConnectionChecks;
import com.dealerpool.rothco.rothco.ConnectionResult;

/**
 * JMX view and controls of one operation of one source, registered through Camel's management
 * agent under {@code com.dealerpool.rothco:type=operations,source=<source>,name=<operation>}.
 * No attribute exposes the API key.
 */
@ManagedResource(description = "Rothco operation of one source")
public final class OperationControl {

    private final ProducerTemplate producer;
    private final RunRegistry runs;
    private final ConnectionChecks connections;
    private final String sourceId;
    private final Operation operation;
    private final ClusterRuns cluster;

    public OperationControl(ProducerTemplate producer, RunRegistry runs,
            ConnectionChecks connections, String sourceId, Operation operation) {
        this(producer, runs, connections, sourceId, operation, null);
    }

    /** @param cluster the cluster-wide run guards, or null when this runtime runs alone */
    public OperationControl(ProducerTemplate producer, RunRegistry runs,
            ConnectionChecks connections, String sourceId, Operation operation, ClusterRuns cluster) {
        this.producer = producer;
        this.runs = runs;
        this.connections = connections;
        this.sourceId = sourceId;
        this.operation = operation;
        this.cluster = cluster;
    }

    @ManagedAttribute(description = "Source id")
    public String getSourceId() {
        return sourceId;
    }

    @ManagedAttribute(description = "Operation")
    public String getOperation() {
        return operation.displayName();
    }

    @ManagedAttribute(description = "Id of the route that runs the operation")
    public String getRouteId() {
        return operation.routeId(sourceId);
    }

    @ManagedAttribute(description = "Whether a run is in flight")
    public boolean isRunning() {
        return runs.running(sourceId, operation.slug()).isPresent();
    }

    @ManagedAttribute(description = "Progress of the run in flight, such as 'run 12: page 5 of 20', or empty")
    public String getProgress() {
        return runs.running(sourceId, operation.slug())
                .map(run -> "run " + run.runId() + ": " + run.pagesDone() + " of "
                        + Math.max(run.totalPages(), 0) + " pages, " + run.pagesSkipped() + " skipped")
                .orElse("");
    }

    @ManagedAttribute(description = "Id of the last run that ended since startup, or -1")
    public long getLastRunId() {
        return runs.lastOutcome(sourceId, operation.slug()).map(RunOutcome::runId).orElse(-1L);
    }

    @ManagedAttribute(description = "Status of the last run: succeeded, succeeded_with_warnings or failed")
    public String getLastRunStatus() {
        return runs.lastOutcome(sourceId, operation.slug()).map(outcome -> outcome.status().value()).orElse("");
    }

    @ManagedAttribute(description = "End of the last run (UTC, ISO-8601)")
    public String getLastRunEndedAt() {
        return runs.lastOutcome(sourceId, operation.slug()).map(outcome -> outcome.endedAt().toString()).orElse("");
    }

    @ManagedAttribute(description = "One-line summary of the last run")
    public String getLastRunSummary() {
        return runs.lastOutcome(sourceId, operation.slug()).map(RunOutcome::summary).orElse("");
    }

    @ManagedAttribute(description = "Error of the last run, if it failed")
    public String getLastRunError() {
        return runs.lastOutcome(sourceId, operation.slug()).map(RunOutcome::error).orElse("");
    }

    @ManagedAttribute(description = "Last Test Connection result of the source")
    public String getConnection() {
        return connections.lastResult(sourceId)
                .map(result -> result.status().label() + ": " + result.message()).orElse("Not tested");
    }

    @ManagedOperation(description = "Starts a run now, in the background; returns at once")
    public String runNow() {
        if (operation == Operation.TEST_CONNECTION) {
            return testConnection();
        }
        if (isRunning()) {
            return "A run is already in flight: " + getProgress();
        }
        if (cluster != null) {
            var elsewhere = cluster.inFlight(sourceId, operation.slug());
            if (elsewhere.isPresent()) {
                return "Not started: " + elsewhere.get().describe() + " is in flight for " + sourceId + " "
                        + operation.slug();
            }
        }
        producer.asyncSend("direct:" + getRouteId(),
                exchange -> exchange.setProperty(JobRuns.TRIGGER_PROPERTY, "manual"));
        return "Run of " + sourceId + " " + operation.slug() + " started; watch LastRunStatus or the job log";
    }

    @ManagedOperation(description = "Tests the source's API key against Rothco and returns the result")
    public String testConnection() {
        ConnectionResult result = producer.requestBody("direct:" + Operation.TEST_CONNECTION.routeId(sourceId), null,
                ConnectionResult.class);
        return result.status().label() + ": " + result.message();
    }
}
