package com.dealerpool.rothco.pool;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.dealerpool.rothco.fulfillment.FulfillmentRequest;
import com.dealerpool.rothco.fulfillment.FulfillmentStatus;
import com.dealerpool.rothco.fulfillment.ShippingAddress;

/**
 * Fulfillment requests in the pool: intake, claiming, outcomes and operator actions. Every
 * status change writes a row of {@code fulfillment_request_status} in the same transaction.
 * <p>
 * Claiming is a conditional {@code UPDATE ... WHERE id = ? AND status = ?} per candidate, and
 * a claim counts only when it changed one row, so two runtimes on one database never both
 * claim a request. Outcomes are fenced the same way: they apply only while the request is
 * still {@code sending} under the caller's claim.
 */
public final class FulfillmentStore {

    private static final Logger LOG = LoggerFactory.getLogger(FulfillmentStore.class);

    /** Column lengths from V2__fulfillment_requests.sql. */
    static final int ERROR_MAX_LENGTH = 4000;
    static final int REASON_MAX_LENGTH = 1000;

    /** Condition of a claimable request; parameters: now, hold cutoff, manual flag, now, now. */
    private static final String CLAIMABLE = "((status = 'new' AND next_attempt_at <= ? AND received_at <= ?"
            + " AND (? = FALSE OR released_at IS NOT NULL))"
            + " OR (status = 'unknown' AND next_attempt_at <= ?)"
            + " OR (status = 'sending' AND lease_until < ?))";

    private final DataSource dataSource;

    public FulfillmentStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Selection of a claim: one source's due requests, at most {@code limit}. */
    public record ClaimCriteria(String sourceId, Instant now, Instant holdCutoff, boolean onlyReleased, int limit) {
    }

    /** A row of the status history. */
    public record StatusChange(Instant changedAt, String fromStatus, String toStatus, String sourceId,
            String changedBy, String note) {
    }

    /** One request as the operator list shows it. */
    public record Summary(String frNumber, String poNumber, String sourceId, String status, String orderNumber,
            String errorCode, String errorText, String holdReason) {
    }

    /**
     * Inserts a request with its items in one transaction and returns its id.
     *
     * @throws DuplicateFulfillmentRequestException when a request with the FR number exists
     */
    public long insert(FulfillmentRequest request, FulfillmentStatus status, String holdReason, String changedBy) {
        String sql = "INSERT INTO fulfillment_request (fr_number, po_number, source_id, status, fr_notes, custom_fields,"
                + " confirm_to_email, confirm_to_name, customer_email, ship_full_name, ship_address1, ship_address2,"
                + " ship_city, ship_state, ship_postal_code, ship_country_code, ship_phone, shipping_method,"
                + " hold_reason, send_attempts, next_attempt_at, received_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)";
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {"id"})) {
                    ShippingAddress address = request.shippingAddress() == null
                            ? new ShippingAddress(null, null, null, null, null, null, null, null)
                            : request.shippingAddress();
                    int i = 1;
                    statement.setString(i++, request.frNumber());
                    statement.setString(i++, request.poNumber() == null ? request.frNumber() : request.poNumber());
                    statement.setString(i++, request.sourceId());
                    statement.setString(i++, status.value());
                    statement.setString(i++, request.frNotes());
                    statement.setString(i++, CustomFieldsJson.write(request.customFields()));
                    statement.setString(i++, request.confirmToEmail());
                    statement.setString(i++, request.confirmToName());
                    statement.setString(i++, request.customerEmail());
                    statement.setString(i++, address.fullName());
                    statement.setString(i++, address.address1());
                    statement.setString(i++, address.address2());
                    statement.setString(i++, address.city());
                    statement.setString(i++, address.state());
                    statement.setString(i++, address.postalCode());
                    statement.setString(i++, address.countryCode());
                    statement.setString(i++, address.phone());
                    statement.setString(i++, request.shippingMethod());
                    statement.setString(i++, TextLimits.truncate(holdReason, REASON_MAX_LENGTH));
                    DbTime.bind(statement, i++, now);
                    DbTime.bind(statement, i++, now);
                    DbTime.bind(statement, i, now);
                    statement.executeUpdate();
                    try (ResultSet keys = statement.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                FulfillmentRows.insertItems(connection, id, request.items());
                FulfillmentRows.history(connection, id, null, status, request.sourceId(), changedBy,
                        holdReason == null ? "received" : "received and held: " + holdReason);
                connection.commit();
                return id;
            } catch (SQLException e) {
                connection.rollback();
                if (SqlErrors.isUniqueViolation(e)) {
                    throw new DuplicateFulfillmentRequestException("Fulfillment request " + request.frNumber()
                            + " already exists in the pool; send each FR Number once", e);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failure("insert fulfillment request " + request.frNumber(), e);
        }
    }

    /**
     * Claims up to {@code limit} due requests of a source for the owner until the lease ends:
     * new ones past their hold (released ones only when {@code onlyReleased}), unknown ones
     * whose retry time came, and sending ones whose lease ran out.
     */
    public List<FulfillmentRequest> claim(ClaimCriteria criteria, String owner, Instant leaseUntil) {
        String select = "SELECT id, status FROM fulfillment_request WHERE source_id = ? AND id > ? AND " + CLAIMABLE
                + " ORDER BY id";
        String update = "UPDATE fulfillment_request SET status = 'sending', claim_owner = ?, lease_until = ?,"
                + " updated_at = ? WHERE id = ? AND status = ? AND source_id = ? AND " + CLAIMABLE;
        List<Long> claimed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            long afterId = 0;
            // Candidates that another claimer took in the meantime are skipped, and the next ones
            // (by id) are tried, so contention never ends a run while due requests remain.
            while (claimed.size() < criteria.limit()) {
                Map<Long, String> candidates = candidates(connection, select, criteria, afterId);
                if (candidates.isEmpty()) {
                    break;
                }
                connection.setAutoCommit(false);
                try (PreparedStatement statement = connection.prepareStatement(update)) {
                    for (Map.Entry<Long, String> candidate : candidates.entrySet()) {
                        afterId = candidate.getKey();
                        if (claimed.size() == criteria.limit()) {
                            break;
                        }
                        statement.setString(1, owner);
                        DbTime.bind(statement, 2, leaseUntil);
                        DbTime.bind(statement, 3, criteria.now());
                        statement.setLong(4, candidate.getKey());
                        statement.setString(5, candidate.getValue());
                        statement.setString(6, criteria.sourceId());
                        bindClaimable(statement, 7, criteria);
                        if (statement.executeUpdate() == 1) {
                            FulfillmentStatus from = FulfillmentStatus.parse(candidate.getValue());
                            FulfillmentRows.history(connection, candidate.getKey(), from, FulfillmentStatus.SENDING,
                                    criteria.sourceId(), owner, from == FulfillmentStatus.SENDING
                                            ? "claimed after the lease of another runtime ran out" : "claimed");
                            claimed.add(candidate.getKey());
                        }
                        connection.commit();
                    }
                } catch (SQLException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            }
            return FulfillmentRows.load(connection, claimed);
        } catch (SQLException e) {
            throw failure("claim fulfillment requests of " + criteria.sourceId(), e);
        }
    }

    private static Map<Long, String> candidates(Connection connection, String select, ClaimCriteria criteria,
            long afterId) throws SQLException {
        Map<Long, String> candidates = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            statement.setString(1, criteria.sourceId());
            statement.setLong(2, afterId);
            bindClaimable(statement, 3, criteria);
            statement.setMaxRows(criteria.limit());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    candidates.put(rows.getLong(1), rows.getString(2));
                }
            }
        }
        return candidates;
    }

    private static void bindClaimable(PreparedStatement statement, int first, ClaimCriteria criteria)
            throws SQLException {
        DbTime.bind(statement, first, criteria.now());
        DbTime.bind(statement, first + 1, criteria.holdCutoff());
        statement.setBoolean(first + 2, criteria.onlyReleased());
        DbTime.bind(statement, first + 3, criteria.now());
        DbTime.bind(statement, first + 4, criteria.now());
    }

    /**
     * Counts an order request about to leave for Rothco. Returns false when the claim was lost,
     * and then the request must not be sent.
     */
    public boolean recordSendAttempt(long id, String owner) {
        return fencedUpdate(id, owner, null, "send_attempts = send_attempts + 1", statement -> { }, null);
    }

    /** Records Rothco's acceptance: sent, or acknowledged at once. */
    public boolean markAccepted(long id, String owner, FulfillmentStatus status, String orderNumber,
            String confirmationId, String note) {
        Instant now = Instant.now();
        return fencedUpdate(id, owner, status, "rothco_order_number = ?, rothco_confirmation_id = ?, sent_at = ?,"
                + " error_code = NULL, error_text = NULL", statement -> {
                    statement.setString(1, orderNumber);
                    statement.setString(2, confirmationId);
                    DbTime.bind(statement, 3, now);
                }, note);
    }

    /** Records a rejection with Rothco's exact text and code, or the connector's for local ones. */
    public boolean markRejected(long id, String owner, String code, String text) {
        return fencedUpdate(id, owner, FulfillmentStatus.REJECTED, "error_code = ?, error_text = ?", statement -> {
            statement.setString(1, code);
            statement.setString(2, TextLimits.truncate(text, ERROR_MAX_LENGTH));
        }, "rejected: " + text);
    }

    /** Records a request whose reply was lost; its PO is looked up once {@code retryAt} has passed. */
    public boolean markUnknown(long id, String owner, String error, Instant retryAt) {
        return fencedUpdate(id, owner, FulfillmentStatus.UNKNOWN, "error_text = ?, next_attempt_at = ?", statement -> {
            statement.setString(1, TextLimits.truncate(error, ERROR_MAX_LENGTH));
            DbTime.bind(statement, 2, retryAt);
        }, "reply lost: " + error);
    }

    /** Returns a request that was not processed to new, to be claimed again at {@code retryAt}. */
    public boolean returnToNew(long id, String owner, String reason, Instant retryAt) {
        return fencedUpdate(id, owner, FulfillmentStatus.NEW, "next_attempt_at = ?",
                statement -> DbTime.bind(statement, 1, retryAt), reason);
    }

    /** Holds a request with a reason an operator can read. */
    public boolean hold(long id, String owner, String reason) {
        return fencedUpdate(id, owner, FulfillmentStatus.HELD, "hold_reason = ?, released_at = NULL",
                statement -> statement.setString(1, TextLimits.truncate(reason, REASON_MAX_LENGTH)), "held: " + reason);
    }

    /** Routes a rejected request to the next source of its routing group, as new. */
    public boolean route(long id, String owner, String toSource, List<String> triedSources, String code, String text) {
        Instant now = Instant.now();
        return fencedUpdate(id, owner, FulfillmentStatus.NEW, "source_id = ?, tried_sources = ?, error_code = ?,"
                + " error_text = ?, next_attempt_at = ?", statement -> {
                    statement.setString(1, toSource);
                    statement.setString(2, String.join(",", triedSources));
                    statement.setString(3, code);
                    statement.setString(4, TextLimits.truncate(text, ERROR_MAX_LENGTH));
                    DbTime.bind(statement, 5, now);
                }, "routed to " + toSource + " after " + code + ": " + text);
    }

    /** Holds the new, unreleased requests of a source that processes FRs manually; returns the count. */
    public int holdUnreleased(String sourceId, String reason) {
        String select = "SELECT id FROM fulfillment_request WHERE source_id = ? AND status = 'new'"
                + " AND released_at IS NULL";
        List<Long> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(select)) {
            statement.setString(1, sourceId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw failure("list unreleased fulfillment requests of " + sourceId, e);
        }
        int held = 0;
        for (long id : ids) {
            if (operatorUpdate(id, List.of(FulfillmentStatus.NEW), FulfillmentStatus.HELD, "hold_reason = ?",
                    statement -> statement.setString(1, reason), "system", "held: " + reason,
                    " AND released_at IS NULL")) {
                held++;
            }
        }
        return held;
    }

    /**
     * Resubmits a rejected request as new, optionally under a new PO reference.
     *
     * @return false when no rejected request has the FR number
     */
    public boolean resubmit(String frNumber, String newPoNumber, String operator) {
        Long id = idOf(frNumber);
        if (id == null) {
            return false;
        }
        String note = newPoNumber == null ? "resubmitted" : "resubmitted as PO " + newPoNumber;
        Instant now = Instant.now();
        return operatorUpdate(id, List.of(FulfillmentStatus.REJECTED), FulfillmentStatus.NEW,
                "po_number = COALESCE(?, po_number), error_code = NULL, error_text = NULL, tried_sources = NULL,"
                        + " next_attempt_at = ?, released_at = ?", statement -> {
                                            statement.setString(1, newPoNumber);
                            DbTime.bind(statement, 2, now);
                            DbTime.bind(statement, 3, now);
                        }, operator, note, "");
    }

    /** Cancels a request that was not sent: new, held or rejected. Returns false otherwise. */
    public boolean cancel(String frNumber, String operator) {
        Long id = idOf(frNumber);
        return id != null && operatorUpdate(id, List.of(FulfillmentStatus.NEW, FulfillmentStatus.HELD,
                FulfillmentStatus.REJECTED), FulfillmentStatus.CANCELLED, "hold_reason = NULL", statement -> { },
                operator, "cancelled by an operator", "");
    }

    /** Releases a held request so that it is sent, also under manual auto-processing. */
    public boolean release(String frNumber, String operator) {
        Long id = idOf(frNumber);
        Instant now = Instant.now();
        return id != null && operatorUpdate(id, List.of(FulfillmentStatus.HELD), FulfillmentStatus.NEW,
                "hold_reason = NULL, released_at = ?, next_attempt_at = ?", statement -> {
                    DbTime.bind(statement, 1, now);
                    DbTime.bind(statement, 2, now);
                }, operator, "released by an operator", "");
    }

    /** Returns the current status of a request, or empty when no request has the FR number. */
    public Optional<FulfillmentStatus> status(String frNumber) {
        return Optional.ofNullable(queryText("SELECT status FROM fulfillment_request WHERE fr_number = ?", frNumber))
                .map(FulfillmentStatus::parse);
    }

    /** Lists requests in a status, oldest first, at most {@code limit}. */
    public List<Summary> list(FulfillmentStatus status, int limit) {
        String sql = "SELECT fr_number, COALESCE(po_number, fr_number), source_id, status, rothco_order_number,"
                + " error_code, error_text,"
                + " hold_reason FROM fulfillment_request WHERE status = ? ORDER BY id";
        List<Summary> summaries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, status.value());
            statement.setMaxRows(limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    summaries.add(new Summary(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                            rows.getString(8)));
                }
            }
        } catch (SQLException e) {
            throw failure("list fulfillment requests in status " + status.value(), e);
        }
        return summaries;
    }

    /** Returns the status history of a request, oldest first. */
    public List<StatusChange> history(String frNumber) {
        String sql = "SELECT h.changed_at, h.from_status, h.to_status, h.source_id, h.changed_by, h.note"
                + " FROM fulfillment_request_status h JOIN fulfillment_request fr ON fr.id = h.request_id"
                + " WHERE fr.fr_number = ? ORDER BY h.id";
        List<StatusChange> changes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, frNumber);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    changes.add(new StatusChange(DbTime.read(rows, "changed_at"), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw failure("read the status history of " + frNumber, e);
        }
        return changes;
    }

    /**
     * Returns the stock a source can still sell per SKU (quantity minus committed FR lines when
     * the source commits stock), for the SKUs that the pool has.
     */
    public Map<String, Integer> availableStock(String sourceId, Collection<String> skus) {
        Map<String, Integer> available = new HashMap<>();
        if (skus.isEmpty()) {
            return available;
        }
        String sql = "SELECT sku, available FROM variant_availability WHERE source_id = ? AND sku IN ("
                + String.join(", ", Collections.nCopies(skus.size(), "?")) + ")";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, sourceId);
            int index = 2;
            for (String sku : skus) {
                statement.setString(index++, sku);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    int value = rows.getInt(2);
                    if (!rows.wasNull()) {
                        available.put(rows.getString(1), value);
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("read the available stock of " + sourceId, e);
        }
        return available;
    }

    /** Stores whether a source commits the stock of accepted FRs, which the availability view reads. */
    public void commitStock(String sourceId, boolean commit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "UPDATE source SET commit_stock = ? WHERE id = ?")) {
            statement.setBoolean(1, commit);
            statement.setString(2, sourceId);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failure("store the commit-stock setting of " + sourceId, e);
        }
    }

    /** Binds the parameters of the SET clause of an update. */
    @FunctionalInterface
    private interface SetBinder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /**
     * Applies an outcome while the request is sending under the owner's claim; a null target
     * status changes columns only and writes no history. Returns false when the claim was lost.
     */
    private boolean fencedUpdate(long id, String owner, FulfillmentStatus to, String setClause, SetBinder binder,
            String note) {
        String sql = "UPDATE fulfillment_request SET " + setClause
                + (to == null ? "" : ", status = ?, claim_owner = NULL, lease_until = NULL")
                + ", updated_at = ? WHERE id = ? AND status = 'sending' AND claim_owner = ?";
        int setParameters = countParameters(setClause);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                int index = setParameters + 1;
                if (to != null) {
                    statement.setString(index++, to.value());
                }
                DbTime.bind(statement, index++, Instant.now());
                statement.setLong(index++, id);
                statement.setString(index, owner);
                boolean updated = statement.executeUpdate() == 1;
                if (updated && to != null) {
                    FulfillmentRows.history(connection, id, FulfillmentStatus.SENDING, to, FulfillmentRows.sourceOf(connection, id), owner, note);
                }
                connection.commit();
                if (!updated) {
                    LOG.warn("Fulfillment request {} is no longer claimed by {}; its outcome {} was not stored", id,
                            owner, to == null ? "(send attempt)" : to.value());
                }
                return updated;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("update fulfillment request " + id, e);
        }
    }

    private boolean operatorUpdate(long id, List<FulfillmentStatus> from, FulfillmentStatus to, String setClause,
            SetBinder binder, String changedBy, String note, String extraCondition) {
        String sql = "UPDATE fulfillment_request SET " + setClause + ", status = ?, updated_at = ? WHERE id = ?"
                + " AND status = ?" + extraCondition;
        int setParameters = countParameters(setClause);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                String current = FulfillmentRows.statusOf(connection, id);
                if (current == null || from.stream().noneMatch(status -> status.value().equals(current))) {
                    connection.rollback();
                    return false;
                }
                boolean updated;
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    binder.bind(statement);
                    int index = setParameters + 1;
                    statement.setString(index++, to.value());
                    DbTime.bind(statement, index++, Instant.now());
                    statement.setLong(index++, id);
                    statement.setString(index, current);
                    updated = statement.executeUpdate() == 1;
                }
                if (updated) {
                    FulfillmentRows.history(connection, id, FulfillmentStatus.parse(current), to, FulfillmentRows.sourceOf(connection, id), changedBy,
                            note);
                }
                connection.commit();
                return updated;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("change fulfillment request " + id + " to " + to.value(), e);
        }
    }

    private static int countParameters(String sql) {
        return (int) sql.chars().filter(c -> c == '?').count();
    }

    private Long idOf(String frNumber) {
        String id = queryText("SELECT id FROM fulfillment_request WHERE fr_number = ?", frNumber);
        return id == null ? null : Long.valueOf(id);
    }

    private String queryText(String sql, String parameter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw failure("read fulfillment request " + parameter, e);
        }
    }

    private static PoolStorageException failure(String action, SQLException error) {
        return new PoolStorageException("Failed to " + action + " in the pool: " + error.getMessage(), error);
    }
}
