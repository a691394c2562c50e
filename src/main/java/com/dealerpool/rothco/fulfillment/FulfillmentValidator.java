package com.dealerpool.rothco.fulfillment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a fulfillment request before it is stored or sent and names every problem. The
 * shipping name, address line 1, city, state, ZIP, customer email, at least one item, and
 * every item's SKU and a quantity above 0 are required. The email, the US state code and the
 * ZIP code must be well formed. State and ZIP formats apply to US addresses (country code US
 * or empty); Rothco's own rules for other countries are unknown.
 */
public final class FulfillmentValidator {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");
    private static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");

    /** USPS state codes: the states, DC, the territories and the military codes AA, AE and AP. */
    private static final Set<String> US_STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA",
            "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV",
            "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA",
            "WA", "WV", "WI", "WY", "DC", "AS", "GU", "MP", "PR", "VI", "AA", "AE", "AP");

    /** Returns every problem of the request, one sentence each; empty when it is valid. */
    public List<String> problems(FulfillmentRequest request) {
        List<String> problems = new ArrayList<>();
        if (blank(request.frNumber())) {
            problems.add("FR Number is missing");
        }
        ShippingAddress address = request.shippingAddress() == null
                ? new ShippingAddress(null, null, null, null, null, null, null, null) : request.shippingAddress();
        requireText(problems, "Full Name", address.fullName());
        requireText(problems, "Address Line 1", address.address1());
        requireText(problems, "City", address.city());
        boolean us = blank(address.countryCode()) || "US".equalsIgnoreCase(address.countryCode().trim());
        if (requireText(problems, "State", address.state()) && us
                && !US_STATES.contains(address.state().trim().toUpperCase(java.util.Locale.ROOT))) {
            problems.add("State '" + address.state() + "' is not a US state code; use two letters such as NY");
        }
        if (requireText(problems, "Postal Code (ZIP)", address.postalCode()) && us
                && !ZIP.matcher(address.postalCode().trim()).matches()) {
            problems.add("Postal Code '" + address.postalCode() + "' is not a US ZIP code; use 12345 or 12345-6789");
        }
        if (requireText(problems, "Customer Email", request.customerEmail())
                && !EMAIL.matcher(request.customerEmail().trim()).matches()) {
            problems.add("Customer Email '" + request.customerEmail() + "' is not an email address");
        }
        if (!blank(request.confirmToEmail()) && !EMAIL.matcher(request.confirmToEmail().trim()).matches()) {
            problems.add("Confirm To Email '" + request.confirmToEmail() + "' is not an email address");
        }
        if (request.items().isEmpty()) {
            problems.add("the request has no items; add at least one line with a SKU and a quantity");
        }
        for (FulfillmentItem item : request.items()) {
            if (blank(item.sku())) {
                problems.add("item " + item.lineNumber() + " has no SKU");
            }
            if (item.quantity() == null) {
                problems.add("item " + item.lineNumber() + " has no quantity");
            } else if (item.quantity() <= 0) {
                problems.add("item " + item.lineNumber() + " has quantity " + item.quantity() + "; use 1 or more");
            }
        }
        return problems;
    }

    private static boolean requireText(List<String> problems, String field, String value) {
        if (blank(value)) {
            problems.add(field + " is missing");
            return false;
        }
        return true;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
