package com.dealerpool.rothco.simulator;

import com.dealerpool.rothco.simulator.FaultSettings.PageFailure;
import com.dealerpool.rothco.simulator.FaultSettings.PageHang;
import com.dealerpool.rothco.simulator.FaultSettings.PageRef;
import com.dealerpool.rothco.simulator.FaultSettings.RateLimitBurst;
import com.dealerpool.rothco.simulator.FaultSettings.RequestHang;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fault switches of a running simulator. Every switch can change while requests run; a
 * request reads each switch once. Page switches apply to one page of one paged query, whatever
 * its page size.
 */
public final class Faults {

    private static final Logger LOG = LoggerFactory.getLogger(Faults.class);

    /** Remaining failures of a page that fails for good. */
    private static final int ALWAYS = Integer.MAX_VALUE;

    private final Map<PageRef, Integer> serverErrors = new ConcurrentHashMap<>();
    private final Set<PageRef> malformedJsonPages = ConcurrentHashMap.newKeySet();
    private final Set<PageRef> badRecordPages = ConcurrentHashMap.newKeySet();
    private final Map<PageRef, Long> hangPages = new ConcurrentHashMap<>();
    private volatile long latencyMillis;
    private RateLimitBurst rateLimit = new RateLimitBurst(0, 0);
    private RequestHang requestHang = new RequestHang(0, 0);
    private double dropAfterAcceptShare;
    private long acceptedOrders;

    /** Makes the first {@code attempts} requests for a page fail with HTTP 500; later ones succeed. */
    public Faults failPage(PagedQuery query, int page, int attempts) {
        requirePage(page);
        if (attempts < 1) {
            throw new IllegalArgumentException("Invalid failure attempts " + attempts
                    + "; use 1 or more, or failPageAlways for a page that never recovers");
        }
        serverErrors.put(new PageRef(query, page), attempts);
        return this;
    }

    /** Makes every request for a page fail with HTTP 500. */
    public Faults failPageAlways(PagedQuery query, int page) {
        requirePage(page);
        serverErrors.put(new PageRef(query, page), ALWAYS);
        return this;
    }

    /** Makes a page respond with HTTP 200 and a truncated, unparseable JSON body. */
    public Faults malformJsonOnPage(PagedQuery query, int page) {
        requirePage(page);
        malformedJsonPages.add(new PageRef(query, page));
        return this;
    }

    /** Puts invalid records on a page; {@link BadRecordInjector} lists which ones. */
    public Faults corruptRecordsOnPage(PagedQuery query, int page) {
        requirePage(page);
        badRecordPages.add(new PageRef(query, page));
        return this;
    }

    /** Delays every GraphQL response; other requests keep running meanwhile. */
    public Faults latency(Duration latency) {
        this.latencyMillis = requireNonNegative(latency);
        return this;
    }

    /** Makes the next {@code requests} GraphQL requests fail with HTTP 429 with this Retry-After. */
    public synchronized Faults rateLimitNextRequests(int requests, int retryAfterSeconds) {
        if (requests < 0 || retryAfterSeconds < 0) {
            throw new IllegalArgumentException("Invalid rate limit burst of " + requests + " requests with Retry-After "
                    + retryAfterSeconds + " s; use 0 or more for both");
        }
        rateLimit = new RateLimitBurst(requests, retryAfterSeconds);
        return this;
    }

    /** Holds back the response for a page by {@code delay}, such as longer than a client's timeout. */
    public Faults hangPage(PagedQuery query, int page, Duration delay) {
        requirePage(page);
        hangPages.put(new PageRef(query, page), requireNonNegative(delay));
        return this;
    }

    /** Holds back the responses of the next {@code requests} GraphQL requests by {@code delay}. */
    public synchronized Faults hangNextRequests(int requests, Duration delay) {
        if (requests < 0) {
            throw new IllegalArgumentException("Invalid hang request count " + requests + "; use 0 or more");
        }
        requestHang = new RequestHang(requests, requireNonNegative(delay));
        return this;
    }

    /**
     * Drops the connection after accepting an order, without a response, for this share of the
     * accepted orders (0 to 1). The drops are spread evenly: with 0.1 every tenth accepted order
     * loses its reply. The order stays placed, as when Rothco's reply is lost on the way.
     */
    public synchronized Faults dropConnectionAfterAccept(double share) {
        if (!(share >= 0.0 && share <= 1.0)) {
            throw new IllegalArgumentException("Invalid drop share " + share + "; use a number from 0 to 1");
        }
        dropAfterAcceptShare = share;
        acceptedOrders = 0;
        return this;
    }

    /** Switches every fault off. */
    public synchronized void clear() {
        dropAfterAcceptShare = 0;
        acceptedOrders = 0;
        serverErrors.clear();
        malformedJsonPages.clear();
        badRecordPages.clear();
        hangPages.clear();
        latencyMillis = 0;
        rateLimit = new RateLimitBurst(0, 0);
        requestHang = new RequestHang(0, 0);
    }

    /** Replaces every switch with the given settings. */
    public synchronized void apply(FaultSettings settings) {
        clear();
        for (PageFailure failure : settings.serverErrors()) {
            if (failure.attempts() == null) {
                failPageAlways(failure.query(), failure.page());
            } else {
                failPage(failure.query(), failure.page(), failure.attempts());
            }
        }
        settings.malformedJsonPages().forEach(page -> malformJsonOnPage(page.query(), page.page()));
        settings.badRecordPages().forEach(page -> corruptRecordsOnPage(page.query(), page.page()));
        settings.hangPages().forEach(hang -> hangPage(hang.query(), hang.page(), Duration.ofMillis(hang.millis())));
        latency(Duration.ofMillis(settings.latencyMillis()));
        if (settings.rateLimit() != null) {
            rateLimitNextRequests(settings.rateLimit().requests(), settings.rateLimit().retryAfterSeconds());
        }
        if (settings.hangNextRequests() != null) {
            hangNextRequests(settings.hangNextRequests().requests(),
                    Duration.ofMillis(settings.hangNextRequests().millis()));
        }
        if (!settings.equals(FaultSettings.none())) {
            LOG.info("Fault switches set to {}", settings);
        }
    }

    /** Returns the current switches; page failures show their remaining attempts. */
    public synchronized FaultSettings settings() {
        List<PageFailure> failures = new ArrayList<>();
        serverErrors.forEach((page, remaining) -> failures.add(
                new PageFailure(page.query(), page.page(), remaining == ALWAYS ? null : remaining)));
        List<PageHang> hangs = new ArrayList<>();
        hangPages.forEach((page, millis) -> hangs.add(new PageHang(page.query(), page.page(), millis)));
        return new FaultSettings(failures, List.copyOf(malformedJsonPages), List.copyOf(badRecordPages),
                latencyMillis, rateLimit.requests() > 0 ? rateLimit : null, hangs,
                requestHang.requests() > 0 ? requestHang : null);
    }

    /** Returns true when this request for the page must fail, counting it against the page's attempts. */
    boolean takeServerError(PageRef page) {
        Integer[] decision = new Integer[1];
        serverErrors.computeIfPresent(page, (key, remaining) -> {
            decision[0] = remaining;
            if (remaining == ALWAYS) {
                return remaining;
            }
            return remaining > 1 ? remaining - 1 : null;
        });
        return decision[0] != null;
    }

    boolean isMalformed(PageRef page) {
        return malformedJsonPages.contains(page);
    }

    boolean hasBadRecords(PageRef page) {
        return badRecordPages.contains(page);
    }

    long pageHangMillis(PageRef page) {
        return hangPages.getOrDefault(page, 0L);
    }

    long latencyMillis() {
        return latencyMillis;
    }

    /** Returns the Retry-After seconds when this request must get HTTP 429, or -1 when it passes. */
    synchronized int takeRateLimit() {
        if (rateLimit.requests() <= 0) {
            return -1;
        }
        rateLimit = new RateLimitBurst(rateLimit.requests() - 1, rateLimit.retryAfterSeconds());
        return rateLimit.retryAfterSeconds();
    }

    /** Counts an accepted order and returns true when its connection must be dropped. */
    synchronized boolean takeDropAfterAccept() {
        long before = (long) Math.floor(acceptedOrders * dropAfterAcceptShare);
        acceptedOrders++;
        return (long) Math.floor(acceptedOrders * dropAfterAcceptShare) > before;
    }

    /** Returns how long this request must hang, counting it against the next-requests hang. */
    synchronized long takeRequestHangMillis() {
        if (requestHang.requests() <= 0) {
            return 0;
        }
        requestHang = new RequestHang(requestHang.requests() - 1, requestHang.millis());
        return requestHang.millis();
    }

    private static void requirePage(int page) {
        if (page < 1) {
            throw new IllegalArgumentException("Invalid fault page " + page + "; pages are numbered from 1");
        }
    }

    private static long requireNonNegative(Duration duration) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException("Invalid fault delay " + duration + "; use zero or a positive duration");
        }
        return duration.toMillis();
    }
}
