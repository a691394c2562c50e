package com.dealerpool.rothco.simulator;

/** A business rejection of an order: Rothco's message and its {@code extensions.code}. */
final class OrderRejectedException extends Exception {

    private final String code;

    OrderRejectedException(String message, String code) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }
}
