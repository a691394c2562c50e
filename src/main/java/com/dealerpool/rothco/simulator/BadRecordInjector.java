package com.dealerpool.rothco.simulator;

import com.dealerpool.rothco.simulator.SimulatedVariant.Specification;

import java.util.ArrayList;
import java.util.List;

/**
 * Replaces records of a page with invalid ones, so a client can prove that it rejects single
 * records and keeps the rest of the page. On a catalog page, when the page has that many lines:
 * <ol>
 *   <li>line 1 gets a name of {@value #LONG_NAME_LENGTH} characters;</li>
 *   <li>the first variant of line 2 has a null SKU;</li>
 *   <li>the first variant of line 3 has the quantity {@code lots};</li>
 *   <li>the first variant of line 4 has {@value #TOO_MANY_SPECIFICATIONS} specifications.</li>
 * </ol>
 * On an inventory page, item 1 has a null SKU and item 2 the quantity {@code lots}. All other
 * records stay as the snapshot has them.
 */
public final class BadRecordInjector {

    public static final int LONG_NAME_LENGTH = 5000;
    public static final int TOO_MANY_SPECIFICATIONS = 11;
    public static final String INVALID_QUANTITY = "lots";

    private BadRecordInjector() {
    }

    static List<SimulatedProductLine> corruptCatalogPage(List<SimulatedProductLine> lines) {
        List<SimulatedProductLine> corrupted = new ArrayList<>(lines);
        if (corrupted.size() > 0) {
            SimulatedProductLine line = corrupted.get(0);
            corrupted.set(0, line.withName(longName(line.name())));
        }
        if (corrupted.size() > 1) {
            corrupted.set(1, withFirstVariant(corrupted.get(1), corrupted.get(1).variants().get(0).withSku(null)));
        }
        if (corrupted.size() > 2) {
            SimulatedVariant first = corrupted.get(2).variants().get(0);
            corrupted.set(2, withFirstVariant(corrupted.get(2), first.withQuantity(INVALID_QUANTITY)));
        }
        if (corrupted.size() > 3) {
            SimulatedVariant first = corrupted.get(3).variants().get(0);
            corrupted.set(3, withFirstVariant(corrupted.get(3), first.withSpecifications(tooManySpecifications())));
        }
        return corrupted;
    }

    static List<SimulatedVariant> corruptInventoryPage(List<SimulatedVariant> items) {
        List<SimulatedVariant> corrupted = new ArrayList<>(items);
        if (corrupted.size() > 0) {
            corrupted.set(0, corrupted.get(0).withSku(null));
        }
        if (corrupted.size() > 1) {
            corrupted.set(1, corrupted.get(1).withQuantity(INVALID_QUANTITY));
        }
        return corrupted;
    }

    private static SimulatedProductLine withFirstVariant(SimulatedProductLine line, SimulatedVariant variant) {
        List<SimulatedVariant> variants = new ArrayList<>(line.variants());
        variants.set(0, variant);
        return line.withVariants(List.copyOf(variants));
    }

    private static String longName(String name) {
        StringBuilder longName = new StringBuilder(LONG_NAME_LENGTH);
        while (longName.length() < LONG_NAME_LENGTH) {
            longName.append(name).append(' ');
        }
        return longName.substring(0, LONG_NAME_LENGTH);
    }

    private static List<Specification> tooManySpecifications() {
        List<Specification> specifications = new ArrayList<>(TOO_MANY_SPECIFICATIONS);
        for (int i = 1; i <= TOO_MANY_SPECIFICATIONS; i++) {
            specifications.add(new Specification("Feature " + i, "Value " + i));
        }
        return List.copyOf(specifications);
    }
}
