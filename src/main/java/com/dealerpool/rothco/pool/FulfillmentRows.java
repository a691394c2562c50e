package com.dealerpool.rothco.pool;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.dealerpool.rothco.fulfillment.FulfillmentItem;
import com.dealerpool.rothco.fulfillment.FulfillmentRequest;
import com.dealerpool.rothco.fulfillment.FulfillmentStatus;
import com.dealerpool.rothco.fulfillment.ShippingAddress;

/**
 * Row-level SQL of the fulfillment request tables, run on a connection the caller owns so
 * that it joins the caller's transaction: reading requests with their items, inserting items
 * and status history rows, and reading single columns.
 */
final class FulfillmentRows {

    private static final String COLUMNS = "id, fr_number, po_number, source_id, status, fr_notes, custom_fields,"
            + " confirm_to_email, confirm_to_name, customer_email, ship_full_name, ship_address1, ship_address2,"
            + " ship_city, ship_state, ship_postal_code, ship_country_code, ship_phone, shipping_method,"
            + " send_attempts, tried_sources, released_at";

    /** Column lengths from V2__fulfillment_requests.sql. */
    static final int NOTE_MAX_LENGTH = 4000;
    static final int CHANGED_BY_MAX_LENGTH = 200;

    private FulfillmentRows() {
    }

    static void history(Connection connection, long id, FulfillmentStatus from, FulfillmentStatus to,
            String sourceId, String changedBy, String note) throws SQLException {
        String sql = "INSERT INTO fulfillment_request_status (request_id, changed_at, from_status, to_status, source_id,"
                + " changed_by, note) VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            DbTime.bind(statement, 2, Instant.now());
            statement.setString(3, from == null ? null : from.value());
            statement.setString(4, to.value());
            statement.setString(5, sourceId);
            statement.setString(6, TextLimits.truncate(changedBy, CHANGED_BY_MAX_LENGTH));
            statement.setString(7, TextLimits.truncate(note, NOTE_MAX_LENGTH));
            statement.executeUpdate();
        }
    }

    static void insertItems(Connection connection, long id, List<FulfillmentItem> items) throws SQLException {
        String sql = "INSERT INTO fulfillment_request_item (request_id, line_number, sku, quantity, unit_price,"
                + " custom_fields) VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (FulfillmentItem item : items) {
                statement.setLong(1, id);
                statement.setInt(2, item.lineNumber());
                statement.setString(3, item.sku());
                if (item.quantity() == null) {
                    statement.setNull(4, Types.INTEGER);
                } else {
                    statement.setInt(4, item.quantity());
                }
                statement.setBigDecimal(5, item.unitPrice());
                statement.setString(6, CustomFieldsJson.write(item.customFields()));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    static String statusOf(Connection connection, long id) throws SQLException {
        return textColumn(connection, "SELECT status FROM fulfillment_request WHERE id = ?", id);
    }

    static String sourceOf(Connection connection, long id) throws SQLException {
        return textColumn(connection, "SELECT source_id FROM fulfillment_request WHERE id = ?", id);
    }

    private static String textColumn(Connection connection, String sql, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    static List<FulfillmentRequest> load(Connection connection, List<Long> ids) throws SQLException {
        List<FulfillmentRequest> requests = new ArrayList<>();
        if (ids.isEmpty()) {
            return requests;
        }
        String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
        Map<Long, List<FulfillmentItem>> items = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT request_id, line_number, sku, quantity,"
                + " unit_price, custom_fields FROM fulfillment_request_item WHERE request_id IN (" + placeholders
                + ") ORDER BY request_id, line_number")) {
            for (int i = 0; i < ids.size(); i++) {
                statement.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    int quantity = rows.getInt(4);
                    Integer boxed = rows.wasNull() ? null : quantity;
                    BigDecimal price = rows.getBigDecimal(5);
                    items.computeIfAbsent(rows.getLong(1), key -> new ArrayList<>()).add(new FulfillmentItem(
                            rows.getInt(2), rows.getString(3), boxed, price, CustomFieldsJson.read(rows.getString(6))));
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM fulfillment_request WHERE id IN (" + placeholders + ") ORDER BY id")) {
            for (int i = 0; i < ids.size(); i++) {
                statement.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong("id");
                    String tried = rows.getString("tried_sources");
                    String frNumber = rows.getString("fr_number");
                    String poNumber = rows.getString("po_number");
                    requests.add(new FulfillmentRequest(id, frNumber, poNumber == null ? frNumber : poNumber,
                            rows.getString("source_id"), FulfillmentStatus.parse(rows.getString("status")),
                            rows.getString("fr_notes"), CustomFieldsJson.read(rows.getString("custom_fields")),
                            rows.getString("confirm_to_email"), rows.getString("confirm_to_name"),
                            rows.getString("customer_email"), new ShippingAddress(rows.getString("ship_full_name"),
                                    rows.getString("ship_address1"), rows.getString("ship_address2"),
                                    rows.getString("ship_city"), rows.getString("ship_state"),
                                    rows.getString("ship_postal_code"), rows.getString("ship_country_code"),
                                    rows.getString("ship_phone")),
                            rows.getString("shipping_method"), items.getOrDefault(id, List.of()),
                            rows.getInt("send_attempts"),
                            tried == null || tried.isBlank() ? List.of() : List.of(tried.split(",")),
                            rows.getObject("released_at") != null));
                }
            }
        }
        return requests;
    }
}
