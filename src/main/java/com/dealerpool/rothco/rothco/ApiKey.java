package com.dealerpool.rothco.rothco;

import java.util.Objects;

/**
 * A Rothco API key that can be rotated at runtime. The value is only handed to the HTTP
 * client; {@link #toString()} and {@link #masked()} show at most its last 4 characters, so
 * the key never reaches a log line, a JMX attribute, the job log or a dead letter.
 */
public final class ApiKey {

    private volatile String value;

    public ApiKey(String value) {
        this.value = requireKey(value);
    }

    /** Returns the key for the request header; callers must not log it. */
    public String reveal() {
        return value;
    }

    /** Replaces the key; the next request uses the new one. */
    public void rotate(String newValue) {
        this.value = requireKey(newValue);
    }

    /** Returns the key as {@code ****1234}, or {@code ****} for a key of 8 characters or less. */
    public String masked() {
        return mask(value);
    }

    /** Masks any secret text the same way as {@link #masked()}. */
    public static String mask(String secret) {
        if (secret == null || secret.length() <= 8) {
            return "****";
        }
        return "****" + secret.substring(secret.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static String requireKey(String value) {
        Objects.requireNonNull(value, "API key");
        if (value.isBlank()) {
            throw new IllegalArgumentException("API key is blank");
        }
        return value.trim();
    }
}
