package com.dealerpool.rothco.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.config.ConnectorSettings;
import com.dealerpool.rothco.config.FulfillmentSettings;
import com.dealerpool.rothco.config.SendSettings;
import com.dealerpool.rothco.config.SourceSettings;
import com.dealerpool.rothco.config.SourceType;
import com.dealerpool.rothco.mapping.MappingCatalog;
import com.dealerpool.rothco.mapping.MappingSet;

/**
 * Checks across settings groups that each settings reader cannot make alone: fulfillment
 * operations only on a Vendor Warehouse, FR routing only to sources that accept FRs, and
 * shipping method codes that the {@code shipping-methods} mapping set lists. Startup and
 * {@code --validate} both run them.
 */
public final class SourceChecks {

    /** Mapping set whose values are the Rothco shipping method codes. */
    public static final String SHIPPING_METHODS_SET = "shipping-methods";

    private SourceChecks() {
    }

    /**
     * Returns every problem, one line each naming the key, the value and the fix.
     *
     * @param lookup settings lookup for the {@code enabled} keys of fulfillment operations without typed settings
     */
    public static List<String> problems(ConnectorSettings settings, FulfillmentSettings fulfillment,
            MappingCatalog mappings, Function<String, String> lookup) {
        List<String> problems = new ArrayList<>();
        for (SourceSettings source : settings.sources()) {
            String prefix = "rothco.sources." + source.id() + ".";
            SendSettings send = fulfillment.source(source.id());
            for (Operation operation : SourceType.FULFILLMENT_OPERATIONS) {
                boolean enabled = operation == Operation.SEND_FULFILLMENT_REQUESTS ? send.enabled()
                        : isTrue(lookup.apply(prefix + operation.slug() + ".enabled"));
                if (enabled && !source.type().supports(operation)) {
                    problems.add(prefix + operation.slug() + ".enabled=true, but " + prefix + "type="
                            + source.type().slug() + " ships no orders; set enabled=false or the type to "
                            + SourceType.VENDOR_WAREHOUSE.slug());
                }
            }
            if (send.enabled() && !source.acceptsFulfillmentRequests()) {
                problems.add(prefix + "send-fulfillment-requests.enabled=true, but " + prefix
                        + "accepts-fulfillment-requests=false, so no FR may be routed to it; set one of them the"
                        + " other way");
            }
            if (source.id().equals(fulfillment.intakeSource()) && !source.acceptsFulfillmentRequests()) {
                problems.add("fulfillment.intake.default-source=" + source.id() + " names a source whose "
                        + prefix + "accepts-fulfillment-requests is false; pick a source that accepts FRs");
            }
            problems.addAll(shippingMethodProblems(source, mappings));
        }
        return problems;
    }

    private static boolean isTrue(String value) {
        return value != null && "true".equalsIgnoreCase(value.trim());
    }

    private static List<String> shippingMethodProblems(SourceSettings source, MappingCatalog mappings) {
        if (!mappings.mappingSetNames().contains(SHIPPING_METHODS_SET)) {
            return List.of();
        }
        MappingSet set = mappings.mappingSet(SHIPPING_METHODS_SET);
        List<String> problems = new ArrayList<>();
        for (String code : source.shippingMethods()) {
            if (!set.values().contains(code)) {
                problems.add("rothco.sources." + source.id() + ".shipping-methods contains " + code + ", which "
                        + set.file() + " does not list; use one of " + new TreeSet<>(set.values())
                        + " or add a row for it");
            }
        }
        return problems;
    }
}
