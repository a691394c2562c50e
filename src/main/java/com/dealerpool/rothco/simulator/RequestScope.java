package com.dealerpool.rothco.simulator;

import com.dealerpool.rothco.simulator.FaultSettings.PageRef;

import java.util.ArrayList;
import java.util.List;

/**
 * State of one GraphQL request that data fetchers read and fill: the caller's account, the
 * catalog snapshot visible to it, and the pages it touched, which decide the page faults afterwards.
 */
final class RequestScope {

    private final SimulatorAccount account;
    private final CatalogSnapshot snapshot;
    private final Faults faults;
    private final RequestLog requestLog;
    private final OrderBook orders;
    private final List<PageRef> touchedPages = new ArrayList<>();
    private volatile boolean orderAccepted;

    RequestScope(SimulatorAccount account, CatalogSnapshot snapshot, Faults faults, RequestLog requestLog,
            OrderBook orders) {
        this.account = account;
        this.snapshot = snapshot;
        this.faults = faults;
        this.requestLog = requestLog;
        this.orders = orders;
    }

    OrderBook orders() {
        return orders;
    }

    /** Marks that this request placed an order, which the drop-after-accept fault applies to. */
    void orderAccepted() {
        orderAccepted = true;
    }

    boolean isOrderAccepted() {
        return orderAccepted;
    }

    SimulatorAccount account() {
        return account;
    }

    CatalogSnapshot snapshot() {
        return snapshot;
    }

    Faults faults() {
        return faults;
    }

    RequestLog requestLog() {
        return requestLog;
    }

    synchronized void touchPage(PageRef page) {
        touchedPages.add(page);
    }

    synchronized List<PageRef> touchedPages() {
        return List.copyOf(touchedPages);
    }
}
