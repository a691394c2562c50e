package com.dealerpool.rothco.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Source state that runtimes share through the pool: rotated API keys, Test Connection results,
 * paused schedules and the run queries of the status. The subclasses run it on H2 and PostgreSQL.
 */
abstract class SourceStateTest extends PoolDatabaseTest {

    private static final String OPERATION = "get-inventory-primary";

    private String sourceId;
    private SourceRegistry sources;
    private ApiKeyStore keys;
    private SchedulePauses pauses;

    @BeforeEach
    void registerSource() {
        sourceId = newSourceId();
        sources = new SourceRegistry(database.dataSource());
        keys = new ApiKeyStore(database.dataSource());
        pauses = new SchedulePauses(database.dataSource());
        sources.ensureSource(sourceId, "Test source", "sandbox");
    }

    @Test
    void rotatedKeyNewerThanConfiguredKey() {
        keys.recordConfiguredKey(sourceId, "configured-key-0001");

        keys.store(sourceId, "rotated-key-0002", "jmx:control@node-a");

        ApiKeyStore.RotatedKey rotated = keys.newerRotatedKey(sourceId).orElseThrow();
        assertThat(rotated.key()).as("key").isEqualTo("rotated-key-0002");
        assertThat(rotated.rotatedBy()).as("rotated by").isEqualTo("jmx:control@node-a");
        assertThat(rotated.toString()).as("toString").doesNotContain("rotated-key-0002");
    }

    @Test
    void newestRotationWins() {
        keys.recordConfiguredKey(sourceId, "configured-key-0001");
        keys.store(sourceId, "rotated-key-0002", "jmx@node-a");

        keys.store(sourceId, "rotated-key-0003", "jmx@node-b");

        assertThat(keys.newerRotatedKey(sourceId).map(ApiKeyStore.RotatedKey::key)).as("key")
                .contains("rotated-key-0003");
    }

    @Test
    void changedConfiguredKeyHidesOlderRotation() throws InterruptedException {
        keys.recordConfiguredKey(sourceId, "configured-key-0001");
        keys.store(sourceId, "rotated-key-0002", "jmx@node-a");
        Thread.sleep(5);

        keys.recordConfiguredKey(sourceId, "configured-key-0004");

        assertThat(keys.newerRotatedKey(sourceId)).as("rotation older than the configured key").isEmpty();
    }

    @Test
    void sameConfiguredKeyKeepsRotation() throws InterruptedException {
        keys.recordConfiguredKey(sourceId, "configured-key-0001");
        keys.store(sourceId, "rotated-key-0002", "jmx@node-a");
        Thread.sleep(5);

        keys.recordConfiguredKey(sourceId, "configured-key-0001");

        assertThat(keys.newerRotatedKey(sourceId)).as("rotation after a restart with the same key").isPresent();
    }

    @Test
    void connectionResultStored() {
        Instant testedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        sources.recordConnection(sourceId, new SourceRegistry.StoredConnection("Connected", "account RC-1", testedAt));

        SourceRegistry.StoredConnection stored = sources.lastConnection(sourceId).orElseThrow();
        assertThat(stored.status()).as("status").isEqualTo("Connected");
        assertThat(stored.message()).as("message").isEqualTo("account RC-1");
        assertThat(stored.testedAt()).as("tested at").isEqualTo(testedAt);
        assertThat(sources.lastConnection(newSourceId())).as("unknown source").isEmpty();
    }

    @Test
    void describeStoresType() throws SQLException {
        sources.describe(sourceId, "product-data-source", false);

        assertThat(sourceType()).as("type").isEqualTo("product-data-source");
    }

    @Test
    void pauseAndResume() {
        pauses.pause(sourceId, OPERATION, "jmx@node-a");
        pauses.pause(sourceId, OPERATION, "jmx@node-b");

        Optional<SchedulePauses.Pause> pause = pauses.find(sourceId, OPERATION);
        assertThat(pause).as("pause").isPresent();
        assertThat(pause.get().pausedBy()).as("first pause kept").isEqualTo("jmx@node-a");
        assertThat(pauses.find(sourceId, "get-inventory-secondary")).as("other operation").isEmpty();
        assertThat(pauses.resume(sourceId, OPERATION)).as("resume of a paused schedule").isTrue();
        assertThat(pauses.resume(sourceId, OPERATION)).as("resume of a running schedule").isFalse();
        assertThat(pauses.find(sourceId, OPERATION)).as("pause after resume").isEmpty();
    }

    @Test
    void statusRunQueries() {
        JobLog jobLog = new JobLog(database.dataSource(), "node-a");
        long ended = jobLog.startRun(sourceId, OPERATION, "manual");
        jobLog.finishRun(ended, "failed", RunTotals.ZERO, null, "failed", "HTTP 401");
        long running = jobLog.startRun(sourceId, OPERATION, "schedule");

        assertThat(jobLog.lastEndedRun(sourceId, OPERATION).map(RunRecord::id)).as("last ended run").contains(ended);
        assertThat(jobLog.runningRun(sourceId, OPERATION).map(RunRecord::id)).as("running run").contains(running);
        assertThat(jobLog.runningRun(sourceId, "get-inventory-secondary")).as("other operation").isEmpty();
    }

    private String sourceType() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT source_type FROM source WHERE id = ?")) {
            statement.setString(1, sourceId);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }
}
