package com.dealerpool.rothco.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.dealerpool.rothco.pool.ApiKeyStore;
import com.dealerpool.rothco.primary.ConnectorHarness;
import com.dealerpool.rothco.rothco.ApiKey;
import com.dealerpool.rothco.rothco.SourceApiKeys;
import com.dealerpool.rothco.simulator.RothcoSimulator;
import com.dealerpool.rothco.simulator.SimulatorAccount;
import com.dealerpool.rothco.simulator.SimulatorSettings;

/**
 * A key rotated on one runtime reaches another runtime on the same pool, and a key edited in the
 * settings file after the rotation takes precedence again. The second runtime is a second
 * {@link SourceApiKeys} on the real H2 pool of a running connector.
 */
class SharedApiKeyTest {

    private static final String NEW_KEY = "sandbox-rotated-key-7c1e";

    @TempDir
    Path folder;

    private RothcoSimulator simulator;
    private ConnectorHarness connector;

    @BeforeEach
    void start() throws Exception {
        simulator = RothcoSimulator.start(SimulatorSettings.builder().port(0).variants(20).build());
        connector = ConnectorHarness.start(folder, ConnectorHarness.defaultSettings(folder, simulator,
                SimulatorAccount.DEMO_SANDBOX_KEY));
    }

    @AfterEach
    void stop() {
        connector.close();
        simulator.close();
    }

    @Test
    void otherRuntimeReadsRotatedKey() {
        SourceApiKeys other = new SourceApiKeys(new ApiKeyStore(connector.dataSource()), Duration.ZERO);
        other.register(ConnectorHarness.SOURCE, new ApiKey(SimulatorAccount.DEMO_SANDBOX_KEY));

        String masked = connector.runtime().apiKeys().rotate(ConnectorHarness.SOURCE, NEW_KEY, "jmx@node-a");

        assertThat(masked).as("masked key").isEqualTo("****7c1e");
        assertThat(other.current(ConnectorHarness.SOURCE).reveal()).as("key on the other runtime").isEqualTo(NEW_KEY);
    }

    @Test
    void restartKeepsRotatedKey() {
        connector.runtime().apiKeys().rotate(ConnectorHarness.SOURCE, NEW_KEY, "jmx@node-a");
        SourceApiKeys restarted = new SourceApiKeys(new ApiKeyStore(connector.dataSource()), Duration.ofSeconds(30));

        restarted.register(ConnectorHarness.SOURCE, new ApiKey(SimulatorAccount.DEMO_SANDBOX_KEY));

        assertThat(restarted.current(ConnectorHarness.SOURCE).reveal()).as("key after a restart").isEqualTo(NEW_KEY);
    }

    @Test
    void editedSettingsKeyWinsOverOlderRotation() {
        connector.runtime().apiKeys().rotate(ConnectorHarness.SOURCE, NEW_KEY, "jmx@node-a");
        SourceApiKeys restarted = new SourceApiKeys(new ApiKeyStore(connector.dataSource()), Duration.ZERO);

        restarted.register(ConnectorHarness.SOURCE, new ApiKey("sandbox-edited-key-5d20"));

        assertThat(restarted.current(ConnectorHarness.SOURCE).reveal()).as("key from the edited settings")
                .isEqualTo("sandbox-edited-key-5d20");
    }

    @Test
    void blankKeyRejected() {
        assertThatThrownBy(() -> connector.runtime().apiKeys().rotate(ConnectorHarness.SOURCE, "  ", "jmx@node-a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
        assertThat(connector.count("SELECT COUNT(*) FROM source_api_key")).as("stored keys").isZero();
        assertThat(connector.runtime().apiKeys().current(ConnectorHarness.SOURCE).reveal()).as("key in use")
                .isEqualTo(SimulatorAccount.DEMO_SANDBOX_KEY);
    }
}
