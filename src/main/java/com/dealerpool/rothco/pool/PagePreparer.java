package com.dealerpool.rothco.pool;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks and converts the variant updates of one page: resolves duplicate SKUs, converts values
 * to their column types, cuts text to the column length and computes each content hash.
 */
final class PagePreparer {

    private static final Logger LOG = LoggerFactory.getLogger(PagePreparer.class);

    /** Length of the custom_fields column in V1__pool.sql. */
    static final int CUSTOM_FIELDS_MAX_LENGTH = 100_000;

    /** Length of the product_image.url column in V1__pool.sql. */
    static final int IMAGE_URL_MAX_LENGTH = 2000;

    private PagePreparer() {
    }

    /**
     * Returns the page's variants by SKU in page order. When a SKU occurs twice, the later
     * update replaces the earlier one, which is logged at WARN.
     *
     * @throws IllegalArgumentException for a missing SKU, an unknown field name or a value that
     *         does not convert to its column type
     */
    static Map<String, PreparedVariant> prepare(String sourceId, List<VariantUpdate> updates) {
        Map<String, PreparedVariant> bySku = new LinkedHashMap<>();
        TruncationCount truncations = new TruncationCount();
        for (int position = 0; position < updates.size(); position++) {
            VariantUpdate update = updates.get(position);
            PreparedVariant variant = prepare(update, position, truncations);
            if (bySku.put(variant.sku(), variant) != null) {
                LOG.warn("SKU {} occurs more than once on a page of source {}; the later record replaces the earlier one",
                        variant.sku(), sourceId);
            }
        }
        if (truncations.count > 0) {
            LOG.warn("Cut {} text value(s) to their column length on a page of source {}, first at SKU {} field {}",
                    truncations.count, sourceId, truncations.firstSku, truncations.firstField);
        }
        return bySku;
    }

    private static PreparedVariant prepare(VariantUpdate update, int position, TruncationCount truncations) {
        if (update == null) {
            throw new IllegalArgumentException("Variant update at position " + position + " of the page is null");
        }
        String sku = update.sku();
        if (sku == null || sku.isBlank()) {
            throw new IllegalArgumentException("Missing SKU in the variant update at position " + position
                    + " of the page; map a non-empty SKU for every variant");
        }
        if (sku.length() > FieldIndex.SKU.maxLength()) {
            throw new IllegalArgumentException("SKU '" + sku + "' is longer than " + FieldIndex.SKU.maxLength()
                    + " characters, the maximum the pool stores");
        }
        Map<String, Object> fields = update.fields() == null ? Map.of() : update.fields();
        checkFieldNames(fields, sku);

        Map<VariantField, Object> values = new LinkedHashMap<>();
        long mask = 0;
        ContentHash hash = new ContentHash();
        for (VariantField field : FieldIndex.FIELDS) {
            if (field == FieldIndex.SKU || !fields.containsKey(field.name())) {
                continue;
            }
            Object value = VariantColumns.normalize(field, fields.get(field.name()), sku);
            if (value instanceof String text && text.length() > field.maxLength()) {
                truncations.add(sku, field);
                value = TextLimits.truncate(text, field.maxLength());
            }
            values.put(field, value);
            mask |= FieldIndex.bit(field);
            hash.add(field.name()).add(hashText(value));
        }

        String customFieldsJson = customFieldsJson(update, sku);
        hash.add("customFields").add(customFieldsJson);
        List<String> images = productImages(update);
        hash.add("productImages").add(Integer.toString(images.size()));
        images.forEach(hash::add);
        return new PreparedVariant(sku, values, mask, customFieldsJson, images, hash.finish());
    }

    /** Returns the image URLs without blank entries, each cut to the column length. */
    private static List<String> productImages(VariantUpdate update) {
        if (update.productImages() == null) {
            return List.of();
        }
        return update.productImages().stream()
                .filter(url -> url != null && !url.isBlank())
                .map(url -> TextLimits.truncate(url, IMAGE_URL_MAX_LENGTH))
                .toList();
    }

    private static void checkFieldNames(Map<String, Object> fields, String sku) {
        for (String name : fields.keySet()) {
            VariantField field = VariantField.byName(name);
            if (field == null) {
                throw new IllegalArgumentException("Unknown pool field '" + name + "' in the update of SKU " + sku
                        + "; use one of " + FieldIndex.FIELDS.stream().map(VariantField::name).toList());
            }
            if (field == FieldIndex.SKU && fields.get(name) != null && !sku.equals(fields.get(name).toString())) {
                throw new IllegalArgumentException("Field sku '" + fields.get(name) + "' differs from the SKU " + sku
                        + " of its variant update; map the SKU once");
            }
        }
    }

    private static String customFieldsJson(VariantUpdate update, String sku) {
        Map<String, String> customFields = update.customFields();
        if (customFields == null || customFields.isEmpty()) {
            return null;
        }
        for (String name : customFields.keySet()) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("Custom field without a name in the update of SKU " + sku
                        + "; give every custom field a name in the inventory mapping");
            }
        }
        String json = CustomFieldsJson.write(customFields);
        if (json.length() > CUSTOM_FIELDS_MAX_LENGTH) {
            throw new IllegalArgumentException("Custom fields of SKU " + sku + " take " + json.length()
                    + " characters as JSON, more than the " + CUSTOM_FIELDS_MAX_LENGTH + " the pool stores");
        }
        return json;
    }

    private static String hashText(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value == null ? null : value.toString();
    }

    /** Counts text values cut to their column length, remembering the first for the log. */
    private static final class TruncationCount {
        private int count;
        private String firstSku;
        private String firstField;

        void add(String sku, VariantField field) {
            if (count++ == 0) {
                firstSku = sku;
                firstField = field.name();
            }
        }
    }
}
