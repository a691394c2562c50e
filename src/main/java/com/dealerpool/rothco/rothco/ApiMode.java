package com.dealerpool.rothco.rothco;

import java.util.Locale;

/** Rothco account mode: a new account starts in Sandbox and moves to Live once approved. */
public enum ApiMode {
    SANDBOX, LIVE;

    /**
     * Parses {@code sandbox} or {@code live}, ignoring case.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static ApiMode parse(String value) {
        String normalized = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (ApiMode mode : values()) {
            if (mode.name().equals(normalized)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a Rothco API mode; use sandbox or live");
    }
}
