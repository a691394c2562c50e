package com.dealerpool.rothco.pool;

/**
 * Options of a stock and price snapshot page write beyond updating known variants.
 *
 * @param createUnknown create a minimal variant for a SKU missing from the pool (created_by
 *                      SECONDARY, no content hash, so the next catalog import fills it in)
 *                      instead of skipping it
 * @param unarchive     make archived variants that are in the snapshot active again; false
 *                      leaves them archived, for the catalog import to un-archive
 */
public record SnapshotWriteOptions(boolean createUnknown, boolean unarchive) {
}
