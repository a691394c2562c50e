package com.dealerpool.rothco.primary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.dealerpool.rothco.Application;
import com.dealerpool.rothco.CommandLine;
import com.dealerpool.rothco.config.ConnectorSettings;
import com.dealerpool.rothco.config.InvalidSettingsException;
import com.dealerpool.rothco.config.SourceSettings;
import com.dealerpool.rothco.config.SourceType;
import com.dealerpool.rothco.simulator.RothcoSimulator;
import com.dealerpool.rothco.simulator.SimulatorAccount;
import com.dealerpool.rothco.simulator.SimulatorSettings;
import com.dealerpool.rothco.validation.UnknownSettings;

/** Settings checks that stop startup: every problem is one line naming the property and the fix. */
class StartupSettingsTest {

    @Test
    void missingApiKeyNamesPropertyAndVariable() {
        Map<String, String> properties = valid();
        properties.remove("rothco.sources.dealer.api-key");

        assertThatThrownBy(() -> ConnectorSettings.read(properties::get, Map.of()))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("rothco.sources.dealer.api-key is missing")
                .hasMessageContaining("ROTHCO_DEALER_API_KEY");
    }

    @Test
    void apiKeyFromEnvironmentIsUsed() {
        Map<String, String> properties = valid();
        properties.remove("rothco.sources.dealer.api-key");

        ConnectorSettings settings = ConnectorSettings.read(properties::get, Map.of("ROTHCO_DEALER_API_KEY", "env-key-0001234"));

        assertThat(settings.source("dealer").apiKey().reveal()).as("key from the environment").isEqualTo("env-key-0001234");
    }

    @Test
    void invalidCronNamesProperty() {
        Map<String, String> properties = valid();
        properties.put("rothco.sources.dealer.get-inventory-primary.schedule", "every day");

        assertThatThrownBy(() -> ConnectorSettings.read(properties::get, Map.of()))
                .hasMessageContaining("rothco.sources.dealer.get-inventory-primary.schedule=every day is not a valid Quartz cron");
    }

    @Test
    void everyProblemListedAtOnce() {
        Map<String, String> properties = valid();
        properties.put("rothco.sources.dealer.mode", "production");
        properties.put("rothco.sources.dealer.max-concurrent-requests", "zero");
        properties.put("rothco.sources.dealer.get-inventory-primary.archive-max-shrink", "2");

        InvalidSettingsException error = (InvalidSettingsException) org.assertj.core.api.Assertions
                .catchThrowable(() -> ConnectorSettings.read(properties::get, Map.of()));

        assertThat(error.problems()).as("problems").hasSize(3);
        assertThat(error.problems().get(0)).as("mode problem").contains("use sandbox or live");
        assertThat(error.problems().get(1)).as("shrink problem").contains("archive-max-shrink=2 is out of range");
        assertThat(error.problems().get(2)).as("concurrency problem").contains("max-concurrent-requests=zero is not a whole number");
    }

    @Test
    void incompleteSourceNamesAllMissingKeys() {
        Map<String, String> properties = valid();
        properties.put("rothco.sources", "dealer,east");
        properties.put("rothco.sources.east.api-key", "sandbox-east-key-0001");
        properties.put("rothco.sources.east.ship-from.address", "1 Depot Road");
        properties.put("rothco.sources.east.ship-from.country", "US");

        assertThatThrownBy(() -> ConnectorSettings.read(properties::get, Map.of()))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("Source east is incomplete: rothco.sources.east.ship-from.city,"
                        + " rothco.sources.east.ship-from.state, rothco.sources.east.ship-from.postal-code,"
                        + " rothco.sources.east.shipping-methods are missing")
                .hasMessageNotContaining("Source dealer");
    }

    @Test
    void sourceTypeAndShippingRead() {
        Map<String, String> properties = valid();
        properties.put("rothco.sources.dealer.type", "Product Data Source");
        properties.put("rothco.sources.dealer.shipping-methods", "UPSGND, STANDARD, UPSGND");

        SourceSettings source = ConnectorSettings.read(properties::get, Map.of()).source("dealer");

        assertThat(source.type()).as("type").isEqualTo(SourceType.PRODUCT_DATA_SOURCE);
        assertThat(source.acceptsFulfillmentRequests()).as("accepts FRs by default").isFalse();
        assertThat(source.shippingMethods()).as("shipping methods").containsExactly("UPSGND", "STANDARD");
        assertThat(source.shipFrom().oneLine()).as("ship-from")
                .isEqualTo("3015 Veterans Memorial Hwy, Ronkonkoma, NY 11779, US");
    }

    @Test
    void invalidSourceIdRejected() {
        Map<String, String> properties = valid();
        properties.put("rothco.sources", "Dealer One");

        assertThatThrownBy(() -> ConnectorSettings.read(properties::get, Map.of()))
                .hasMessageContaining("'Dealer One', which is not a valid source id");
    }

    @Test
    void unknownTemplateStopsStartup(@TempDir Path folder) {
        try (RothcoSimulator simulator = RothcoSimulator.start(SimulatorSettings.builder().variants(10).build())) {
            Map<String, String> settings = ConnectorHarness.defaultSettings(folder, simulator,
                    SimulatorAccount.DEMO_SANDBOX_KEY);
            settings.put("rothco.sources.dealer.get-inventory-primary.template", "Rothco V2 GIP Custom");

            assertThatThrownBy(() -> ConnectorHarness.start(folder, settings).close())
                    .isInstanceOf(InvalidSettingsException.class)
                    .hasMessageContaining("rothco.sources.dealer.get-inventory-primary.template=Rothco V2 GIP Custom"
                            + " names no template")
                    .hasMessageContaining("Rothco V2 GIP");
        }
    }

    @Test
    void misspelledKeyWarnsButStarts(@TempDir Path folder) throws Exception {
        try (RothcoSimulator simulator = RothcoSimulator.start(SimulatorSettings.builder().variants(10).build())) {
            Map<String, String> settings = ConnectorHarness.defaultSettings(folder, simulator,
                    SimulatorAccount.DEMO_SANDBOX_KEY);
            settings.put("rothco.sources.dealer.get-inventory-primery.schedule", "0 0 3 * * ?");

            String log;
            try (LogCapture capture = new LogCapture(); ConnectorHarness connector = ConnectorHarness.start(folder,
                    settings)) {
                log = capture.text();
                assertThat(connector.context().getRoute("rothco-dealer-get-inventory-primary"))
                        .as("primary route of the started runtime").isNotNull();
            }
            assertThat(log).as("startup log").contains("WARN " + UnknownSettings.class.getName()
                    + " - Unknown setting in").contains("rothco.sources.dealer.get-inventory-primery.schedule is not a"
                            + " setting").contains("did you mean rothco.sources.dealer.get-inventory-primary.schedule?");
            assertThat(log).as("keys that are read").doesNotContain("get-inventory-primary.page-size is not a setting");
        }
    }

    @Test
    void invalidLookbackStopsStartup(@TempDir Path folder) {
        try (RothcoSimulator simulator = RothcoSimulator.start(SimulatorSettings.builder().variants(10).build())) {
            Map<String, String> settings = ConnectorHarness.defaultSettings(folder, simulator,
                    SimulatorAccount.DEMO_SANDBOX_KEY);
            settings.put("rothco.sources.dealer.get-shipments.lookback-days", "7");
            settings.put("rothco.sources.dealer.get-fr-acknowledgments.template", "Rothco - Get PO Ack Custom");

            assertThatThrownBy(() -> ConnectorHarness.start(folder, settings).close())
                    .isInstanceOf(InvalidSettingsException.class)
                    .hasMessageContaining("rothco.sources.dealer.get-shipments.lookback-days=7")
                    .hasMessageContaining("use one of 5, 10, 15 or 30");
            settings.put("rothco.sources.dealer.get-shipments.lookback-days", "15");
            assertThatThrownBy(() -> ConnectorHarness.start(folder, settings).close())
                    .isInstanceOf(InvalidSettingsException.class)
                    .hasMessageContaining("rothco.sources.dealer.get-fr-acknowledgments.template="
                            + "Rothco - Get PO Ack Custom names no template");
        }
    }

    @Test
    void takenManagementPortStopsServiceStartup(@TempDir Path folder) throws Exception {
        try (RothcoSimulator simulator = RothcoSimulator.start(SimulatorSettings.builder().variants(10).build());
                ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, String> settings = ConnectorHarness.defaultSettings(folder, simulator,
                    SimulatorAccount.DEMO_SANDBOX_KEY);
            ConnectorHarness.enableManagement(settings);
            settings.put("camel.management.port", String.valueOf(taken.getLocalPort()));

            assertThatThrownBy(() -> ConnectorHarness.start(folder, settings).close())
                    .isInstanceOf(InvalidSettingsException.class)
                    .hasMessageContaining("camel.management.port=" + taken.getLocalPort() + " cannot be bound on 127.0.0.1"
                            + " (the port is already in use), so the health and metrics server cannot start")
                    .hasMessageContaining("set camel.management.port to a free port");
        }
    }

    @Test
    void takenIntakePortExitsWithInvalidSettings(@TempDir Path folder) throws Exception {
        try (RothcoSimulator simulator = RothcoSimulator.start(SimulatorSettings.builder().variants(10).build());
                ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                LogCapture log = new LogCapture()) {
            Map<String, String> settings = ConnectorHarness.defaultSettings(folder, simulator,
                    SimulatorAccount.DEMO_SANDBOX_KEY);
            settings.put("camel.server.enabled", "true");
            settings.put("camel.server.host", "127.0.0.1");
            settings.put("camel.server.port", String.valueOf(taken.getLocalPort()));
            Path config = folder.resolve("application.properties");
            Files.writeString(config, settings.entrySet().stream()
                    .map(entry -> entry.getKey() + " = " + entry.getValue())
                    .collect(Collectors.joining(System.lineSeparator())));

            // The service would run until stopped if the check let it start, so a time limit ends the test.
            int exitCode = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> Application.run(CommandLine.parse("--config", config.toString())));

            assertThat(exitCode).as("exit code").isEqualTo(Application.EXIT_INVALID_SETTINGS);
            assertThat(log.text()).as("log").contains("Invalid setting: camel.server.port=" + taken.getLocalPort()
                    + " cannot be bound on 127.0.0.1 (the port is already in use), so the HTTP intake of fulfillment"
                    + " requests cannot start; stop the process that holds the port (ss -ltnp shows it) or set"
                    + " camel.server.port to a free port");
        }
    }

    private static Map<String, String> valid() {
        Map<String, String> properties = new HashMap<>();
        properties.put("rothco.sources", "dealer");
        properties.put("rothco.sources.dealer.api-key", "sandbox-demo-key-0001");
        ConnectorHarness.putShipping(properties, "dealer");
        return properties;
    }
}
