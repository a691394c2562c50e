package com.dealerpool.rothco.job;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.config.ClusterSettings;

/**
 * Configures camel-quartz for a cluster: Quartz's JDBC job store (JobStoreTX with the
 * PostgreSQL delegate) on the pool's own HikariCP connections, clustered, with one scheduler name
 * on every node and the node id as the Quartz instance id. The tables come from the migration
 * {@code db/vendor/postgresql/V6_1__quartz_job_store.sql}.
 */
public final class ClusteredQuartz {

    private static final Logger LOG = LoggerFactory.getLogger(ClusteredQuartz.class);

    /** Scheduler name shared by every node; the QRTZ_ tables key every row by it. */
    public static final String SCHEDULER_NAME = "rothco-connector";

    private ClusteredQuartz() {
    }

    /**
     * Registers the pool as a Quartz data source and hands the clustered settings to the quartz
     * component. Call before Camel starts the component.
     */
    public static void configure(CamelContext context, DataSource pool, ClusterSettings cluster,
            String nodeId) {
        // The name is unique per runtime, because DBConnectionManager is one per JVM and tests
        // run several runtimes in one JVM.
        String dataSourceName = "rothcoPool" + System.identityHashCode(pool);
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new PoolConnections(pool));

        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        properties.put("org.quartz.scheduler.instanceId", nodeId);
        properties.put("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        properties.put("org.quartz.threadPool.threadCount", String.valueOf(cluster.quartzThreads()));
        properties.put("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.put("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.put("org.quartz.jobStore.dataSource", dataSourceName);
        properties.put("org.quartz.jobStore.tablePrefix", "QRTZ_");
        properties.put("org.quartz.jobStore.isClustered", "true");
        properties.put("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(cluster.checkinIntervalMillis()));
        properties.put("org.quartz.jobStore.misfireThreshold", String.valueOf(cluster.misfireThresholdMillis()));
        // Nodes acquire due triggers one at a time under Quartz's TRIGGER_ACCESS row lock.
        properties.put("org.quartz.jobStore.acquireTriggersWithinLock", "true");

        QuartzComponent quartz = context.getComponent("quartz", QuartzComponent.class);
        // Keep the scheduler name as is: with the prefix it would depend on the CamelContext name.
        quartz.setPrefixInstanceName(false);
        quartz.setProperties(properties);
        context.getManagementStrategy().addEventNotifier(new StandbyWhenStopping(quartz));
    }

    /**
     * Puts the scheduler in standby as soon as the CamelContext starts stopping. Camel stops the
     * routes before the quartz component, and a firing that Quartz hands to this node in between
     * would find no route and be lost, while in standby the other nodes take it.
     */
    private static final class StandbyWhenStopping extends EventNotifierSupport {

        private final QuartzComponent quartz;

        StandbyWhenStopping(QuartzComponent quartz) {
            this.quartz = quartz;
        }

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof CamelEvent.CamelContextStoppingEvent;
        }

        @Override
        public void notify(CamelEvent event) throws SchedulerException {
            Scheduler scheduler = quartz.getScheduler();
            if (scheduler != null && scheduler.isStarted() && !scheduler.isShutdown()) {
                scheduler.standby();
                LOG.info("Quartz scheduler {} is in standby: other nodes take the firings while this node stops",
                        SCHEDULER_NAME);
            }
        }
    }

    /**
     * Hands Quartz connections of the pool's HikariCP data source. Shutting Quartz down leaves
     * the data source open, because the runtime closes it after Camel stopped.
     */
    private static final class PoolConnections implements ConnectionProvider {

        private final DataSource pool;

        PoolConnections(DataSource pool) {
            this.pool = pool;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return pool.getConnection();
        }

        @Override
        public void shutdown() {
            // The runtime owns the data source.
        }

        @Override
        public void initialize() {
            // The data source is open already.
        }
    }
}
