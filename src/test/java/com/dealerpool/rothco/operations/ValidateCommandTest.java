package com.dealerpool.rothco.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.dealerpool.rothco.Application;
import com.dealerpool.rothco.CommandLine;
import com.dealerpool.rothco.primary.ConnectorHarness;
import com.dealerpool.rothco.simulator.RothcoSimulator;
import com.dealerpool.rothco.simulator.SimulatorAccount;
import com.dealerpool.rothco.simulator.SimulatorSettings;

/** The --validate command: every problem of the configuration at once, without starting routes. */
class ValidateCommandTest {

    @TempDir
    Path folder;

    @Test
    void shippedSettingsAreValid() {
        CommandResult result = run(Path.of("application.properties"));

        assertThat(result.exitCode()).as("exit code; output:\n" + result.output()).isZero();
        assertThat(result.output()).as("output").contains("is valid");
    }

    @Test
    void everyProblemListedAtOnce() throws IOException {
        Map<String, String> settings = settings();
        settings.put("rothco.sources", "dealer,west");
        settings.remove("rothco.sources.dealer.ship-from.city");
        settings.put("rothco.sources.dealer.get-inventory-secondary.schedule", "hourly");
        settings.put("rothco.sources.dealer.get-inventory-primary.archive-max-shrink", "1.5");
        settings.put("rothco.sources.dealer.send-fulfillment-requests.enabled", "true");
        settings.put("rothco.sources.dealer.send-fulfillment-requests.billing-email", "billing at dealer");
        settings.put("rothco.sources.dealer.get-inventory-primary.template", "Rothco V2 GIS");
        settings.put("rothco.sources.west.type", "warehouse");

        CommandResult result = run(write(settings));

        assertThat(result.exitCode()).as("exit code; output:\n" + result.output()).isEqualTo(64);
        assertThat(result.output()).as("problem count").contains("8 problems");
        assertThat(result.output()).as("missing city").contains("rothco.sources.dealer.ship-from.city is missing");
        assertThat(result.output()).as("west missing keys and env variable")
                .contains("rothco.sources.west.api-key is missing").contains("ROTHCO_WEST_API_KEY")
                .contains("rothco.sources.west.ship-from.address, rothco.sources.west.ship-from.city,"
                        + " rothco.sources.west.ship-from.state, rothco.sources.west.ship-from.postal-code,"
                        + " rothco.sources.west.ship-from.country, rothco.sources.west.shipping-methods are missing");
        assertThat(result.output()).as("unknown type").contains("rothco.sources.west.type=warehouse is not a source type");
        assertThat(result.output()).as("cron").contains("get-inventory-secondary.schedule=hourly is not a valid Quartz cron");
        assertThat(result.output()).as("archive setting").contains("archive-max-shrink=1.5 is out of range");
        assertThat(result.output()).as("billing email").contains("billing-email=billing at dealer is not an email address");
        assertThat(result.output()).as("template of another operation")
                .contains("get-inventory-primary.template=Rothco V2 GIS names the template in")
                .contains("which serves get-inventory-secondary");
    }

    @Test
    void misspelledKeysAreReportedWithTheNearestKey() throws IOException {
        Map<String, String> settings = settings();
        settings.put("rothco.sources.dealer.get-inventory-primery.schedule", "0 0 3 * * ?");
        settings.put("cluster.heartbeat-secnds", "5");
        settings.put("rothco.sources.west.api-key", "sandbox-west-key");
        settings.put("camel.main.some-unchecked-key", "camel keys are Camel's to check");

        CommandResult result = run(write(settings));

        assertThat(result.exitCode()).as("exit code; output:\n" + result.output()).isEqualTo(64);
        assertThat(result.output()).as("problem count").contains("3 problems");
        assertThat(result.output()).as("misspelled operation key")
                .contains("rothco.sources.dealer.get-inventory-primery.schedule is not a setting that the connector"
                        + " reads, so its value is ignored; did you mean"
                        + " rothco.sources.dealer.get-inventory-primary.schedule?");
        assertThat(result.output()).as("misspelled cluster key")
                .contains("cluster.heartbeat-secnds is not a setting").contains("did you mean cluster.heartbeat-seconds?");
        assertThat(result.output()).as("key of an unlisted source")
                .contains("rothco.sources.west.api-key is set for source west, which rothco.sources does not list");
        assertThat(result.output()).as("keys outside the connector's prefixes").doesNotContain("camel.main");
    }

    @Test
    void crossSourceChecksRun() throws IOException {
        Map<String, String> settings = settings();
        settings.put("rothco.sources.dealer.type", "internal-warehouse");
        settings.put("rothco.sources.dealer.accepts-fulfillment-requests", "false");
        settings.put("rothco.sources.dealer.send-fulfillment-requests.enabled", "true");
        settings.put("rothco.sources.dealer.send-fulfillment-requests.billing-email", "billing@dealer.example");
        settings.put("rothco.sources.dealer.shipping-methods", "UPSGND, TELEPORT");
        settings.put("rothco.sources.dealer.get-shipments.enabled", "true");

        CommandResult result = run(write(settings));

        assertThat(result.exitCode()).as("exit code; output:\n" + result.output()).isEqualTo(64);
        assertThat(result.output()).as("send on an internal warehouse")
                .contains("send-fulfillment-requests.enabled=true, but rothco.sources.dealer.type=internal-warehouse");
        assertThat(result.output()).as("shipments on an internal warehouse")
                .contains("rothco.sources.dealer.get-shipments.enabled=true, but rothco.sources.dealer.type=internal");
        assertThat(result.output()).as("send without FR routing")
                .contains("rothco.sources.dealer.accepts-fulfillment-requests=false, so no FR may be routed");
        assertThat(result.output()).as("unknown shipping method")
                .contains("rothco.sources.dealer.shipping-methods contains TELEPORT");
    }

    private Map<String, String> settings() {
        try (RothcoSimulator simulator = RothcoSimulator.start(SimulatorSettings.builder().variants(10).build())) {
            return ConnectorHarness.defaultSettings(folder, simulator, SimulatorAccount.DEMO_SANDBOX_KEY);
        }
    }

    private Path write(Map<String, String> settings) throws IOException {
        Path config = folder.resolve("application.properties");
        Files.writeString(config, settings.entrySet().stream()
                .map(entry -> entry.getKey() + " = " + entry.getValue())
                .collect(Collectors.joining(System.lineSeparator())));
        return config;
    }

    private static CommandResult run(Path config) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            int exitCode = Application.run(CommandLine.parse("--validate", "--config", config.toString()), out);
            return new CommandResult(exitCode, output.toString(StandardCharsets.UTF_8));
        }
    }

    private record CommandResult(int exitCode, String output) {
    }
}
