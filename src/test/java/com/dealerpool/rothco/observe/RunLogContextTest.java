package com.dealerpool.rothco.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

import com.dealerpool.rothco.job.RunOutcome;
import com.dealerpool.rothco.job.RunStatus;
import com.dealerpool.rothco.primary.ConnectorHarness;
import com.dealerpool.rothco.primary.LogCapture;
import com.dealerpool.rothco.rothco.ApiMode;
import com.dealerpool.rothco.simulator.RothcoSimulator;
import com.dealerpool.rothco.simulator.SimulatorAccount;
import com.dealerpool.rothco.simulator.SimulatorSettings;

/** The MDC keys source, operation and runId on the log lines of a real run with parallel pages. */
class RunLogContextTest {

    private static final String KEY = "sandbox-mdc-key-9e4b";

    @TempDir
    Path folder;

    private RothcoSimulator simulator;
    private ConnectorHarness connector;

    @BeforeEach
    void startAll() throws Exception {
        simulator = RothcoSimulator.start(SimulatorSettings.builder()
                .port(0)
                .seed(3)
                .variants(400)
                .accounts(List.of(new SimulatorAccount(KEY, ApiMode.SANDBOX, "RC-400004", "Log Outfitters", Set.of())))
                .build());
        var settings = ConnectorHarness.defaultSettings(folder, simulator, KEY);
        settings.put("rothco.sources.dealer.max-concurrent-requests", "3");
        connector = ConnectorHarness.start(folder, settings);
    }

    @AfterEach
    void stopAll() {
        connector.close();
        simulator.close();
    }

    @Test
    void runLinesCarryMdcKeys() {
        List<String> lines;
        RunOutcome outcome;
        try (LogCapture log = new LogCapture("%X{source}|%X{operation}|%X{runId}|%t|%c|%msg%n")) {
            outcome = connector.runPrimary();
            lines = log.text().lines().toList();
        }
        assertThat(outcome.status()).as("status; %s", outcome.summary()).isEqualTo(RunStatus.SUCCEEDED);
        String context = "dealer|get-inventory-primary|" + outcome.runId() + "|";

        List<String> runLines = lines.stream()
                .filter(line -> line.contains("Run " + outcome.runId() + " of dealer"))
                .toList();
        assertThat(runLines).as("lines of the run").hasSizeGreaterThan(outcome.totals().pagesDone());
        assertThat(runLines).as("lines of the run without the MDC keys")
                .allSatisfy(line -> assertThat(line).startsWith(context));
        assertThat(runLines.stream().filter(line -> line.contains("-page-requests")).count())
                .as("lines logged on the threads of the parallel page split").isGreaterThanOrEqualTo(2);
        assertThat(runLines.stream().filter(line -> line.contains("started (manual trigger)")).count())
                .as("start line").isEqualTo(1);
        assertThat(runLines.stream().filter(line -> line.contains(" succeeded in ")).count())
                .as("summary line").isEqualTo(1);
        assertThat(MDC.get("runId")).as("run id left in the MDC of the calling thread").isNull();
    }
}
