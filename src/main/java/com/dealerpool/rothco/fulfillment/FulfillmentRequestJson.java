package com.dealerpool.rothco.fulfillment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The JSON form of a fulfillment request that the inbox folder and the HTTP endpoint accept.
 * Unknown fields are rejected, so a misspelled field name is reported instead of dropped.
 *
 * @param source the source to route the FR to; the intake's default source when left out
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record FulfillmentRequestJson(String frNumber, String source, String frNotes, Map<String, String> customFields,
        String confirmToEmail, String confirmToName, String customerEmail, String shippingMethod,
        Address shippingAddress, List<Item> items) {

    /** The shipping address. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Address(String fullName, String address1, String address2, String city, String state,
            String postalCode, String countryCode, String phone) {
    }

    /** One line. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Item(String sku, Integer quantity, BigDecimal unitPrice, Map<String, String> customFields) {
    }

    /** Returns the request routed to the given source, as new. */
    public FulfillmentRequest toRequest(String sourceId) {
        List<FulfillmentItem> lines = new ArrayList<>();
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                lines.add(item == null ? new FulfillmentItem(i + 1, null, null, null, Map.of())
                        : new FulfillmentItem(i + 1, item.sku(), item.quantity(), item.unitPrice(), item.customFields()));
            }
        }
        ShippingAddress address = shippingAddress == null ? null : new ShippingAddress(shippingAddress.fullName(),
                shippingAddress.address1(), shippingAddress.address2(), shippingAddress.city(), shippingAddress.state(),
                shippingAddress.postalCode(), shippingAddress.countryCode(), shippingAddress.phone());
        return new FulfillmentRequest(null, frNumber, frNumber, sourceId, FulfillmentStatus.NEW, frNotes, customFields,
                confirmToEmail, confirmToName, customerEmail, address, shippingMethod, lines, 0, List.of());
    }
}
