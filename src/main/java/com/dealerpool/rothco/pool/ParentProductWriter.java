package com.dealerpool.rothco.pool;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Upserts the parent products of one page and their image lists, inside the page's transaction.
 * A parent's title, categories and manufacturer come from the page's first variant of that parent;
 * its images from the first variant that carries any. Unchanged parents and images are not written.
 */
final class ParentProductWriter {

    private static final List<VariantField> PARENT_FIELDS = List.of(
            VariantField.byName("title"),
            VariantField.byName("primaryCategory"),
            VariantField.byName("subCategory"),
            VariantField.byName("manufacturer"));

    private final Map<List<VariantField>, String> updateSql = new ConcurrentHashMap<>();

    /** Writes the parents of the page's variants and returns the number of distinct parents. */
    int write(Connection connection, String sourceId, Iterable<PreparedVariant> variants, OffsetDateTime now)
            throws SQLException {
        Map<String, ParentContent> parents = collect(variants);
        if (parents.isEmpty()) {
            return 0;
        }
        Map<String, String[]> stored = readHashes(connection, sourceId, parents.keySet());

        List<ParentContent> inserts = new ArrayList<>();
        Map<String, List<ParentContent>> updatesBySql = new LinkedHashMap<>();
        List<ParentContent> imageChanges = new ArrayList<>();
        for (ParentContent parent : parents.values()) {
            String[] hashes = stored.get(parent.parentSku);
            if (hashes == null) {
                inserts.add(parent);
            } else if (!parent.contentHash.equals(hashes[0])) {
                updatesBySql.computeIfAbsent(updateSql(parent), sql -> new ArrayList<>()).add(parent);
            }
            boolean imagesChanged = parent.imagesHash != null
                    && (hashes == null || !parent.imagesHash.equals(hashes[1]));
            if (imagesChanged) {
                imageChanges.add(parent);
            }
        }
        insert(connection, sourceId, inserts, now);
        for (Map.Entry<String, List<ParentContent>> update : updatesBySql.entrySet()) {
            update(connection, update.getKey(), sourceId, update.getValue(), now);
        }
        replaceImages(connection, sourceId, imageChanges);
        return parents.size();
    }

    private static Map<String, ParentContent> collect(Iterable<PreparedVariant> variants) {
        Map<String, ParentContent> parents = new LinkedHashMap<>();
        for (PreparedVariant variant : variants) {
            String parentSku = variant.parentSku();
            if (parentSku == null || parentSku.isBlank()) {
                continue;
            }
            ParentContent parent = parents.computeIfAbsent(parentSku, sku -> ParentContent.of(sku, variant));
            if (parent.images == null && !variant.productImages().isEmpty()) {
                parent.setImages(variant.productImages());
            }
        }
        return parents;
    }

    /** Reads content hash and images hash of the parents that exist. */
    private static Map<String, String[]> readHashes(Connection connection, String sourceId,
            Collection<String> parentSkus) throws SQLException {
        Map<String, String[]> hashes = new HashMap<>();
        for (List<String> chunk : SqlChunks.split(parentSkus)) {
            String sql = "SELECT parent_sku, content_hash, images_hash FROM parent_product"
                    + " WHERE source_id = ? AND parent_sku IN (" + SqlChunks.placeholders(chunk.size()) + ")";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, sourceId);
                SqlChunks.bindStrings(statement, 2, chunk);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        hashes.put(rows.getString(1), new String[] {rows.getString(2), rows.getString(3)});
                    }
                }
            }
        }
        return hashes;
    }

    private static void insert(Connection connection, String sourceId, List<ParentContent> parents,
            OffsetDateTime now) throws SQLException {
        if (parents.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO parent_product (source_id, parent_sku, title, primary_category, sub_category,"
                + " manufacturer, content_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (ParentContent parent : parents) {
                int index = 1;
                statement.setString(index++, sourceId);
                statement.setString(index++, parent.parentSku);
                for (VariantField field : PARENT_FIELDS) {
                    statement.setString(index++, (String) parent.values.get(field));
                }
                statement.setString(index++, parent.contentHash);
                statement.setObject(index++, now);
                statement.setObject(index, now);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void update(Connection connection, String sql, String sourceId, List<ParentContent> parents,
            OffsetDateTime now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (ParentContent parent : parents) {
                int index = 1;
                for (Object value : parent.values.values()) {
                    statement.setString(index++, (String) value);
                }
                statement.setString(index++, parent.contentHash);
                statement.setObject(index++, now);
                statement.setString(index++, sourceId);
                statement.setString(index, parent.parentSku);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void replaceImages(Connection connection, String sourceId, List<ParentContent> parents)
            throws SQLException {
        if (parents.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM product_image WHERE source_id = ? AND parent_sku = ?");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO product_image (source_id, parent_sku, position, url) VALUES (?, ?, ?, ?)");
                PreparedStatement hash = connection.prepareStatement(
                        "UPDATE parent_product SET images_hash = ? WHERE source_id = ? AND parent_sku = ?")) {
            for (ParentContent parent : parents) {
                delete.setString(1, sourceId);
                delete.setString(2, parent.parentSku);
                delete.addBatch();
                for (int position = 0; position < parent.images.size(); position++) {
                    insert.setString(1, sourceId);
                    insert.setString(2, parent.parentSku);
                    insert.setInt(3, position + 1);
                    insert.setString(4, parent.images.get(position));
                    insert.addBatch();
                }
                hash.setString(1, parent.imagesHash);
                hash.setString(2, sourceId);
                hash.setString(3, parent.parentSku);
                hash.addBatch();
            }
            delete.executeBatch();
            insert.executeBatch();
            hash.executeBatch();
        }
    }

    private String updateSql(ParentContent parent) {
        List<VariantField> fields = List.copyOf(parent.values.keySet());
        return updateSql.computeIfAbsent(fields, key -> {
            StringJoiner assignments = new StringJoiner(", ", "UPDATE parent_product SET ",
                    ", content_hash = ?, updated_at = ? WHERE source_id = ? AND parent_sku = ?");
            assignments.setEmptyValue("UPDATE parent_product SET content_hash = ?, updated_at = ?"
                    + " WHERE source_id = ? AND parent_sku = ?");
            key.forEach(field -> assignments.add(field.column() + " = ?"));
            return assignments.toString();
        });
    }

    /** Parent product content taken from one page. Position 1 of the images is the main image. */
    private static final class ParentContent {
        private final String parentSku;
        private final Map<VariantField, Object> values;
        private final String contentHash;
        private List<String> images;
        private String imagesHash;

        private ParentContent(String parentSku, Map<VariantField, Object> values, String contentHash) {
            this.parentSku = parentSku;
            this.values = values;
            this.contentHash = contentHash;
        }

        /** Takes the parent fields that the variant's update sets; absent ones keep the stored values. */
        static ParentContent of(String parentSku, PreparedVariant variant) {
            Map<VariantField, Object> values = new LinkedHashMap<>();
            ContentHash hash = new ContentHash();
            for (VariantField field : PARENT_FIELDS) {
                if (variant.values().containsKey(field)) {
                    Object value = variant.values().get(field);
                    values.put(field, value);
                    hash.add(field.name()).add(value == null ? null : value.toString());
                }
            }
            return new ParentContent(parentSku, values, hash.finish());
        }

        void setImages(List<String> urls) {
            images = urls;
            ContentHash hash = new ContentHash();
            urls.forEach(hash::add);
            imagesHash = hash.finish();
        }
    }
}
