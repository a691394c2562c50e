package com.dealerpool.rothco.simulator;

import com.dealerpool.rothco.simulator.CatalogVocabulary.Brand;
import com.dealerpool.rothco.simulator.CatalogVocabulary.Color;
import com.dealerpool.rothco.simulator.CatalogVocabulary.SubCategory;
import com.dealerpool.rothco.simulator.SimulatedVariant.Specification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Generates the content of one product line, with every variant of the universe, from the seed
 * and the line index alone. Only prices and quantities depend on the epoch. Variants of a line
 * differ by Color and Size; their SKUs read {@code <brand code>-<line number>-<color>-<size>},
 * such as {@code RTH-1042-OD-L}.
 */
final class ProductLineGenerator {

    static final String IMAGE_BASE_URL = "https://images.rothco.example/products/";

    private static final long SALT_SUB_CATEGORY = 21;
    private static final long SALT_PRODUCT_NAME = 22;
    private static final long SALT_QUALIFIER = 23;
    private static final long SALT_COLOR_START = 24;
    private static final long SALT_COLOR_STEP = 25;
    private static final long SALT_PRICE = 26;
    private static final long SALT_MSRP_RATIO = 27;
    private static final long SALT_MAP_RATIO = 28;
    private static final long SALT_WEIGHT = 29;
    private static final long SALT_COUNTRY = 30;
    private static final long SALT_IMAGES = 31;
    private static final long SALT_SPECIFICATION_COUNT = 32;
    private static final long SALT_MATERIAL = 33;
    private static final long SALT_FEATURE = 34;
    private static final long SALT_EXTRA_VALUE = 35;
    private static final long SALT_UPC = 36;
    private static final long SALT_STOCK_CLASS = 37;
    private static final long SALT_STOCK_BASE = 38;
    private static final long SALT_CAPACITY = 39;

    /** Share of variants, in percent, whose quantity is the text 99+. */
    static final int HIGH_STOCK_PERCENT = 15;
    /** Share of variants, in percent, that are out of stock at every epoch. */
    static final int OUT_OF_STOCK_PERCENT = 10;

    private static final List<SubCategory> SUB_CATEGORIES = CatalogVocabulary.SUB_CATEGORIES;
    private static final List<Color> COLORS = CatalogVocabulary.COLORS;

    private final CatalogUniverse universe;
    private final long seed;

    ProductLineGenerator(CatalogUniverse universe) {
        this.universe = universe;
        this.seed = universe.seed();
    }

    /** Generates a line with all of its variants, including those absent at this epoch. */
    SimulatedProductLine generate(int line, int epoch) {
        Brand brand = universe.brand(line);
        SubCategory subCategory = subCategoryOf(line, brand);
        int lineNumber = CatalogUniverse.FIRST_LINE_NUMBER + line;
        String code = brand.code() + "-PL-" + lineNumber;
        boolean sized = !subCategory.sizes().equals(CatalogVocabulary.ONE_SIZE);
        String qualifier = sized ? pick(CatalogVocabulary.QUALIFIERS, SALT_QUALIFIER, line) : "";
        String name = qualifier + pick(subCategory.productNames(), SALT_PRODUCT_NAME, line);
        String material = pick(subCategory.materials(), SALT_MATERIAL, line);
        int variantCount = universe.variantCount(line);

        List<Color> colors = colorsOf(line, variantCount, subCategory.sizes().size());
        List<SimulatedVariant> variants = new ArrayList<>(variantCount);
        int specificationCount = specificationCountOf(line);
        for (int v = 0; v < variantCount; v++) {
            Color color = colors.get(v / subCategory.sizes().size());
            int sizeIndex = v % subCategory.sizes().size();
            variants.add(variant(line, v, epoch, brand, subCategory, material, color, sizeIndex, specificationCount));
        }

        String shortDescription = name + " by " + brand.name() + ", made of " + material.toLowerCase(Locale.ROOT) + ".";
        String longDescription = longDescription(line, name, material, subCategory, colors.size(), sized);
        return new SimulatedProductLine(code, name, brand.name(), shortDescription, longDescription,
                brand.manufacturer(), subCategory.primary(), subCategory.name(),
                pick(CatalogVocabulary.COUNTRIES, SALT_COUNTRY, line), brand.specialty() != null,
                images(code, line), List.copyOf(variants));
    }

    private SubCategory subCategoryOf(int line, Brand brand) {
        if (brand.specialty() == null) {
            return pick(SUB_CATEGORIES, SALT_SUB_CATEGORY, line);
        }
        List<SubCategory> specialty = SUB_CATEGORIES.stream()
                .filter(candidate -> candidate.primary().equals(brand.specialty()))
                .toList();
        return pick(specialty, SALT_SUB_CATEGORY, line);
    }

    /** Picks distinct colors by walking the color list with a step that is coprime with its size. */
    private List<Color> colorsOf(int line, int variantCount, int sizeCount) {
        int colorCount = (variantCount + sizeCount - 1) / sizeCount;
        int start = DeterministicHash.below(COLORS.size(), seed, SALT_COLOR_START, line);
        int step = 1 + DeterministicHash.below(COLORS.size() - 1, seed, SALT_COLOR_STEP, line);
        List<Color> colors = new ArrayList<>(colorCount);
        for (int i = 0; i < colorCount; i++) {
            colors.add(COLORS.get((start + i * step) % COLORS.size()));
        }
        return colors;
    }

    private int specificationCountOf(int line) {
        int roll = DeterministicHash.below(100, seed, SALT_SPECIFICATION_COUNT, line);
        return roll < 3 ? 0 : 2 + roll % 9;
    }

    private SimulatedVariant variant(int line, int v, int epoch, Brand brand, SubCategory subCategory,
            String material, Color color, int sizeIndex, int specificationCount) {
        int ordinal = universe.firstVariantOrdinal(line) + v;
        String size = subCategory.sizes().get(sizeIndex);
        String sku = brand.code() + "-" + (CatalogUniverse.FIRST_LINE_NUMBER + line) + "-" + color.code() + "-" + size;
        int revision = universe.revision(epoch, ordinal);
        Prices prices = prices(line, subCategory, sizeIndex, revision);
        int weightRange = subCategory.maxWeight() - subCategory.minWeight();
        int weightHundredths = subCategory.minWeight()
                + DeterministicHash.below(weightRange + 1, seed, SALT_WEIGHT, line) + sizeIndex * 3;
        return new SimulatedVariant(sku, String.valueOf(10_000 + ordinal), upc(ordinal),
                prices.dealer(), prices.msrp(), prices.map(), quantity(ordinal, revision), weightHundredths / 100.0,
                specifications(line, subCategory, material, color, size, specificationCount));
    }

    private record Prices(double dealer, double msrp, double map) {
    }

    /**
     * Computes prices in cents: the dealer price moves by -6% to +6% with the revision and always
     * differs between consecutive revisions; MSRP ends in .99 and MAP lies above the dealer price and
     * at most at MSRP.
     */
    private Prices prices(int line, SubCategory subCategory, int sizeIndex, int revision) {
        int range = subCategory.maxPriceCents() - subCategory.minPriceCents();
        long base = subCategory.minPriceCents() + DeterministicHash.below(range + 1, seed, SALT_PRICE, line)
                + (sizeIndex >= 5 ? 200L : 0L);
        double revisionFactor = 1.0 + (Math.floorMod(revision, 5) - 2) * 0.03;
        long dealerCents = Math.round(base * revisionFactor);
        double msrpRatio = 1.7 + DeterministicHash.below(31, seed, SALT_MSRP_RATIO, line) / 100.0;
        long msrpCents = (long) Math.ceil(dealerCents * msrpRatio / 100.0) * 100 - 1;
        double mapRatio = 0.85 + DeterministicHash.below(16, seed, SALT_MAP_RATIO, line) / 100.0;
        long mapCents = Math.round(msrpCents * mapRatio);
        if (mapCents <= dealerCents) {
            mapCents = msrpCents;
        }
        return new Prices(dealerCents / 100.0, msrpCents / 100.0, mapCents / 100.0);
    }

    private String quantity(int ordinal, int revision) {
        int stockClass = DeterministicHash.below(100, seed, SALT_STOCK_CLASS, ordinal);
        if (stockClass < HIGH_STOCK_PERCENT) {
            return "99+";
        }
        if (stockClass < HIGH_STOCK_PERCENT + OUT_OF_STOCK_PERCENT) {
            return "0";
        }
        int base = DeterministicHash.below(98, seed, SALT_STOCK_BASE, ordinal);
        return String.valueOf((base + 7 * revision) % 98 + 1);
    }

    /** Builds a 12-digit UPC-A starting with 6, with a valid check digit. */
    private String upc(int ordinal) {
        long body = 60_000_000_000L + Long.remainderUnsigned(DeterministicHash.mix(seed, SALT_UPC, ordinal),
                10_000_000_000L);
        String digits = Long.toString(body);
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return digits + (10 - sum % 10) % 10;
    }

    private List<Specification> specifications(int line, SubCategory subCategory, String material, Color color,
            String size, int count) {
        if (count == 0) {
            return List.of();
        }
        List<Specification> specifications = new ArrayList<>(count);
        specifications.add(new Specification("Color", color.name()));
        if (!CatalogVocabulary.ONE_SIZE.contains(size)) {
            specifications.add(new Specification("Size", size));
        }
        specifications.add(new Specification("Material", material));
        if (color.camo()) {
            specifications.add(new Specification("Camo Pattern", color.name()));
        }
        if (subCategory.capacityUnit() != null) {
            int capacity = 10 + DeterministicHash.below(60, seed, SALT_CAPACITY, line);
            specifications.add(new Specification("Capacity", capacity + " " + subCategory.capacityUnit()));
        }
        List<String> extraNames = CatalogVocabulary.EXTRA_SPECIFICATIONS;
        for (int i = 0; i < extraNames.size() && specifications.size() < count; i++) {
            List<String> values = CatalogVocabulary.EXTRA_SPECIFICATION_VALUES.get(i);
            String value = values.get(DeterministicHash.below(values.size(), seed, SALT_EXTRA_VALUE, line, i));
            specifications.add(new Specification(extraNames.get(i), value));
        }
        return List.copyOf(specifications.subList(0, Math.min(count, specifications.size())));
    }

    private String longDescription(int line, String name, String material, SubCategory subCategory,
            int colorCount, boolean sized) {
        List<String> features = CatalogVocabulary.FEATURES;
        int first = DeterministicHash.below(features.size(), seed, SALT_FEATURE, line);
        int second = (first + 1 + DeterministicHash.below(features.size() - 1, seed, SALT_FEATURE, line, 1))
                % features.size();
        String availability = sized
                ? "Available in " + colorCount + (colorCount == 1 ? " color" : " colors") + " and sizes "
                        + subCategory.sizes().get(0) + " to " + subCategory.sizes().get(subCategory.sizes().size() - 1)
                        + "."
                : "Available in " + colorCount + (colorCount == 1 ? " color." : " colors.");
        return "The " + name + " is made of " + material.toLowerCase(Locale.ROOT) + " with " + features.get(first) + " and "
                + features.get(second) + ". " + availability + " " + subCategory.name()
                + " built for military, law enforcement and outdoor use.";
    }

    private List<String> images(String code, int line) {
        int count = 1 + DeterministicHash.below(4, seed, SALT_IMAGES, line);
        List<String> images = new ArrayList<>(count);
        images.add(IMAGE_BASE_URL + code + "/main.jpg");
        for (int i = 1; i < count; i++) {
            images.add(IMAGE_BASE_URL + code + "/alt-" + i + ".jpg");
        }
        return List.copyOf(images);
    }

    private <T> T pick(List<T> values, long salt, int line) {
        return values.get(DeterministicHash.below(values.size(), seed, salt, line));
    }
}
