package com.dealerpool.rothco.mapping.fields;

import com.dealerpool.rothco.Operation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Target and source fields of one operation: what its templates may write and read.
 * Operations with line items ({@link #hasItems()}) also declare item-level targets, which an
 * {@code items:} section of the template maps from each element of {@link #itemsSource()}.
 */
public final class OperationFields {

    private final Operation operation;
    private final Map<String, TargetField> targets;
    private final Map<String, TargetField> itemTargets;
    private final SourceFields sources;
    private final String itemsSource;
    private final String recordKeyPath;
    private final boolean customAndSummaryFields;

    OperationFields(Operation operation, List<TargetField> targets, List<TargetField> itemTargets,
            SourceFields sources, String itemsSource, String recordKeyPath, boolean customAndSummaryFields) {
        this.operation = operation;
        this.targets = byName(targets);
        this.itemTargets = byName(itemTargets);
        this.sources = sources;
        this.itemsSource = itemsSource;
        this.recordKeyPath = recordKeyPath;
        this.customAndSummaryFields = customAndSummaryFields;
    }

    /** Returns the fields of an operation, or empty for operations without a mapping step. */
    public static Optional<OperationFields> forOperation(Operation operation) {
        return Optional.ofNullable(switch (operation) {
            case GET_INVENTORY_PRIMARY -> InventoryPrimaryFields.CATALOG;
            case GET_INVENTORY_SECONDARY -> InventorySecondaryFields.CATALOG;
            case SEND_FULFILLMENT_REQUESTS -> PurchaseOrderFields.CATALOG;
            case GET_FR_ACKNOWLEDGMENTS -> PoAcknowledgmentFields.CATALOG;
            case GET_SHIPMENTS -> ShipmentFields.CATALOG;
            case TEST_CONNECTION -> null;
        });
    }

    public Operation operation() {
        return operation;
    }

    /** Record-level target fields by name, in catalog order. */
    public Map<String, TargetField> targets() {
        return targets;
    }

    /** Item-level target fields by name; empty when the operation has no line items. */
    public Map<String, TargetField> itemTargets() {
        return itemTargets;
    }

    public SourceFields sources() {
        return sources;
    }

    /** Item-relative source paths, such as {@code skuCode}; empty when the operation has no line items. */
    public SourceFields itemSources() {
        return hasItems() ? sources.below(itemsSource) : SourceFields.of();
    }

    public boolean hasItems() {
        return !itemTargets.isEmpty();
    }

    /** Source list whose elements become line items, such as {@code items}; null without line items. */
    public String itemsSource() {
        return itemsSource;
    }

    /** Source path that identifies a record in rejection messages, such as {@code sku}. */
    public String recordKeyPath() {
        return recordKeyPath;
    }

    /** True when templates may write {@code custom.<name>} and {@code summary.<name>} fields. */
    public boolean allowsCustomAndSummaryFields() {
        return customAndSummaryFields;
    }

    private static Map<String, TargetField> byName(List<TargetField> fields) {
        Map<String, TargetField> map = new LinkedHashMap<>();
        fields.forEach(field -> map.put(field.name(), field));
        return Collections.unmodifiableMap(map);
    }
}
