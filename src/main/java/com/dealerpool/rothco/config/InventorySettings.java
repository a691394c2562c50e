package com.dealerpool.rothco.config;

/**
 * Settings that Get Inventory (Primary) and Get Inventory (Secondary) share: both fetch pages of
 * a Rothco feed on a schedule, map them with a template and may archive what a complete feed no
 * longer lists.
 */
public interface InventorySettings {

    /** Whether the routes of the operation are created. */
    boolean enabled();

    /** Quartz cron expression, evaluated in UTC. */
    String schedule();

    /** Whether one run starts right after startup. */
    boolean runAtStartup();

    /** Name of the mapping template. */
    String template();

    /** Items per page: product lines for Primary, variants for Secondary. */
    int pageSize();

    /** Failed pages a run tolerates; one more fails the run. */
    int maxFailedPages();

    /** Whether items absent from a complete feed are archived and returning items un-archived. */
    boolean archive();

    /** Share of the active items (0 to 1) that one run may archive. */
    double archiveMaxShrink();
}
