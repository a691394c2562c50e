package com.dealerpool.rothco.config;

import java.util.Arrays;
import java.util.Locale;

/**
 * Whether new fulfillment requests are sent on their own ({@code auto}) or wait for an
 * operator's release ({@code manual}); {@code global} follows
 * {@code rothco.send-fulfillment-requests.auto-processing}.
 */
public enum AutoProcessing {
    GLOBAL, AUTO, MANUAL;

    /**
     * Parses a setting value, ignoring case.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static AutoProcessing parse(String value) {
        for (AutoProcessing mode : values()) {
            if (mode.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not an auto-processing mode; use one of "
                + Arrays.stream(values()).map(mode -> mode.name().toLowerCase(Locale.ROOT)).toList());
    }
}
