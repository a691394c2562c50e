package com.dealerpool.rothco.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The fault switches of a simulator as one value: what {@code GET /admin/faults} returns and
 * {@code PUT /admin/faults} accepts, and the faults a simulator starts with. Missing lists mean
 * none; a page number counts from 1 as in the schema.
 *
 * @param serverErrors       pages that respond with HTTP 500 INTERNAL
 * @param malformedJsonPages pages that respond with HTTP 200 and a truncated JSON body
 * @param badRecordPages     pages whose first product lines or items carry invalid records
 * @param latencyMillis      delay added to every GraphQL response, in milliseconds
 * @param rateLimit          the next requests that get HTTP 429, or null for none
 * @param hangPages          pages whose response is held back for a time
 * @param hangNextRequests   the next requests whose response is held back, or null for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultSettings(List<PageFailure> serverErrors, List<PageRef> malformedJsonPages,
        List<PageRef> badRecordPages, long latencyMillis, RateLimitBurst rateLimit, List<PageHang> hangPages,
        RequestHang hangNextRequests) {

    /** A page of a paged query. */
    public record PageRef(PagedQuery query, int page) {
    }

    /**
     * A page that responds with HTTP 500.
     *
     * @param attempts requests that still fail before the page responds normally, or null for always
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PageFailure(PagedQuery query, int page, Integer attempts) {
    }

    /** The next {@code requests} requests get HTTP 429 with {@code Retry-After: retryAfterSeconds}. */
    public record RateLimitBurst(int requests, int retryAfterSeconds) {
    }

    /** A page whose response waits {@code millis} milliseconds. */
    public record PageHang(PagedQuery query, int page, long millis) {
    }

    /** The next {@code requests} GraphQL requests wait {@code millis} milliseconds before their response. */
    public record RequestHang(int requests, long millis) {
    }

    public FaultSettings {
        serverErrors = serverErrors == null ? List.of() : List.copyOf(serverErrors);
        malformedJsonPages = malformedJsonPages == null ? List.of() : List.copyOf(malformedJsonPages);
        badRecordPages = badRecordPages == null ? List.of() : List.copyOf(badRecordPages);
        hangPages = hangPages == null ? List.of() : List.copyOf(hangPages);
    }

    /** No faults at all. */
    public static FaultSettings none() {
        return new FaultSettings(null, null, null, 0, null, null, null);
    }
}
