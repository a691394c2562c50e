package com.dealerpool.rothco.config;

/**
 * Settings of Send Fulfillment Requests for one source
 * ({@code rothco.sources.<id>.send-fulfillment-requests.*}).
 *
 * @param enabled               whether the routes of the operation are created
 * @param schedule              Quartz cron expression, evaluated in UTC
 * @param template              name of the mapping template that turns an FR into a Rothco order
 * @param billingEmail          email Rothco sends the invoices to; required when enabled
 * @param holdHours             hours a new FR waits before it is sent
 * @param businessHours         when FRs are sent
 * @param useAckProcess         false: an accepted order acknowledges the FR at once
 * @param acceptsShippingMethod false: no shipping method is sent and Rothco picks its own
 * @param autoProcessing        auto or manual after resolving global
 * @param commitStock           whether accepted, unshipped FR lines reduce the available stock
 * @param allowBackorders       false: an FR with a line asking more than the available stock is held
 * @param routingGroup          group of sources that take over restricted items, or null
 * @param batchSize             FRs claimed at a time
 * @param leaseMinutes          how long a claim lasts before another runtime may take the FR over
 * @param unknownRetrySeconds   how long an FR whose reply was lost waits before its PO is looked up
 */
public record SendSettings(boolean enabled, String schedule, String template, String billingEmail, int holdHours,
        BusinessHours businessHours, boolean useAckProcess, boolean acceptsShippingMethod,
        AutoProcessing autoProcessing, boolean commitStock, boolean allowBackorders, String routingGroup,
        int batchSize, int leaseMinutes, int unknownRetrySeconds) {

    /** Returns true when new FRs wait for an operator's release. */
    public boolean manual() {
        return autoProcessing == AutoProcessing.MANUAL;
    }
}
