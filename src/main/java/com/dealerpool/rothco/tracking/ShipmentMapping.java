package com.dealerpool.rothco.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.config.OrderTrackingSettings;
import com.dealerpool.rothco.mapping.MappedRecord;
import com.dealerpool.rothco.mapping.MappingCatalog;
import com.dealerpool.rothco.mapping.RecordRejectedException;
import com.dealerpool.rothco.mapping.fields.ShipmentFields;
import com.dealerpool.rothco.pool.JobLog;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The mapping step of Get Shipments: reads one page of Rothco's shipments, maps each shipment
 * with the source's template ("Get Shipments 2" by default), and moves the loop on to the next
 * page. A shipment the template rejects is a warning in the job log; the others go on.
 */
public final class ShipmentMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ShipmentMapping.class);

    private final MappingCatalog mappings;
    private final OrderTrackingSettings settings;
    private final JobLog jobLog;
    private final ObjectMapper mapper;

    public ShipmentMapping(MappingCatalog mappings, OrderTrackingSettings settings, JobLog jobLog,
            ObjectMapper mapper) {
        this.mappings = mappings;
        this.settings = settings;
        this.jobLog = jobLog;
        this.mapper = mapper;
    }

    /**
     * Maps the shipments of the page in the body.
     *
     * @throws IllegalStateException when the page is not JSON or carries GraphQL errors, which fails the run
     */
    @SuppressWarnings("unchecked")
    public List<MappedShipment> map(String body, Exchange exchange) {
        int page = exchange.getProperty(ShipmentSteps.PAGE_PROPERTY, Integer.class);
        Map<String, Object> data = TrackingContext.readReply(mapper, body, "shipments page " + page);
        Map<String, Object> shipmentPage = (Map<String, Object>) data.get("shipments");
        if (shipmentPage == null) {
            throw new IllegalStateException("Shipments page " + page + " has no data.shipments: " + body);
        }
        Map<String, Object> pageInfo = (Map<String, Object>) shipmentPage.get("pageInfo");
        int totalPages = ((Number) pageInfo.get("totalPages")).intValue();
        exchange.setProperty(ShipmentSteps.PAGE_PROPERTY, page + 1);
        exchange.setProperty(ShipmentSteps.MORE_PROPERTY, page < totalPages);

        String sourceId = TrackingContext.run(exchange).sourceId();
        String templateName = settings.shipments(sourceId).template();
        TrackingTally tally = TrackingContext.tally(exchange);
        List<MappedShipment> shipments = new ArrayList<>();
        for (Object element : (List<Object>) shipmentPage.get("shipments")) {
            Map<String, Object> record = (Map<String, Object>) element;
            tally.add("shipments");
            try {
                shipments.add(mapShipment(record, mappings.template(templateName).map(record)));
            } catch (RecordRejectedException e) {
                tally.add("rejected");
                TrackingContext.warn(LOG, jobLog, exchange, "shipment_rejected", null, "Shipment "
                        + record.get("trackingNumber") + " of order " + record.get("orderNumber") + " (PO "
                        + record.get("poNumber") + ") was rejected by mapping template " + templateName + ": "
                        + e.getMessage());
            }
        }
        return shipments;
    }

    private static MappedShipment mapShipment(Map<String, Object> record, MappedRecord mapped) {
        Map<String, Integer> items = TrackingContext.quantitiesBySku(mapped.items(), ShipmentFields.ITEM_SKU,
                ShipmentFields.ITEM_QUANTITY);
        return new MappedShipment((String) record.get("orderNumber"), (String) record.get("orderStatus"),
                mapped.text(ShipmentFields.TRACKING_NUMBER), mapped.text(ShipmentFields.PO_NUMBER),
                instant(mapped.fields().get(ShipmentFields.SHIPPED_AT)), mapped.text(ShipmentFields.METHOD),
                mapped.text(ShipmentFields.CARRIER), items);
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return null;
    }
}
