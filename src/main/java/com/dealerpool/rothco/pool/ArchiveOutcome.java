package com.dealerpool.rothco.pool;

/**
 * Result of archiving the variants that a full import did not see.
 *
 * @param archivedAny   true when variants were archived; false when nothing was absent or the
 *                      shrink guard skipped archiving
 * @param archived      variants archived
 * @param activeBefore  active variants of the source before archiving
 * @param absent        active variants that the import did not see
 * @param skippedReason why archiving was skipped, or null when it was not
 */
public record ArchiveOutcome(boolean archivedAny, int archived, int activeBefore, int absent, String skippedReason) {

    public boolean skipped() {
        return skippedReason != null;
    }
}
