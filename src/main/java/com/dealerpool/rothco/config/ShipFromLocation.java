package com.dealerpool.rothco.config;

/**
 * Address a source's orders ship from.
 *
 * @param contact contact name or phone, or null
 */
public record ShipFromLocation(String address, String city, String state, String postalCode, String country,
        String contact) {

    /** Returns the location on one line, such as {@code 3015 Veterans Hwy, Ronkonkoma, NY 11779, US}. */
    public String oneLine() {
        return address + ", " + city + ", " + state + " " + postalCode + ", " + country
                + (contact == null ? "" : " (" + contact + ")");
    }
}
