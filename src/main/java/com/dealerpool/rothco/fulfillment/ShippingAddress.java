package com.dealerpool.rothco.fulfillment;

/** Address Rothco ships a fulfillment request to. The country code is ISO 3166-1 alpha-2. */
public record ShippingAddress(String fullName, String address1, String address2, String city, String state,
        String postalCode, String countryCode, String phone) {
}
