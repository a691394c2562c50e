package com.dealerpool.rothco.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog visible to one account at one epoch: the product lines that are not hidden by the Authorized
 * Reseller Program and still have at least one present variant, with only their present
 * variants. The server pages over this view, and tests use it to compute exactly what an
 * import must contain. It stores two ints per visible product line and generates line content
 * on demand.
 */
public final class CatalogSnapshot {

    private final CatalogUniverse universe;
    private final ProductLineGenerator generator;
    private final int epoch;
    private final Set<String> enrolledBrands;
    private final int[] visibleLines;
    /** Visible variants before each visible line; the last entry is the total. */
    private final int[] variantOffsets;

    CatalogSnapshot(CatalogUniverse universe, ProductLineGenerator generator, int epoch, Set<String> enrolledBrands) {
        this.universe = universe;
        this.generator = generator;
        this.epoch = epoch;
        this.enrolledBrands = Set.copyOf(enrolledBrands);
        int lineCount = universe.productLineCount();
        int[] lines = new int[lineCount];
        int[] offsets = new int[lineCount + 1];
        int visible = 0;
        int variants = 0;
        for (int line = 0; line < lineCount; line++) {
            CatalogVocabulary.Brand arpBrand = universe.arpBrand(line);
            if (arpBrand != null && !this.enrolledBrands.contains(arpBrand.name())) {
                continue;
            }
            int present = presentVariantCount(line);
            if (present == 0) {
                continue;
            }
            lines[visible] = line;
            offsets[visible] = variants;
            visible++;
            variants += present;
        }
        offsets[visible] = variants;
        this.visibleLines = Arrays.copyOf(lines, visible);
        this.variantOffsets = Arrays.copyOf(offsets, visible + 1);
    }

    public int epoch() {
        return epoch;
    }

    public Set<String> enrolledBrands() {
        return enrolledBrands;
    }

    /** Returns the number of product lines visible to the account, {@code pageInfo.totalItems} of the catalog query. */
    public int totalProductLines() {
        return visibleLines.length;
    }

    /** Returns the number of variants visible to the account, {@code pageInfo.totalItems} of the inventory query. */
    public int totalVariants() {
        return variantOffsets[visibleLines.length];
    }

    /** Returns the number of pages of this size for a total, 0 when there is nothing to page over. */
    public static int totalPages(int totalItems, int pageSize) {
        return (int) ((totalItems + (long) pageSize - 1) / pageSize);
    }

    /**
     * Returns one catalog page, numbered from 1; a page beyond the end is empty.
     *
     * @throws IllegalArgumentException when page or pageSize is below 1
     */
    public List<SimulatedProductLine> catalogPage(int page, int pageSize) {
        requirePaging(page, pageSize);
        long from = (long) (page - 1) * pageSize;
        if (from >= visibleLines.length) {
            return List.of();
        }
        int to = (int) Math.min(visibleLines.length, from + pageSize);
        List<SimulatedProductLine> lines = new ArrayList<>(to - (int) from);
        for (int i = (int) from; i < to; i++) {
            lines.add(visibleLine(visibleLines[i]));
        }
        return lines;
    }

    /**
     * Returns one inventory page of variants in catalog order, numbered from 1; a page beyond the
     * end is empty.
     *
     * @throws IllegalArgumentException when page or pageSize is below 1
     */
    public List<SimulatedVariant> inventoryPage(int page, int pageSize) {
        requirePaging(page, pageSize);
        long from = (long) (page - 1) * pageSize;
        int total = totalVariants();
        if (from >= total) {
            return List.of();
        }
        int to = (int) Math.min(total, from + pageSize);
        List<SimulatedVariant> items = new ArrayList<>(to - (int) from);
        int lineIndex = visibleLineContaining((int) from);
        int skip = (int) from - variantOffsets[lineIndex];
        while (items.size() < to - from) {
            List<SimulatedVariant> variants = visibleLine(visibleLines[lineIndex]).variants();
            for (int v = skip; v < variants.size() && items.size() < to - from; v++) {
                items.add(variants.get(v));
            }
            skip = 0;
            lineIndex++;
        }
        return items;
    }

    /** Returns the SKUs visible to the account, in catalog order; this generates every visible line. */
    public Set<String> skus() {
        Set<String> skus = new LinkedHashSet<>(totalVariants() * 2);
        for (int line : visibleLines) {
            for (SimulatedVariant variant : visibleLine(line).variants()) {
                skus.add(variant.sku());
            }
        }
        return skus;
    }

    /** Returns a variant as the account receives it at this epoch, or empty when it is hidden or absent. */
    public Optional<SimulatedVariant> variant(String sku) {
        return productLineOf(sku).flatMap(line -> line.variants().stream()
                .filter(variant -> variant.sku().equals(sku))
                .findFirst());
    }

    /** Returns the product line that contains a SKU, with its present variants, or empty when hidden. */
    public Optional<SimulatedProductLine> productLineOf(String sku) {
        int line = lineIndexOfSku(sku);
        if (line < 0 || Arrays.binarySearch(visibleLines, line) < 0) {
            return Optional.empty();
        }
        return Optional.of(visibleLine(line));
    }

    private int lineIndexOfSku(String sku) {
        if (sku == null) {
            return -1;
        }
        String[] parts = sku.split("-", 3);
        if (parts.length < 3) {
            return -1;
        }
        try {
            return universe.lineIndexOf(Integer.parseInt(parts[1]));
        } catch (NumberFormatException notAGeneratedSku) {
            return -1;
        }
    }

    private SimulatedProductLine visibleLine(int line) {
        SimulatedProductLine full = generator.generate(line, epoch);
        int first = universe.firstVariantOrdinal(line);
        List<SimulatedVariant> present = new ArrayList<>(full.variants().size());
        for (int v = 0; v < full.variants().size(); v++) {
            if (!universe.isAbsent(epoch, first + v)) {
                present.add(full.variants().get(v));
            }
        }
        return present.size() == full.variants().size() ? full : full.withVariants(List.copyOf(present));
    }

    private int presentVariantCount(int line) {
        int first = universe.firstVariantOrdinal(line);
        int present = 0;
        for (int v = 0; v < universe.variantCount(line); v++) {
            if (!universe.isAbsent(epoch, first + v)) {
                present++;
            }
        }
        return present;
    }

    /** Finds the visible line whose variants include the variant at this offset. */
    private int visibleLineContaining(int variantOffset) {
        int low = 0;
        int high = visibleLines.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (variantOffsets[middle] <= variantOffset) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    private static void requirePaging(int page, int pageSize) {
        if (page < 1) {
            throw new IllegalArgumentException("Invalid page " + page + "; pages are numbered from 1");
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("Invalid pageSize " + pageSize + "; use 1 or more");
        }
    }
}
