package com.dealerpool.rothco.rothco;

import java.util.Set;

/**
 * Every assumption this project makes about Rothco's unpublished V2 API, in one place.
 * <p>
 * The order API (mutation {@code createOrder}, queries {@code orderByPo} with the order's status
 * and invoice, and {@code shipments}) is assumed in
 * {@code src/main/resources/rothco/rothco-v2-orders.graphqls}.
 * <p>
 * Known facts: one API key per account serves every operation, and accounts have a Sandbox
 * and a Live mode. Rejections carry GraphQL-worded text, so the API is taken to be
 * GraphQL over HTTPS. Everything below is ASSUMED, together with the schema in
 * {@code src/main/resources/rothco/rothco-v2.graphqls}. The built-in sandbox simulator
 * implements the same values, so moving to the real API is a change here and in that
 * schema, not in the routes.
 */
public final class RothcoContract {

    /** ASSUMPTION: the Live endpoint. */
    public static final String LIVE_URL = "https://api.rothco.com/v2/graphql";

    /** ASSUMPTION: the Sandbox endpoint. */
    public static final String SANDBOX_URL = "https://sandbox-api.rothco.com/v2/graphql";

    /** ASSUMPTION: path of the Live and Sandbox endpoints below the simulator's base URL. */
    public static final String LIVE_PATH = "/live/graphql";
    public static final String SANDBOX_PATH = "/sandbox/graphql";

    /** ASSUMPTION: the request header that carries the API key. */
    public static final String API_KEY_HEADER = "X-Api-Key";

    /** ASSUMPTION: HTTP 429 carries Retry-After in whole seconds. */
    public static final String RETRY_AFTER_HEADER = "Retry-After";

    /**
     * ASSUMPTION: machine-readable codes in {@code errors[].extensions.code}. HTTP 401 with
     * UNAUTHENTICATED is an unknown or revoked key; HTTP 403 is a key used against the other
     * mode's endpoint.
     */
    public static final String CODE_UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String CODE_SANDBOX_KEY_ON_LIVE = "SANDBOX_KEY_ON_LIVE";
    public static final String CODE_LIVE_KEY_ON_SANDBOX = "LIVE_KEY_ON_SANDBOX";
    public static final String CODE_RATE_LIMITED = "RATE_LIMITED";
    public static final String CODE_INTERNAL = "INTERNAL";

    /**
     * ASSUMPTION: business rejections of {@code createOrder}, in {@code errors[].extensions.code}
     * with {@code data.createOrder} null. Rothco's message text is kept unchanged. One PO number
     * places at most one order per account (a second gets DUPLICATE_PO), and {@code orderByPo}
     * finds it, so a request whose reply was lost can be checked before it is sent again.
     */
    public static final String CODE_DUPLICATE_PO = "DUPLICATE_PO";
    public static final String CODE_ITEM_UNAVAILABLE = "ITEM_UNAVAILABLE";
    public static final String CODE_RESTRICTED_ITEM = "RESTRICTED_ITEM";
    public static final String CODE_HAZMAT_RESTRICTED = "HAZMAT_RESTRICTED";
    public static final String CODE_SHIPPING_METHOD_NOT_ACCEPTED = "SHIPPING_METHOD_NOT_ACCEPTED";

    /**
     * ASSUMPTION: codes of a request Rothco refused as invalid GraphQL input, such as a
     * required field left out ({@code Field "email" of required type "String!" was not provided.}).
     */
    public static final Set<String> INVALID_INPUT_CODES = Set.of("GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT");

    /** ASSUMPTION: the largest catalog page, in product lines, that Rothco serves. */
    public static final int MAX_CATALOG_PAGE_SIZE = 500;

    /** ASSUMPTION: the largest inventory snapshot page, in variants, that Rothco serves. */
    public static final int MAX_INVENTORY_PAGE_SIZE = 5000;

    /** ASSUMPTION: the largest shipments page, in shipments, that Rothco serves. */
    public static final int MAX_SHIPMENT_PAGE_SIZE = 500;

    /**
     * ASSUMPTION: values of the order status ({@code OrderStatus} in rothco-v2-orders.graphqls).
     * The guide lists Open, Hold, Confirmed, Partially Shipped, Fully Shipped, Closed (an invoice
     * exists) and Cancelled; the enum spelling is this project's.
     */
    public static final String ORDER_OPEN = "OPEN";
    public static final String ORDER_HOLD = "HOLD";
    public static final String ORDER_CONFIRMED = "CONFIRMED";
    public static final String ORDER_PARTIALLY_SHIPPED = "PARTIALLY_SHIPPED";
    public static final String ORDER_FULLY_SHIPPED = "FULLY_SHIPPED";
    public static final String ORDER_CLOSED = "CLOSED";
    public static final String ORDER_CANCELLED = "CANCELLED";

    /** Order statuses that acknowledge an FR: Rothco confirmed the order, shipped all of it, or invoiced it. */
    public static final Set<String> ACKNOWLEDGING_STATUSES = Set.of(ORDER_CONFIRMED, ORDER_FULLY_SHIPPED, ORDER_CLOSED);

    /** Order statuses after which nothing changes at Rothco, so the acknowledgment run stops asking. */
    public static final Set<String> FINAL_ORDER_STATUSES = Set.of(ORDER_CLOSED, ORDER_CANCELLED);

    /** HTTP statuses that are worth a retry with backoff. */
    public static final Set<Integer> RETRYABLE_STATUSES = Set.of(500, 502, 503, 504);

    private RothcoContract() {
    }

    /** Returns the endpoint for a mode, {@code live} or {@code sandbox}. */
    public static String endpointFor(ApiMode mode) {
        return mode == ApiMode.LIVE ? LIVE_URL : SANDBOX_URL;
    }

    /** Returns the endpoint for a mode below a base URL, such as the simulator's. */
    public static String endpointBelow(String baseUrl, ApiMode mode) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + (mode == ApiMode.LIVE ? LIVE_PATH : SANDBOX_PATH);
    }
}
