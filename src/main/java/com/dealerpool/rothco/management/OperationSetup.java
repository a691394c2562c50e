package com.dealerpool.rothco.management;

import java.util.List;
import java.util.function.Function;

import com.dealerpool.rothco.Operation;
import com.dealerpool.rothco.config.FulfillmentSettings;
import com.dealerpool.rothco.config.InvalidSettingsException;
import com.dealerpool.rothco.config.InventorySettings;
import com.dealerpool.rothco.config.OrderTrackingSettings;
import com.dealerpool.rothco.config.SendSettings;
import com.dealerpool.rothco.config.SourceSettings;

/**
 * Settings of one operation of one source: whether it runs, on which schedule and with which
 * mapping template.
 *
 * @param enabled   whether the source runs the operation
 * @param reason    why it does not run, naming the key to change, or empty when it runs
 * @param schedule  Quartz cron expression, or null for an operation without a schedule
 * @param template  mapping template name, or null for an operation without a template
 */
public record OperationSetup(boolean enabled, String reason, String schedule, String template) {

    /**
     * Reads the setup of an operation. Inventory, send and order-tracking operations come from
     * their typed settings; any other operation is read from the generic keys
     * {@code rothco.sources.<id>.<operation>.enabled} (default false), {@code .schedule} and
     * {@code .template}, so that an operation added later shows up here without changes.
     */
    public static OperationSetup of(SourceSettings source, Operation operation, FulfillmentSettings fulfillment,
            Function<String, String> lookup) {
        String prefix = "rothco.sources." + source.id() + "." + operation.slug() + ".";
        if (!source.type().supports(operation)) {
            return new OperationSetup(false, "a " + source.type().displayName() + " source runs no fulfillment"
                    + " operations (rothco.sources." + source.id() + ".type)", null, null);
        }
        switch (operation) {
            case TEST_CONNECTION:
                return new OperationSetup(true, "", null, null);
            case GET_INVENTORY_PRIMARY:
            case GET_INVENTORY_SECONDARY:
                InventorySettings inventory = source.inventory(operation);
                return new OperationSetup(inventory.enabled(), inventory.enabled() ? "" : prefix + "enabled=false",
                        inventory.schedule(), inventory.template());
            case SEND_FULFILLMENT_REQUESTS:
                SendSettings send = fulfillment.source(source.id());
                return new OperationSetup(send.enabled(), send.enabled() ? "" : prefix + "enabled=false",
                        send.schedule(), send.template());
            case GET_FR_ACKNOWLEDGMENTS:
            case GET_SHIPMENTS:
                return orderTracking(source, operation, lookup, prefix);
            default:
                String enabledText = trimmed(lookup.apply(prefix + "enabled"));
                boolean enabled = "true".equalsIgnoreCase(enabledText);
                return new OperationSetup(enabled, enabled ? "" : prefix + "enabled is "
                        + (enabledText == null ? "unset" : enabledText), trimmed(lookup.apply(prefix + "schedule")),
                        trimmed(lookup.apply(prefix + "template")));
        }
    }

    private static OperationSetup orderTracking(SourceSettings source, Operation operation,
            Function<String, String> lookup, String prefix) {
        OrderTrackingSettings tracking;
        try {
            tracking = OrderTrackingSettings.read(lookup, List.of(source.id()));
        } catch (InvalidSettingsException e) {
            return new OperationSetup(false, String.join("; ", e.problems()), null, null);
        }
        boolean enabled;
        String schedule;
        String template;
        if (operation == Operation.GET_FR_ACKNOWLEDGMENTS) {
            OrderTrackingSettings.Acknowledgments ack = tracking.acknowledgments(source.id());
            enabled = ack.enabled();
            schedule = ack.schedule();
            template = ack.template();
        } else {
            OrderTrackingSettings.Shipments shipments = tracking.shipments(source.id());
            enabled = shipments.enabled();
            schedule = shipments.schedule();
            template = shipments.template();
        }
        return new OperationSetup(enabled, enabled ? "" : prefix + "enabled=false", schedule, template);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
