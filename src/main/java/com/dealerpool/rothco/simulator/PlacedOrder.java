package com.dealerpool.rothco.simulator;

import java.util.List;
import java.util.Map;

/**
 * An order the simulator accepted, field for field the schema's {@code Order}, plus what the
 * order contained for tests to check.
 *
 * @param accountNumber the account that placed it
 * @param lines         order lines as {@code sku} and {@code quantity}
 */
public record PlacedOrder(String orderNumber, String confirmationId, String poNumber, String status,
        String createdAt, String accountNumber, String shippingMethod, List<Map<String, Object>> lines) {
}
