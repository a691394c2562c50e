package com.dealerpool.rothco.config;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import com.dealerpool.rothco.Operation;

/**
 * Kind of warehouse behind a source. Only a Vendor Warehouse ships orders, so the fulfillment
 * operations (Send Fulfillment Requests, Get FR Acknowledgments, Get Shipments) exist only for it.
 */
public enum SourceType {
    VENDOR_WAREHOUSE("vendor-warehouse", "Vendor Warehouse"),
    INTERNAL_WAREHOUSE("internal-warehouse", "Internal Warehouse"),
    EXTERNAL_WAREHOUSE("external-warehouse", "External Warehouse"),
    PRODUCT_DATA_SOURCE("product-data-source", "Product Data Source");

    /** Operations that place or follow orders, created only for a Vendor Warehouse. */
    public static final Set<Operation> FULFILLMENT_OPERATIONS = EnumSet.of(Operation.SEND_FULFILLMENT_REQUESTS,
            Operation.GET_FR_ACKNOWLEDGMENTS, Operation.GET_SHIPMENTS);

    private final String slug;
    private final String displayName;

    SourceType(String slug, String displayName) {
        this.slug = slug;
        this.displayName = displayName;
    }

    public String slug() {
        return slug;
    }

    public String displayName() {
        return displayName;
    }

    /** Returns whether a source of this type runs the operation at all. */
    public boolean supports(Operation operation) {
        return this == VENDOR_WAREHOUSE || !FULFILLMENT_OPERATIONS.contains(operation);
    }

    /**
     * Finds a type by its slug, enum name or display name, ignoring case.
     *
     * @throws IllegalArgumentException naming the value and the accepted slugs
     */
    public static SourceType parse(String value) {
        String normalized = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (SourceType type : values()) {
            if (type.slug.equals(normalized) || type.name().toLowerCase(Locale.ROOT).equals(normalized)
                    || type.displayName.toLowerCase(Locale.ROOT).equals(normalized)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown source type '" + value + "'; use one of "
                + Arrays.stream(values()).map(SourceType::slug).toList());
    }
}
