package com.dealerpool.rothco.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.dealerpool.rothco.job.RunOutcome;
import com.dealerpool.rothco.job.RunStatus;
import com.dealerpool.rothco.primary.ConnectorHarness;
import com.dealerpool.rothco.primary.LogCapture;
import com.dealerpool.rothco.rothco.ApiMode;
import com.dealerpool.rothco.simulator.RothcoSimulator;
import com.dealerpool.rothco.simulator.SimulatorAccount;
import com.dealerpool.rothco.simulator.SimulatorSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Run notifications of a real runtime. A run that Rothco rejects with HTTP 401 sends one
 * notification to the default log category and to a webhook on 127.0.0.1, a repeat within the
 * window sends none, and a failing endpoint is logged without changing the run.
 */
class RunNotificationsTest {

    private static final String KEY = "sandbox-notify-key-7d21";
    private static final String REVOKED_KEY = "sandbox-revoked-key-0404";
    private static final String LOG_ENDPOINT = "log:com.dealerpool.rothco.notifications?level=WARN&plain=true";
    private static final String CAPTURE_PATTERN = "%level|%c|%X{source}|%X{operation}|%X{runId}|%msg%n";

    @TempDir
    Path folder;

    private final ObjectMapper mapper = new ObjectMapper();
    private final BlockingQueue<String> webhookBodies = new LinkedBlockingQueue<>();
    private RothcoSimulator simulator;
    private HttpServer webhook;
    private ConnectorHarness connector;

    @BeforeEach
    void startServers() throws IOException {
        simulator = RothcoSimulator.start(SimulatorSettings.builder()
                .port(0)
                .seed(5)
                .variants(100)
                .accounts(List.of(new SimulatorAccount(KEY, ApiMode.SANDBOX, "RC-300003", "Notify Outfitters", Set.of())))
                .build());
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            webhookBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
    }

    @AfterEach
    void stopAll() {
        if (connector != null) {
            connector.close();
        }
        webhook.stop(0);
        simulator.close();
    }

    @Test
    void failedRunNotifiesOnceWithErrorText() throws Exception {
        String hook = "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook?httpMethod=POST";
        try (LogCapture log = new LogCapture(CAPTURE_PATTERN)) {
            start(LOG_ENDPOINT + "," + hook);

            RunOutcome failed = connector.runPrimary();
            assertThat(failed.status()).as("status; %s", failed.summary()).isEqualTo(RunStatus.FAILED);
            assertThat(failed.error()).as("error").contains("HTTP 401");

            String body = webhookBodies.poll(10, TimeUnit.SECONDS);
            assertThat(body).as("webhook notification").isNotNull();
            JsonNode notification = mapper.readTree(body);
            assertThat(notification.path("error").asText()).as("error text").isEqualTo(failed.error());
            assertThat(notification.path("error").asText()).as("error text against the job log")
                    .isEqualTo(connector.text("SELECT error_message FROM job_run WHERE id = ?", failed.runId()));
            assertThat(notification.path("source").asText()).as("source").isEqualTo("dealer");
            assertThat(notification.path("operation").asText()).as("operation").isEqualTo("get-inventory-primary");
            assertThat(notification.path("runId").asLong()).as("run id").isEqualTo(failed.runId());
            assertThat(notification.path("status").asText()).as("status").isEqualTo("failed");
            assertThat(notification.path("counts").path("pagesDone").asInt()).as("pages done").isZero();
            assertThat(notification.path("repeatsHeldBack").asInt()).as("repeats held back").isZero();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(notificationLines(log))
                    .as("notification lines in the log").hasSize(1));
            assertThat(notificationLines(log).get(0)).as("logged notification")
                    .contains(mapper.writeValueAsString(failed.error()))
                    .startsWith("WARN|com.dealerpool.rothco.notifications|dealer|get-inventory-primary|"
                            + failed.runId() + "|");

            RunOutcome repeat = connector.runPrimary();
            assertThat(repeat.status()).as("status of the repeat").isEqualTo(RunStatus.FAILED);
            assertThat(repeat.error()).as("error of the repeat").isEqualTo(failed.error());
            await().atMost(Duration.ofSeconds(10)).until(() -> heldBack() == 1.0);
            assertThat(webhookBodies.poll(500, TimeUnit.MILLISECONDS)).as("webhook notification of the repeat")
                    .isNull();
            assertThat(notificationLines(log)).as("notification lines after the repeat").hasSize(1);
        }
    }

    @Test
    void failingEndpointIsLoggedAndOthersStillSent() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (LogCapture log = new LogCapture(CAPTURE_PATTERN)) {
            start("http://127.0.0.1:" + closedPort + "/hook?httpMethod=POST," + LOG_ENDPOINT);

            RunOutcome failed = connector.runPrimary();
            assertThat(failed.status()).as("status; %s", failed.summary()).isEqualTo(RunStatus.FAILED);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log.text())
                    .as("log").contains("Sending the notification of run "));
            String failure = log.text().lines()
                    .filter(line -> line.contains("Sending the notification of run "))
                    .findFirst().orElseThrow();
            assertThat(failure).as("failure line, logged by the route's log step")
                    .startsWith("ERROR|com.dealerpool.rothco.notifications|dealer|get-inventory-primary|"
                            + failed.runId() + "|")
                    .contains("Sending the notification of run " + failed.runId() + " to http://127.0.0.1:"
                            + closedPort + "/hook?httpMethod=POST failed: ")
                    .contains("Connection refused");
            assertThat(notificationLines(log)).as("notification on the log endpoint after the failing one")
                    .hasSize(1);
            assertThat(connector.text("SELECT status FROM job_run WHERE id = ?", failed.runId()))
                    .as("stored run status").isEqualTo("failed");
        }
    }

    @Test
    void unknownEndpointSchemeStopsStartup() {
        Map<String, String> settings = ConnectorHarness.defaultSettings(folder, simulator, KEY);
        settings.put("rothco.notifications.endpoints", LOG_ENDPOINT + ",webhoook://ops.example/hook");

        Throwable error = org.assertj.core.api.Assertions.catchThrowable(() -> ConnectorHarness.start(folder, settings));

        assertThat(error).as("startup error").isNotNull();
        assertThat(rootMessages(error)).as("messages of the startup error")
                .contains("rothco.notifications.endpoints lists 'webhoook://ops.example/hook'");
    }

    private void start(String endpoints) throws IOException {
        Map<String, String> settings = ConnectorHarness.defaultSettings(folder, simulator, REVOKED_KEY);
        settings.put("rothco.notifications.endpoints", endpoints);
        connector = ConnectorHarness.start(folder, settings);
    }

    private static List<String> notificationLines(LogCapture log) {
        return log.text().lines()
                .filter(line -> line.startsWith("WARN|com.dealerpool.rothco.notifications|"))
                .toList();
    }

    private double heldBack() {
        MeterRegistry registry = connector.context().getRegistry()
                .lookupByNameAndType(Observability.METER_REGISTRY, MeterRegistry.class);
        Counter counter = registry.find("rothco.notifications.held.back").counter();
        return counter == null ? 0 : counter.count();
    }

    private static String rootMessages(Throwable error) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
