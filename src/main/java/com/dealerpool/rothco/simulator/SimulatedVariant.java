package com.dealerpool.rothco.simulator;

import java.util.List;

/**
 * A variant as the simulator serves it, field for field the schema's {@code Variant}; the
 * {@code InventoryItem} rows of the inventory query are the same objects. Prices are in USD,
 * weight in pounds, and quantity is a whole number as text or {@code 99+}.
 */
public record SimulatedVariant(String sku, String mpn, String upc, Double dealerPrice, Double msrp, Double map,
        String quantity, Double weight, List<Specification> specifications) {

    /** A name and value pair of a variant, such as Color or Size. */
    public record Specification(String name, String value) {
    }

    SimulatedVariant withSku(String newSku) {
        return new SimulatedVariant(newSku, mpn, upc, dealerPrice, msrp, map, quantity, weight, specifications);
    }

    SimulatedVariant withQuantity(String newQuantity) {
        return new SimulatedVariant(sku, mpn, upc, dealerPrice, msrp, map, newQuantity, weight, specifications);
    }

    SimulatedVariant withSpecifications(List<Specification> newSpecifications) {
        return new SimulatedVariant(sku, mpn, upc, dealerPrice, msrp, map, quantity, weight, newSpecifications);
    }
}
