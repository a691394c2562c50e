package com.dealerpool.rothco;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

import javax.management.ObjectName;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.catalog.CatalogArchive;
import com.dealerpool.rothco.catalog.CatalogMapping;
import com.dealerpool.rothco.catalog.CatalogPages;
import com.dealerpool.rothco.catalog.CatalogSink;
import com.dealerpool.rothco.catalog.FailedPages;
import com.dealerpool.rothco.catalog.InventorySink;
import com.dealerpool.rothco.config.ClusterSettings;
import com.dealerpool.rothco.config.ConnectorSettings;
import com.dealerpool.rothco.config.FulfillmentSettings;
import com.dealerpool.rothco.config.InvalidSettingsException;
import com.dealerpool.rothco.config.InventorySettings;
import com.dealerpool.rothco.config.OrderTrackingSettings;
import com.dealerpool.rothco.config.SendSettings;
import com.dealerpool.rothco.config.ServerPorts;
import com.dealerpool.rothco.config.SourceSettings;
import com.dealerpool.rothco.fulfillment.FulfillmentActions;
import com.dealerpool.rothco.fulfillment.FulfillmentClaims;
import com.dealerpool.rothco.fulfillment.FulfillmentIntake;
import com.dealerpool.rothco.fulfillment.FulfillmentOutcomes;
import com.dealerpool.rothco.fulfillment.FulfillmentSteps;
import com.dealerpool.rothco.fulfillment.FulfillmentValidator;
import com.dealerpool.rothco.fulfillment.OrderReplies;
import com.dealerpool.rothco.fulfillment.RejectedOrders;
import com.dealerpool.rothco.job.ClusterRuns;
import com.dealerpool.rothco.job.ClusteredQuartz;
import com.dealerpool.rothco.job.JobRuns;
import com.dealerpool.rothco.job.RetryCounter;
import com.dealerpool.rothco.job.RunMdcInterceptStrategy;
import com.dealerpool.rothco.job.RunRegistry;
import com.dealerpool.rothco.management.FulfillmentControl;
import com.dealerpool.rothco.management.OperationControl;
import com.dealerpool.rothco.management.ScheduleControl;
import com.dealerpool.rothco.management.SourceControl;
import com.dealerpool.rothco.management.StatusReader;
import com.dealerpool.rothco.mapping.MappingCatalog;
import com.dealerpool.rothco.mapping.MappingOptions;
import com.dealerpool.rothco.mapping.MappingValidationException;
import com.dealerpool.rothco.mappingfiles.MappingReload;
import com.dealerpool.rothco.pool.ApiKeyStore;
import com.dealerpool.rothco.observe.Observability;
import com.dealerpool.rothco.pool.CatalogWriter;
import com.dealerpool.rothco.pool.FulfillmentStore;
import com.dealerpool.rothco.pool.InventorySnapshotWriter;
import com.dealerpool.rothco.pool.JobLog;
import com.dealerpool.rothco.pool.OrderTrackingStore;
import com.dealerpool.rothco.pool.PoolDataSource;
import com.dealerpool.rothco.pool.PoolStorageException;
import com.dealerpool.rothco.pool.SchedulePauses;
import com.dealerpool.rothco.pool.RunGuards;
import com.dealerpool.rothco.pool.SourceRegistry;
import com.dealerpool.rothco.rothco.ConnectionChecks;
import com.dealerpool.rothco.rothco.ConnectionResult;
import com.dealerpool.rothco.rothco.GraphqlDocuments;
import com.dealerpool.rothco.rothco.RetryAfterDelay;
import com.dealerpool.rothco.rothco.RothcoHttpClientConfigurer;
import com.dealerpool.rothco.rothco.RothcoRequests;
import com.dealerpool.rothco.rothco.SourceApiKeys;
import com.dealerpool.rothco.validation.SourceChecks;
import com.dealerpool.rothco.validation.UnknownSettings;
import com.dealerpool.rothco.tracking.AcknowledgmentMapping;
import com.dealerpool.rothco.tracking.AcknowledgmentSink;
import com.dealerpool.rothco.tracking.AcknowledgmentSteps;
import com.dealerpool.rothco.tracking.ShipmentMapping;
import com.dealerpool.rothco.tracking.ShipmentSink;
import com.dealerpool.rothco.tracking.ShipmentSteps;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Wires the connector into Camel Main: reads the settings, opens and migrates the pool,
 * starts the built-in simulator when enabled, binds the beans that route steps call, creates
 * each source's routes from the templates in {@code routes/}, registers the JMX controls, the
 * health checks and the run metrics and notifications and, once Camel has started, runs the
 * startup tasks.
 */
public final class ConnectorRuntime extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorRuntime.class);

    private final RuntimeMode mode;
    private ConnectorSettings settings;
    private HikariDataSource dataSource;
    private EmbeddedSimulator simulator;
    private RunRegistry runs;
    private ConnectionChecks connections;
    private JobLog jobLog;
    private FulfillmentSettings fulfillment;
    private FulfillmentStore fulfillmentStore;
    private SourceRegistry sourceRegistry;
    private SourceApiKeys apiKeys;
    private ScheduleControl scheduleControl;
    private StatusReader statusReader;
    private ClusterSettings cluster;
    private ClusterRuns clusterRuns;
    private OrderTrackingSettings tracking;
    private Observability observability;

    /** Runtime mode: a service with schedules and startup tasks, or one task and exit. */
    public enum RuntimeMode { SERVICE, ONE_SHOT }

    public ConnectorRuntime(RuntimeMode mode) {
        this.mode = mode;
    }

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        if (mode == RuntimeMode.SERVICE) {
            // Camel only warns about a taken port and runs on without that server; stop here instead.
            List<String> portProblems = ServerPorts.problems(
                    key -> context.getPropertiesComponent().resolveProperty(key).orElse(null));
            if (!portProblems.isEmpty()) {
                throw new InvalidSettingsException(portProblems);
            }
        }
        settings = ConnectorSettings.read(key -> context.getPropertiesComponent().resolveProperty(key).orElse(null),
                System.getenv());
        cluster = ClusterSettings.read(key -> context.getPropertiesComponent().resolveProperty(key).orElse(null),
                settings.pool().url());
        // A key that nothing reads is most likely misspelled: warn, but start anyway.
        UnknownSettings.warn(context);

        dataSource = PoolDataSource.create(settings.pool());
        PoolDataSource.migrate(dataSource);
        jobLog = new JobLog(dataSource, settings.nodeName());
        sourceRegistry = new SourceRegistry(dataSource);
        apiKeys = new SourceApiKeys(new ApiKeyStore(dataSource), Duration.ofSeconds(settings.apiKeyRefreshSeconds()));
        int staleRuns = jobLog.failStaleRuns(java.time.Duration.ofMinutes(10));
        if (staleRuns > 0) {
            LOG.warn("Marked {} runs failed that were left running without a heartbeat (the runtime stopped during a run)",
                    staleRuns);
        }

        if (settings.simulator().enabled()) {
            simulator = EmbeddedSimulator.start(settings.simulator());
        }

        MappingCatalog mappings;
        try {
            mappings = MappingCatalog.load(Path.of(settings.mappingDirectory()),
                    new MappingOptions(settings.highStockQuantity(), Path.of(settings.mappingDirectory())));
        } catch (MappingValidationException e) {
            throw new IllegalStateException("Invalid mapping templates or mapping sets in " + settings.mappingDirectory()
                    + ":" + System.lineSeparator() + e.getMessage(), e);
        }
        List<String> unknownTemplates = new ArrayList<>();
        for (SourceSettings source : settings.sources()) {
            for (Operation operation : List.of(Operation.GET_INVENTORY_PRIMARY, Operation.GET_INVENTORY_SECONDARY)) {
                InventorySettings inventory = source.inventory(operation);
                if (!inventory.enabled()) {
                    continue;
                }
                try {
                    mappings.template(inventory.template());
                } catch (IllegalArgumentException e) {
                    unknownTemplates.add("rothco.sources." + source.id() + "." + operation.slug() + ".template="
                            + inventory.template() + " names no template in " + settings.mappingDirectory()
                            + "; use one of " + mappings.templateNames());
                }
            }
        }
        if (!unknownTemplates.isEmpty()) {
            throw new InvalidSettingsException(unknownTemplates);
        }

        ObjectMapper mapper = new ObjectMapper();
        GraphqlDocuments documents = GraphqlDocuments.load(Path.of(settings.graphqlDirectory()));
        runs = new RunRegistry();
        bindCluster(context);
        connections = new ConnectionChecks(settings, mapper, this::storeConnection);
        CatalogWriter writer = new CatalogWriter(dataSource);

        try {
            context.addStartupListener(new ExtendedStartupListener() {
                @Override
                public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
                    // Routes are not started yet at this point; see onCamelContextFullyStarted.
                }

                @Override
                public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) {
                    onContextStarted(started);
                }
            });
            context.addService(new ServiceSupport() {
                @Override
                protected void doStop() {
                    closeResources();
                }
            }, true, true);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot register the connector's startup and shutdown hooks", e);
        }

        Registry registry = context.getRegistry();
        registry.bind("connectorSettings", settings);
        registry.bind("poolDataSource", dataSource);
        registry.bind("jobLog", jobLog);
        registry.bind("runRegistry", runs);
        registry.bind("mappingCatalog", mappings);
        registry.bind("rothcoRequests", new RothcoRequests(documents, mapper));
        registry.bind("retryAfterDelay", new RetryAfterDelay());
        registry.bind("retryCounter", new RetryCounter());
        registry.bind("connectionChecks", connections);
        registry.bind("jobRuns", new JobRuns(jobLog, runs, settings, clusterRuns));
        registry.bind("catalogPages", new CatalogPages(mapper));
        registry.bind("catalogMapping", new CatalogMapping(mappings, settings, jobLog));
        registry.bind("mappingReload", new MappingReload(mappings, jobLog));
        registry.bind("catalogSink", new CatalogSink(writer, jobLog));
        registry.bind("inventorySink", new InventorySink(new InventorySnapshotWriter(dataSource), jobLog, settings));
        registry.bind("catalogArchive", new CatalogArchive(writer, jobLog, settings));
        registry.bind("failedPages", new FailedPages(jobLog, settings));
        scheduleControl = new ScheduleControl(context, new SchedulePauses(dataSource));
        registry.bind("scheduleControl", scheduleControl);
        observability = Observability.bind(context, mapper);
        context.getCamelContextExtension().addInterceptStrategy(new RunMdcInterceptStrategy());

        for (SourceSettings source : settings.sources()) {
            sourceRegistry.ensureSource(source.id(), source.name(), source.mode().name().toLowerCase(java.util.Locale.ROOT));
            sourceRegistry.describe(source.id(), source.type().slug(), source.acceptsFulfillmentRequests());
            apiKeys.register(source.id(), source.apiKey());
            registry.bind("rothco-" + source.id() + "-http-client", new RothcoHttpClientConfigurer(apiKeys, source.id()));
            ExecutorService pages = context.getExecutorServiceManager()
                    .newFixedThreadPool(this, "rothco-" + source.id() + "-page-requests", source.maxConcurrentRequests());
            registry.bind("rothco-" + source.id() + "-page-requests", pages);
            // Secondary has its own threads, so a long Primary run cannot hold back its pages.
            ExecutorService inventoryPages = context.getExecutorServiceManager().newFixedThreadPool(this,
                    "rothco-" + source.id() + "-inventory-page-requests", source.maxConcurrentRequests());
            registry.bind("rothco-" + source.id() + "-inventory-page-requests", inventoryPages);
        }
        bindFulfillment(context, mappings, mapper);
        bindOrderTracking(context, mappings, mapper);
        List<String> sourceProblems = SourceChecks.problems(settings, fulfillment, mappings,
                key -> context.getPropertiesComponent().resolveProperty(key).orElse(null));
        if (!sourceProblems.isEmpty()) {
            throw new InvalidSettingsException(sourceProblems);
        }
        statusReader = new StatusReader(settings, fulfillment,
                key -> context.getPropertiesComponent().resolveProperty(key).orElse(null), mappings, jobLog,
                sourceRegistry, new SchedulePauses(dataSource), runs);
    }

    /** Stores a Test Connection result in the pool; a pool failure is logged and the result still returned. */
    private void storeConnection(ConnectionResult result) {
        try {
            sourceRegistry.recordConnection(result.sourceId(), new SourceRegistry.StoredConnection(
                    result.status().label(), result.message(), result.testedAt()));
        } catch (PoolStorageException e) {
            LOG.warn("Cannot store the Test Connection result of {} in the pool: {}", result.sourceId(),
                    e.getMessage());
        }
    }

    /**
     * In a cluster, binds the cluster-wide run guards for the heartbeat and sweeper routes and, as
     * a service, points camel-quartz at the clustered JDBC job store on the pool.
     */
    private void bindCluster(CamelContext context) {
        if (!cluster.enabled()) {
            return;
        }
        clusterRuns = new ClusterRuns(new RunGuards(dataSource), jobLog, runs, cluster, settings.nodeName(),
                java.time.Clock.systemUTC());
        context.getRegistry().bind("clusterRuns", clusterRuns);
        if (mode == RuntimeMode.SERVICE) {
            ClusteredQuartz.configure(context, dataSource, cluster, settings.nodeName());
        }
        LOG.info("Cluster mode on node {}: runs are guarded in the pool (heartbeat every {} s, stale after {} s){}",
                settings.nodeName(), cluster.heartbeatSeconds(), cluster.staleAfterSeconds(),
                mode == RuntimeMode.SERVICE ? "; Quartz scheduler " + ClusteredQuartz.SCHEDULER_NAME
                        + " uses the clustered JDBC job store (check-in every " + cluster.checkinIntervalMillis()
                        + " ms)" : "");
    }

    /**
     * Reads the Get FR Acknowledgments and Get Shipments settings, checks each enabled source's
     * templates and binds the beans of their routes.
     */
    private void bindOrderTracking(CamelContext context, MappingCatalog mappings, ObjectMapper mapper) {
        tracking = OrderTrackingSettings.read(key -> context.getPropertiesComponent().resolveProperty(key).orElse(null),
                settings.sources().stream().map(SourceSettings::id).toList());
        List<String> unknownTemplates = new ArrayList<>();
        for (SourceSettings source : settings.sources()) {
            OrderTrackingSettings.Acknowledgments ack = tracking.acknowledgments(source.id());
            OrderTrackingSettings.Shipments shipments = tracking.shipments(source.id());
            if (ack.enabled() && !mappings.templateNames().contains(ack.template())) {
                unknownTemplates.add("rothco.sources." + source.id() + "." + Operation.GET_FR_ACKNOWLEDGMENTS.slug()
                        + ".template=" + ack.template() + " names no template in " + settings.mappingDirectory()
                        + "; use one of " + mappings.templateNames());
            }
            if (shipments.enabled() && !mappings.templateNames().contains(shipments.template())) {
                unknownTemplates.add("rothco.sources." + source.id() + "." + Operation.GET_SHIPMENTS.slug()
                        + ".template=" + shipments.template() + " names no template in " + settings.mappingDirectory()
                        + "; use one of " + mappings.templateNames());
            }
        }
        if (!unknownTemplates.isEmpty()) {
            throw new InvalidSettingsException(unknownTemplates);
        }

        Registry registry = context.getRegistry();
        JobRuns jobRuns = registry.lookupByNameAndType("jobRuns", JobRuns.class);
        RothcoRequests requests = registry.lookupByNameAndType("rothcoRequests", RothcoRequests.class);
        OrderTrackingStore store = new OrderTrackingStore(dataSource);
        java.time.Clock clock = java.time.Clock.systemUTC();
        AcknowledgmentSteps ackSteps = new AcknowledgmentSteps(store, tracking, requests, jobRuns, jobLog,
                settings.nodeName(), clock);
        registry.bind("orderTrackingSettings", tracking);
        registry.bind("acknowledgmentSteps", ackSteps);
        registry.bind("acknowledgmentMapping", new AcknowledgmentMapping(mappings, tracking, mapper));
        registry.bind("acknowledgmentSink", new AcknowledgmentSink(store, tracking, jobLog, ackSteps));
        registry.bind("shipmentSteps", new ShipmentSteps(tracking, requests, jobRuns, jobLog, clock));
        registry.bind("shipmentMapping", new ShipmentMapping(mappings, tracking, jobLog, mapper));
        registry.bind("shipmentSink", new ShipmentSink(store, tracking, jobLog, settings.nodeName()));
    }

    /**
     * Reads the Send Fulfillment Requests settings, checks each enabled source's template and
     * binds the beans of the send routes and each source's order request threads.
     */
    private void bindFulfillment(CamelContext context, MappingCatalog mappings, ObjectMapper mapper) {
        fulfillment = FulfillmentSettings.read(key -> context.getPropertiesComponent().resolveProperty(key).orElse(null),
                settings.sources().stream().map(SourceSettings::id).toList());
        List<String> unknownTemplates = new ArrayList<>();
        for (SourceSettings source : settings.sources()) {
            SendSettings send = fulfillment.source(source.id());
            if (send.enabled() && !mappings.templateNames().contains(send.template())) {
                unknownTemplates.add("rothco.sources." + source.id() + ".send-fulfillment-requests.template="
                        + send.template() + " names no template in " + settings.mappingDirectory() + "; use one of "
                        + mappings.templateNames());
            }
        }
        if (!unknownTemplates.isEmpty()) {
            throw new InvalidSettingsException(unknownTemplates);
        }

        fulfillmentStore = new FulfillmentStore(dataSource);
        Registry registry = context.getRegistry();
        FulfillmentOutcomes outcomes = new FulfillmentOutcomes(fulfillmentStore, jobLog, fulfillment,
                settings.nodeName());
        JobRuns jobRuns = registry.lookupByNameAndType("jobRuns", JobRuns.class);
        RothcoRequests requests = registry.lookupByNameAndType("rothcoRequests", RothcoRequests.class);
        registry.bind("fulfillmentSettings", fulfillment);
        registry.bind("fulfillmentStore", fulfillmentStore);
        registry.bind("fulfillmentClaims", new FulfillmentClaims(outcomes, jobRuns, jobLog, java.time.Clock.systemUTC()));
        registry.bind("fulfillmentSteps", new FulfillmentSteps(outcomes, new FulfillmentValidator(), mappings, requests));
        registry.bind("orderReplies", new OrderReplies(outcomes, settings, mapper));
        registry.bind("rejectedOrders", new RejectedOrders(jobLog));
        registry.bind("fulfillmentIntake", new FulfillmentIntake(fulfillmentStore, new FulfillmentValidator(),
                fulfillment, settings.sources().stream().filter(SourceSettings::acceptsFulfillmentRequests)
                        .map(SourceSettings::id).collect(java.util.stream.Collectors.toSet())));
        for (SourceSettings source : settings.sources()) {
            fulfillmentStore.commitStock(source.id(), fulfillment.source(source.id()).commitStock());
            ExecutorService orders = context.getExecutorServiceManager()
                    .newFixedThreadPool(this, "rothco-" + source.id() + "-order-requests", source.maxConcurrentRequests());
            registry.bind("rothco-" + source.id() + "-order-requests", orders);
        }
    }

    @Override
    public void afterConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        observability.checkEndpoints(context);
        try {
            for (SourceSettings source : settings.sources()) {
                addSourceRoutes(context, source);
                addSendRoutes(context, source);
                addTrackingRoutes(context, source);
            }
            if (fulfillment.inboxEnabled() && mode == RuntimeMode.SERVICE) {
                TemplatedRouteBuilder.builder(context, "rothco-fulfillment-inbox")
                        .routeId("rothco-fulfillment-inbox")
                        .parameter("directory", fulfillment.inboxDirectory())
                        .add();
            }
            if (cluster.enabled()) {
                TemplatedRouteBuilder.builder(context, "rothco-cluster-heartbeat")
                        .routeId("rothco-cluster-heartbeat")
                        .parameter("periodMillis", String.valueOf(cluster.heartbeatSeconds() * 1000L))
                        .add();
                TemplatedRouteBuilder.builder(context, "rothco-stale-run-sweeper")
                        .routeId("rothco-stale-run-sweeper")
                        .parameter("periodMillis", String.valueOf(cluster.heartbeatSeconds() * 1000L))
                        .add();
            }
            if (fulfillment.httpEnabled()) {
                TemplatedRouteBuilder.builder(context, "rothco-fulfillment-http-intake")
                        .routeId("rothco-fulfillment-http-intake")
                        .add();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the routes of the configured sources: " + e.getMessage(), e);
        }
    }

    /**
     * Registers the JMX controls and, as a service, starts the startup tasks once Camel has
     * started every route. A context listener does this rather than {@code afterStart}, which
     * Camel Main calls from {@code run()} only, not from {@code start()}.
     */
    private void onContextStarted(CamelContext context) {
        ProducerTemplate producer = context.createProducerTemplate();
        // Before the JMX controls, so that no run can end unreported.
        observability.start(context, context.getRegistry().lookupByNameAndType("jobRuns", JobRuns.class), dataSource,
                connections, settings.sources().stream().map(SourceSettings::id).toList(), producer);
        registerControls(context, producer);
        registerFulfillmentControl(context, producer);
        if (mode == RuntimeMode.ONE_SHOT) {
            return;
        }
        scheduleControl.pauseRecordedTriggers();
        ExecutorService startup = context.getExecutorServiceManager().newSingleThreadExecutor(this, "rothco-startup");
        startup.submit(() -> runStartupTasks(producer));
        startup.shutdown();
    }

    /** Closes the simulator and the pool after the routes stopped, whichever way Camel Main stops. */
    private void closeResources() {
        if (observability != null) {
            observability.stop();
        }
        if (simulator != null) {
            simulator.close();
        }
        if (dataSource != null) {
            dataSource.close();
        }
    }

    /** Returns the settings read at startup. */
    public ConnectorSettings settings() {
        return settings;
    }

    public RunRegistry runs() {
        return runs;
    }

    public ConnectionChecks connections() {
        return connections;
    }

    public JobLog jobLog() {
        return jobLog;
    }

    /** Fulfillment requests in the pool. */
    public FulfillmentStore fulfillmentStore() {
        return fulfillmentStore;
    }

    /** Returns the Send Fulfillment Requests and intake settings read at startup. */
    public FulfillmentSettings fulfillmentSettings() {
        return fulfillment;
    }

    /** Returns the API key of each source, kept in line with keys rotated on any runtime of the pool. */
    public SourceApiKeys apiKeys() {
        return apiKeys;
    }

    /** Returns the status of every source and operation, as JMX and --status show it. */
    public StatusReader statusReader() {
        return statusReader;
    }

    public ScheduleControl scheduleControl() {
        return scheduleControl;
    }

    /** Returns the cluster settings read at startup. */
    public ClusterSettings clusterSettings() {
        return cluster;
    }

    /** Returns the Get FR Acknowledgments and Get Shipments settings read at startup. */
    public OrderTrackingSettings orderTrackingSettings() {
        return tracking;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    /** Returns the embedded simulator, or null when the configuration points at Rothco. */
    public EmbeddedSimulator simulator() {
        return simulator;
    }

    private void addSourceRoutes(CamelContext context, SourceSettings source) throws Exception {
        String endpoint = endpointOf(source);
        TemplatedRouteBuilder.builder(context, "rothco-test-connection")
                .routeId(Operation.TEST_CONNECTION.routeId(source.id()))
                .parameter("sourceId", source.id())
                .parameter("endpointUrl", endpoint)
                .add();
        if (source.primary().enabled()) {
            addInventoryRoutes(context, source, Operation.GET_INVENTORY_PRIMARY, "catalog", endpoint);
        }
        if (source.secondary().enabled()) {
            addInventoryRoutes(context, source, Operation.GET_INVENTORY_SECONDARY, "inventory", endpoint);
        }
    }

    /**
     * Creates the routes of an inventory operation from its templates: the operation route, the
     * summary and page routes of its feed ({@code rothco-<feed>-summary}, {@code rothco-<feed>-page})
     * and, in service mode, its Quartz schedule.
     */
    private void addInventoryRoutes(CamelContext context, SourceSettings source, Operation operation, String feed,
            String endpoint) throws Exception {
        InventorySettings inventory = source.inventory(operation);
        TemplatedRouteBuilder.builder(context, "rothco-" + operation.slug())
                .routeId(operation.routeId(source.id()))
                .parameter("sourceId", source.id())
                .add();
        TemplatedRouteBuilder.builder(context, "rothco-" + feed + "-summary")
                .routeId("rothco-" + source.id() + "-" + feed + "-summary")
                .parameter("sourceId", source.id())
                .parameter("endpointUrl", endpoint)
                .parameter("pageSize", String.valueOf(inventory.pageSize()))
                .add();
        TemplatedRouteBuilder.builder(context, "rothco-" + feed + "-page")
                .routeId("rothco-" + source.id() + "-" + feed + "-page")
                .parameter("sourceId", source.id())
                .parameter("endpointUrl", endpoint)
                .parameter("pageSize", String.valueOf(inventory.pageSize()))
                .parameter("maxRequestsPerSecond", String.valueOf(source.maxRequestsPerSecond()))
                .add();
        if (mode == RuntimeMode.SERVICE) {
            TemplatedRouteBuilder.builder(context, "rothco-schedule")
                    .routeId(operation.routeId(source.id()) + "-schedule")
                    .parameter("sourceId", source.id())
                    .parameter("operation", operation.slug())
                    .parameter("schedule", inventory.schedule())
                    .add();
        }
    }

    private void addSendRoutes(CamelContext context, SourceSettings source) throws Exception {
        SendSettings send = fulfillment.source(source.id());
        if (!send.enabled()) {
            return;
        }
        String routeId = Operation.SEND_FULFILLMENT_REQUESTS.routeId(source.id());
        TemplatedRouteBuilder.builder(context, "rothco-send-fulfillment-requests")
                .routeId(routeId)
                .parameter("sourceId", source.id())
                .add();
        TemplatedRouteBuilder.builder(context, "rothco-send-fulfillment-request")
                .routeId("rothco-" + source.id() + "-send-fulfillment-request")
                .parameter("sourceId", source.id())
                .add();
        TemplatedRouteBuilder.builder(context, "rothco-create-order")
                .routeId("rothco-" + source.id() + "-create-order")
                .parameter("sourceId", source.id())
                .parameter("endpointUrl", endpointOf(source))
                .parameter("maxRequestsPerSecond", String.valueOf(source.maxRequestsPerSecond()))
                .add();
        TemplatedRouteBuilder.builder(context, "rothco-order-lookup")
                .routeId("rothco-" + source.id() + "-order-lookup")
                .parameter("sourceId", source.id())
                .parameter("endpointUrl", endpointOf(source))
                .add();
        if (mode == RuntimeMode.SERVICE) {
            TemplatedRouteBuilder.builder(context, "rothco-schedule")
                    .routeId(routeId + "-schedule")
                    .parameter("sourceId", source.id())
                    .parameter("operation", Operation.SEND_FULFILLMENT_REQUESTS.slug())
                    .parameter("schedule", send.schedule())
                    .add();
        }
    }

    /** Creates the Get FR Acknowledgments and Get Shipments routes of a source, as enabled. */
    private void addTrackingRoutes(CamelContext context, SourceSettings source) throws Exception {
        String rate = String.valueOf(source.maxRequestsPerSecond());
        if (tracking.acknowledgments(source.id()).enabled()) {
            TemplatedRouteBuilder.builder(context, "rothco-get-fr-acknowledgments")
                    .routeId(Operation.GET_FR_ACKNOWLEDGMENTS.routeId(source.id()))
                    .parameter("sourceId", source.id())
                    .add();
            TemplatedRouteBuilder.builder(context, "rothco-fr-acknowledgment")
                    .routeId("rothco-" + source.id() + "-fr-acknowledgment")
                    .parameter("sourceId", source.id())
                    .add();
            TemplatedRouteBuilder.builder(context, "rothco-order-status")
                    .routeId("rothco-" + source.id() + "-order-status")
                    .parameter("sourceId", source.id())
                    .parameter("endpointUrl", endpointOf(source))
                    .parameter("maxRequestsPerSecond", rate)
                    .add();
            addSchedule(context, source, Operation.GET_FR_ACKNOWLEDGMENTS,
                    tracking.acknowledgments(source.id()).schedule());
        }
        if (tracking.shipments(source.id()).enabled()) {
            TemplatedRouteBuilder.builder(context, "rothco-get-shipments")
                    .routeId(Operation.GET_SHIPMENTS.routeId(source.id()))
                    .parameter("sourceId", source.id())
                    .add();
            TemplatedRouteBuilder.builder(context, "rothco-shipments-page")
                    .routeId("rothco-" + source.id() + "-shipments-page")
                    .parameter("sourceId", source.id())
                    .parameter("endpointUrl", endpointOf(source))
                    .parameter("maxRequestsPerSecond", rate)
                    .add();
            addSchedule(context, source, Operation.GET_SHIPMENTS, tracking.shipments(source.id()).schedule());
        }
    }

    private void addSchedule(CamelContext context, SourceSettings source, Operation operation, String schedule)
            throws Exception {
        if (mode == RuntimeMode.SERVICE) {
            TemplatedRouteBuilder.builder(context, "rothco-schedule")
                    .routeId(operation.routeId(source.id()) + "-schedule")
                    .parameter("sourceId", source.id())
                    .parameter("operation", operation.slug())
                    .parameter("schedule", schedule)
                    .add();
        }
    }

    /** Returns the GraphQL endpoint a source calls: its configured URL, or the embedded simulator's. */
    public String endpointOf(SourceSettings source) {
        if (source.endpointUrl() != null) {
            return source.endpointUrl();
        }
        return simulator.endpointFor(source.mode());
    }

    /**
     * Registers, through Camel's management agent, one control per source and one per operation
     * that the source's type supports, disabled ones included, so JMX shows why they do not run.
     */
    private void registerControls(CamelContext context, ProducerTemplate producer) {
        if (context.getManagementStrategy() == null || context.getManagementStrategy().getManagementAgent() == null) {
            LOG.info("JMX is disabled; operation controls are not registered");
            return;
        }
        for (SourceSettings source : settings.sources()) {
            register(context, new SourceControl(producer, source, apiKeys, statusReader, settings.nodeName()),
                    "com.dealerpool.rothco:type=sources,name=" + source.id());
            for (Operation operation : Operation.values()) {
                if (!source.type().supports(operation)) {
                    continue;
                }
                OperationControl control = new OperationControl(producer, runs, statusReader, scheduleControl,
                        source.id(), operation, settings.nodeName(), clusterRuns);
                register(context, control, "com.dealerpool.rothco:type=operations,source=" + source.id() + ",name="
                        + operation.slug());
            }
        }
    }

    private static void register(CamelContext context, Object control, String objectName) {
        try {
            context.getManagementStrategy().getManagementAgent().register(control, new ObjectName(objectName));
        } catch (Exception e) {
            LOG.warn("Cannot register the JMX control {}: {}", objectName, e.getMessage());
        }
    }

    private void registerFulfillmentControl(CamelContext context, ProducerTemplate producer) {
        if (context.getManagementStrategy() == null || context.getManagementStrategy().getManagementAgent() == null) {
            return;
        }
        FulfillmentControl control = new FulfillmentControl(new FulfillmentActions(fulfillmentStore), producer);
        try {
            context.getManagementStrategy().getManagementAgent().register(control,
                    new ObjectName("com.dealerpool.rothco:type=fulfillment,name=requests"));
        } catch (Exception e) {
            LOG.warn("Cannot register the JMX controls of fulfillment requests: {}", e.getMessage());
        }
    }

    private void runStartupTasks(ProducerTemplate producer) {
        for (SourceSettings source : settings.sources()) {
            if (source.testConnectionAtStartup()) {
                try {
                    producer.requestBody("direct:" + Operation.TEST_CONNECTION.routeId(source.id()), (Object) null);
                } catch (Exception e) {
                    LOG.warn("Test Connection of {} at startup failed: {}", source.id(), e.getMessage());
                }
            }
            for (Operation operation : List.of(Operation.GET_INVENTORY_PRIMARY, Operation.GET_INVENTORY_SECONDARY)) {
                InventorySettings inventory = source.inventory(operation);
                if (inventory.enabled() && inventory.runAtStartup()) {
                    producer.asyncSend("direct:" + operation.routeId(source.id()),
                            exchange -> exchange.setProperty(JobRuns.TRIGGER_PROPERTY, "startup"));
                }
            }
        }
    }
}
