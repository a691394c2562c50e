package com.dealerpool.rothco;

import java.util.Arrays;
import java.util.Locale;

/**
 * Operations the connector runs for every configured Rothco source. The slug is the
 * last part of each route id ({@code rothco-<source>-<slug>}) and of property keys.
 */
public enum Operation {
    TEST_CONNECTION("test-connection", "Test Connection"),
    GET_INVENTORY_PRIMARY("get-inventory-primary", "Get Inventory (Primary)"),
    GET_INVENTORY_SECONDARY("get-inventory-secondary", "Get Inventory (Secondary)"),
    SEND_FULFILLMENT_REQUESTS("send-fulfillment-requests", "Send Fulfillment Requests"),
    GET_FR_ACKNOWLEDGMENTS("get-fr-acknowledgments", "Get FR Acknowledgments"),
    GET_SHIPMENTS("get-shipments", "Get Shipments");

    private final String slug;
    private final String displayName;

    Operation(String slug, String displayName) {
        this.slug = slug;
        this.displayName = displayName;
    }

    public String slug() {
        return slug;
    }

    public String displayName() {
        return displayName;
    }

    /** Route id of this operation for one source, such as {@code rothco-dealer-get-inventory-primary}. */
    public String routeId(String sourceId) {
        return "rothco-" + sourceId + "-" + slug;
    }

    /**
     * Finds an operation by its slug or enum name, ignoring case.
     *
     * @throws IllegalArgumentException naming the value and the accepted slugs
     */
    public static Operation fromSlug(String value) {
        String normalized = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (Operation operation : values()) {
            if (operation.slug.equals(normalized) || operation.name().toLowerCase(Locale.ROOT).equals(normalized)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("Unknown operation '" + value + "'; use one of "
                + Arrays.stream(values()).map(Operation::slug).toList());
    }
}
