package com.dealerpool.rothco.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour of {@link JobLog}; run on H2 and PostgreSQL by the subclasses. */
abstract class JobLogTest extends PoolDatabaseTest {

    private static final String OPERATION = "get-inventory-primary";

    private JobLog jobLog;
    private String sourceId;

    @BeforeEach
    void createJobLog() {
        jobLog = new JobLog(database.dataSource(), "node-a");
        sourceId = newSourceId();
    }

    @Test
    void startRunIsRunning() {
        long runId = jobLog.startRun(sourceId, OPERATION, "schedule");

        RunRecord run = jobLog.findRun(runId).orElseThrow();
        assertThat(run.status()).isEqualTo("running");
        assertThat(run.sourceId()).isEqualTo(sourceId);
        assertThat(run.operation()).isEqualTo(OPERATION);
        assertThat(run.trigger()).isEqualTo("schedule");
        assertThat(run.nodeName()).isEqualTo("node-a");
        assertThat(run.startedAt()).as("started_at").isNotNull();
        assertThat(run.endedAt()).as("ended_at").isNull();
    }

    @Test
    void heartbeatStoresProgress() {
        long runId = jobLog.startRun(sourceId, OPERATION, "manual");

        jobLog.heartbeat(runId, 7, 20);

        RunRecord run = jobLog.findRun(runId).orElseThrow();
        assertThat(run.pagesDone()).isEqualTo(7);
        assertThat(run.pagesTotal()).isEqualTo(20);
        assertThat(run.heartbeatAt()).isAfterOrEqualTo(run.startedAt());
    }

    @Test
    void finishRunStoresTotals() {
        long runId = jobLog.startRun(sourceId, OPERATION, "manual");
        RunTotals totals = new RunTotals(20, 19, 1, 300, 900, 50, 40, 3, 2, 4, 5);

        jobLog.finishRun(runId, "succeeded_with_warnings", totals, "feed shrank", "done with warnings", null);

        RunRecord run = jobLog.findRun(runId).orElseThrow();
        assertThat(run.status()).isEqualTo("succeeded_with_warnings");
        assertThat(run.totals()).isEqualTo(totals);
        assertThat(run.archiveNote()).isEqualTo("feed shrank");
        assertThat(run.summary()).isEqualTo("done with warnings");
        assertThat(run.errorMessage()).isNull();
        assertThat(run.endedAt()).as("ended_at").isNotNull();
    }

    @Test
    void finishRunRejectsRunningStatus() {
        long runId = jobLog.startRun(sourceId, OPERATION, "manual");

        assertThatThrownBy(() -> jobLog.finishRun(runId, "running", RunTotals.ZERO, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'running'")
                .hasMessageContaining("succeeded_with_warnings");
    }

    @Test
    void finishRunRejectsUnknownId() {
        assertThatThrownBy(() -> jobLog.finishRun(-5, "failed", RunTotals.ZERO, null, null, "boom"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-5");
    }

    @Test
    void startRunRejectsUnknownTrigger() {
        assertThatThrownBy(() -> jobLog.startRun(sourceId, OPERATION, "cron"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'cron'")
                .hasMessageContaining("command-line");
    }

    @Test
    void eventsKeepOrder() {
        long runId = jobLog.startRun(sourceId, OPERATION, "manual");

        jobLog.event(runId, "WARN", "page_failed", 3, null, "page 3 timed out");
        jobLog.event(runId, "WARN", "record_rejected", 4, "A-1", "missing title");

        List<RunEvent> events = jobLog.events(runId);
        assertThat(events).extracting(RunEvent::kind).containsExactly("page_failed", "record_rejected");
        assertThat(events.get(0).page()).isEqualTo(3);
        assertThat(events.get(0).sku()).isNull();
        assertThat(events.get(1).sku()).isEqualTo("A-1");
        assertThat(events.get(1).message()).isEqualTo("missing title");
    }

    @Test
    void longEventMessageIsCut() {
        long runId = jobLog.startRun(sourceId, OPERATION, "manual");

        jobLog.event(runId, "ERROR", "page_failed", null, null, "x".repeat(10_000));

        assertThat(jobLog.events(runId).get(0).message()).hasSize(JobLog.MESSAGE_MAX_LENGTH);
    }

    @Test
    void eventRejectsUnknownLevel() {
        long runId = jobLog.startRun(sourceId, OPERATION, "manual");

        assertThatThrownBy(() -> jobLog.event(runId, "DEBUG", "progress", null, null, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'DEBUG'");
    }

    @Test
    void deadLettersAreStored() {
        long runId = jobLog.startRun(sourceId, OPERATION, "manual");
        String payload = "{\"page\":12}".repeat(20_000);

        jobLog.deadLetter(runId, "catalog-pages", sourceId, "page 12", "HTTP 502", payload);

        List<DeadLetterRecord> letters = jobLog.deadLetters(runId);
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).channel()).isEqualTo("catalog-pages");
        assertThat(letters.get(0).reference()).isEqualTo("page 12");
        assertThat(letters.get(0).error()).isEqualTo("HTTP 502");
        assertThat(letters.get(0).payload()).as("payload of 220,000 characters").isEqualTo(payload);
    }

    @Test
    void lastRunReturnsNewest() {
        long first = jobLog.startRun(sourceId, OPERATION, "manual");
        jobLog.finishRun(first, "succeeded", RunTotals.ZERO, null, "first", null);
        long second = jobLog.startRun(sourceId, OPERATION, "schedule");
        jobLog.startRun(sourceId, "get-shipments", "schedule");

        assertThat(jobLog.lastRun(sourceId, OPERATION)).map(RunRecord::id).contains(second);
        assertThat(jobLog.lastRun(sourceId, "get-fr-acknowledgments")).isEmpty();
    }

    @Test
    void failStaleRunsMarksOnlyStale() {
        Clock hourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        long stale = new JobLog(database.dataSource(), "node-gone", hourAgo).startRun(sourceId, OPERATION, "startup");
        long fresh = jobLog.startRun(sourceId, "get-shipments", "manual");

        int failed = jobLog.failStaleRuns(Duration.ofMinutes(10));

        RunRecord staleRun = jobLog.findRun(stale).orElseThrow();
        assertThat(failed).as("runs marked failed").isEqualTo(1);
        assertThat(staleRun.status()).isEqualTo("failed");
        assertThat(staleRun.errorMessage()).contains("node-gone");
        assertThat(staleRun.endedAt()).as("ended_at").isNotNull();
        assertThat(jobLog.findRun(fresh).orElseThrow().status()).isEqualTo("running");
    }

    @Test
    void heartbeatKeepsRunFresh() {
        Instant start = Instant.now().minus(Duration.ofHours(1));
        long runId = new JobLog(database.dataSource(), "node-b", Clock.fixed(start, ZoneOffset.UTC))
                .startRun(sourceId, OPERATION, "manual");

        jobLog.heartbeat(runId, 1, 2);
        jobLog.failStaleRuns(Duration.ofMinutes(10));

        assertThat(jobLog.findRun(runId).orElseThrow().status()).isEqualTo("running");
    }
}
