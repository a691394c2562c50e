package com.dealerpool.rothco.fulfillment;

import java.util.Arrays;
import java.util.Locale;

/** Status of a fulfillment request, as stored in {@code fulfillment_request.status}. */
public enum FulfillmentStatus {
    NEW, HELD, SENDING, SENT, ACKNOWLEDGED,
    /** Some, but not all, of the open quantities have shipped. */
    PARTIALLY_SHIPPED,
    /** Every quantity that was not cancelled has shipped. */
    SHIPPED,
    CANCELLED, REJECTED,
    /** The order request left but its reply was lost; the PO is looked up before any resend. */
    UNKNOWN;

    /** Returns the stored value, such as {@code new}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a stored or typed status, ignoring case.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static FulfillmentStatus parse(String value) {
        String normalized = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (FulfillmentStatus status : values()) {
            if (status.name().equals(normalized)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown fulfillment request status '" + value + "'; use one of "
                + Arrays.stream(values()).map(FulfillmentStatus::value).toList());
    }
}
