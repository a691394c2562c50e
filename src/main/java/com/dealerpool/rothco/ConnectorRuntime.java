package com.dealerpool.rothco;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import com.dealerpool.rothco.config.ConnectorSettings;
import com.dealerpool.rothco.config.FulfillmentSettings;
import com.dealerpool.rothco.config.InvalidSettingsException;
import com.dealerpool.rothco.config.InventorySettings;
import com.dealerpool.rothco.config.SendSettings;
import com.dealerpool.rothco.config.SourceSettings;
import com.dealerpool.rothco.fulfillment.FulfillmentActions;
import com.dealerpool.rothco.fulfillment.FulfillmentClaims;
import com.dealerpool.rothco.fulfillment.FulfillmentIntake;
import com.dealerpool.rothco.fulfillment.FulfillmentOutcomes;
import com.dealerpool.rothco.fulfillment.FulfillmentSteps;
import com.dealerpool.rothco.fulfillment.FulfillmentValidator;
import com.dealerpool.rothco.fulfillment.OrderReplies;
import com.dealerpool.rothco.fulfillment.RejectedOrders;
import com.dealerpool.rothco.job.JobRuns;
import com.dealerpool.rothco.job.RetryCounter;
import com.dealerpool.rothco.job.RunMdcInterceptStrategy;
import com.dealerpool.rothco.job.RunRegistry;
import com.dealerpool.rothco.management.FulfillmentControl;
import com.dealerpool.rothco.management.OperationControl;
import com.dealerpool.rothco.mapping.MappingCatalog;
import com.dealerpool.rothco.mapping.MappingOptions;
import com.dealerpool.rothco.mapping.MappingValidationException;
import com.dealerpool.rothco.mappingfiles.MappingReload;
import com.dealerpool.rothco.observe.Observability;
import com.dealerpool.rothco.pool.CatalogWriter;
import com.dealerpool.rothco.pool.FulfillmentStore;
import com.dealerpool.rothco.pool.InventorySnapshotWriter;
import com.dealerpool.rothco.pool.JobLog;
import com.dealerpool.rothco.pool.PoolDataSource;
import com.dealerpool.rothco.pool.SourceRegistry;
import com.dealerpool.rothco.rothco.ConnectionChecks;
import com.dealerpool.rothco.rothco.GraphqlDocuments;
import com.dealerpool.rothco.rothco.RetryAfterDelay;
import com.dealerpool.rothco.rothco.RothcoHttpClientConfigurer;
import com.dealerpool.rothco.rothco.RothcoRequests;
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
    private Observability observability;

    /** Runtime mode: a service with schedules and startup tasks, or one task and exit. */
    public enum RuntimeMode { SERVICE, ONE_SHOT }

    public ConnectorRuntime(RuntimeMode mode) {
        this.mode = mode;
    }

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        settings = ConnectorSettings.read(key -> context.getPropertiesComponent().resolveProperty(key).orElse(null),
                System.getenv());

        dataSource = PoolDataSource.create(settings.pool());
        PoolDataSource.migrate(dataSource);
        jobLog = new JobLog(dataSource, settings.nodeName());
        SourceRegistry sourceRegistry = new SourceRegistry(dataSource);
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
        connections = new ConnectionChecks(settings, mapper);
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
        registry.bind("jobRuns", new JobRuns(jobLog, runs, settings));
        registry.bind("catalogPages", new CatalogPages(mapper));
        registry.bind("catalogMapping", new CatalogMapping(mappings, settings, jobLog));
        registry.bind("mappingReload", new MappingReload(mappings, jobLog));
        registry.bind("catalogSink", new CatalogSink(writer, jobLog));
        registry.bind("inventorySink", new InventorySink(new InventorySnapshotWriter(dataSource), jobLog, settings));
        registry.bind("catalogArchive", new CatalogArchive(writer, jobLog, settings));
        registry.bind("failedPages", new FailedPages(jobLog, settings));
        observability = Observability.bind(context, mapper);
        context.getCamelContextExtension().addInterceptStrategy(new RunMdcInterceptStrategy());

        for (SourceSettings source : settings.sources()) {
            sourceRegistry.ensureSource(source.id(), source.name(), source.mode().name().toLowerCase(java.util.Locale.ROOT));
            registry.bind("rothco-" + source.id() + "-http-client", new RothcoHttpClientConfigurer(source.apiKey()));
            ExecutorService pages = context.getExecutorServiceManager()
                    .newFixedThreadPool(this, "rothco-" + source.id() + "-page-requests", source.maxConcurrentRequests());
            registry.bind("rothco-" + source.id() + "-page-requests", pages);
            // Secondary has its own threads, so a long Primary run cannot hold back its pages.
            ExecutorService inventoryPages = context.getExecutorServiceManager().newFixedThreadPool(this,
                    "rothco-" + source.id() + "-inventory-page-requests", source.maxConcurrentRequests());
            registry.bind("rothco-" + source.id() + "-inventory-page-requests", inventoryPages);
        }
        bindFulfillment(context, mappings, mapper);
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
                fulfillment));
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
            }
            if (fulfillment.inboxEnabled() && mode == RuntimeMode.SERVICE) {
                TemplatedRouteBuilder.builder(context, "rothco-fulfillment-inbox")
                        .routeId("rothco-fulfillment-inbox")
                        .parameter("directory", fulfillment.inboxDirectory())
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

    /** Returns the GraphQL endpoint a source calls: its configured URL, or the embedded simulator's. */
    public String endpointOf(SourceSettings source) {
        if (source.endpointUrl() != null) {
            return source.endpointUrl();
        }
        return simulator.endpointFor(source.mode());
    }

    private void registerControls(CamelContext context, ProducerTemplate producer) {
        if (context.getManagementStrategy() == null || context.getManagementStrategy().getManagementAgent() == null) {
            LOG.info("JMX is disabled; operation controls are not registered");
            return;
        }
        for (SourceSettings source : settings.sources()) {
            List<Operation> operations = new ArrayList<>(List.of(Operation.TEST_CONNECTION));
            if (source.primary().enabled()) {
                operations.add(Operation.GET_INVENTORY_PRIMARY);
            }
            if (source.secondary().enabled()) {
                operations.add(Operation.GET_INVENTORY_SECONDARY);
            }
            if (fulfillment.source(source.id()).enabled()) {
                operations.add(Operation.SEND_FULFILLMENT_REQUESTS);
            }
            for (Operation operation : operations) {
                OperationControl control = new OperationControl(producer, runs, connections, source.id(), operation);
                try {
                    ObjectName name = new ObjectName("com.dealerpool.rothco:type=operations,source=" + source.id()
                            + ",name=" + operation.slug());
                    context.getManagementStrategy().getManagementAgent().register(control, name);
                } catch (Exception e) {
                    LOG.warn("Cannot register the JMX controls of {} {}: {}", source.id(), operation.slug(),
                            e.getMessage());
                }
            }
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
