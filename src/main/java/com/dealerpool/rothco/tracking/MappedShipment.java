package com.dealerpool.rothco.tracking;

import java.time.Instant;
import java.util.Map;

/**
 * One Rothco shipment after the "Get Shipments 2" mapping, with the order number and status
 * from Rothco's record, which key and describe it.
 *
 * @param shippedAt shipped time, or null when Rothco sent none
 * @param items     quantity shipped per SKU, as Rothco reported it
 */
public record MappedShipment(String orderNumber, String orderStatus, String trackingNumber, String poNumber,
        Instant shippedAt, String methodName, String methodCode, Map<String, Integer> items) {
}
