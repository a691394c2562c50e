package com.dealerpool.rothco.management;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;

import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.job.ClusterRuns;
import com.dealerpool.rothco.job.JobRuns;
import com.dealerpool.rothco.job.RunRegistry;
import com.dealerpool.rothco.pool.RunRecord;
import com.dealerpool.rothco.rothco.ConnectionResult;

/**
 * JMX view and controls of one operation of one source, registered through Camel's management
 * agent under {@code com.dealerpool.rothco:type=operations,source=<source>,name=<operation>}.
 * Run history comes from the pool's job log, so it survives restarts and shows runs of every
 * runtime on the pool. No attribute exposes the API key.
 */
@ManagedResource(description = "Rothco operation of one source")
public final class OperationControl {

    private final ProducerTemplate producer;
    private final RunRegistry runs;
    private final StatusReader status;
    private final ScheduleControl schedules;
    private final String sourceId;
    private final Operation operation;
    private final String nodeName;
    private final ClusterRuns cluster;

    /** @param cluster the cluster-wide run guards, or null when this runtime runs alone */
    public OperationControl(ProducerTemplate producer, RunRegistry runs, StatusReader status,
            ScheduleControl schedules, String sourceId, Operation operation, String nodeName, ClusterRuns cluster) {
        this.producer = producer;
        this.runs = runs;
        this.status = status;
        this.schedules = schedules;
        this.sourceId = sourceId;
        this.operation = operation;
        this.nodeName = nodeName;
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

    @ManagedAttribute(description = "Whether this runtime has the operation's route")
    public boolean isEnabled() {
        return producer.getCamelContext().getRoute(getRouteId()) != null;
    }

    @ManagedAttribute(description = "Whether the source's last Test Connection succeeded")
    public boolean isConnected() {
        return current().connected();
    }

    @ManagedAttribute(description = "Last Test Connection result of the source, with its time")
    public String getConnection() {
        return current().connection();
    }

    @ManagedAttribute(description = "Whether the settings enable the operation: yes, or no with the reason")
    public String getConfigured() {
        return current().configured();
    }

    @ManagedAttribute(description = "Whether the mapping template is valid: yes (name), n/a, or no with the problem")
    public String getMapped() {
        return current().mapped();
    }

    @ManagedAttribute(description = "Quartz cron expression of the schedule (UTC), or empty")
    public String getSchedule() {
        String schedule = status.setup(sourceId, operation).schedule();
        return schedule == null ? "" : schedule;
    }

    @ManagedAttribute(description = "Whether the schedule is paused")
    public boolean isPaused() {
        return schedules.paused(sourceId, operation);
    }

    @ManagedAttribute(description = "Whether a run is in flight in this runtime")
    public boolean isRunning() {
        return runs.running(sourceId, operation.slug()).isPresent();
    }

    @ManagedAttribute(description = "Progress of the run in flight, such as 'run 12: page 5 of 20, 0 skipped', or empty")
    public String getProgress() {
        return current().progress();
    }

    @ManagedAttribute(description = "Id of the last run that ended, from the job log, or -1")
    public long getLastRunId() {
        RunRecord run = current().lastRun();
        return run == null ? -1L : run.id();
    }

    @ManagedAttribute(description = "Status of the last run: succeeded, succeeded_with_warnings or failed")
    public String getLastRunStatus() {
        RunRecord run = current().lastRun();
        return run == null ? "" : run.status();
    }

    @ManagedAttribute(description = "Start of the last run (UTC, ISO-8601)")
    public String getLastRunStartedAt() {
        RunRecord run = current().lastRun();
        return run == null ? "" : run.startedAt().toString();
    }

    @ManagedAttribute(description = "End of the last run (UTC, ISO-8601)")
    public String getLastRunEndedAt() {
        RunRecord run = current().lastRun();
        return run == null || run.endedAt() == null ? "" : run.endedAt().toString();
    }

    @ManagedAttribute(description = "Counts of the last run: pages, products, variants, rejected records")
    public String getLastRunCounts() {
        return current().lastRunCounts();
    }

    @ManagedAttribute(description = "One-line summary of the last run")
    public String getLastRunSummary() {
        RunRecord run = current().lastRun();
        return run == null || run.summary() == null ? "" : run.summary();
    }

    @ManagedAttribute(description = "Error of the last run, if it failed")
    public String getLastRunError() {
        RunRecord run = current().lastRun();
        return run == null || run.errorMessage() == null ? "" : run.errorMessage();
    }

    @ManagedOperation(description = "Starts a run now, in the background; returns at once")
    public String runNow() {
        if (operation == Operation.TEST_CONNECTION) {
            return testConnection();
        }
        if (!isEnabled()) {
            return "Source " + sourceId + " does not run " + operation.slug() + ": " + getConfigured();
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

    @ManagedOperation(description = "Pauses the schedule on every runtime of the pool; runNow still works")
    public String pauseSchedule() {
        return schedules.pause(sourceId, operation, JmxCaller.describe(nodeName));
    }

    @ManagedOperation(description = "Resumes a paused schedule")
    public String resumeSchedule() {
        return schedules.resume(sourceId, operation, JmxCaller.describe(nodeName));
    }

    private OperationStatus current() {
        return status.status(sourceId, operation);
    }
}
