package com.dealerpool.rothco.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.pool.PoolSettings;
import com.dealerpool.rothco.rothco.ApiKey;
import com.dealerpool.rothco.rothco.ApiMode;
import com.dealerpool.rothco.rothco.RothcoContract;

/**
 * The connector's own settings, read from {@code application.properties} (and anything Camel's
 * property placeholders resolve, such as {@code {{env:NAME}}}). Every key is documented in that
 * file and in the README.
 */
public record ConnectorSettings(List<SourceSettings> sources, PoolSettings pool, SimulatorSettings simulator,
        String mappingDirectory, int highStockQuantity, String graphqlDirectory, String nodeName,
        int apiKeyRefreshSeconds) {

    private static final Pattern SOURCE_ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");
    private static final Pattern SHIPPING_METHOD_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,31}");

    /** Required keys below {@code ship-from.}, in the order of {@link ShipFromLocation}'s components. */
    public static final List<String> SHIP_FROM_FIELDS = List.of("address", "city", "state", "postal-code", "country");

    /** Default schedule of Primary: daily at 02:00 UTC. */
    public static final String DEFAULT_PRIMARY_SCHEDULE = "0 0 2 * * ?";

    /** Default schedule of Secondary: hourly, on the hour, UTC. */
    public static final String DEFAULT_SECONDARY_SCHEDULE = "0 0 * * * ?";

    /**
     * Reads and validates every setting.
     *
     * @param lookup      property lookup, returning null for unset keys
     * @param environment environment variables, for the {@code ROTHCO_<SOURCE>_API_KEY} fallback
     * @throws InvalidSettingsException listing every problem, one line each
     */
    public static ConnectorSettings read(Function<String, String> lookup, Map<String, String> environment) {
        SettingsReader reader = new SettingsReader(lookup);

        SimulatorSettings simulator = new SimulatorSettings(
                reader.bool("simulator.enabled", true),
                reader.integer("simulator.port", 0, 0, 65535),
                reader.integer("simulator.seed", 42, Integer.MIN_VALUE, Integer.MAX_VALUE),
                reader.integer("simulator.variants", 10_000, 1, 200_000),
                reader.integer("simulator.latency-ms", 0, 0, 60_000),
                reader.decimal("simulator.order-clock-speed", 1.0, 0.0, 1_000_000.0));

        PoolSettings pool = new PoolSettings(
                reader.text("pool.datasource.url", "jdbc:h2:file:./data/pool;AUTO_SERVER=TRUE"),
                reader.text("pool.datasource.user", "sa"),
                reader.text("pool.datasource.password", ""),
                reader.integer("pool.datasource.maximum-pool-size", 8, 1, 200));

        List<SourceSettings> sources = new ArrayList<>();
        String sourceList = reader.required("rothco.sources",
                "list the source ids, comma-separated, such as rothco.sources=dealer");
        if (sourceList != null) {
            Set<String> ids = new LinkedHashSet<>();
            for (String rawId : sourceList.split(",")) {
                String id = rawId.trim();
                if (id.isEmpty()) {
                    continue;
                }
                if (!SOURCE_ID.matcher(id).matches()) {
                    reader.problem("rothco.sources contains '" + id + "', which is not a valid source id; "
                            + "use lower-case letters, digits and dashes, starting with a letter (at most 40)");
                } else if (!ids.add(id)) {
                    reader.problem("rothco.sources lists '" + id + "' twice; list each source once");
                }
            }
            for (String id : ids) {
                sources.add(readSource(reader, id, simulator, environment));
            }
        }

        ConnectorSettings settings = new ConnectorSettings(sources, pool, simulator,
                reader.text("mapping.directory", "mapping-sets"),
                reader.integer("mapping.high-stock-quantity", 100, 1, 1_000_000),
                reader.text("rothco.graphql-dir", "graphql"),
                reader.text("cluster.node-id", defaultNodeName()),
                reader.integer("rothco.api-key-refresh-seconds", 30, 0, 3600));
        reader.throwIfInvalid();
        return settings;
    }

    private static SourceSettings readSource(SettingsReader reader, String id, SimulatorSettings simulator,
            Map<String, String> environment) {
        String prefix = "rothco.sources." + id + ".";
        String modeText = reader.text(prefix + "mode", "sandbox");
        ApiMode mode = ApiMode.SANDBOX;
        try {
            mode = ApiMode.parse(modeText);
        } catch (IllegalArgumentException e) {
            reader.problem(prefix + "mode=" + modeText + " is not a Rothco API mode; use sandbox or live");
        }

        String envName = apiKeyVariable(id);
        String keyText = reader.raw(prefix + "api-key");
        if (keyText == null) {
            String fromEnvironment = environment.get(envName);
            keyText = fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.trim();
        }
        ApiKey apiKey = null;
        if (keyText == null) {
            reader.problem(prefix + "api-key is missing; set it, or the environment variable " + envName
                    + ", to the key from Rothco's API Portal Settings");
        } else {
            apiKey = new ApiKey(keyText);
        }

        String url = reader.raw(prefix + "url");
        if (url == null) {
            url = simulator.enabled() ? null : RothcoContract.endpointFor(mode);
        } else if (!url.startsWith("http://") && !url.startsWith("https://")) {
            reader.problem(prefix + "url=" + url + " is not an HTTP URL; use an https:// URL or leave it unset");
        }

        String primaryPrefix = prefix + Operation.GET_INVENTORY_PRIMARY.slug() + ".";
        PrimarySettings primary = new PrimarySettings(
                reader.bool(primaryPrefix + "enabled", true),
                reader.cron(primaryPrefix + "schedule", DEFAULT_PRIMARY_SCHEDULE),
                reader.bool(primaryPrefix + "run-at-startup", simulator.enabled()),
                reader.text(primaryPrefix + "template", "Rothco V2 GIP"),
                reader.integer(primaryPrefix + "page-size", 100, 1, RothcoContract.MAX_CATALOG_PAGE_SIZE),
                reader.integer(primaryPrefix + "max-failed-pages", 3, 0, 10_000),
                reader.bool(primaryPrefix + "archive", true),
                reader.decimal(primaryPrefix + "archive-max-shrink", 0.20, 0.0, 1.0));
        SecondarySettings secondary = readSecondary(reader, prefix);
        checkOneArchiver(reader, prefix, primary, secondary);

        SourceType type = sourceType(reader, prefix);
        boolean acceptsFulfillmentRequests = reader.bool(prefix + "accepts-fulfillment-requests",
                type == SourceType.VENDOR_WAREHOUSE);
        if (acceptsFulfillmentRequests && type != SourceType.VENDOR_WAREHOUSE) {
            reader.problem(prefix + "accepts-fulfillment-requests=true, but " + prefix + "type=" + type.slug()
                    + " does not ship orders; set it to false, or set the type to "
                    + SourceType.VENDOR_WAREHOUSE.slug());
        }
        List<String> missing = new ArrayList<>();
        ShipFromLocation shipFrom = readShipFrom(reader, prefix, missing);
        List<String> shippingMethods = readShippingMethods(reader, prefix, missing);
        if (!missing.isEmpty()) {
            reader.problem("Source " + id + " is incomplete: " + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing; set "
                    + (missing.size() == 1 ? "it" : "them") + " as the rothco.sources.dealer block of the shipped"
                    + " application.properties shows");
        }

        return new SourceSettings(id,
                reader.text(prefix + "name", id),
                mode,
                apiKey,
                url,
                reader.integer(prefix + "max-concurrent-requests", 4, 1, 64),
                reader.integer(prefix + "max-requests-per-second", 20, 1, 10_000),
                reader.bool(prefix + "test-connection-at-startup", true),
                primary,
                secondary,
                type,
                acceptsFulfillmentRequests,
                shipFrom,
                shippingMethods);
    }

    private static SourceType sourceType(SettingsReader reader, String prefix) {
        String text = reader.text(prefix + "type", SourceType.VENDOR_WAREHOUSE.slug());
        try {
            return SourceType.parse(text);
        } catch (IllegalArgumentException e) {
            reader.problem(prefix + "type=" + text + " is not a source type; use one of "
                    + Arrays.stream(SourceType.values()).map(SourceType::slug).toList());
            return SourceType.VENDOR_WAREHOUSE;
        }
    }

    /** Reads the ship-from location; adds each missing required key to {@code missing}. */
    private static ShipFromLocation readShipFrom(SettingsReader reader, String sourcePrefix, List<String> missing) {
        String prefix = sourcePrefix + "ship-from.";
        List<String> values = new ArrayList<>();
        for (String field : SHIP_FROM_FIELDS) {
            String value = reader.raw(prefix + field);
            if (value == null) {
                missing.add(prefix + field);
            }
            values.add(value);
        }
        String country = values.get(4);
        if (country != null && !COUNTRY_CODE.matcher(country).matches()) {
            reader.problem(prefix + "country=" + country + " is not a two-letter ISO 3166 country code; use for"
                    + " example US");
        }
        return new ShipFromLocation(values.get(0), values.get(1), values.get(2), values.get(3), country,
                reader.raw(prefix + "contact"));
    }

    /** Reads the comma-separated shipping method codes; adds the key to {@code missing} when none is set. */
    private static List<String> readShippingMethods(SettingsReader reader, String sourcePrefix, List<String> missing) {
        String key = sourcePrefix + "shipping-methods";
        String text = reader.raw(key);
        if (text == null) {
            missing.add(key);
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        for (String part : text.split(",")) {
            String code = part.trim();
            if (code.isEmpty()) {
                continue;
            }
            if (!SHIPPING_METHOD_CODE.matcher(code).matches()) {
                reader.problem(key + " contains '" + code + "', which is not a Rothco shipping method code; use"
                        + " upper-case codes such as UPSGND or STANDARD, as in mapping-sets/shipping-methods.csv");
            } else if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        if (codes.isEmpty()) {
            missing.add(key);
        }
        return List.copyOf(codes);
    }

    private static SecondarySettings readSecondary(SettingsReader reader, String sourcePrefix) {
        String secondaryPrefix = sourcePrefix + Operation.GET_INVENTORY_SECONDARY.slug() + ".";
        return new SecondarySettings(
                reader.bool(secondaryPrefix + "enabled", true),
                reader.cron(secondaryPrefix + "schedule", DEFAULT_SECONDARY_SCHEDULE),
                reader.bool(secondaryPrefix + "run-at-startup", false),
                reader.text(secondaryPrefix + "template", "Rothco V2 GIS"),
                reader.integer(secondaryPrefix + "page-size", 1000, 1, RothcoContract.MAX_INVENTORY_PAGE_SIZE),
                reader.integer(secondaryPrefix + "max-failed-pages", 3, 0, 10_000),
                reader.bool(secondaryPrefix + "allow-create-variant", false),
                reader.bool(secondaryPrefix + "archive", false),
                reader.decimal(secondaryPrefix + "archive-max-shrink", 0.20, 0.0, 1.0));
    }

    /**
     * Records a problem when both inventory operations would archive: each would archive what
     * the other's feed lists differently, so items would flip between archived and active.
     */
    private static void checkOneArchiver(SettingsReader reader, String sourcePrefix, PrimarySettings primary,
            SecondarySettings secondary) {
        if (primary.enabled() && primary.archive() && secondary.enabled() && secondary.archive()) {
            reader.problem(sourcePrefix + Operation.GET_INVENTORY_PRIMARY.slug() + ".archive and " + sourcePrefix
                    + Operation.GET_INVENTORY_SECONDARY.slug() + ".archive are both true; archiving may be enabled"
                    + " on one operation only, so set one of them to false");
        }
    }

    /** Environment variable that can hold a source's API key, such as ROTHCO_DEALER_API_KEY. */
    public static String apiKeyVariable(String sourceId) {
        return "ROTHCO_" + sourceId.toUpperCase(Locale.ROOT).replace('-', '_') + "_API_KEY";
    }

    /** Finds a source by id. */
    public SourceSettings source(String id) {
        return sources.stream().filter(source -> source.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown source '" + id + "'; configured sources are "
                        + sources.stream().map(SourceSettings::id).toList()));
    }

    /**
     * Returns the host name and the process id, such as {@code app1-4711}: unique per runtime
     * even when several run on one host.
     */
    private static String defaultNodeName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                host = "node";
            }
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
