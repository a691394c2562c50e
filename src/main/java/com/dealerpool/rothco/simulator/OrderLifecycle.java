package com.dealerpool.rothco.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The status, invoice and shipments of a simulated order at a time of the simulated clock. The path of an order is
 * fixed by its PO number, so every run of the simulator replays it the same way:
 * <ul>
 *   <li>A PO that contains one or more of the markers {@code -HOLD}, {@code -CANCEL},
 *       {@code -SPLIT}, {@code -NODATE} and {@code -SHORT} (any case) takes exactly those paths:
 *       held before confirmation; cancelled instead of confirmed; shipped in two shipments;
 *       shipped without Shipped At; confirmed with one unit less on its last line.</li>
 *   <li>Any other PO is chosen by a hash of the PO: about 5% cancelled, 15% held, 30% split
 *       (orders of 2 or more units) and 10% without Shipped At. No unmarked PO is confirmed short.</li>
 * </ul>
 * Timeline in simulated minutes after the order was placed: OPEN at 0; HOLD from
 * {@value #HOLD_FROM_MINUTES} to {@value #HELD_CONFIRM_MINUTES} on the hold path; CONFIRMED (or
 * CANCELLED) at {@value #CONFIRM_MINUTES}, or {@value #HELD_CONFIRM_MINUTES} after a hold; the
 * first shipment {@value #FIRST_SHIPMENT_MINUTES} minutes after confirmation, the second of a split
 * order {@value #SECOND_SHIPMENT_MINUTES} minutes after it; CLOSED, with its invoice,
 * {@value #CLOSE_MINUTES} minutes after the last shipment.
 */
public final class OrderLifecycle {

    public static final int HOLD_FROM_MINUTES = 2;
    public static final int CONFIRM_MINUTES = 5;
    public static final int HELD_CONFIRM_MINUTES = 20;
    public static final int FIRST_SHIPMENT_MINUTES = 10;
    public static final int SECOND_SHIPMENT_MINUTES = 30;
    public static final int CLOSE_MINUTES = 20;

    private static final long PATH_SEED = 0x5EED_0BDEL;

    /** Names of the shipping codes the simulator ships with; an order without a code ships UPS Ground. */
    private static final Map<String, String> METHOD_NAMES = Map.of(
            "UPSGND", "UPS Ground", "UPS3DY", "UPS Three Day Air", "UPSBLU", "UPS Two Day Air",
            "UPSRED", "UPS Next Day Air", "PRIOR", "USPS Priority Mail", "FXGHD", "FedEx Ground Home Delivery",
            "STANDARD", "Standard", "TWODAY", "Two Day", "THREEDAY", "Three Day");

    /** The paths an order takes. */
    public record Path(boolean hold, boolean cancel, boolean split, boolean noShippedAt, boolean shortConfirmed) {
    }

    /** A line as the schema's {@code OrderItem}. */
    public record OrderItem(String skuCode, int quantityOrdered) {
    }

    /** The schema's {@code Invoice}. */
    public record Invoice(String invoiceNumber, String poNumber, String invoicedAt, List<OrderItem> items) {
    }

    /** The schema's {@code ShipmentItem}. */
    public record ShipmentItem(String productLineCode, int quantityOrdered, int quantityShipped, String skuCode) {
    }

    /**
     * The schema's {@code Shipment}, plus the time it left Rothco, which selects it for a
     * lookback window even when {@code shippedAt} is null.
     */
    public record Shipment(String orderNumber, String orderStatus, String poNumber, String shippedAt,
            String shippingMethodCode, String shippingMethodName, String trackingNumber, List<ShipmentItem> items,
            Instant leftAt) {
    }

    /** The schema's {@code Order} at one time of the simulated clock. */
    public record OrderView(String orderNumber, String confirmationId, String poNumber, String status,
            String createdAt, List<OrderItem> items, Invoice invoice) {
    }

    private OrderLifecycle() {
    }

    /** Returns the paths of a PO: the markers it contains, or the hash choice when it has none. */
    public static Path pathOf(String poNumber) {
        String upper = poNumber.toUpperCase(Locale.ROOT);
        boolean hold = upper.contains("-HOLD");
        boolean cancel = upper.contains("-CANCEL");
        boolean split = upper.contains("-SPLIT");
        boolean noDate = upper.contains("-NODATE");
        boolean shortConfirmed = upper.contains("-SHORT");
        if (hold || cancel || split || noDate || shortConfirmed) {
            return new Path(hold, cancel, split, noDate, shortConfirmed);
        }
        long hash = poNumber.hashCode();
        return new Path(DeterministicHash.below(100, PATH_SEED, hash, 1) < 15,
                DeterministicHash.below(100, PATH_SEED, hash, 2) < 5,
                DeterministicHash.below(100, PATH_SEED, hash, 3) < 30,
                DeterministicHash.below(100, PATH_SEED, hash, 4) < 10, false);
    }

    /** Returns the order as the schema shows it at {@code now}. */
    static OrderView view(PlacedOrder order, Instant now) {
        String status = status(order, now);
        Invoice invoice = null;
        if ("CLOSED".equals(status)) {
            Instant closedAt = lastShipmentAt(order).plus(Duration.ofMinutes(CLOSE_MINUTES));
            invoice = new Invoice("INV-" + order.orderNumber().substring(order.orderNumber().indexOf('-') + 1),
                    order.poNumber(), closedAt.toString(), confirmedItems(order));
        }
        return new OrderView(order.orderNumber(), order.confirmationId(), order.poNumber(), status, order.createdAt(),
                confirmedItems(order), invoice);
    }

    /** Returns the order status at {@code now}. */
    static String status(PlacedOrder order, Instant now) {
        Path path = pathOf(order.poNumber());
        long minutes = Duration.between(order.placedAt(), now).toMinutes();
        Instant confirmAt = confirmAt(order);
        if (now.isBefore(confirmAt)) {
            return path.hold() && minutes >= HOLD_FROM_MINUTES ? "HOLD" : "OPEN";
        }
        if (cancelled(order)) {
            return "CANCELLED";
        }
        List<Instant> shipped = shipmentTimes(order);
        if (now.isBefore(shipped.get(0))) {
            return "CONFIRMED";
        }
        Instant last = shipped.get(shipped.size() - 1);
        if (now.isBefore(last)) {
            return "PARTIALLY_SHIPPED";
        }
        return now.isBefore(last.plus(Duration.ofMinutes(CLOSE_MINUTES))) ? "FULLY_SHIPPED" : "CLOSED";
    }

    /** Returns the shipments that left by {@code now}; a cancelled order has none. */
    static List<Shipment> shipments(PlacedOrder order, Instant now, CatalogSnapshot catalog) {
        Path path = pathOf(order.poNumber());
        List<Shipment> shipments = new ArrayList<>();
        if (cancelled(order)) {
            return shipments;
        }
        List<Instant> times = shipmentTimes(order);
        List<Map<String, Integer>> parcels = parcels(order);
        String status = status(order, now);
        String code = order.shippingMethod() == null ? "UPSGND" : order.shippingMethod().toUpperCase(Locale.ROOT);
        Map<String, Integer> ordered = orderedQuantities(order);
        for (int i = 0; i < times.size(); i++) {
            if (times.get(i).isAfter(now)) {
                break;
            }
            List<ShipmentItem> items = new ArrayList<>();
            for (Map.Entry<String, Integer> parcel : parcels.get(i).entrySet()) {
                String productLine = catalog.productLineOf(parcel.getKey()).map(SimulatedProductLine::code).orElse(null);
                items.add(new ShipmentItem(productLine, ordered.getOrDefault(parcel.getKey(), 0), parcel.getValue(),
                        parcel.getKey()));
            }
            String tracking = "1Z" + String.format(Locale.ROOT, "%016X",
                    DeterministicHash.mix(PATH_SEED, order.orderNumber().hashCode(), i)).substring(0, 16);
            shipments.add(new Shipment(order.orderNumber(), status, order.poNumber(),
                    path.noShippedAt() ? null : times.get(i).toString(), code, METHOD_NAMES.getOrDefault(code, code),
                    tracking, List.copyOf(items), times.get(i)));
        }
        return shipments;
    }

    /** Returns true on the cancel path, and for an order that a short confirmation left without lines. */
    private static boolean cancelled(PlacedOrder order) {
        return pathOf(order.poNumber()).cancel() || confirmedItems(order).isEmpty();
    }

    private static Instant confirmAt(PlacedOrder order) {
        int minutes = pathOf(order.poNumber()).hold() ? HELD_CONFIRM_MINUTES : CONFIRM_MINUTES;
        return order.placedAt().plus(Duration.ofMinutes(minutes));
    }

    private static List<Instant> shipmentTimes(PlacedOrder order) {
        Instant first = confirmAt(order).plus(Duration.ofMinutes(FIRST_SHIPMENT_MINUTES));
        if (parcels(order).size() == 1) {
            return List.of(first);
        }
        return List.of(first, confirmAt(order).plus(Duration.ofMinutes(SECOND_SHIPMENT_MINUTES)));
    }

    private static Instant lastShipmentAt(PlacedOrder order) {
        List<Instant> times = shipmentTimes(order);
        return times.get(times.size() - 1);
    }

    /**
     * Splits the confirmed units into parcels: one, or two for a split order of 2 or more units,
     * the first with the first half of the units (rounded up) in line order.
     */
    private static List<Map<String, Integer>> parcels(PlacedOrder order) {
        List<String> units = new ArrayList<>();
        for (OrderItem item : confirmedItems(order)) {
            for (int i = 0; i < item.quantityOrdered(); i++) {
                units.add(item.skuCode());
            }
        }
        boolean split = pathOf(order.poNumber()).split() && units.size() >= 2;
        int firstSize = split ? (units.size() + 1) / 2 : units.size();
        List<Map<String, Integer>> parcels = new ArrayList<>();
        parcels.add(count(units.subList(0, firstSize)));
        if (split) {
            parcels.add(count(units.subList(firstSize, units.size())));
        }
        return parcels;
    }

    private static Map<String, Integer> count(List<String> units) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        units.forEach(sku -> counts.merge(sku, 1, Integer::sum));
        return counts;
    }

    private static Map<String, Integer> orderedQuantities(PlacedOrder order) {
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (Map<String, Object> line : order.lines()) {
            ordered.merge((String) line.get("sku"), ((Number) line.get("quantity")).intValue(), Integer::sum);
        }
        return ordered;
    }

    /** Returns the lines as Rothco confirms them: as ordered, or one unit less on the last line when short. */
    static List<OrderItem> confirmedItems(PlacedOrder order) {
        List<OrderItem> items = new ArrayList<>();
        orderedQuantities(order).forEach((sku, quantity) -> items.add(new OrderItem(sku, quantity)));
        if (pathOf(order.poNumber()).shortConfirmed() && !items.isEmpty()) {
            OrderItem last = items.remove(items.size() - 1);
            if (last.quantityOrdered() > 1) {
                items.add(new OrderItem(last.skuCode(), last.quantityOrdered() - 1));
            }
        }
        return List.copyOf(items);
    }
}
