package com.dealerpool.rothco.config;

/**
 * Settings of Get Inventory (Secondary) for one source: the stock and price refresh between
 * Primary runs.
 *
 * @param enabled            whether the routes of the operation are created
 * @param schedule           Quartz cron expression, evaluated in UTC
 * @param runAtStartup       whether one run starts right after startup
 * @param template           name of the mapping template
 * @param pageSize           variants per inventory snapshot page
 * @param maxFailedPages     failed pages a run tolerates; one more fails the run
 * @param allowCreateVariant whether a SKU missing from the pool is created as a minimal variant
 *                           that the next Primary run completes, instead of being skipped
 * @param archive            whether items absent from a complete snapshot are archived; at most
 *                           one of Primary and Secondary archives
 * @param archiveMaxShrink   share of the active items (0 to 1) that one run may archive
 */
public record SecondarySettings(boolean enabled, String schedule, boolean runAtStartup, String template,
        int pageSize, int maxFailedPages, boolean allowCreateVariant, boolean archive, double archiveMaxShrink)
        implements InventorySettings {
}
