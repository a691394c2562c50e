package com.dealerpool.rothco.pool;

import java.time.Instant;

/**
 * One row of {@code dead_letter}: input that a run could not process, kept for inspection.
 *
 * @param channel   such as catalog-pages or rejected-orders
 * @param reference such as the page number or the fulfillment request number
 */
public record DeadLetterRecord(long id, long runId, Instant createdAt, String channel, String sourceId,
        String reference, String error, String payload) {
}
