package com.dealerpool.rothco.pool;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

import com.dealerpool.rothco.fulfillment.FulfillmentLine;
import com.dealerpool.rothco.fulfillment.FulfillmentStatus;
import com.dealerpool.rothco.fulfillment.OrderProgress;
import com.dealerpool.rothco.rothco.RothcoContract;

/**
 * The pool side of FRs after they were sent: Rothco's acknowledgments and shipments. Every
 * status change writes a row of {@code fulfillment_request_status} in the same transaction.
 * <p>
 * FRs are claimed for an acknowledgment run with a conditional update of {@code ack_claim_owner}
 * and {@code ack_lease_until}, so two runtimes on one pool never work on the same FR at once,
 * and the claim leaves the FR's status alone. Shipments are upserted by source, order number
 * and tracking number, so a rerun over the same window adds no rows.
 */
public final class OrderTrackingStore {

    /** FR statuses whose order Rothco may still change. */
    private static final String TRACKED = "status IN ('sent', 'acknowledged', 'partially_shipped', 'shipped')"
            + " AND rothco_order_number IS NOT NULL"
            + " AND (rothco_order_status IS NULL OR rothco_order_status NOT IN ('CLOSED', 'CANCELLED'))";

    private final DataSource dataSource;

    public OrderTrackingStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** An FR claimed for an acknowledgment run. */
    public record AckCandidate(long id, String frNumber, String poNumber, String sourceId, FulfillmentStatus status,
            String orderNumber, String rothcoOrderStatus) {
    }

    /**
     * Rothco's report on one FR.
     *
     * @param rothcoStatus       Rothco's order status
     * @param invoiceNumber      the invoice number, or null
     * @param acknowledgedBySku  acknowledged quantities per SKU, or null when the reply listed none
     * @param cancelUnacknowledged whether items or quantities that the acknowledgment leaves out are cancelled
     */
    public record AckUpdate(long id, String owner, String rothcoStatus, String invoiceNumber,
            Map<String, Integer> acknowledgedBySku, boolean cancelUnacknowledged) {
    }

    /**
     * Changes that an acknowledgment made.
     *
     * @param claimLost         true when the claim was taken over, and nothing was stored
     * @param to                the new status, or null when the status did not change
     * @param quantitiesChanged whether acknowledged quantities were stored or changed
     * @param differences       lines whose acknowledged quantity differs from the ordered one
     * @param cancelledUnits    units cancelled by this acknowledgment
     */
    public record AckResult(boolean claimLost, String frNumber, FulfillmentStatus from, FulfillmentStatus to,
            boolean quantitiesChanged, List<String> differences, int cancelledUnits) {
    }

    /**
     * A shipment as Rothco reported it, after mapping; {@code changedBy} names the run ("host#8") in the
     * FR's status history when the shipment moves the FR.
     */
    public record ShipmentUpsert(String sourceId, String orderNumber, String trackingNumber, String poNumber,
            String orderStatus, Instant shippedAt, String shippedAtSource, String methodCode, String methodName,
            Map<String, Integer> items, String changedBy) {
    }

    /** Whether a shipment row was created, updated or left unchanged. */
    public enum ShipmentChange { CREATED, UPDATED, UNCHANGED }

    /**
     * Outcome of storing a shipment.
     *
     * @param frNumber   the FR the shipment belongs to, or null when its PO matches no FR
     * @param to         the FR's new status, or null when it did not change
     * @param unmatched  SKUs of the shipment that the FR does not have
     * @param shippedAt  the stored Shipped At, which keeps the first run time under the run-time fallback
     */
    public record ShipmentResult(ShipmentChange change, String frNumber, FulfillmentStatus from,
            FulfillmentStatus to, Map<String, Integer> unmatched, Instant shippedAt) {
    }

    /**
     * Claims up to {@code limit} FRs of a source, with ids above {@code afterId}, whose Rothco order
     * may still change and that no other runtime holds.
     */
    public List<AckCandidate> claimForAcknowledgment(String sourceId, long afterId, int limit, String owner,
            Instant now, Instant leaseUntil) {
        String select = "SELECT id FROM fulfillment_request WHERE source_id = ? AND id > ? AND " + TRACKED
                + " AND (ack_lease_until IS NULL OR ack_lease_until < ?) ORDER BY id";
        String update = "UPDATE fulfillment_request SET ack_claim_owner = ?, ack_lease_until = ? WHERE id = ? AND "
                + TRACKED + " AND (ack_lease_until IS NULL OR ack_lease_until < ?)";
        List<AckCandidate> claimed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            List<Long> candidates = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(select)) {
                statement.setString(1, sourceId);
                statement.setLong(2, afterId);
                DbTime.bind(statement, 3, now);
                statement.setMaxRows(limit);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        candidates.add(rows.getLong(1));
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(update)) {
                for (long id : candidates) {
                    statement.setString(1, owner);
                    DbTime.bind(statement, 2, leaseUntil);
                    statement.setLong(3, id);
                    DbTime.bind(statement, 4, now);
                    if (statement.executeUpdate() == 1) {
                        claimed.add(candidate(connection, id));
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("claim fulfillment requests of " + sourceId + " for acknowledgment", e);
        }
        return claimed;
    }

    private static AckCandidate candidate(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT fr_number, po_number, source_id, status,"
                + " rothco_order_number, rothco_order_status FROM fulfillment_request WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                String frNumber = rows.getString(1);
                String poNumber = rows.getString(2);
                return new AckCandidate(id, frNumber, poNumber == null ? frNumber : poNumber, rows.getString(3),
                        FulfillmentStatus.parse(rows.getString(4)), rows.getString(5), rows.getString(6));
            }
        }
    }

    /** Releases an acknowledgment claim without storing anything, such as after a failed request. */
    public void releaseAcknowledgmentClaim(long id, String owner) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("UPDATE fulfillment_request SET"
                        + " ack_claim_owner = NULL, ack_lease_until = NULL WHERE id = ? AND ack_claim_owner = ?")) {
            statement.setLong(1, id);
            statement.setString(2, owner);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failure("release the acknowledgment claim of fulfillment request " + id, e);
        }
    }

    /**
     * Applies Rothco's order status to a claimed FR in one transaction and releases the claim.
     * Confirmed, Fully Shipped and Closed acknowledge a sent FR and record the acknowledged
     * quantities. Cancelled cancels what has not shipped. Other statuses change nothing but the
     * stored Rothco status, and applying the same status twice changes nothing.
     */
    public AckResult applyAcknowledgment(AckUpdate update) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                AckResult result = applyAcknowledgment(connection, update);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("store the acknowledgment of fulfillment request " + update.id(), e);
        }
    }

    private AckResult applyAcknowledgment(Connection connection, AckUpdate update) throws SQLException {
        String frNumber;
        FulfillmentStatus from;
        String sourceId;
        try (PreparedStatement statement = connection.prepareStatement("SELECT fr_number, status, source_id"
                + " FROM fulfillment_request WHERE id = ? AND ack_claim_owner = ? FOR UPDATE")) {
            statement.setLong(1, update.id());
            statement.setString(2, update.owner());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return new AckResult(true, null, null, null, false, List.of(), 0);
                }
                frNumber = rows.getString(1);
                from = FulfillmentStatus.parse(rows.getString(2));
                sourceId = rows.getString(3);
            }
        }
        List<FulfillmentLine> lines = lines(connection, update.id());
        boolean acknowledging = RothcoContract.ACKNOWLEDGING_STATUSES.contains(update.rothcoStatus());
        boolean cancelledByRothco = RothcoContract.ORDER_CANCELLED.equals(update.rothcoStatus());

        List<FulfillmentLine> updated = new ArrayList<>();
        boolean quantitiesChanged = false;
        List<String> differences = List.of();
        int cancelledUnits = 0;
        OrderProgress.Allocation allocation = acknowledging && update.acknowledgedBySku() != null
                ? OrderProgress.allocate(lines, update.acknowledgedBySku()) : null;
        for (FulfillmentLine line : lines) {
            Integer acknowledged = line.acknowledged();
            int cancelled = line.cancelled();
            if (allocation != null) {
                acknowledged = allocation.byLine().getOrDefault(line.lineNumber(), 0);
                if (update.cancelUnacknowledged()) {
                    cancelled = Math.max(cancelled, Math.max(0, line.quantity() - acknowledged));
                }
            }
            if (cancelledByRothco) {
                cancelled = Math.max(cancelled, line.quantity() - line.shipped());
            }
            if (!Objects.equals(acknowledged, line.acknowledged())) {
                quantitiesChanged = true;
            }
            cancelledUnits += cancelled - line.cancelled();
            updated.add(new FulfillmentLine(line.lineNumber(), line.sku(), line.quantity(), acknowledged, cancelled,
                    line.shipped()));
        }
        if (quantitiesChanged) {
            differences = OrderProgress.differences(lines, allocation, "acknowledged");
        }
        writeLines(connection, update.id(), lines, updated);

        FulfillmentStatus to = ackTarget(from, update.rothcoStatus(), updated);
        try (PreparedStatement statement = connection.prepareStatement("UPDATE fulfillment_request SET"
                + " rothco_order_status = ?, rothco_invoice_number = COALESCE(?, rothco_invoice_number),"
                + " ack_claim_owner = NULL, ack_lease_until = NULL, status = ?, updated_at = ? WHERE id = ?")) {
            statement.setString(1, update.rothcoStatus());
            statement.setString(2, update.invoiceNumber());
            statement.setString(3, (to == null ? from : to).value());
            DbTime.bind(statement, 4, Instant.now());
            statement.setLong(5, update.id());
            statement.executeUpdate();
        }
        if (to != null) {
            String note = cancelledByRothco ? "cancelled by Rothco (order status CANCELLED)"
                    : to == FulfillmentStatus.CANCELLED ? "every item left out of Rothco's acknowledgment was cancelled"
                    : "acknowledged by Rothco (order status " + update.rothcoStatus() + ")";
            FulfillmentRows.history(connection, update.id(), from, to, sourceId, update.owner(), note);
        }
        return new AckResult(false, frNumber, from, to, quantitiesChanged, differences, cancelledUnits);
    }

    /**
     * Returns the FR's new status after an acknowledgment, or null. Rothco's cancellation cancels
     * an FR that has not shipped completely, even a partially shipped one (its shipped quantities
     * stay recorded). An FR whose every open quantity was cancelled as unacknowledged becomes
     * cancelled, or shipped when part of it shipped. Acknowledgment moves only a sent FR.
     */
    private static FulfillmentStatus ackTarget(FulfillmentStatus from, String rothcoStatus,
            List<FulfillmentLine> lines) {
        boolean open = from == FulfillmentStatus.SENT || from == FulfillmentStatus.ACKNOWLEDGED
                || from == FulfillmentStatus.PARTIALLY_SHIPPED;
        if (open && RothcoContract.ORDER_CANCELLED.equals(rothcoStatus)) {
            return FulfillmentStatus.CANCELLED;
        }
        boolean nothingOpen = lines.stream().allMatch(line -> line.open() == 0);
        boolean nothingShipped = lines.stream().allMatch(line -> line.shipped() == 0);
        if (open && nothingOpen) {
            return nothingShipped ? FulfillmentStatus.CANCELLED : FulfillmentStatus.SHIPPED;
        }
        if (from == FulfillmentStatus.SENT && RothcoContract.ACKNOWLEDGING_STATUSES.contains(rothcoStatus)) {
            return FulfillmentStatus.ACKNOWLEDGED;
        }
        return null;
    }

    /** Returns the FR number whose FR number or PO number is this reference at a source, or null. */
    public String frNumberOf(String sourceId, String reference) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT fr_number FROM fulfillment_request"
                        + " WHERE source_id = ? AND (fr_number = ? OR COALESCE(po_number, fr_number) = ?)"
                        + " ORDER BY id")) {
            statement.setString(1, sourceId);
            statement.setString(2, reference);
            statement.setString(3, reference);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw failure("look up the FR of reference " + reference, e);
        }
    }

    /**
     * Inserts or updates a shipment with its items, links it to the FR of its PO number, and
     * recomputes that FR's shipped quantities and status, in one transaction.
     */
    public ShipmentResult upsertShipment(ShipmentUpsert shipment, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                ShipmentResult result = upsertShipment(connection, shipment, now);
                connection.commit();
                return result;
            } catch (SQLException e) {
                connection.rollback();
                if (!SqlErrors.isUniqueViolation(e)) {
                    throw e;
                }
                // Another runtime inserted the same shipment at the same moment: update it instead.
                ShipmentResult result = upsertShipment(connection, shipment, now);
                connection.commit();
                return result;
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("store shipment " + shipment.trackingNumber() + " of order " + shipment.orderNumber(), e);
        }
    }

    private ShipmentResult upsertShipment(Connection connection, ShipmentUpsert shipment, Instant now)
            throws SQLException {
        Long requestId = null;
        String frNumber = null;
        FulfillmentStatus from = null;
        if (shipment.poNumber() != null) {
            // The row lock orders this write after an acknowledgment of the same FR in flight,
            // which writes the same item rows.
            try (PreparedStatement statement = connection.prepareStatement("SELECT id, fr_number, status"
                    + " FROM fulfillment_request WHERE source_id = ? AND COALESCE(po_number, fr_number) = ?"
                    + " ORDER BY id FOR UPDATE")) {
                statement.setString(1, shipment.sourceId());
                statement.setString(2, shipment.poNumber());
                try (ResultSet rows = statement.executeQuery()) {
                    if (rows.next()) {
                        requestId = rows.getLong(1);
                        frNumber = rows.getString(2);
                        from = FulfillmentStatus.parse(rows.getString(3));
                    }
                }
            }
        }

        Long shipmentId = null;
        Instant storedShippedAt = null;
        String storedSource = null;
        boolean headerSame = false;
        try (PreparedStatement statement = connection.prepareStatement("SELECT id, po_number, request_id,"
                + " order_status, shipped_at, shipped_at_source, shipping_method_code, shipping_method_name"
                + " FROM shipment WHERE source_id = ? AND order_number = ? AND tracking_number = ?")) {
            statement.setString(1, shipment.sourceId());
            statement.setString(2, shipment.orderNumber());
            statement.setString(3, shipment.trackingNumber());
            try (ResultSet rows = statement.executeQuery()) {
                if (rows.next()) {
                    shipmentId = rows.getLong("id");
                    long storedRequest = rows.getLong("request_id");
                    Long storedRequestId = rows.wasNull() ? null : storedRequest;
                    storedShippedAt = DbTime.read(rows, "shipped_at");
                    storedSource = rows.getString("shipped_at_source");
                    headerSame = Objects.equals(rows.getString("po_number"), shipment.poNumber())
                            && Objects.equals(storedRequestId, requestId)
                            && Objects.equals(rows.getString("order_status"), shipment.orderStatus())
                            && Objects.equals(rows.getString("shipping_method_code"), shipment.methodCode())
                            && Objects.equals(rows.getString("shipping_method_name"), shipment.methodName());
                }
            }
        }
        Instant shippedAt = shipment.shippedAt() == null ? null
                : shipment.shippedAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        String shippedAtSource = shipment.shippedAtSource();
        if ("run-time".equals(shippedAtSource) && "run-time".equals(storedSource) && storedShippedAt != null) {
            shippedAt = storedShippedAt;
        }
        headerSame = headerSame && Objects.equals(storedShippedAt, shippedAt)
                && Objects.equals(storedSource, shippedAtSource);

        ShipmentChange change;
        if (shipmentId == null) {
            shipmentId = insertShipment(connection, shipment, requestId, shippedAt, shippedAtSource, now);
            writeShipmentItems(connection, shipmentId, shipment.items());
            change = ShipmentChange.CREATED;
        } else {
            boolean itemsSame = shipmentItems(connection, shipmentId).equals(shipment.items());
            if (headerSame && itemsSame) {
                change = ShipmentChange.UNCHANGED;
            } else {
                updateShipment(connection, shipmentId, shipment, requestId, shippedAt, shippedAtSource, now);
                if (!itemsSame) {
                    try (PreparedStatement statement = connection.prepareStatement(
                            "DELETE FROM shipment_item WHERE shipment_id = ?")) {
                        statement.setLong(1, shipmentId);
                        statement.executeUpdate();
                    }
                    writeShipmentItems(connection, shipmentId, shipment.items());
                }
                change = ShipmentChange.UPDATED;
            }
        }
        if (requestId == null) {
            return new ShipmentResult(change, null, null, null, shipment.items(), shippedAt);
        }
        return recomputeShipped(connection, requestId, frNumber, from, shipment, change, shippedAt);
    }

    /** Sums the shipped quantities of every shipment of the FR, spreads them over its lines and moves its status. */
    private ShipmentResult recomputeShipped(Connection connection, long requestId, String frNumber,
            FulfillmentStatus from, ShipmentUpsert shipment, ShipmentChange change, Instant shippedAt)
            throws SQLException {
        Map<String, Integer> shippedBySku = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT item.sku, SUM(item.quantity_shipped)"
                + " FROM shipment s JOIN shipment_item item ON item.shipment_id = s.id WHERE s.request_id = ?"
                + " GROUP BY item.sku")) {
            statement.setLong(1, requestId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    shippedBySku.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        List<FulfillmentLine> lines = lines(connection, requestId);
        OrderProgress.Allocation allocation = OrderProgress.allocate(lines, shippedBySku);
        List<FulfillmentLine> updated = new ArrayList<>();
        for (FulfillmentLine line : lines) {
            updated.add(new FulfillmentLine(line.lineNumber(), line.sku(), line.quantity(), line.acknowledged(),
                    line.cancelled(), allocation.byLine().getOrDefault(line.lineNumber(), 0)));
        }
        writeLines(connection, requestId, lines, updated);

        Map<String, Integer> unmatched = new LinkedHashMap<>();
        shipment.items().forEach((sku, quantity) -> {
            if (allocation.unmatched().containsKey(sku)) {
                unmatched.put(sku, quantity);
            }
        });
        FulfillmentStatus target = OrderProgress.shippingStatus(updated);
        boolean movable = from == FulfillmentStatus.SENT || from == FulfillmentStatus.ACKNOWLEDGED
                || from == FulfillmentStatus.PARTIALLY_SHIPPED || from == FulfillmentStatus.SHIPPED;
        if (target == null || target == from || !movable) {
            return new ShipmentResult(change, frNumber, from, null, unmatched, shippedAt);
        }
        try (PreparedStatement statement = connection.prepareStatement("UPDATE fulfillment_request SET status = ?,"
                + " updated_at = ? WHERE id = ? AND status = ?")) {
            statement.setString(1, target.value());
            DbTime.bind(statement, 2, Instant.now());
            statement.setLong(3, requestId);
            statement.setString(4, from.value());
            if (statement.executeUpdate() == 0) {
                return new ShipmentResult(change, frNumber, from, null, unmatched, shippedAt);
            }
        }
        FulfillmentRows.history(connection, requestId, from, target, shipment.sourceId(), shipment.changedBy(),
                "shipment " + shipment.trackingNumber() + " of order " + shipment.orderNumber() + ": "
                        + (target == FulfillmentStatus.SHIPPED ? "every open quantity has shipped"
                                : "some quantities have shipped"));
        return new ShipmentResult(change, frNumber, from, target, unmatched, shippedAt);
    }

    private static long insertShipment(Connection connection, ShipmentUpsert shipment, Long requestId,
            Instant shippedAt, String shippedAtSource, Instant now) throws SQLException {
        String sql = "INSERT INTO shipment (source_id, order_number, tracking_number, po_number, request_id,"
                + " order_status, shipped_at, shipped_at_source, shipping_method_code, shipping_method_name,"
                + " first_seen_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {"id"})) {
            statement.setString(1, shipment.sourceId());
            statement.setString(2, shipment.orderNumber());
            statement.setString(3, shipment.trackingNumber());
            bindShipmentColumns(statement, 4, shipment, requestId, shippedAt, shippedAtSource);
            DbTime.bind(statement, 11, now);
            DbTime.bind(statement, 12, now);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void updateShipment(Connection connection, long shipmentId, ShipmentUpsert shipment,
            Long requestId, Instant shippedAt, String shippedAtSource, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE shipment SET po_number = ?,"
                + " request_id = ?, order_status = ?, shipped_at = ?, shipped_at_source = ?, shipping_method_code = ?,"
                + " shipping_method_name = ?, updated_at = ? WHERE id = ?")) {
            bindShipmentColumns(statement, 1, shipment, requestId, shippedAt, shippedAtSource);
            DbTime.bind(statement, 8, now);
            statement.setLong(9, shipmentId);
            statement.executeUpdate();
        }
    }

    /**
     * Binds po_number, request_id, order_status, shipped_at, shipped_at_source,
     * shipping_method_code and shipping_method_name, in that order, from {@code first}.
     */
    private static void bindShipmentColumns(PreparedStatement statement, int first, ShipmentUpsert shipment,
            Long requestId, Instant shippedAt, String shippedAtSource) throws SQLException {
        statement.setString(first, shipment.poNumber());
        bindNullableLong(statement, first + 1, requestId);
        statement.setString(first + 2, shipment.orderStatus());
        DbTime.bind(statement, first + 3, shippedAt);
        statement.setString(first + 4, shippedAtSource);
        statement.setString(first + 5, shipment.methodCode());
        statement.setString(first + 6, shipment.methodName());
    }

    private static Map<String, Integer> shipmentItems(Connection connection, long shipmentId) throws SQLException {
        Map<String, Integer> items = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT sku, quantity_shipped FROM shipment_item WHERE shipment_id = ? ORDER BY sku")) {
            statement.setLong(1, shipmentId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    items.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return items;
    }

    private static void writeShipmentItems(Connection connection, long shipmentId, Map<String, Integer> items)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO shipment_item (shipment_id, sku, quantity_shipped) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Integer> item : items.entrySet()) {
                statement.setLong(1, shipmentId);
                statement.setString(2, item.getKey());
                statement.setInt(3, item.getValue());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static List<FulfillmentLine> lines(Connection connection, long requestId) throws SQLException {
        List<FulfillmentLine> lines = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT line_number, sku, quantity,"
                + " acknowledged_quantity, cancelled_quantity, shipped_quantity FROM fulfillment_request_item"
                + " WHERE request_id = ? ORDER BY line_number")) {
            statement.setLong(1, requestId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    int acknowledged = rows.getInt(4);
                    Integer boxed = rows.wasNull() ? null : acknowledged;
                    String sku = rows.getString(2);
                    lines.add(new FulfillmentLine(rows.getInt(1), sku == null ? "" : sku, rows.getInt(3), boxed,
                            rows.getInt(5), rows.getInt(6)));
                }
            }
        }
        return lines;
    }

    /** Writes the lines whose quantities changed. */
    private static void writeLines(Connection connection, long requestId, List<FulfillmentLine> before,
            List<FulfillmentLine> after) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE fulfillment_request_item SET"
                + " acknowledged_quantity = ?, cancelled_quantity = ?, shipped_quantity = ?"
                + " WHERE request_id = ? AND line_number = ?")) {
            for (int i = 0; i < after.size(); i++) {
                FulfillmentLine line = after.get(i);
                if (line.equals(before.get(i))) {
                    continue;
                }
                if (line.acknowledged() == null) {
                    statement.setNull(1, Types.INTEGER);
                } else {
                    statement.setInt(1, line.acknowledged());
                }
                statement.setInt(2, line.cancelled());
                statement.setInt(3, line.shipped());
                statement.setLong(4, requestId);
                statement.setInt(5, line.lineNumber());
                statement.executeUpdate();
            }
        }
    }

    private static void bindNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static PoolStorageException failure(String action, SQLException error) {
        return new PoolStorageException("Failed to " + action + " in the pool: " + error.getMessage(), error);
    }
}
