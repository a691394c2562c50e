package com.dealerpool.rothco.tracking;

import java.time.Instant;
import java.util.Map;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.config.OrderTrackingSettings;
import com.dealerpool.rothco.job.OperationRun;
import com.dealerpool.rothco.pool.JobLog;
import com.dealerpool.rothco.pool.OrderTrackingStore;
import com.dealerpool.rothco.pool.OrderTrackingStore.ShipmentChange;
import com.dealerpool.rothco.pool.OrderTrackingStore.ShipmentResult;

/**
 * The sink of Get Shipments: stores one mapped shipment, attached to the FR of its PO number,
 * and writes what changed to the job log. A shipment without Shipped At gets the source's
 * fallback; one whose PO matches no FR is stored without an FR and reported.
 */
public final class ShipmentSink {

    private static final Logger LOG = LoggerFactory.getLogger(ShipmentSink.class);

    private final OrderTrackingStore store;
    private final OrderTrackingSettings settings;
    private final JobLog jobLog;
    private final String nodeName;

    public ShipmentSink(OrderTrackingStore store, OrderTrackingSettings settings, JobLog jobLog, String nodeName) {
        this.store = store;
        this.settings = settings;
        this.jobLog = jobLog;
        this.nodeName = nodeName;
    }

    /** Stores the shipment in the body. */
    public void record(MappedShipment shipment, Exchange exchange) {
        OperationRun run = TrackingContext.run(exchange);
        TrackingTally tally = TrackingContext.tally(exchange);
        String fallback = settings.shipments(run.sourceId()).shippedAtFallback();
        Instant shippedAt = shipment.shippedAt();
        String shippedAtSource = "rothco";
        if (shippedAt == null) {
            boolean runTime = OrderTrackingSettings.FALLBACK_RUN_TIME.equals(fallback);
            shippedAtSource = runTime ? OrderTrackingSettings.FALLBACK_RUN_TIME : OrderTrackingSettings.FALLBACK_EMPTY;
            shippedAt = runTime ? exchange.getProperty(ShipmentSteps.RUN_TIME_PROPERTY, Instant.class) : null;
        }

        ShipmentResult result = store.upsertShipment(new OrderTrackingStore.ShipmentUpsert(run.sourceId(),
                shipment.orderNumber(), shipment.trackingNumber(), shipment.poNumber(), shipment.orderStatus(),
                shippedAt, shippedAtSource, shipment.methodCode(), shipment.methodName(), shipment.items(), run.ownerOn(nodeName)),
                Instant.now());
        tally.add(result.change().name().toLowerCase(java.util.Locale.ROOT));

        String name = "Shipment " + shipment.trackingNumber() + " of order " + shipment.orderNumber() + " (PO "
                + shipment.poNumber() + ")";
        if (shipment.shippedAt() == null && result.change() != ShipmentChange.UNCHANGED) {
            TrackingContext.info(LOG, jobLog, run, "shipment_shipped_at_fallback", name + " has no Shipped At;"
                    + (shippedAtSource.equals(OrderTrackingSettings.FALLBACK_RUN_TIME)
                            ? " stored the run time " + result.shippedAt() : " left it empty")
                    + " (shipped-at-fallback=" + fallback + ")");
        }
        if (result.frNumber() == null) {
            tally.add("unknown PO");
            TrackingContext.warn(LOG, jobLog, exchange, "shipment_unknown_po", null, name + " matches no FR of source "
                    + run.sourceId() + "; it is kept in the shipment table without an FR. Check that the FR's PO"
                    + " number is the one Rothco shows");
            return;
        }
        for (Map.Entry<String, Integer> unmatched : result.unmatched().entrySet()) {
            TrackingContext.warn(LOG, jobLog, exchange, "shipment_unknown_sku", unmatched.getKey(), name + " shipped "
                    + unmatched.getValue() + " of SKU " + unmatched.getKey() + ", which FR " + result.frNumber()
                    + " does not have");
        }
        if (result.change() != ShipmentChange.UNCHANGED) {
            TrackingContext.info(LOG, jobLog, run, "shipment_" + result.change().name().toLowerCase(
                    java.util.Locale.ROOT), name + " " + result.change().name().toLowerCase(java.util.Locale.ROOT)
                    + " for FR " + result.frNumber() + ": " + shipment.items() + " via " + shipment.methodName()
                    + ", shipped at " + (result.shippedAt() == null ? "(empty)" : result.shippedAt()));
        }
        if (result.to() != null) {
            TrackingContext.info(LOG, jobLog, run, "fr_" + result.to().value(), "FR " + result.frNumber()
                    + " is now " + result.to().value() + " (was " + result.from().value() + ")");
        }
    }
}
