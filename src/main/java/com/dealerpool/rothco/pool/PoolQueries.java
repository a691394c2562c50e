package com.dealerpool.rothco.pool;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/** Small read queries on the pool for status pages, benchmarks and tests. */
public final class PoolQueries {

    /** Keys that {@link #findVariant} adds to the pool field names. */
    public static final String ID = "id";
    public static final String ARCHIVED = "archived";
    public static final String ARCHIVED_AT = "archivedAt";
    public static final String CREATED_BY = "createdBy";
    public static final String STOCK_OBSERVED_AT = "stockObservedAt";
    public static final String CUSTOM_FIELDS = "customFields";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";

    private final DataSource dataSource;

    public PoolQueries(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Counts the source's variants that are archived, or active when {@code archived} is false. */
    public long countVariants(String sourceId, boolean archived) {
        return count("SELECT COUNT(*) FROM variant WHERE source_id = ? AND archived = ?", sourceId, archived);
    }

    public long countParentProducts(String sourceId) {
        return count("SELECT COUNT(*) FROM parent_product WHERE source_id = ?", sourceId, null);
    }

    /**
     * Returns a variant as a map from {@link VariantField} names to values (String, Integer for
     * quantity, BigDecimal for other numbers) plus {@link #ID}, {@link #ARCHIVED},
     * {@link #ARCHIVED_AT}, {@link #CREATED_BY}, {@link #STOCK_OBSERVED_AT}, {@link #CUSTOM_FIELDS}
     * (a map, empty when none are stored), {@link #CREATED_AT} and {@link #UPDATED_AT}. Values may be null.
     */
    public Optional<Map<String, Object>> findVariant(String sourceId, String sku) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT * FROM variant WHERE source_id = ? AND sku = ?")) {
            statement.setString(1, sourceId);
            statement.setString(2, sku);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Map<String, Object> variant = new LinkedHashMap<>();
                for (VariantField field : VariantField.all()) {
                    variant.put(field.name(), VariantColumns.read(row, field));
                }
                variant.put(ID, row.getLong("id"));
                variant.put(ARCHIVED, row.getBoolean("archived"));
                variant.put(ARCHIVED_AT, DbTime.read(row, "archived_at"));
                variant.put(CREATED_BY, row.getString("created_by"));
                variant.put(STOCK_OBSERVED_AT, DbTime.read(row, "stock_observed_at"));
                variant.put(CUSTOM_FIELDS, CustomFieldsJson.read(row.getString("custom_fields")));
                variant.put(CREATED_AT, DbTime.read(row, "created_at"));
                variant.put(UPDATED_AT, DbTime.read(row, "updated_at"));
                return Optional.of(variant);
            }
        } catch (SQLException e) {
            throw new PoolStorageException("Failed to read variant " + sku + " of source " + sourceId + ": "
                    + e.getMessage(), e);
        }
    }

    /** Returns the latest update time of the source's variants, or null when it has none. */
    public Instant lastVariantUpdate(String sourceId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT MAX(updated_at) AS last_update FROM variant WHERE source_id = ?")) {
            statement.setString(1, sourceId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return DbTime.read(row, "last_update");
            }
        } catch (SQLException e) {
            throw new PoolStorageException("Failed to read the last variant update of source " + sourceId + ": "
                    + e.getMessage(), e);
        }
    }

    /** Returns the image URLs of a parent product, main image first. */
    public List<String> productImages(String sourceId, String parentSku) {
        List<String> urls = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT url FROM product_image WHERE source_id = ? AND parent_sku = ? ORDER BY position")) {
            statement.setString(1, sourceId);
            statement.setString(2, parentSku);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    urls.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new PoolStorageException("Failed to read the images of parent product " + parentSku + " of source "
                    + sourceId + ": " + e.getMessage(), e);
        }
        return urls;
    }

    /** Returns title, primaryCategory, subCategory and manufacturer of a parent product. */
    public Optional<Map<String, String>> findParentProduct(String sourceId, String parentSku) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT title, primary_category,"
                        + " sub_category, manufacturer FROM parent_product WHERE source_id = ? AND parent_sku = ?")) {
            statement.setString(1, sourceId);
            statement.setString(2, parentSku);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Map<String, String> parent = new LinkedHashMap<>();
                parent.put("title", row.getString("title"));
                parent.put("primaryCategory", row.getString("primary_category"));
                parent.put("subCategory", row.getString("sub_category"));
                parent.put("manufacturer", row.getString("manufacturer"));
                return Optional.of(parent);
            }
        } catch (SQLException e) {
            throw new PoolStorageException("Failed to read parent product " + parentSku + " of source " + sourceId
                    + ": " + e.getMessage(), e);
        }
    }

    private long count(String sql, String sourceId, Boolean flag) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, sourceId);
            if (flag != null) {
                statement.setBoolean(2, flag);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new PoolStorageException("Failed to count rows of source " + sourceId + ": " + e.getMessage(), e);
        }
    }
}
