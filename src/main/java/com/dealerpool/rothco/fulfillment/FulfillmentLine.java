package com.dealerpool.rothco.fulfillment;

/**
 * The quantities of one FR item after it was sent: ordered, acknowledged by Rothco (null until
 * an acknowledgment listed quantities), cancelled and shipped.
 */
public record FulfillmentLine(int lineNumber, String sku, int quantity, Integer acknowledged, int cancelled,
        int shipped) {

    /** Returns the quantity still to ship: ordered minus cancelled minus shipped, at least 0. */
    public int open() {
        return Math.max(0, quantity - cancelled - shipped);
    }
}
