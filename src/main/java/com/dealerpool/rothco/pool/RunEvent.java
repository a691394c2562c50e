package com.dealerpool.rothco.pool;

import java.time.Instant;

/**
 * One row of {@code job_event}: something notable during a run.
 *
 * @param level INFO, WARN or ERROR
 * @param kind  such as page_failed, record_rejected, archive_skipped, lookup_miss or progress
 * @param page  catalog page number, or null
 * @param sku   SKU concerned, or null
 */
public record RunEvent(long id, long runId, Instant occurredAt, String level, String kind, Integer page, String sku,
        String message) {
}
