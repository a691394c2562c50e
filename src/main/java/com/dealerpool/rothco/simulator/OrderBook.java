package com.dealerpool.rothco.simulator;

import com.dealerpool.rothco.rothco.ApiMode;
import com.dealerpool.rothco.rothco.RothcoContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * Orders placed with the simulator and the rules that accept or reject them. One PO number
 * places at most one order per account and mode. Rejections, checked in this order:
 * <ol>
 *   <li>{@code DUPLICATE_PO}: the account already has an order with the PO number;</li>
 *   <li>{@code SHIPPING_METHOD_NOT_ACCEPTED}: the account refuses the shipping code
 *       ({@link #refuseShippingMethod});</li>
 *   <li>{@code ITEM_UNAVAILABLE}: a SKU is not in the catalog or its quantity is 0;</li>
 *   <li>{@code RESTRICTED_ITEM}: a SKU belongs to an Authorized Reseller Program brand the
 *       account is not enrolled in;</li>
 *   <li>{@code HAZMAT_RESTRICTED}: a SKU is hazardous material ({@link #isHazmat}) and the
 *       account is not approved for it ({@link #approveHazmat}).</li>
 * </ol>
 * Sandbox orders are numbered {@code SB-}, Live orders {@code SO-}. An accepted order then moves
 * through the lifecycle of {@link OrderLifecycle}, driven by the order clock {@link #clock()}.
 */
public final class OrderBook {

    private static final Logger LOG = LoggerFactory.getLogger(OrderBook.class);

    /** Seed of the hazmat choice, so the same SKUs are hazmat on every run. */
    private static final long HAZMAT_SEED = 0x4A7A_3A7L;
    /** Share of SKUs, in percent, that are hazardous material. */
    private static final int HAZMAT_PERCENT = 3;

    private record OrderKey(String accountNumber, ApiMode mode, String poNumber) {
    }

    private final CatalogModel catalog;
    private final IntSupplier epoch;
    private final SimulatedClock clock;
    private final Map<OrderKey, PlacedOrder> orders = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> refusedShippingMethods = new ConcurrentHashMap<>();
    private final Set<String> hazmatApprovedKeys = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong(100_000);
    private final AtomicInteger duplicateAttempts = new AtomicInteger();

    OrderBook(CatalogModel catalog, IntSupplier epoch, SimulatedClock clock) {
        this.catalog = catalog;
        this.epoch = epoch;
        this.clock = clock;
    }

    /** Returns the order clock that drives every order's lifecycle. */
    public SimulatedClock clock() {
        return clock;
    }

    /** Returns the status of the order with this PO number at the current order clock, across accounts. */
    public Optional<String> statusOf(String poNumber) {
        Instant now = clock.now();
        return orders.values().stream().filter(order -> order.poNumber().equals(poNumber)).findFirst()
                .map(order -> OrderLifecycle.status(order, now));
    }

    Optional<OrderLifecycle.OrderView> viewByPo(SimulatorAccount account, String poNumber) {
        return byPo(account, poNumber).map(order -> OrderLifecycle.view(order, clock.now()));
    }

    /**
     * Returns the account's shipments that left at or after {@code since} and by the current
     * order clock, oldest first.
     */
    List<OrderLifecycle.Shipment> shipments(SimulatorAccount account, Instant since) {
        Instant now = clock.now();
        CatalogSnapshot everything = catalog.snapshot(epoch.getAsInt(), CatalogModel.arpBrandNames());
        List<OrderLifecycle.Shipment> shipments = new ArrayList<>();
        for (Map.Entry<OrderKey, PlacedOrder> entry : orders.entrySet()) {
            OrderKey key = entry.getKey();
            if (!key.accountNumber().equals(account.accountNumber()) || key.mode() != account.mode()) {
                continue;
            }
            for (OrderLifecycle.Shipment shipment : OrderLifecycle.shipments(entry.getValue(), now, everything)) {
                if (!shipment.leftAt().isBefore(since)) {
                    shipments.add(shipment);
                }
            }
        }
        shipments.sort(Comparator.comparing(OrderLifecycle.Shipment::leftAt)
                .thenComparing(OrderLifecycle.Shipment::trackingNumber));
        return shipments;
    }

    /** Returns true for the SKUs that count as hazardous material: about 3% of them, chosen by SKU. */
    public static boolean isHazmat(String sku) {
        return sku != null && DeterministicHash.below(100, HAZMAT_SEED, sku.hashCode()) < HAZMAT_PERCENT;
    }

    /** Makes the account of a key reject orders with this shipping code. */
    public void refuseShippingMethod(String apiKey, String shippingCode) {
        refusedShippingMethods.computeIfAbsent(apiKey, key -> ConcurrentHashMap.newKeySet())
                .add(shippingCode.toUpperCase(Locale.ROOT));
    }

    /** Lets the account of a key order hazardous material. */
    public void approveHazmat(String apiKey) {
        hazmatApprovedKeys.add(apiKey);
    }

    /** Returns every accepted order, in no particular order. */
    public List<PlacedOrder> orders() {
        return List.copyOf(orders.values());
    }

    /** Accepted orders with this PO number across all accounts. */
    public List<PlacedOrder> ordersWithPo(String poNumber) {
        return orders.values().stream().filter(order -> order.poNumber().equals(poNumber)).toList();
    }

    /** createOrder requests rejected because the PO already had an order. */
    public int duplicateAttempts() {
        return duplicateAttempts.get();
    }

    /** Removes every order and every account rule. */
    public void clear() {
        orders.clear();
        refusedShippingMethods.clear();
        hazmatApprovedKeys.clear();
        duplicateAttempts.set(0);
    }

    Optional<PlacedOrder> byPo(SimulatorAccount account, String poNumber) {
        return Optional.ofNullable(orders.get(new OrderKey(account.accountNumber(), account.mode(), poNumber)));
    }

    @SuppressWarnings("unchecked")
    PlacedOrder place(SimulatorAccount account, Map<String, Object> input) throws OrderRejectedException {
        String poNumber = (String) input.get("poNumber");
        OrderKey key = new OrderKey(account.accountNumber(), account.mode(), poNumber);
        PlacedOrder existing = orders.get(key);
        if (existing != null) {
            duplicateAttempts.incrementAndGet();
            throw new OrderRejectedException("Purchase order \"" + poNumber + "\" already exists as order "
                    + existing.orderNumber() + ".", RothcoContract.CODE_DUPLICATE_PO);
        }
        String shippingMethod = (String) input.get("shippingMethod");
        if (shippingMethod != null && refusedShippingMethods.getOrDefault(account.apiKey(), Set.of())
                .contains(shippingMethod.toUpperCase(Locale.ROOT))) {
            throw new OrderRejectedException("Shipping method \"" + shippingMethod + "\" is not accepted for account "
                    + account.accountNumber() + ".", RothcoContract.CODE_SHIPPING_METHOD_NOT_ACCEPTED);
        }
        List<Map<String, Object>> lines = (List<Map<String, Object>>) input.get("lines");
        for (Map<String, Object> line : lines) {
            checkLine(account, (String) line.get("sku"));
        }
        PlacedOrder order = new PlacedOrder(orderNumber(account.mode()), "CNF-" + Long.toHexString(
                DeterministicHash.mix(sequence.get(), poNumber.hashCode())).substring(0, 8).toUpperCase(Locale.ROOT),
                poNumber, clock.now().toString(), account.accountNumber(), shippingMethod,
                List.copyOf(lines));
        PlacedOrder raced = orders.putIfAbsent(key, order);
        if (raced != null) {
            duplicateAttempts.incrementAndGet();
            throw new OrderRejectedException("Purchase order \"" + poNumber + "\" already exists as order "
                    + raced.orderNumber() + ".", RothcoContract.CODE_DUPLICATE_PO);
        }
        LOG.debug("Accepted order {} for PO {} of account {}", order.orderNumber(), poNumber, account.accountNumber());
        return order;
    }

    private void checkLine(SimulatorAccount account, String sku) throws OrderRejectedException {
        CatalogSnapshot everything = catalog.snapshot(epoch.getAsInt(), CatalogModel.arpBrandNames());
        Optional<SimulatedProductLine> line = everything.productLineOf(sku);
        Optional<SimulatedVariant> variant = everything.variant(sku);
        if (line.isEmpty() || variant.isEmpty() || "0".equals(variant.get().quantity())) {
            throw new OrderRejectedException("Item \"" + sku + "\" is unavailable.", RothcoContract.CODE_ITEM_UNAVAILABLE);
        }
        if (line.get().restricted() && !account.enrolledBrands().contains(line.get().brand())) {
            throw new OrderRejectedException("Item \"" + sku + "\" is restricted to Authorized Reseller Program dealers of "
                    + line.get().brand() + ".", RothcoContract.CODE_RESTRICTED_ITEM);
        }
        if (isHazmat(sku) && !hazmatApprovedKeys.contains(account.apiKey())) {
            throw new OrderRejectedException("Item \"" + sku + "\" is hazardous material and cannot ship to account "
                    + account.accountNumber() + ".", RothcoContract.CODE_HAZMAT_RESTRICTED);
        }
    }

    private String orderNumber(ApiMode mode) {
        return (mode == ApiMode.LIVE ? "SO-" : "SB-") + sequence.incrementAndGet();
    }
}
