package com.dealerpool.rothco.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
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
import com.dealerpool.rothco.rothco.RothcoRequests;

/**
 * The run steps of Get Shipments around the mapping and the sink: fixes the lookback window at
 * the start of the run, builds the request of each page, and ends the run with its counts.
 */
public final class ShipmentSteps {

    /** Exchange property that controls whether the route's loop requests another page. */
    public static final String MORE_PROPERTY = "rothcoShipmentsMore";
    /** Exchange property with the number of the next page, from 1. */
    public static final String PAGE_PROPERTY = "rothcoShipmentsPage";
    /** Exchange property with the start of the run, the time the run-time fallback stores. */
    public static final String RUN_TIME_PROPERTY = "rothcoShipmentsRunTime";

    static final List<String> COUNTS = List.of("shipments", "created", "updated", "unchanged", "unknown PO",
            "rejected");

    private static final Logger LOG = LoggerFactory.getLogger(ShipmentSteps.class);
    private static final String SINCE_PROPERTY = "rothcoShippedSince";

    private final OrderTrackingSettings settings;
    private final RothcoRequests requests;
    private final JobRuns jobRuns;
    private final JobLog jobLog;
    private final Clock clock;

    public ShipmentSteps(OrderTrackingSettings settings, RothcoRequests requests, JobRuns jobRuns, JobLog jobLog,
            Clock clock) {
        this.settings = settings;
        this.requests = requests;
        this.jobRuns = jobRuns;
        this.jobLog = jobLog;
        this.clock = clock;
    }

    /** Starts the tally and fixes the window: shipments of the last lookback-days days, up to now. */
    public void begin(Exchange exchange) {
        OperationRun run = TrackingContext.run(exchange);
        OrderTrackingSettings.Shipments shipments = settings.shipments(run.sourceId());
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays(shipments.lookbackDays()));
        exchange.setProperty(TrackingTally.PROPERTY, new TrackingTally(COUNTS));
        exchange.setProperty(RUN_TIME_PROPERTY, now);
        exchange.setProperty(SINCE_PROPERTY, since);
        exchange.setProperty(PAGE_PROPERTY, 1);
        exchange.setProperty(MORE_PROPERTY, true);
        TrackingContext.info(LOG, jobLog, run, "shipments_window", "fetching shipments shipped since " + since + " (the"
                + " last " + shipments.lookbackDays() + " days)");
    }

    /** Builds the request of the next page. */
    public String pageRequest(Exchange exchange) {
        OperationRun run = TrackingContext.run(exchange);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("shippedSince", exchange.getProperty(SINCE_PROPERTY, Instant.class).toString());
        variables.put("page", exchange.getProperty(PAGE_PROPERTY, Integer.class));
        variables.put("pageSize", settings.shipments(run.sourceId()).pageSize());
        return requests.build("shipments-page", variables);
    }

    /** Ends the run with its counts. */
    public RunOutcome finish(Exchange exchange) {
        return TrackingContext.finish(jobRuns, exchange);
    }
}
