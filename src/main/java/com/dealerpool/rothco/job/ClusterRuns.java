package com.dealerpool.rothco.job;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.config.ClusterSettings;
import com.dealerpool.rothco.pool.JobLog;
import com.dealerpool.rothco.pool.PoolStorageException;
import com.dealerpool.rothco.pool.RunGuards;

/**
 * Keeps runs to one per source and operation across every runtime on the pool, when
 * {@code cluster.enabled} is true. A run starts only after it took its guard in the pool
 * ({@link RunGuards}); the heartbeat step renews the guards and job log heartbeats of this
 * runtime's runs, and the sweeper step marks runs of dead runtimes failed and frees their guards.
 * Both steps run on every runtime from the timer routes in {@code routes/rothco-cluster.camel.yaml}.
 */
public final class ClusterRuns {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterRuns.class);

    private final RunGuards guards;
    private final JobLog jobLog;
    private final RunRegistry registry;
    private final ClusterSettings settings;
    private final String nodeId;
    private final Clock clock;

    public ClusterRuns(RunGuards guards, JobLog jobLog, RunRegistry registry, ClusterSettings settings, String nodeId,
            Clock clock) {
        this.guards = guards;
        this.jobLog = jobLog;
        this.registry = registry;
        this.settings = settings;
        this.nodeId = nodeId;
        this.clock = clock;
    }

    /** Returns this runtime's node id, as stored in {@code job_run.node_name} and {@code run_guard.owner_node}. */
    public String nodeId() {
        return nodeId;
    }

    /**
     * Takes the guard of a source and operation for a run that was just recorded. Returns empty
     * when the run may go on, or the holder whose run is still in flight.
     */
    public Optional<RunGuards.Holder> acquire(String sourceId, String operation, long runId) {
        Instant now = clock.instant();
        return guards.acquire(sourceId, operation, runId, nodeId, now, now.plus(settings.staleAfter()));
    }

    /** Returns the run in flight for a source and operation anywhere in the cluster, if its lease is current. */
    public Optional<RunGuards.Holder> inFlight(String sourceId, String operation) {
        Instant now = clock.instant();
        return guards.holder(sourceId, operation).filter(holder -> !holder.leaseUntil().isBefore(now));
    }

    /**
     * Frees the guard of a run that ended. When the pool cannot be reached the guard stays taken
     * until its lease runs out, and the sweeper frees it.
     */
    public void release(OperationRun run) {
        boolean released;
        try {
            released = guards.release(run.sourceId(), run.operation().slug(), run.runId());
        } catch (PoolStorageException e) {
            LOG.warn("Cannot free the run guard of run {} of {} {}; it is freed when its lease runs out in at most"
                    + " {} s: {}", run.runId(), run.sourceId(), run.operation().slug(), settings.staleAfterSeconds(),
                    e.getMessage());
            return;
        }
        if (!released) {
            LOG.warn("Run {} of {} {} no longer held its run guard when it ended: its lease had run out, so another"
                    + " runtime may have started the operation meanwhile", run.runId(), run.sourceId(),
                    run.operation().slug());
        }
    }

    /**
     * Records a heartbeat for each run in flight in this runtime and renews its guard. A run
     * whose guard was taken over (its lease ran out, for example while the pool was unreachable)
     * is aborted, because another runtime may now run the operation.
     */
    public void heartbeat() {
        for (OperationRun run : registry.inFlight()) {
            Instant now = clock.instant();
            try {
                jobLog.heartbeat(run.runId(), run.pagesDone(), Math.max(run.totalPages(), 0));
                boolean held = guards.renew(run.sourceId(), run.operation().slug(), run.runId(), now,
                        now.plus(settings.staleAfter()));
                if (!held) {
                    String reason = "run guard lost: no heartbeat reached the pool for "
                            + settings.staleAfterSeconds() + " s (cluster.stale-after-seconds), so the run was"
                            + " taken for dead and another runtime may run " + run.sourceId() + " "
                            + run.operation().slug();
                    LOG.error("Run {} of {} {} aborted: {}", run.runId(), run.sourceId(), run.operation().slug(),
                            reason);
                    run.abort(reason);
                }
            } catch (PoolStorageException e) {
                LOG.warn("Heartbeat of run {} of {} {} failed; it is retried in {} s: {}", run.runId(), run.sourceId(),
                        run.operation().slug(), settings.heartbeatSeconds(), e.getMessage());
            }
        }
    }

    /**
     * Marks runs without a heartbeat for {@code cluster.stale-after-seconds} failed, naming their
     * node, and frees guards whose lease ran out. Returns the number of runs marked failed.
     */
    public int sweep() {
        int failed = jobLog.failStaleRuns(settings.staleAfter());
        int freed = guards.releaseExpired(clock.instant());
        if (failed > 0 || freed > 0) {
            LOG.warn("Stale-run sweep on node {}: marked {} runs failed and freed {} run guards of runtimes that"
                    + " stopped sending heartbeats", nodeId, failed, freed);
        }
        return failed;
    }
}
