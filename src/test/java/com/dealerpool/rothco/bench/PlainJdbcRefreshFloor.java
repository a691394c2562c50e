package com.dealerpool.rothco.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;


/**
 * The floor of the Secondary benchmark: the same inventory snapshot pages fetched with the JDK
 * HTTP client at the same concurrency and parsed with Jackson. Each page is compared with the
 * stored stock and prices, and its changed rows are updated with plain JDBC batches in one
 * transaction, with no Camel, no mapping template and no freshness check.
 */
final class PlainJdbcRefreshFloor {

    private static final int SKUS_PER_SELECT = 500;
    private static final String UPDATE = "UPDATE variant SET cost = ?, msrp = ?, map_price = ?, quantity = ?,"
            + " stock_observed_at = ?, content_hash = NULL, updated_at = ? WHERE id = ?";

    private final ParallelPageFetcher pages;

    PlainJdbcRefreshFloor(String endpoint, String apiKey, int pageSize, int concurrency) throws IOException {
        this.pages = new ParallelPageFetcher(endpoint, apiKey, "inventory-page.graphql", "inventory", pageSize,
                concurrency);
    }

    /** Refreshes every page and returns the number of rows updated. */
    long refreshAll(DataSource dataSource, String sourceId) throws Exception {
        return pages.forEachPage(response -> update(dataSource, sourceId, pages.root(response)));
    }

    @SuppressWarnings("unchecked")
    private static int update(DataSource dataSource, String sourceId, Map<String, Object> inventory)
            throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        Map<String, Object[]> page = new HashMap<>();
        for (Map<String, Object> item : (List<Map<String, Object>>) inventory.get("items")) {
            if (item.get("sku") != null) {
                String quantity = String.valueOf(item.get("quantity"));
                page.put((String) item.get("sku"), new Object[] {price(item.get("dealerPrice")), price(item.get("msrp")),
                        price(item.get("map")), "99+".equals(quantity) ? 100 : Integer.valueOf(quantity)});
            }
        }
        int count = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
                List<String> skus = new ArrayList<>(page.keySet());
                for (int start = 0; start < skus.size(); start += SKUS_PER_SELECT) {
                    List<String> chunk = skus.subList(start, Math.min(skus.size(), start + SKUS_PER_SELECT));
                    count += addChangedRows(connection, update, sourceId, chunk, page, now);
                }
                update.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
        return count;
    }

    private static int addChangedRows(Connection connection, PreparedStatement update, String sourceId,
            List<String> skus, Map<String, Object[]> page, Timestamp now) throws SQLException {
        int count = 0;
        String select = "SELECT id, sku, cost, msrp, map_price, quantity FROM variant WHERE source_id = ? AND sku IN ("
                + String.join(", ", Collections.nCopies(skus.size(), "?")) + ")";
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            statement.setString(1, sourceId);
            for (int i = 0; i < skus.size(); i++) {
                statement.setString(i + 2, skus.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Object[] values = page.get(rows.getString("sku"));
                    if (same(rows.getBigDecimal("cost"), values[0]) && same(rows.getBigDecimal("msrp"), values[1])
                            && same(rows.getBigDecimal("map_price"), values[2])
                            && Objects.equals(rows.getObject("quantity", Integer.class), values[3])) {
                        continue;
                    }
                    update.setBigDecimal(1, (BigDecimal) values[0]);
                    update.setBigDecimal(2, (BigDecimal) values[1]);
                    update.setBigDecimal(3, (BigDecimal) values[2]);
                    update.setInt(4, (Integer) values[3]);
                    update.setTimestamp(5, now);
                    update.setTimestamp(6, now);
                    update.setLong(7, rows.getLong("id"));
                    update.addBatch();
                    count++;
                }
            }
        }
        return count;
    }

    private static BigDecimal price(Object value) {
        return value == null ? null : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
    }

    private static boolean same(BigDecimal stored, Object page) {
        return stored == null ? page == null : page != null && stored.compareTo((BigDecimal) page) == 0;
    }
}
