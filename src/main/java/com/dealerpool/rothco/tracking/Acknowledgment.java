package com.dealerpool.rothco.tracking;

import java.util.Map;

/**
 * Rothco's response for one FR after the "Rothco - Get PO Ack" mapping.
 *
 * @param orderStatus       Rothco's order status, or null when Rothco has no order for the PO
 * @param invoiceNumber     the invoice number, or null before the order is invoiced
 * @param frNumber          the FR number the template mapped from the invoice or order, or null
 * @param acknowledgedBySku acknowledged quantities per SKU, or null when the reply listed no items
 */
public record Acknowledgment(String orderStatus, String invoiceNumber, String frNumber,
        Map<String, Integer> acknowledgedBySku) {
}
