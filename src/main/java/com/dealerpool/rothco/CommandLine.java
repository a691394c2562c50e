package com.dealerpool.rothco;

import java.nio.file.Path;

/**
 * Parsed command-line arguments of {@link Application}.
 *
 * @param configFile           the settings file
 * @param runTarget            the operation to run once, or null
 * @param testConnectionSource the source to test once, or null
 * @param validateMappings     whether to validate the mapping files and exit
 * @param preview              the template preview to print, or null
 * @param fulfillmentCommand   the operator action on fulfillment requests to take, or null
 * @param status               whether to print the status of every source and operation and exit
 * @param validate             whether to check the whole configuration and exit
 */
public record CommandLine(Path configFile, RunTarget runTarget, String testConnectionSource, boolean validateMappings,
        PreviewRequest preview, FulfillmentCommand fulfillmentCommand, boolean status, boolean validate) {

    /** Number of records a preview maps when {@code --records} is not given. */
    public static final int DEFAULT_PREVIEW_RECORDS = 5;

    /** Most records one preview maps: they come from one catalog page, and Rothco pages hold at most 500. */
    public static final int MAX_PREVIEW_RECORDS = 500;

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: [--config FILE] [--run SOURCE:OPERATION | --test-connection SOURCE | --validate-mappings"
                    + " | --preview SOURCE:OPERATION [--records N] [--template NAME] | --resubmit FR[:NEW_PO]"
                    + " | --cancel FR | --release FR | --list-frs STATUS | --status | --validate]",
            "  --config FILE              settings file (default: application.properties)",
            "  --run SOURCE:OPERATION     run one operation once and exit, such as --run dealer:get-inventory-primary",
            "  --test-connection SOURCE   test the source's API key against Rothco and exit",
            "  --validate-mappings        validate every mapping template and mapping set, print every problem, exit",
            "  --preview SOURCE:OPERATION fetch records from the source, map them, print source and mapped values"
                    + " side by side and exit; writes nothing to the pool",
            "  --records N                records to preview, 1 to " + MAX_PREVIEW_RECORDS + " (default "
                    + DEFAULT_PREVIEW_RECORDS + ")",
            "  --template NAME            template to preview (default: the source's configured template)",
            "  --resubmit FR[:NEW_PO]     resubmit a rejected fulfillment request, optionally as a new PO reference",
            "  --cancel FR                cancel a fulfillment request that was not sent",
            "  --release FR               release a held fulfillment request",
            "  --list-frs STATUS          list the fulfillment requests in a status, such as rejected",
            "  --status                   print each source's and operation's status from the pool and exit; works"
                    + " while the service runs",
            "  --validate                 check the whole configuration, print every problem and exit; starts no"
                    + " routes");

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

    /**
     * A preview of a template on records fetched from a source.
     *
     * @param target   the source and operation whose records are fetched
     * @param records  how many records to map
     * @param template the template name, or null for the one the source's settings name
     */
    public record PreviewRequest(RunTarget target, int records, String template) {
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
        boolean validate = false;
        RunTarget preview = null;
        Integer records = null;
        String template = null;
        FulfillmentCommand fulfillment = null;
        boolean status = false;
        boolean validateAll = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--config" -> config = Path.of(valueAfter(args, i++, arg));
                case "--run" -> run = parseTarget(arg, valueAfter(args, i++, arg));
                case "--test-connection" -> test = valueAfter(args, i++, arg);
                case "--validate-mappings" -> validate = true;
                case "--preview" -> preview = parseTarget(arg, valueAfter(args, i++, arg));
                case "--records" -> records = parseRecords(valueAfter(args, i++, arg));
                case "--template" -> template = valueAfter(args, i++, arg);
                case "--resubmit" -> fulfillment = resubmit(valueAfter(args, i++, arg));
                case "--cancel" -> fulfillment = new FulfillmentCommand(FulfillmentAction.CANCEL,
                        valueAfter(args, i++, arg), null);
                case "--release" -> fulfillment = new FulfillmentCommand(FulfillmentAction.RELEASE,
                        valueAfter(args, i++, arg), null);
                case "--list-frs" -> fulfillment = new FulfillmentCommand(FulfillmentAction.LIST,
                        valueAfter(args, i++, arg), null);
                case "--status" -> status = true;
                case "--validate" -> validateAll = true;
                default -> throw new UsageException("Unknown argument '" + arg + "'");
            }
        }
        int commands = (run != null ? 1 : 0) + (test != null ? 1 : 0) + (validate ? 1 : 0) + (preview != null ? 1 : 0)
                + (fulfillment != null ? 1 : 0) + (status ? 1 : 0) + (validateAll ? 1 : 0);
        if (commands > 1) {
            throw new UsageException("--run, --test-connection, --validate-mappings, --preview, --status, --validate"
                    + " and the fulfillment request actions cannot be combined; pass one of them");
        }
        if (preview == null && (records != null || template != null)) {
            throw new UsageException("--records and --template belong to --preview; add --preview SOURCE:OPERATION");
        }
        PreviewRequest previewRequest = preview == null ? null
                : new PreviewRequest(preview, records == null ? DEFAULT_PREVIEW_RECORDS : records, template);
        return new CommandLine(config, run, test, validate, previewRequest, fulfillment, status, validateAll);
    }

    CommandLine withTestConnection(String sourceId) {
        return new CommandLine(configFile, null, sourceId, false, null, null, false, false);
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

    private static RunTarget parseTarget(String name, String value) {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new UsageException(name + " " + value + " is not SOURCE:OPERATION; use for example " + name
                    + " dealer:get-inventory-primary");
        }
        try {
            return new RunTarget(value.substring(0, colon), Operation.fromSlug(value.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new UsageException(name + " " + value + ": " + e.getMessage());
        }
    }

    private static int parseRecords(String value) {
        try {
            int records = Integer.parseInt(value.trim());
            if (records >= 1 && records <= MAX_PREVIEW_RECORDS) {
                return records;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new UsageException("--records " + value + " is invalid; use a whole number from 1 to "
                + MAX_PREVIEW_RECORDS);
    }

    private static String valueAfter(String[] args, int index, String name) {
        if (index + 1 >= args.length) {
            throw new UsageException(name + " needs a value");
        }
        return args[index + 1];
    }
}
