package com.dealerpool.rothco.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Validation of fulfillment requests before they are stored or sent. */
class FulfillmentValidatorTest {

    private final FulfillmentValidator validator = new FulfillmentValidator();

    private static FulfillmentRequest withAddress(ShippingAddress address, String email) {
        FulfillmentRequest valid = FulfillmentFixtures.request("FR-1", "dealer", "SKU-1");
        return new FulfillmentRequest(null, "FR-1", "FR-1", "dealer", FulfillmentStatus.NEW, null, Map.of(), null,
                null, email, address, null, valid.items(), 0, List.of());
    }

    @Test
    void validRequestHasNoProblems() {
        assertThat(validator.problems(FulfillmentFixtures.request("FR-1", "dealer", "SKU-1"))).isEmpty();
    }

    @Test
    void zipPlusFourIsAccepted() {
        assertThat(validator.problems(withAddress(new ShippingAddress("Pat", "1 Main St", null, "Albany", "ny",
                "12207-1234", "US", null), "pat@example.com"))).isEmpty();
    }

    @Test
    void foreignAddressSkipsUsFormats() {
        assertThat(validator.problems(withAddress(new ShippingAddress("Pat", "1 Main St", null, "Toronto", "ON",
                "M5V 2T6", "CA", null), "pat@example.com"))).isEmpty();
    }

    @Test
    void missingEmailIsNamed() {
        assertThat(validator.problems(withAddress(new ShippingAddress("Pat", "1 Main St", null, "Albany", "NY",
                "12207", "US", null), null))).containsExactly("Customer Email is missing");
    }

    @Test
    void missingAddressNamesEachField() {
        assertThat(validator.problems(withAddress(null, "pat@example.com"))).containsExactly("Full Name is missing",
                "Address Line 1 is missing", "City is missing", "State is missing", "Postal Code (ZIP) is missing");
    }
}
