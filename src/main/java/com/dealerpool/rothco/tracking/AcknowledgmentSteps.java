package com.dealerpool.rothco.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.config.OrderTrackingSettings;
import com.dealerpool.rothco.job.JobRuns;
import com.dealerpool.rothco.job.OperationRun;
import com.dealerpool.rothco.job.RunOutcome;
import com.dealerpool.rothco.pool.JobLog;
import com.dealerpool.rothco.pool.OrderTrackingStore;
import com.dealerpool.rothco.pool.OrderTrackingStore.AckCandidate;
import com.dealerpool.rothco.rothco.RothcoRequests;

/**
 * The run steps of Get FR Acknowledgments around the mapping and the sink. They claim the
 * source's sent FRs in batches, by ascending id so that a run checks each FR once, build the
 * order status request of one FR, release the claim of an FR whose request failed, and end the run.
 */
public final class AcknowledgmentSteps {

    /** Exchange property that controls whether the route's loop claims another batch. */
    public static final String MORE_PROPERTY = "rothcoAckMore";
    /** Exchange property with the FR that one exchange of the split works on. */
    public static final String CANDIDATE_PROPERTY = "rothcoAckCandidate";

    static final List<String> COUNTS = List.of("checked", "acknowledged", "cancelled", "unchanged", "failed");

    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgmentSteps.class);
    private static final String AFTER_ID_PROPERTY = "rothcoAckAfterId";

    private final OrderTrackingStore store;
    private final OrderTrackingSettings settings;
    private final RothcoRequests requests;
    private final JobRuns jobRuns;
    private final JobLog jobLog;
    private final String nodeName;
    private final Clock clock;

    public AcknowledgmentSteps(OrderTrackingStore store, OrderTrackingSettings settings, RothcoRequests requests,
            JobRuns jobRuns, JobLog jobLog, String nodeName, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.requests = requests;
        this.jobRuns = jobRuns;
        this.jobLog = jobLog;
        this.nodeName = nodeName;
        this.clock = clock;
    }

    /** Starts the run's tally. */
    public void begin(Exchange exchange) {
        exchange.setProperty(TrackingTally.PROPERTY, new TrackingTally(COUNTS));
        exchange.setProperty(AFTER_ID_PROPERTY, 0L);
        exchange.setProperty(MORE_PROPERTY, true);
    }

    /** Claims the next batch of FRs whose Rothco order may still change, and returns them. */
    public List<AckCandidate> claimNext(Exchange exchange) {
        OperationRun run = TrackingContext.run(exchange);
        OrderTrackingSettings.Acknowledgments ack = settings.acknowledgments(run.sourceId());
        Instant now = clock.instant();
        long afterId = exchange.getProperty(AFTER_ID_PROPERTY, 0L, Long.class);
        List<AckCandidate> claimed = store.claimForAcknowledgment(run.sourceId(), afterId, ack.batchSize(),
                owner(run), now, now.plus(Duration.ofMinutes(ack.leaseMinutes())));
        exchange.setProperty(MORE_PROPERTY, !claimed.isEmpty());
        if (!claimed.isEmpty()) {
            exchange.setProperty(AFTER_ID_PROPERTY, claimed.get(claimed.size() - 1).id());
            LOG.info("Run {} of {} get-fr-acknowledgments: claimed {} fulfillment requests", run.runId(),
                    run.sourceId(), claimed.size());
        }
        return claimed;
    }

    /** Builds the order status request of the FR in the body and keeps the FR for the later steps. */
    public String statusRequest(AckCandidate candidate, Exchange exchange) {
        exchange.setProperty(CANDIDATE_PROPERTY, candidate);
        TrackingContext.tally(exchange).add("checked");
        return requests.build("order-status", Map.of("poNumber", candidate.poNumber()));
    }

    /**
     * Records an FR whose status request failed after its retries, or whose reply could not be
     * mapped, and releases its claim; the run goes on.
     */
    public void failed(Exchange exchange) {
        AckCandidate candidate = exchange.getProperty(CANDIDATE_PROPERTY, AckCandidate.class);
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        OperationRun run = TrackingContext.run(exchange);
        store.releaseAcknowledgmentClaim(candidate.id(), owner(run));
        TrackingContext.tally(exchange).add("failed");
        TrackingContext.warn(LOG, jobLog, exchange, "ack_failed", null, "FR " + candidate.frNumber() + " (PO "
                + candidate.poNumber() + ") was not checked: " + (error == null ? "unknown error" : error.getMessage())
                + "; the next run tries again");
    }

    /** Ends the run with its counts. */
    public RunOutcome finish(Exchange exchange) {
        return TrackingContext.finish(jobRuns, exchange);
    }

    /** Returns the claim owner of a run: the node name and the run id, unique across runtimes on one pool. */
    String owner(OperationRun run) {
        return run.ownerOn(nodeName);
    }
}
