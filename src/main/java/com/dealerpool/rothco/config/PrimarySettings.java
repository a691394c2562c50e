package com.dealerpool.rothco.config;

/**
 * Settings of Get Inventory (Primary) for one source.
 *
 * @param enabled            whether the routes of the operation are created
 * @param schedule           Quartz cron expression, evaluated in UTC
 * @param runAtStartup       whether one run starts right after startup
 * @param template           name of the mapping template
 * @param pageSize           product lines per catalog page
 * @param maxFailedPages     failed pages a run tolerates; one more fails the run
 * @param archive            whether items absent from a complete feed are archived
 * @param archiveMaxShrink   share of the active items (0 to 1) that one run may archive
 */
public record PrimarySettings(boolean enabled, String schedule, boolean runAtStartup, String template,
        int pageSize, int maxFailedPages, boolean archive, double archiveMaxShrink) implements InventorySettings {
}
