package com.dealerpool.rothco.pool;

import java.util.List;

/**
 * Counts of one written stock and price snapshot page. Each distinct SKU of the page counts in
 * exactly one of {@code updated}, {@code unchanged}, {@code unarchived}, {@code keptNewer},
 * {@code archivedLeft} and {@code unknownSkus}.
 *
 * @param updated      active variants whose stock or prices changed and were written
 * @param unchanged    variants whose stock and prices equal the page, so nothing was written
 * @param unarchived   archived variants made active again with the page's values
 * @param keptNewer    variants whose stored values Rothco observed later than the page, kept as they are
 * @param archivedLeft archived variants left archived, because this writer does not un-archive
 * @param unknownSkus  SKUs that the pool does not have, in page order
 * @param created      how many of {@code unknownSkus} were created as minimal variants; 0 or all
 */
public record SnapshotPageResult(int updated, int unchanged, int unarchived, int keptNewer, int archivedLeft,
        List<String> unknownSkus, int created) {

    public static final SnapshotPageResult EMPTY = new SnapshotPageResult(0, 0, 0, 0, 0, List.of(), 0);
}
