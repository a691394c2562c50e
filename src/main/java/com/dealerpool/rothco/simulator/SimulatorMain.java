package com.dealerpool.rothco.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the Rothco simulator standalone until the process is stopped:
 * <pre>
 * mvn -q exec:java -Dexec.mainClass=com.dealerpool.rothco.simulator.SimulatorMain -Dexec.args="--port 8099"
 * </pre>
 * Options, each also readable from a system property {@code rothco.simulator.<name>} (an argument wins):
 * {@code --port} (default 8099, 0 for ephemeral), {@code --seed} (42), {@code --variants} (10000),
 * {@code --epoch} (0), {@code --threads} (16), {@code --latency-ms} (0), {@code --order-clock-speed} (1).
 */
public final class SimulatorMain {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorMain.class);

    static final int DEFAULT_PORT = 8099;
    private static final String PROPERTY_PREFIX = "rothco.simulator.";

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options;
        SimulatorSettings settings;
        long latency;
        try {
            options = parseArguments(args);
            settings = settingsFrom(options);
            latency = longOption(options, "latency-ms", 0);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (options.containsKey("help")) {
            System.out.println(usage());
            return;
        }
        RothcoSimulator simulator = RothcoSimulator.start(settings);
        simulator.faults().latency(Duration.ofMillis(latency));
        LOG.info("Live endpoint:    {} (key {})", simulator.liveUrl(), SimulatorAccount.DEMO_LIVE_KEY);
        LOG.info("Sandbox endpoint: {} (key {})", simulator.sandboxUrl(), SimulatorAccount.DEMO_SANDBOX_KEY);
        LOG.info("Admin API:        {}/admin/faults, /admin/epoch, /admin/enrollments, /admin/requests, /admin/clock",
                simulator.baseUrl());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "rothco-simulator-shutdown"));
        stopped.await();
    }

    /** Builds settings from options; missing options take the system property, then the default. */
    static SimulatorSettings settingsFrom(Map<String, String> options) {
        return SimulatorSettings.builder()
                .port((int) longOption(options, "port", DEFAULT_PORT))
                .seed(longOption(options, "seed", SimulatorSettings.DEFAULT_SEED))
                .variants((int) longOption(options, "variants", SimulatorSettings.DEFAULT_VARIANTS))
                .epoch((int) longOption(options, "epoch", 0))
                .threads((int) longOption(options, "threads", SimulatorSettings.DEFAULT_THREADS))
                .orderClockSpeed(longOption(options, "order-clock-speed", 1))
                .build();
    }

    /**
     * Parses {@code --name value} pairs and {@code --help}.
     *
     * @throws IllegalArgumentException for an unknown option or one without a value
     */
    static Map<String, String> parseArguments(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String argument = args[i];
            if (argument.equals("--help") || argument.equals("-h")) {
                options.put("help", "true");
                continue;
            }
            if (!argument.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + argument + "'; options start with --");
            }
            String name = argument.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("Option --" + name + " has no value; write --" + name + " <value>");
            }
            if (!java.util.Set.of("port", "seed", "variants", "epoch", "threads", "latency-ms",
                    "order-clock-speed").contains(name)) {
                throw new IllegalArgumentException("Unknown option --" + name);
            }
            options.put(name, value);
        }
        return options;
    }

    private static long longOption(Map<String, String> options, String name, long defaultValue) {
        String value = options.getOrDefault(name, System.getProperty(PROPERTY_PREFIX + name));
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid value '" + value + "' for --" + name
                    + " (or -D" + PROPERTY_PREFIX + name + "); use a whole number");
        }
    }

    static String usage() {
        return "Usage: SimulatorMain [--port 8099] [--seed 42] [--variants 10000] [--epoch 0] [--threads 16]"
                + " [--latency-ms 0] [--order-clock-speed 1]\n"
                + "  --port        TCP port on 127.0.0.1, 0 for an ephemeral port\n"
                + "  --seed        seed of the generated catalog\n"
                + "  --variants    variants in the catalog, 1 to " + CatalogUniverse.MAX_VARIANTS + "\n"
                + "  --epoch       drift epoch at start, 0 or more\n"
                + "  --threads     HTTP request threads\n"
                + "  --latency-ms  delay added to every GraphQL response, in milliseconds\n"
                + "  --order-clock-speed  multiplier of real time for the order lifecycle; 60 ships an order"
                + " within a minute\n"
                + "Each option can also be set as the system property rothco.simulator.<option>.";
    }
}
