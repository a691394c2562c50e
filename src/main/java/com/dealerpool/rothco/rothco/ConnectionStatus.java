package com.dealerpool.rothco.rothco;

/** Outcome of Test Connection, and the reason a call to Rothco failed. */
public enum ConnectionStatus {
    CONNECTED("Connected"),
    INVALID_KEY("Invalid API key"),
    SANDBOX_KEY_ON_LIVE("Sandbox key used against the Live API"),
    LIVE_KEY_ON_SANDBOX("Live key used against the Sandbox API"),
    RATE_LIMITED("Rate limited"),
    TIMED_OUT("Timed out"),
    UNREACHABLE("Unreachable"),
    SERVER_ERROR("Rothco server error"),
    INVALID_RESPONSE("Invalid response"),
    NOT_TESTED("Not tested");

    private final String label;

    ConnectionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
