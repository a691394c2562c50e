package com.dealerpool.rothco;

import java.nio.file.Path;

/**
 * Parsed command-line arguments of {@link Application}.
 *
 * @param configFile           the settings file
 * @param runTarget            the operation to run once, or null
 * @param testConnectionSource the source to test once, or null
 * @param fulfillmentCommand   the operator action on fulfillment requests to take, or null
 */
public record CommandLine(Path configFile, RunTarget runTarget, String testConnectionSource,
        FulfillmentCommand fulfillmentCommand) {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: [--config FILE] [--run SOURCE:OPERATION | --test-connection SOURCE]",
            "  --config FILE              settings file (default: application.properties)",
            "  --run SOURCE:OPERATION     run one operation once and exit, such as --run dealer:get-inventory-primary",
            "  --test-connection SOURCE   test the source's API key against Rothco and exit",
            "  --resubmit FR[:NEW_PO]     resubmit a rejected fulfillment request, optionally as a new PO reference",
            "  --cancel FR                cancel a fulfillment request that was not sent",
            "  --release FR               release a held fulfillment request",
            "  --list-frs STATUS          list the fulfillment requests in a status, such as rejected");

    /** Operator actions on fulfillment requests. */
    public enum FulfillmentAction { RESUBMIT, CANCEL, RELEASE, LIST }

    /**
     * One operator action.
     *
     * @param value       the FR number, or the status for LIST
     * @param newPoNumber the new PO reference of a resubmit, or null
     */
    public record FulfillmentCommand(FulfillmentAction action, String value, String newPoNumber) {
    }

    /** One operation of one source. */
    public record RunTarget(String sourceId, Operation operation) {
    }

    /** Thrown for arguments that cannot be parsed; the message names the argument and the fix. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }

    public static CommandLine parse(String... args) {
        Path config = Path.of("application.properties");
        RunTarget run = null;
        String test = null;
        FulfillmentCommand fulfillment = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--config" -> config = Path.of(valueAfter(args, i++, arg));
                case "--run" -> run = parseTarget(valueAfter(args, i++, arg));
                case "--test-connection" -> test = valueAfter(args, i++, arg);
                case "--resubmit" -> fulfillment = resubmit(valueAfter(args, i++, arg));
                case "--cancel" -> fulfillment = new FulfillmentCommand(FulfillmentAction.CANCEL,
                        valueAfter(args, i++, arg), null);
                case "--release" -> fulfillment = new FulfillmentCommand(FulfillmentAction.RELEASE,
                        valueAfter(args, i++, arg), null);
                case "--list-frs" -> fulfillment = new FulfillmentCommand(FulfillmentAction.LIST,
                        valueAfter(args, i++, arg), null);
                default -> throw new UsageException("Unknown argument '" + arg + "'");
            }
        }
        if (run != null && test != null) {
            throw new UsageException("--run and --test-connection cannot be combined; pass one of them");
        }
        if (fulfillment != null && (run != null || test != null)) {
            throw new UsageException("A fulfillment request action cannot be combined with --run or --test-connection;"
                    + " pass one of them");
        }
        return new CommandLine(config, run, test, fulfillment);
    }

    CommandLine withTestConnection(String sourceId) {
        return new CommandLine(configFile, null, sourceId, null);
    }

    private static FulfillmentCommand resubmit(String value) {
        int colon = value.indexOf(':');
        if (colon == 0 || colon == value.length() - 1) {
            throw new UsageException("--resubmit " + value + " is not FR or FR:NEW_PO; use for example --resubmit"
                    + " FR12345 or --resubmit FR12345:FR12345-2");
        }
        return colon < 0 ? new FulfillmentCommand(FulfillmentAction.RESUBMIT, value, null)
                : new FulfillmentCommand(FulfillmentAction.RESUBMIT, value.substring(0, colon), value.substring(colon + 1));
    }

    private static RunTarget parseTarget(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new UsageException("--run " + value + " is not SOURCE:OPERATION; use for example --run dealer:get-inventory-primary");
        }
        try {
            return new RunTarget(value.substring(0, colon), Operation.fromSlug(value.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--run " + value + ": " + e.getMessage());
        }
    }

    private static String valueAfter(String[] args, int index, String name) {
        if (index + 1 >= args.length) {
            throw new UsageException(name + " needs a value");
        }
        return args[index + 1];
    }
}
