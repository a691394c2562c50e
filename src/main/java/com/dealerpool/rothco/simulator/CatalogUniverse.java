package com.dealerpool.rothco.simulator;

/**
 * Shape of the whole generated catalog: how many product lines exist, how many variants each
 * has, which brand each belongs to, and which variants drift at a given epoch. It stores only a
 * few bytes per product line; the content of a line is generated on demand by
 * {@link ProductLineGenerator}.
 * <p>
 * Drift rules, all derived from the seed:
 * <ul>
 *   <li>at every epoch, about {@value #ABSENT_PERCENT}% of variants are absent, chosen
 *       independently per epoch, so a variant missing at one epoch usually returns at the next;
 *       epoch 0 also has absent variants;</li>
 *   <li>each variant has a phase in 0-9 and gets a new price and stock revision whenever
 *       {@code epoch + phase} reaches a multiple of 10, so from one epoch to the next about 10%
 *       of variants change price (and, unless their stock is fixed at 0 or 99+, quantity).</li>
 * </ul>
 */
public final class CatalogUniverse {

    /** Largest variant count the simulator accepts; the layout costs about 6 bytes per product line. */
    public static final int MAX_VARIANTS = 2_000_000;

    static final int MAX_VARIANTS_PER_LINE = 10;
    static final int ABSENT_PERCENT = 3;
    static final int RESTRICTED_PERCENT = 5;
    static final int REVISION_PERIOD = 10;

    private static final long SALT_VARIANT_COUNT = 11;
    private static final long SALT_RESTRICTED = 12;
    private static final long SALT_ARP_BRAND = 13;
    private static final long SALT_ABSENT = 14;
    private static final long SALT_PHASE = 15;

    /** Number of the first product line in codes and SKUs, so codes read like RTH-PL-1000. */
    static final int FIRST_LINE_NUMBER = 1000;

    private final long seed;
    private final int totalVariants;
    private final byte[] variantCounts;
    private final int[] firstVariantOrdinals;
    private final byte[] arpBrandIndexes;

    /**
     * Lays out a catalog of exactly {@code totalVariants} variants.
     *
     * @throws IllegalArgumentException when the count is below 1 or above {@link #MAX_VARIANTS}
     */
    public CatalogUniverse(long seed, int totalVariants) {
        if (totalVariants < 1 || totalVariants > MAX_VARIANTS) {
            throw new IllegalArgumentException("Invalid simulator variant count " + totalVariants
                    + "; use a value from 1 to " + MAX_VARIANTS);
        }
        this.seed = seed;
        this.totalVariants = totalVariants;
        int maxLines = totalVariants;
        byte[] counts = new byte[maxLines];
        int lines = 0;
        int assigned = 0;
        while (assigned < totalVariants) {
            int count = 1 + DeterministicHash.below(MAX_VARIANTS_PER_LINE, seed, SALT_VARIANT_COUNT, lines);
            count = Math.min(count, totalVariants - assigned);
            counts[lines++] = (byte) count;
            assigned += count;
        }
        this.variantCounts = java.util.Arrays.copyOf(counts, lines);
        this.firstVariantOrdinals = new int[lines];
        this.arpBrandIndexes = new byte[lines];
        int ordinal = 0;
        for (int line = 0; line < lines; line++) {
            firstVariantOrdinals[line] = ordinal;
            ordinal += variantCounts[line];
            boolean restricted = DeterministicHash.below(100, seed, SALT_RESTRICTED, line) < RESTRICTED_PERCENT;
            arpBrandIndexes[line] = restricted
                    ? (byte) DeterministicHash.below(CatalogVocabulary.ARP_BRANDS.size(), seed, SALT_ARP_BRAND, line)
                    : -1;
        }
    }

    public long seed() {
        return seed;
    }

    /** Variants in the full universe, present or absent at any epoch. */
    public int totalVariants() {
        return totalVariants;
    }

    /** Product lines in the full universe. */
    public int productLineCount() {
        return variantCounts.length;
    }

    int variantCount(int line) {
        return variantCounts[line];
    }

    int firstVariantOrdinal(int line) {
        return firstVariantOrdinals[line];
    }

    /** Returns the ARP brand of a line, or null for a Rothco line visible to every dealer. */
    CatalogVocabulary.Brand arpBrand(int line) {
        byte index = arpBrandIndexes[line];
        return index < 0 ? null : CatalogVocabulary.ARP_BRANDS.get(index);
    }

    CatalogVocabulary.Brand brand(int line) {
        CatalogVocabulary.Brand arp = arpBrand(line);
        return arp == null ? CatalogVocabulary.ROTHCO : arp;
    }

    boolean isAbsent(int epoch, int variantOrdinal) {
        return DeterministicHash.below(100, seed, SALT_ABSENT, epoch, variantOrdinal) < ABSENT_PERCENT;
    }

    /** Price and stock revision of a variant at an epoch; it changes for 1 in 10 variants per epoch step. */
    int revision(int epoch, int variantOrdinal) {
        int phase = DeterministicHash.below(REVISION_PERIOD, seed, SALT_PHASE, variantOrdinal);
        return Math.floorDiv(epoch + phase, REVISION_PERIOD);
    }

    /** Returns the line index for a line number in a code or SKU, or -1 when no such line exists. */
    int lineIndexOf(int lineNumber) {
        int index = lineNumber - FIRST_LINE_NUMBER;
        return index >= 0 && index < variantCounts.length ? index : -1;
    }
}
