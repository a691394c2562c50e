package com.dealerpool.rothco.simulator;

import com.dealerpool.rothco.rothco.ApiMode;
import com.dealerpool.rothco.rothco.RothcoContract;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Rothco V2 API: a real GraphQL server (graphql-java) serving the assumed schema
 * {@code rothco/rothco-v2.graphqls} from a deterministic generated catalog, so the connector
 * runs without a Rothco account. It listens on 127.0.0.1 only.
 *
 * <h2>Endpoints</h2>
 * <ul>
 *   <li>{@code POST /live/graphql}, {@code POST /sandbox/graphql}: GraphQL over HTTP with the API key
 *       in {@code X-Api-Key}. Responses: 200 with {@code data} and any {@code errors[]} (validation
 *       errors carry {@code extensions.code} GRAPHQL_VALIDATION_FAILED, bad arguments
 *       BAD_USER_INPUT, syntax errors GRAPHQL_PARSE_FAILED); 400 BAD_REQUEST for a body that is not
 *       a GraphQL request; 401 UNAUTHENTICATED for a missing or unknown key; 403
 *       SANDBOX_KEY_ON_LIVE or LIVE_KEY_ON_SANDBOX for a key of the other mode; 429 RATE_LIMITED
 *       with {@code Retry-After} in seconds; 500 INTERNAL.</li>
 *   <li>The order API of {@code rothco/rothco-v2-orders.graphqls}: {@code createOrder} and
 *       {@code orderByPo}, with the business rejections {@link OrderBook} lists. The fault switch
 *       {@link Faults#dropConnectionAfterAccept} accepts an order and closes the connection
 *       without a response. Orders then move through {@link OrderLifecycle} on the order clock, and
 *       {@code shipments} pages through the account's shipments since a time.</li>
 *   <li>{@code GET /health}: {@code {"status":"UP"}}.</li>
 * </ul>
 *
 * <h2>Admin API (JSON, no key, loopback clients only)</h2>
 * <ul>
 *   <li>{@code GET /admin/faults} returns the fault switches as {@link FaultSettings}; {@code PUT}
 *       replaces them all, such as
 *       {@code {"serverErrors":[{"query":"catalog","page":3,"attempts":2}],"latencyMillis":150}};
 *       {@code DELETE} switches all faults off.</li>
 *   <li>{@code GET /admin/epoch} returns {@code {"epoch":n}}; {@code PUT} with {@code {"epoch":n}} sets it.</li>
 *   <li>{@code POST /admin/enrollments} with {@code {"apiKey":"...","brand":"Sentinel Optics"}} enrolls
 *       the key's account in an ARP brand.</li>
 *   <li>{@code GET /admin/requests} returns request counts; {@code DELETE} resets the request log.</li>
 *   <li>{@code GET /admin/orders} returns the accepted orders and the createOrder requests rejected as
 *       duplicates; {@code DELETE} removes them and every order rule.</li>
 *   <li>{@code POST /admin/order-rules} with {@code {"apiKey":"...","refuseShippingMethod":"UPSRED"}} or
 *       {@code {"apiKey":"...","approveHazmat":true}} sets an account's order rules.</li>
 *   <li>{@code PUT /admin/order-faults} with {@code {"dropConnectionAfterAccept":0.1}} drops the reply of
 *       that share of accepted orders.</li>
 *   <li>{@code GET /admin/clock} returns the order clock as {@code {"now":"...","speed":1.0}};
 *       {@code POST} with {@code {"advanceMinutes":30}} steps it forward, with {@code {"now":"2026-01-01T00:00:00Z"}}
 *       sets it.</li>
 * </ul>
 *
 * <h2>Use in tests</h2>
 * <pre>{@code
 * try (RothcoSimulator simulator = RothcoSimulator.start(SimulatorSettings.builder().variants(2_000).build())) {
 *     CatalogSnapshot expected = simulator.snapshotFor(SimulatorAccount.DEMO_SANDBOX_KEY);
 *     simulator.faults().failPage(PagedQuery.CATALOG, 2, 1);
 *     // point the connector at simulator.sandboxUrl() ...
 * }
 * }</pre>
 */
public final class RothcoSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RothcoSimulator.class);

    /** JDK HTTP server property that sets TCP_NODELAY on accepted connections. */
    static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final SimulatorSettings settings;
    private final CatalogModel catalog;
    private final AccountRegistry accounts;
    private final Faults faults = new Faults();
    private final RequestLog requestLog = new RequestLog();
    private final AtomicInteger epoch;
    private final OrderBook orders;
    private HttpServer server;
    private ExecutorService requestExecutor;
    private ScheduledExecutorService responseScheduler;

    private RothcoSimulator(SimulatorSettings settings) {
        this.settings = settings;
        this.catalog = new CatalogModel(settings.seed(), settings.variants());
        this.accounts = new AccountRegistry(settings.accounts());
        this.epoch = new AtomicInteger(settings.epoch());
        this.faults.apply(settings.faults());
        this.orders = new OrderBook(catalog, this.epoch::get, new SimulatedClock(settings.orderClockSpeed()));
    }

    /**
     * Creates and starts a simulator.
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static RothcoSimulator start(SimulatorSettings settings) {
        RothcoSimulator simulator = new RothcoSimulator(settings);
        simulator.startServer();
        return simulator;
    }

    private void startServer() {
        RothcoGraphqlEngine engine = new RothcoGraphqlEngine();
        requestExecutor = Executors.newFixedThreadPool(settings.threads(), namedThreads("rothco-simulator-http"));
        responseScheduler = Executors.newScheduledThreadPool(2, namedThreads("rothco-simulator-delay"));
        GraphqlEndpointHandler.Backend backend = new GraphqlEndpointHandler.Backend(accounts, catalog, epoch::get,
                faults, requestLog, engine, new GraphqlJsErrorWording(engine.schema()),
                new ResponseSender(responseScheduler), orders);
        disableNagleUnlessConfigured();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Rothco simulator failed to bind 127.0.0.1:" + settings.port()
                    + "; choose a free port or 0 for an ephemeral one", e);
        }
        server.createContext(RothcoContract.LIVE_PATH, new GraphqlEndpointHandler(ApiMode.LIVE, backend));
        server.createContext(RothcoContract.SANDBOX_PATH, new GraphqlEndpointHandler(ApiMode.SANDBOX, backend));
        server.createContext("/health", exchange -> ResponseSender.write(exchange, "/health".equals(
                exchange.getRequestURI().getPath())
                        ? SimulatorResponse.json(200, Map.of("status", "UP"))
                        : SimulatorResponse.json(404, Map.of("error", "Not found; the health check is GET /health"))));
        server.createContext("/admin/", new AdminHandler(this));
        server.setExecutor(requestExecutor);
        server.start();
        LOG.info("Rothco simulator started at {} with {} product lines and {} variants (seed {}, epoch {})",
                baseUrl(), catalog.universe().productLineCount(), catalog.universe().totalVariants(),
                settings.seed(), epoch.get());
    }

    /** Stops the server at once; delayed responses that are still pending are dropped. */
    public void stop() {
        if (server == null) {
            return;
        }
        server.stop(0);
        responseScheduler.shutdownNow();
        requestExecutor.shutdownNow();
        try {
            requestExecutor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Rothco simulator at {} stopped", baseUrl());
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        if (server == null) {
            throw new IllegalStateException("Rothco simulator is not running; call RothcoSimulator.start first");
        }
        return server.getAddress().getPort();
    }

    /** Returns {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public String liveUrl() {
        return RothcoContract.endpointBelow(baseUrl(), ApiMode.LIVE);
    }

    public String sandboxUrl() {
        return RothcoContract.endpointBelow(baseUrl(), ApiMode.SANDBOX);
    }

    public SimulatorSettings settings() {
        return settings;
    }

    public CatalogModel catalog() {
        return catalog;
    }

    public AccountRegistry accounts() {
        return accounts;
    }

    public Faults faults() {
        return faults;
    }

    /** Orders placed through {@code createOrder}, and the account rules that reject them. */
    public OrderBook orders() {
        return orders;
    }

    /** Returns the order clock; {@code clock().advance(Duration)} moves orders through their lifecycle. */
    public SimulatedClock clock() {
        return orders.clock();
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    public int epoch() {
        return epoch.get();
    }

    /**
     * Sets the drift epoch; requests that start afterwards see the catalog of the new epoch.
     *
     * @throws IllegalArgumentException when the epoch is negative
     */
    public void setEpoch(int newEpoch) {
        if (newEpoch < 0) {
            throw new IllegalArgumentException("Invalid epoch " + newEpoch + "; use 0 or more");
        }
        int previous = epoch.getAndSet(newEpoch);
        if (previous == newEpoch) {
            return;
        }
        LOG.info("Rothco simulator epoch changed from {} to {}", previous, newEpoch);
    }

    /** Enrolls the account of a key in an ARP brand; see {@link AccountRegistry#enroll}. */
    public SimulatorAccount enroll(String apiKey, String brand) {
        return accounts.enroll(apiKey, brand);
    }

    /** Returns the catalog visible to the account of a key at the current epoch. */
    public CatalogSnapshot snapshotFor(String apiKey) {
        return snapshotFor(apiKey, epoch.get());
    }

    /**
     * Returns the catalog visible to the account of a key at an epoch, with its current ARP enrollment.
     *
     * @throws IllegalArgumentException when no account has the key
     */
    public CatalogSnapshot snapshotFor(String apiKey, int atEpoch) {
        SimulatorAccount account = accounts.byKey(apiKey).orElseThrow(() -> new IllegalArgumentException(
                "No simulator account has the given API key; configured accounts are " + accounts.all()));
        return catalog.snapshot(atEpoch, account.enrolledBrands());
    }

    /**
     * Sets {@value #NO_DELAY_PROPERTY} to true unless the JVM already has a value. Without it, a
     * response body smaller than one TCP segment waits for the client's delayed ACK of the headers,
     * about 40 ms on Linux. Over loopback on a 2-core machine, an account request took 47 ms
     * instead of 5 ms, and a 43 KB inventory page 47 ms instead of 2 to 11 ms.
     * NOTE: the JDK 17 HTTP server reads the property once, when the first server of the JVM is
     * created, so this has no effect after another JDK HTTP server was created in the same JVM.
     */
    private static void disableNagleUnlessConfigured() {
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    private static ThreadFactory namedThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
