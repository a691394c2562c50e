package com.dealerpool.rothco;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.config.InvalidSettingsException;
import com.dealerpool.rothco.fulfillment.FulfillmentActions;
import com.dealerpool.rothco.job.JobRuns;
import com.dealerpool.rothco.job.RunOutcome;
import com.dealerpool.rothco.mapping.MappingValidationException;
import com.dealerpool.rothco.mappingfiles.MappingPreview;
import com.dealerpool.rothco.mappingfiles.MappingValidation;
import com.dealerpool.rothco.management.StatusCommand;
import com.dealerpool.rothco.rothco.ConnectionResult;
import com.dealerpool.rothco.validation.ConfigurationValidation;

/**
 * Starts the connector.
 * <pre>
 *   (no arguments)                      run as a service: schedules, startup tasks, JMX
 *   --config FILE                       read settings from FILE (default: application.properties)
 *   --run SOURCE:OPERATION              run one operation once and exit with its status
 *   --test-connection SOURCE            test one source's API key and exit
 *   --validate-mappings                 validate the mapping templates and mapping sets and exit
 *   --preview SOURCE:OPERATION          print a template's result on records fetched from the source
 *       [--records N] [--template NAME]
 *   --resubmit FR[:NEW_PO], --cancel FR, --release FR, --list-frs STATUS
 *                                       act on fulfillment requests and exit
 *   --status                            print the status of every source and operation and exit
 *   --validate                          check the whole configuration and exit
 * </pre>
 * Exit codes: 0 succeeded, 2 succeeded with warnings, 1 failed, 64 invalid arguments or settings.
 */
public final class Application {

    /** Exit code for invalid arguments or settings. */
    public static final int EXIT_INVALID_SETTINGS = 64;

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private Application() {
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = run(CommandLine.parse(args));
        } catch (CommandLine.UsageException e) {
            System.err.println(e.getMessage());
            System.err.println(CommandLine.USAGE);
            exitCode = EXIT_INVALID_SETTINGS;
        }
        System.exit(exitCode);
    }

    /** Runs the connector as the command line requests and returns the exit code. */
    public static int run(CommandLine commandLine) {
        return run(commandLine, System.out);
    }

    /** Runs the command of the command line, prints its result to {@code out} and returns the exit code. */
    public static int run(CommandLine commandLine, PrintStream out) {
        Path config = commandLine.configFile();
        if (!Files.isRegularFile(config)) {
            LOG.error("Settings file {} not found; run from the project folder or pass --config FILE",
                    config.toAbsolutePath());
            return EXIT_INVALID_SETTINGS;
        }
        if (commandLine.validateMappings()) {
            return MappingValidation.run(config, out);
        }
        if (commandLine.validate()) {
            return ConfigurationValidation.run(config, out);
        }
        if (commandLine.status()) {
            return StatusCommand.run(config, out);
        }
        boolean oneShot = commandLine.runTarget() != null || commandLine.testConnectionSource() != null
                || commandLine.preview() != null || commandLine.fulfillmentCommand() != null;
        ConnectorRuntime runtime = new ConnectorRuntime(
                oneShot ? ConnectorRuntime.RuntimeMode.ONE_SHOT : ConnectorRuntime.RuntimeMode.SERVICE);
        Main main = createMain(config, runtime);
        if (oneShot) {
            // One task and exit: no HTTP intake, so a running service keeps its port.
            main.addOverrideProperty("camel.server.enabled", "false");
            // Nor a management server: the service's health and metrics port stays the service's.
            main.addOverrideProperty("camel.management.enabled", "false");
        }
        try {
            if (!oneShot) {
                main.run();
                return 0;
            }
            main.start();
            if (commandLine.preview() != null) {
                return new MappingPreview(main.getCamelContext(), runtime, out).run(commandLine.preview());
            }
            if (commandLine.fulfillmentCommand() != null) {
                return runFulfillmentCommand(runtime, commandLine.fulfillmentCommand(), out);
            }
            return runOnce(main.getCamelContext(), commandLine, out);
        } catch (Exception e) {
            InvalidSettingsException invalid = findCause(e, InvalidSettingsException.class);
            if (invalid != null) {
                invalid.problems().forEach(problem -> LOG.error("Invalid setting: {}", problem));
                return EXIT_INVALID_SETTINGS;
            }
            MappingValidationException invalidMappings = findCause(e, MappingValidationException.class);
            if (invalidMappings != null) {
                invalidMappings.problems().forEach(problem -> LOG.error("Invalid mapping file: {}", problem));
                return EXIT_INVALID_SETTINGS;
            }
            LOG.error("The connector stopped: {}", e.getMessage(), e);
            return 1;
        } finally {
            if (oneShot) {
                main.stop();
            }
        }
    }

    /** Creates Camel Main with the connector's settings file and wiring. */
    public static Main createMain(Path config, ConnectorRuntime runtime) {
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:" + config.toAbsolutePath());
        // Camel binds the management server to 0.0.0.0 by default, so loopback is set here. The
        // settings file may still name another address.
        main.addInitialProperty("camel.management.host", "127.0.0.1");
        main.addMainListener(runtime);
        return main;
    }

    private static int runOnce(CamelContext context, CommandLine commandLine, PrintStream out) {
        ProducerTemplate producer = context.createProducerTemplate();
        if (commandLine.testConnectionSource() != null) {
            ConnectionResult result = producer.requestBody(
                    "direct:" + Operation.TEST_CONNECTION.routeId(commandLine.testConnectionSource()), null,
                    ConnectionResult.class);
            out.println(result.sourceId() + ": " + result.status().label() + ": " + result.message());
            return result.connected() ? 0 : 1;
        }
        String source = commandLine.runTarget().sourceId();
        Operation operation = commandLine.runTarget().operation();
        String uri = "direct:" + operation.routeId(source);
        if (context.hasEndpoint(uri) == null && context.getRoute(operation.routeId(source)) == null) {
            LOG.error("No route {} exists: check that source {} is listed in rothco.sources and that {} is enabled"
                    + " (rothco.sources.{}.{}.enabled) and available in this version", operation.routeId(source), source,
                    operation.slug(), source, operation.slug());
            return EXIT_INVALID_SETTINGS;
        }
        if (operation == Operation.TEST_CONNECTION) {
            commandLine = commandLine.withTestConnection(source);
            return runOnce(context, commandLine, out);
        }
        Exchange done = producer.send(uri, exchange -> exchange.setProperty(JobRuns.TRIGGER_PROPERTY, "command-line"));
        RunOutcome outcome = done.getMessage().getBody(RunOutcome.class);
        if (outcome == null) {
            LOG.error("The run of {} {} did not start; see the log above", source, operation.slug());
            return 1;
        }
        out.println(outcome.summaryWithError());
        return outcome.status().exitCode();
    }

    /** Takes an operator action on fulfillment requests; exit code 0 when it changed the FR (or listed). */
    private static int runFulfillmentCommand(ConnectorRuntime runtime, CommandLine.FulfillmentCommand command,
            PrintStream out) {
        FulfillmentActions actions = new FulfillmentActions(runtime.fulfillmentStore());
        String operator = "command-line";
        if (command.action() == CommandLine.FulfillmentAction.LIST) {
            try {
                var requests = actions.list(command.value());
                requests.forEach(out::println);
                if (requests.isEmpty()) {
                    out.println("No fulfillment requests in status " + command.value());
                }
                return 0;
            } catch (IllegalArgumentException e) {
                out.println(e.getMessage());
                return EXIT_INVALID_SETTINGS;
            }
        }
        FulfillmentActions.Result result = switch (command.action()) {
            case RESUBMIT -> actions.resubmit(command.value(), command.newPoNumber(), operator);
            case CANCEL -> actions.cancel(command.value(), operator);
            default -> actions.release(command.value(), operator);
        };
        if (result.message() != null) {
            out.println(result.message());
        }
        return result.changed() ? 0 : 1;
    }

    private static <T extends Throwable> T findCause(Throwable error, Class<T> type) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
        }
        return null;
    }
}
