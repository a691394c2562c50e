package com.dealerpool.rothco.simulator;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The generated catalog of one simulator: the universe laid out from a seed and a variant
 * count, and a small cache of the per-account, per-epoch {@link CatalogSnapshot}s built from it.
 */
public final class CatalogModel {

    /** Snapshots kept before the cache is cleared; each costs two ints per product line. */
    private static final int MAX_CACHED_SNAPSHOTS = 64;

    private final CatalogUniverse universe;
    private final ProductLineGenerator generator;
    private final Map<String, CatalogSnapshot> snapshots = new ConcurrentHashMap<>();

    public CatalogModel(long seed, int totalVariants) {
        this.universe = new CatalogUniverse(seed, totalVariants);
        this.generator = new ProductLineGenerator(universe);
    }

    public CatalogUniverse universe() {
        return universe;
    }

    /**
     * Returns the catalog visible at this epoch to an account enrolled in these ARP brands.
     *
     * @throws IllegalArgumentException when the epoch is negative
     */
    public CatalogSnapshot snapshot(int epoch, Set<String> enrolledBrands) {
        if (epoch < 0) {
            throw new IllegalArgumentException("Invalid epoch " + epoch + "; use 0 or more");
        }
        String cacheKey = epoch + "|" + String.join("|", new TreeSet<>(enrolledBrands));
        CatalogSnapshot cached = snapshots.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        if (snapshots.size() >= MAX_CACHED_SNAPSHOTS) {
            snapshots.clear();
        }
        return snapshots.computeIfAbsent(cacheKey,
                key -> new CatalogSnapshot(universe, generator, epoch, enrolledBrands));
    }

    /** Returns the names of the brands sold only to dealers enrolled in the Authorized Reseller Program. */
    public static Set<String> arpBrandNames() {
        Set<String> names = new TreeSet<>();
        CatalogVocabulary.ARP_BRANDS.forEach(brand -> names.add(brand.name()));
        return names;
    }
}
