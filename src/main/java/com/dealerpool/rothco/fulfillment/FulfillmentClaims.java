package com.dealerpool.rothco.fulfillment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.config.SendSettings;
import com.dealerpool.rothco.job.JobRuns;
import com.dealerpool.rothco.job.OperationRun;
import com.dealerpool.rothco.job.RunOutcome;
import com.dealerpool.rothco.pool.FulfillmentStore;
import com.dealerpool.rothco.pool.FulfillmentStore.ClaimCriteria;
import com.dealerpool.rothco.pool.JobLog;

/**
 * The run steps of Send Fulfillment Requests: starts the tally, claims due FRs in batches
 * until none is left, and ends the run with its counts. A run stops claiming early after a
 * batch that settled no FR (such as during an outage, when every FR returns or stays unknown)
 * and after {@value #MAX_PASSES} batches.
 */
public final class FulfillmentClaims {

    /** Exchange property that controls whether the route's loop claims another batch. */
    public static final String MORE_PROPERTY = "rothcoFrMore";

    /** Batches one run claims at most, so that a Rothco outage cannot keep a run going. */
    static final int MAX_PASSES = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(FulfillmentClaims.class);

    private final FulfillmentOutcomes outcomes;
    private final JobRuns jobRuns;
    private final JobLog jobLog;
    private final Clock clock;

    public FulfillmentClaims(FulfillmentOutcomes outcomes, JobRuns jobRuns, JobLog jobLog, Clock clock) {
        this.outcomes = outcomes;
        this.jobRuns = jobRuns;
        this.jobLog = jobLog;
        this.clock = clock;
    }

    /**
     * Starts the tally. Outside business hours the run claims nothing; under manual
     * auto-processing new, unreleased FRs are held until an operator releases them.
     */
    public void begin(Exchange exchange) {
        OperationRun run = SendContext.run(exchange);
        SendSettings send = outcomes.sendSettings(run.sourceId());
        exchange.setProperty(SendTally.PROPERTY, new SendTally());
        if (!send.businessHours().contains(clock.instant())) {
            String message = "Outside business hours (" + send.businessHours() + "); no fulfillment request is sent";
            LOG.info("Run {} of {}: {}", run.runId(), run.sourceId(), message);
            jobLog.event(run.runId(), "INFO", "outside_business_hours", null, null, message);
            exchange.setProperty(MORE_PROPERTY, false);
            return;
        }
        if (send.manual()) {
            int held = outcomes.store().holdUnreleased(run.sourceId(), "auto-processing is manual: waits for an"
                    + " operator's release");
            if (held > 0) {
                LOG.info("Run {} of {}: held {} new fulfillment requests until an operator releases them",
                        run.runId(), run.sourceId(), held);
            }
        }
        exchange.setProperty(MORE_PROPERTY, true);
    }

    /** Claims the next batch of due FRs of the run's source and returns them. */
    public List<FulfillmentRequest> claimNext(Exchange exchange) {
        OperationRun run = SendContext.run(exchange);
        SendTally tally = SendContext.tally(exchange);
        SendSettings send = outcomes.sendSettings(run.sourceId());
        if (!tally.startPass() || tally.passes() > MAX_PASSES) {
            LOG.info("Run {} of {}: stops claiming after {} batches because the last batch settled no request",
                    run.runId(), run.sourceId(), tally.passes() - 1);
            exchange.setProperty(MORE_PROPERTY, false);
            return List.of();
        }
        Instant now = clock.instant();
        ClaimCriteria criteria = new ClaimCriteria(run.sourceId(), now, now.minus(Duration.ofHours(send.holdHours())),
                send.manual(), send.batchSize());
        List<FulfillmentRequest> claimed = outcomes.store().claim(criteria, outcomes.owner(exchange),
                now.plus(Duration.ofMinutes(send.leaseMinutes())));
        tally.addClaimed(claimed.size());
        exchange.setProperty(MORE_PROPERTY, !claimed.isEmpty());
        if (!claimed.isEmpty()) {
            LOG.info("Run {} of {}: claimed {} fulfillment requests (batch {})", run.runId(), run.sourceId(),
                    claimed.size(), tally.passes());
        }
        return claimed;
    }

    /** Ends the run with its counts. */
    public RunOutcome finish(Exchange exchange) {
        SendTally tally = SendContext.tally(exchange);
        return jobRuns.finish(SendContext.run(exchange), tally.describe(), tally.hasWarnings());
    }

    /** Returns the store the claims come from. */
    FulfillmentStore store() {
        return outcomes.store();
    }
}
