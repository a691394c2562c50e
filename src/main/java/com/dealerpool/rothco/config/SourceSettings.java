package com.dealerpool.rothco.config;

import java.util.List;

import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.rothco.ApiKey;
import com.dealerpool.rothco.rothco.ApiMode;

/**
 * One configured Rothco account ("source").
 *
 * @param id                      lower-case id used in route ids and property keys
 * @param name                    display name
 * @param mode                    Sandbox or Live
 * @param apiKey                  the account's API key
 * @param endpointUrl             the GraphQL endpoint this source calls
 * @param maxConcurrentRequests   page requests in flight at once
 * @param maxRequestsPerSecond    request rate limit across the source's routes
 * @param testConnectionAtStartup whether Test Connection runs right after startup
 * @param primary                 Get Inventory (Primary) settings
 * @param secondary               Get Inventory (Secondary) settings
 * @param type                    kind of warehouse; fulfillment operations run only for a Vendor Warehouse
 * @param acceptsFulfillmentRequests whether FRs may be routed to this source
 * @param shipFrom                address the source's orders ship from
 * @param shippingMethods         Rothco shipping method codes the source offers, at least one
 */
public record SourceSettings(String id, String name, ApiMode mode, ApiKey apiKey, String endpointUrl,
        int maxConcurrentRequests, int maxRequestsPerSecond, boolean testConnectionAtStartup,
        PrimarySettings primary, SecondarySettings secondary, SourceType type, boolean acceptsFulfillmentRequests,
        ShipFromLocation shipFrom, List<String> shippingMethods) {

    /**
     * Returns the settings of an inventory operation.
     *
     * @throws IllegalArgumentException for an operation that does not fetch inventory
     */
    public InventorySettings inventory(Operation operation) {
        return switch (operation) {
            case GET_INVENTORY_PRIMARY -> primary;
            case GET_INVENTORY_SECONDARY -> secondary;
            default -> throw new IllegalArgumentException(operation.displayName()
                    + " has no inventory settings; use get-inventory-primary or get-inventory-secondary");
        };
    }
}
