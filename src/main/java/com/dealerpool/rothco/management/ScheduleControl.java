package com.dealerpool.rothco.management;

import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.pool.PoolStorageException;
import com.dealerpool.rothco.pool.SchedulePauses;

/**
 * Pauses and resumes the Quartz trigger of one source's operation. The pause is recorded in the
 * pool and the trigger is paused through the Quartz scheduler, which with a clustered JDBC job
 * store pauses it for every node. With the in-memory store each runtime has its own trigger, so
 * the schedule route also calls {@link #pausedAtFire} on every fire and skips the run while the pool
 * lists a pause; a runtime that starts pauses the recorded triggers again.
 */
public final class ScheduleControl {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleControl.class);

    private final CamelContext context;
    private final SchedulePauses pauses;

    public ScheduleControl(CamelContext context, SchedulePauses pauses) {
        this.context = context;
        this.pauses = pauses;
    }

    /** Pauses the operation's schedule and returns what happened, in a sentence. */
    public String pause(String sourceId, Operation operation, String pausedBy) {
        Optional<QuartzEndpoint> endpoint = scheduleEndpoint(sourceId, operation);
        if (endpoint.isEmpty()) {
            return noSchedule(sourceId, operation);
        }
        pauses.pause(sourceId, operation.slug(), pausedBy);
        try {
            scheduler(endpoint.get()).pauseTrigger(endpoint.get().getTriggerKey());
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz failed to pause trigger " + endpoint.get().getTriggerKey()
                    + ": " + e.getMessage(), e);
        }
        LOG.info("Schedule of {} {} paused by {}", sourceId, operation.slug(), pausedBy);
        return "Schedule of " + sourceId + " " + operation.slug() + " paused; runNow still starts a run";
    }

    /** Resumes the operation's schedule and returns what happened, in a sentence. */
    public String resume(String sourceId, Operation operation, String resumedBy) {
        Optional<QuartzEndpoint> endpoint = scheduleEndpoint(sourceId, operation);
        if (endpoint.isEmpty()) {
            return noSchedule(sourceId, operation);
        }
        boolean wasPaused = pauses.resume(sourceId, operation.slug());
        try {
            scheduler(endpoint.get()).resumeTrigger(endpoint.get().getTriggerKey());
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz failed to resume trigger " + endpoint.get().getTriggerKey()
                    + ": " + e.getMessage(), e);
        }
        LOG.info("Schedule of {} {} resumed by {}", sourceId, operation.slug(), resumedBy);
        return "Schedule of " + sourceId + " " + operation.slug() + (wasPaused ? " resumed" : " was not paused");
    }

    /** Pauses, at startup, every trigger of this runtime that the pool lists as paused. */
    public void pauseRecordedTriggers() {
        for (SchedulePauses.Pause pause : pauses.all().values()) {
            Operation operation;
            try {
                operation = Operation.fromSlug(pause.operation());
            } catch (IllegalArgumentException e) {
                continue;
            }
            Optional<QuartzEndpoint> endpoint = scheduleEndpoint(pause.sourceId(), operation);
            if (endpoint.isEmpty()) {
                continue;
            }
            try {
                scheduler(endpoint.get()).pauseTrigger(endpoint.get().getTriggerKey());
                LOG.info("Schedule of {} {} stays paused (paused by {} at {}); resume it through JMX",
                        pause.sourceId(), pause.operation(), pause.pausedBy(), pause.pausedAt());
            } catch (SchedulerException e) {
                LOG.warn("Quartz failed to pause trigger {} that the pool lists as paused: {}",
                        endpoint.get().getTriggerKey(), e.getMessage());
            }
        }
    }

    /**
     * Returns true when the pool lists the schedule as paused, so the schedule route skips this fire.
     * A failed pool read counts as not paused, so a pool outage does not stop scheduled runs silently.
     */
    public boolean pausedAtFire(String sourceId, String operationSlug) {
        try {
            Optional<SchedulePauses.Pause> pause = pauses.find(sourceId, operationSlug);
            pause.ifPresent(found -> LOG.info("Schedule of {} {} is paused (by {} at {}); skipping this trigger",
                    sourceId, operationSlug, found.pausedBy(), found.pausedAt()));
            return pause.isPresent();
        } catch (PoolStorageException e) {
            LOG.warn("Cannot read the paused schedules from the pool; running {} {} as scheduled: {}", sourceId,
                    operationSlug, e.getMessage());
            return false;
        }
    }

    /** Returns whether the pool lists the schedule as paused. */
    public boolean paused(String sourceId, Operation operation) {
        return pauses.find(sourceId, operation.slug()).isPresent();
    }

    /** Returns the trigger key of the operation's schedule in this runtime, if it has one. */
    public Optional<TriggerKey> triggerKey(String sourceId, Operation operation) {
        return scheduleEndpoint(sourceId, operation).map(QuartzEndpoint::getTriggerKey);
    }

    private Optional<QuartzEndpoint> scheduleEndpoint(String sourceId, Operation operation) {
        Route route = context.getRoute(operation.routeId(sourceId) + "-schedule");
        if (route == null || !(route.getEndpoint() instanceof QuartzEndpoint endpoint)) {
            return Optional.empty();
        }
        return Optional.of(endpoint);
    }

    private static org.quartz.Scheduler scheduler(QuartzEndpoint endpoint) {
        return endpoint.getComponent(QuartzComponent.class).getScheduler();
    }

    private static String noSchedule(String sourceId, Operation operation) {
        return "Source " + sourceId + " has no schedule for " + operation.slug() + " in this runtime: the operation"
                + " is disabled, not supported by the source's type, or the runtime runs one command only";
    }
}
