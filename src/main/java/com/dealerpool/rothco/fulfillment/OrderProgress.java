package com.dealerpool.rothco.fulfillment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spreads Rothco's per-SKU quantities (acknowledged or shipped) over an FR's lines and derives
 * the FR's shipping status. An FR may list a SKU on several lines, but Rothco reports one
 * quantity per SKU. So the lines of a SKU are filled in line order up to their ordered
 * quantity, and whatever is left goes to the SKU's last line.
 */
public final class OrderProgress {

    private OrderProgress() {
    }

    /** Quantities per line number, and the SKUs (with their quantities) that no line of the FR has. */
    public record Allocation(Map<Integer, Integer> byLine, Map<String, Integer> unmatched) {
    }

    /** Spreads per-SKU quantities over the lines; a line whose SKU is not reported gets 0. */
    public static Allocation allocate(List<FulfillmentLine> lines, Map<String, Integer> bySku) {
        Map<String, Integer> left = new LinkedHashMap<>(bySku);
        Map<Integer, Integer> byLine = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            FulfillmentLine line = lines.get(i);
            int available = left.getOrDefault(line.sku(), 0);
            int take = isLastLineOf(lines, i) ? available : Math.min(available, line.quantity());
            byLine.put(line.lineNumber(), take);
            if (left.containsKey(line.sku())) {
                left.put(line.sku(), available - take);
            }
        }
        Map<String, Integer> unmatched = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> entry : bySku.entrySet()) {
            boolean onFr = lines.stream().anyMatch(line -> line.sku().equals(entry.getKey()));
            if (!onFr) {
                unmatched.put(entry.getKey(), entry.getValue());
            }
        }
        return new Allocation(byLine, unmatched);
    }

    private static boolean isLastLineOf(List<FulfillmentLine> lines, int index) {
        String sku = lines.get(index).sku();
        for (int i = index + 1; i < lines.size(); i++) {
            if (lines.get(i).sku().equals(sku)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns shipped when every quantity that was not cancelled has shipped (and something
     * shipped), partially shipped when some has, and null when nothing has.
     */
    public static FulfillmentStatus shippingStatus(List<FulfillmentLine> lines) {
        int shipped = lines.stream().mapToInt(FulfillmentLine::shipped).sum();
        if (shipped == 0) {
            return null;
        }
        boolean complete = lines.stream().allMatch(line -> line.shipped() >= line.quantity() - line.cancelled());
        return complete ? FulfillmentStatus.SHIPPED : FulfillmentStatus.PARTIALLY_SHIPPED;
    }

    /** Lists the lines whose quantity differs from the allocated one, as "SKU x: ordered 2, acknowledged 1". */
    public static List<String> differences(List<FulfillmentLine> lines, Allocation allocation, String verb) {
        List<String> differences = new ArrayList<>();
        for (FulfillmentLine line : lines) {
            int allocated = allocation.byLine().getOrDefault(line.lineNumber(), 0);
            if (allocated != line.quantity()) {
                differences.add("SKU " + line.sku() + " (line " + line.lineNumber() + "): ordered " + line.quantity()
                        + ", " + verb + " " + allocated);
            }
        }
        allocation.unmatched().forEach((sku, quantity) -> differences.add("SKU " + sku + ": not on the FR, " + verb
                + " " + quantity));
        return differences;
    }
}
