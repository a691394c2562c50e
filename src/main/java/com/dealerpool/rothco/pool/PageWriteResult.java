package com.dealerpool.rothco.pool;

/**
 * Counts of one written page. Each distinct SKU of the page counts in exactly one of
 * {@code created}, {@code updated}, {@code unchanged} and {@code unarchived}.
 *
 * @param created    new variants inserted
 * @param updated    existing active variants whose content changed
 * @param unchanged  variants whose content hash matched, so nothing was written
 * @param unarchived archived variants that returned to the feed and were made active again
 * @param products   distinct parent products on the page
 */
public record PageWriteResult(int created, int updated, int unchanged, int unarchived, int products) {

    public static final PageWriteResult EMPTY = new PageWriteResult(0, 0, 0, 0, 0);
}
