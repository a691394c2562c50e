package com.dealerpool.rothco.pool;

/** A fulfillment request whose FR number the pool already has. */
public final class DuplicateFulfillmentRequestException extends RuntimeException {

    public DuplicateFulfillmentRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
