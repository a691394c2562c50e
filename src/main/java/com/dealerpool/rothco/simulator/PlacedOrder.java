package com.dealerpool.rothco.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An order the simulator accepted, as placed; {@link OrderLifecycle} derives its status,
 * invoice and shipments at any time of the order clock.
 *
 * @param accountNumber the account that placed it
 * @param lines         order lines as {@code sku} and {@code quantity}
 */
public record PlacedOrder(String orderNumber, String confirmationId, String poNumber, String createdAt,
        String accountNumber, String shippingMethod, List<Map<String, Object>> lines) {

    /** Returns when the order was placed, on the simulator's order clock. */
    public Instant placedAt() {
        return Instant.parse(createdAt);
    }
}
