package com.dealerpool.rothco.primary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.dealerpool.rothco.rothco.ApiMode;
import com.dealerpool.rothco.rothco.ConnectionResult;
import com.dealerpool.rothco.rothco.ConnectionStatus;
import com.dealerpool.rothco.simulator.RothcoSimulator;
import com.dealerpool.rothco.simulator.SimulatorAccount;
import com.dealerpool.rothco.simulator.SimulatorSettings;

/** Test Connection through the real route against the simulator's Live and Sandbox endpoints. */
class TestConnectionTest {

    private static final String SANDBOX_KEY = "sandbox-conn-key-2b7d";
    private static final String LIVE_KEY = "live-conn-key-8e1f";

    @TempDir
    Path folder;

    private RothcoSimulator simulator;
    private ConnectorHarness connector;

    @BeforeEach
    void startSimulator() {
        simulator = RothcoSimulator.start(SimulatorSettings.builder()
                .port(0)
                .variants(200)
                .accounts(List.of(
                        new SimulatorAccount(SANDBOX_KEY, ApiMode.SANDBOX, "RC-200002", "Conn Outfitters", Set.of()),
                        new SimulatorAccount(LIVE_KEY, ApiMode.LIVE, "RC-200002", "Conn Outfitters", Set.of())))
                .build());
    }

    @AfterEach
    void stopAll() {
        if (connector != null) {
            connector.close();
        }
        simulator.close();
    }

    @Test
    void validSandboxKeyConnects() throws IOException {
        ConnectionResult result = testWith(Map.of());

        assertThat(result.status()).as("status; %s", result.message()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(result.message()).as("message").contains("RC-200002").contains("****2b7d").doesNotContain(SANDBOX_KEY);
    }

    @Test
    void unknownKeyIsInvalid() throws IOException {
        ConnectionResult result = testWith(Map.of("rothco.sources.dealer.api-key", "sandbox-unknown-key-0042"));

        assertThat(result.status()).as("status; %s", result.message()).isEqualTo(ConnectionStatus.INVALID_KEY);
        assertThat(result.message()).as("message").contains("HTTP 401").contains("rothco.sources.dealer.api-key");
    }

    @Test
    void sandboxKeyAgainstLiveIsNamed() throws IOException {
        ConnectionResult result = testWith(Map.of("rothco.sources.dealer.mode", "live",
                "rothco.sources.dealer.url", simulator.liveUrl()));

        assertThat(result.status()).as("status; %s", result.message()).isEqualTo(ConnectionStatus.SANDBOX_KEY_ON_LIVE);
        assertThat(result.message()).as("message").contains("Sandbox key").contains("Live API");
    }

    @Test
    void closedPortIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ConnectionResult result = testWith(Map.of("rothco.sources.dealer.url",
                "http://127.0.0.1:" + closedPort + "/sandbox/graphql"));

        assertThat(result.status()).as("status; %s", result.message()).isEqualTo(ConnectionStatus.UNREACHABLE);
    }

    @Test
    void slowAnswerTimesOut() throws IOException {
        simulator.faults().hangNextRequests(1, Duration.ofSeconds(3));

        ConnectionResult result = testWith(Map.of("camel.component.http.response-timeout", "500",
                "camel.component.http.so-timeout", "500"));

        assertThat(result.status()).as("status; %s", result.message()).isEqualTo(ConnectionStatus.TIMED_OUT);
    }

    private ConnectionResult testWith(Map<String, String> overrides) throws IOException {
        Map<String, String> settings = ConnectorHarness.defaultSettings(folder, simulator, SANDBOX_KEY);
        settings.putAll(overrides);
        connector = ConnectorHarness.start(folder, settings);
        return connector.testConnection();
    }
}
