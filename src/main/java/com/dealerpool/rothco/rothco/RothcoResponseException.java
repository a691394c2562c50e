package com.dealerpool.rothco.rothco;

/**
 * Rothco answered, but the answer cannot be used: GraphQL {@code errors[]}, a body that is not
 * valid JSON, or JSON without the expected data. The message keeps Rothco's own error text
 * unchanged.
 */
public class RothcoResponseException extends RuntimeException {

    private final String code;

    public RothcoResponseException(String message, String code) {
        super(message);
        this.code = code;
    }

    public RothcoResponseException(String message, Throwable cause) {
        super(message, cause);
        this.code = null;
    }

    /** Rothco's machine-readable error code, or null. */
    public String code() {
        return code;
    }
}
