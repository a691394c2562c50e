package com.dealerpool.rothco.simulator;

import java.util.List;

/**
 * A product line as the simulator serves it, field for field the schema's {@code ProductLine}.
 * {@code brand} is the brand name; ARP product lines have {@code restricted == true}.
 */
public record SimulatedProductLine(String code, String name, String brand, String shortDescription,
        String longDescription, String manufacturer, String primaryCategory, String subCategory,
        String countryOfOrigin, boolean restricted, List<String> images, List<SimulatedVariant> variants) {

    SimulatedProductLine withName(String newName) {
        return new SimulatedProductLine(code, newName, brand, shortDescription, longDescription, manufacturer,
                primaryCategory, subCategory, countryOfOrigin, restricted, images, variants);
    }

    SimulatedProductLine withVariants(List<SimulatedVariant> newVariants) {
        return new SimulatedProductLine(code, name, brand, shortDescription, longDescription, manufacturer,
                primaryCategory, subCategory, countryOfOrigin, restricted, images, newVariants);
    }
}
