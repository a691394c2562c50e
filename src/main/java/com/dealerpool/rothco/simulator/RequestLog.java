package com.dealerpool.rothco.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests the GraphQL endpoints received: counts per root field and per page, and the headers
 * of the most recent requests, so tests can check what reached Rothco.
 */
public final class RequestLog {

    /** Recent requests kept with their headers; older ones only stay in the counts. */
    public static final int RECENT_LIMIT = 500;

    /** A request as it arrived, before authentication. Header names are as the client sent them. */
    public record RecordedRequest(Instant receivedAt, String method, String path, Map<String, List<String>> headers) {

        /** Returns the first value of a header, matching its name without regard to case, or null. */
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().isEmpty() ? "" : entry.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final AtomicInteger totalRequests = new AtomicInteger();
    private final Map<String, AtomicInteger> fieldCounts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> pageCounts = new ConcurrentHashMap<>();
    private final Deque<RecordedRequest> recent = new ArrayDeque<>();

    void recordRequest(RecordedRequest request) {
        totalRequests.incrementAndGet();
        synchronized (recent) {
            recent.addLast(request);
            if (recent.size() > RECENT_LIMIT) {
                recent.removeFirst();
            }
        }
    }

    void recordField(String fieldName) {
        fieldCounts.computeIfAbsent(fieldName, name -> new AtomicInteger()).incrementAndGet();
    }

    void recordPage(PagedQuery query, int page) {
        pageCounts.computeIfAbsent(pageKey(query, page), key -> new AtomicInteger()).incrementAndGet();
    }

    /** Requests to the GraphQL endpoints, including rejected ones. */
    public int totalRequests() {
        return totalRequests.get();
    }

    /** Executions of a root field such as {@code account} or {@code catalog}, over all pages. */
    public int fieldRequests(String fieldName) {
        AtomicInteger count = fieldCounts.get(fieldName);
        return count == null ? 0 : count.get();
    }

    /** Executions of one page of a paged query, whatever its page size. */
    public int pageRequests(PagedQuery query, int page) {
        AtomicInteger count = pageCounts.get(pageKey(query, page));
        return count == null ? 0 : count.get();
    }

    /** Counts per root field and per page (as {@code catalog#3}), sorted by name. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        fieldCounts.forEach((name, count) -> counts.put(name, count.get()));
        pageCounts.forEach((name, count) -> counts.put(name, count.get()));
        return counts;
    }

    /** Returns the most recent requests, oldest first, at most {@link #RECENT_LIMIT}. */
    public List<RecordedRequest> recentRequests() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    public void reset() {
        totalRequests.set(0);
        fieldCounts.clear();
        pageCounts.clear();
        synchronized (recent) {
            recent.clear();
        }
    }

    private static String pageKey(PagedQuery query, int page) {
        return query.fieldName() + "#" + page;
    }
}
