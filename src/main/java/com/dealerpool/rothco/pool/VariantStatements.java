package com.dealerpool.rothco.pool;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

/**
 * INSERT and UPDATE statements of the {@code variant} table for one set of present fields,
 * built once per set and cached. Stock and price columns are only overwritten when the stored
 * values were observed no later than the page, which the UPDATE checks in SQL so that
 * concurrent runs cannot put back an older observation.
 */
final class VariantStatements {

    static final String CREATED_BY_PRIMARY = "PRIMARY";

    /** Row is overwritten when its stock and price values were observed no later than the page. */
    private static final String OBSERVED_NOT_LATER = "stock_observed_at IS NULL OR stock_observed_at <= ?";

    private final Map<Long, String> insertSql = new ConcurrentHashMap<>();
    private final Map<Long, String> updateSql = new ConcurrentHashMap<>();

    String insertSql(PreparedVariant variant) {
        return insertSql.computeIfAbsent(variant.statementKey(), key -> buildInsert(variant));
    }

    String updateSql(PreparedVariant variant) {
        return updateSql.computeIfAbsent(variant.statementKey(), key -> buildUpdate(variant));
    }

    /** Binds the parameters of {@link #insertSql} in the order that method wrote them. */
    static void bindInsert(PreparedStatement statement, String sourceId, PreparedVariant variant,
            OffsetDateTime observedAt, OffsetDateTime now) throws SQLException {
        int index = 1;
        statement.setString(index++, sourceId);
        statement.setString(index++, variant.sku());
        for (Map.Entry<VariantField, Object> value : variant.values().entrySet()) {
            VariantColumns.bind(statement, index++, value.getKey(), value.getValue());
        }
        statement.setString(index++, variant.customFieldsJson());
        statement.setString(index++, variant.contentHash());
        if (variant.hasStockOrPrice()) {
            statement.setObject(index++, observedAt);
        } else {
            statement.setNull(index++, Types.TIMESTAMP_WITH_TIMEZONE);
        }
        statement.setString(index++, CREATED_BY_PRIMARY);
        statement.setObject(index++, now);
        statement.setObject(index, now);
    }

    /** Binds the parameters of {@link #updateSql} in the order that method wrote them. */
    static void bindUpdate(PreparedStatement statement, long id, PreparedVariant variant,
            OffsetDateTime observedAt, OffsetDateTime now) throws SQLException {
        int index = 1;
        for (Map.Entry<VariantField, Object> value : variant.values().entrySet()) {
            if (value.getKey().isStockOrPrice()) {
                statement.setObject(index++, observedAt);
            }
            VariantColumns.bind(statement, index++, value.getKey(), value.getValue());
        }
        if (variant.hasCustomFields()) {
            statement.setString(index++, variant.customFieldsJson());
        }
        if (variant.hasStockOrPrice()) {
            statement.setObject(index++, observedAt);
            statement.setString(index++, variant.contentHash());
            statement.setObject(index++, observedAt);
            statement.setObject(index++, observedAt);
        } else {
            statement.setString(index++, variant.contentHash());
        }
        statement.setObject(index++, now);
        statement.setLong(index, id);
    }

    private static String buildInsert(PreparedVariant variant) {
        StringJoiner columns = new StringJoiner(", ", "INSERT INTO variant (", ")");
        StringJoiner parameters = new StringJoiner(", ", " VALUES (", ")");
        columns.add("source_id").add("sku");
        parameters.add("?").add("?");
        for (VariantField field : variant.values().keySet()) {
            columns.add(field.column());
            parameters.add("?");
        }
        for (String column : new String[] {"custom_fields", "content_hash", "stock_observed_at", "created_by",
                "created_at", "updated_at"}) {
            columns.add(column);
            parameters.add("?");
        }
        return columns + parameters.toString();
    }

    private static String buildUpdate(PreparedVariant variant) {
        StringJoiner assignments = new StringJoiner(", ", "UPDATE variant SET ", " WHERE id = ?");
        for (VariantField field : variant.values().keySet()) {
            String column = field.column();
            if (field.isStockOrPrice()) {
                assignments.add(column + " = CASE WHEN " + OBSERVED_NOT_LATER + " THEN ? ELSE " + column + " END");
            } else {
                assignments.add(column + " = ?");
            }
        }
        if (variant.hasCustomFields()) {
            assignments.add("custom_fields = ?");
        }
        assignments.add("archived = FALSE");
        assignments.add("archived_at = NULL");
        if (variant.hasStockOrPrice()) {
            // A row that kept newer stock values no longer matches this hash: NULL forces the next write.
            assignments.add("content_hash = CASE WHEN " + OBSERVED_NOT_LATER + " THEN ? ELSE NULL END");
            assignments.add("stock_observed_at = CASE WHEN stock_observed_at IS NULL OR stock_observed_at < ?"
                    + " THEN ? ELSE stock_observed_at END");
        } else {
            assignments.add("content_hash = ?");
        }
        assignments.add("updated_at = ?");
        return assignments.toString();
    }
}
