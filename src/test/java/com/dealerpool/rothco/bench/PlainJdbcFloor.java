package com.dealerpool.rothco.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * The floor of the Primary benchmark: the same catalog pages fetched with the JDK HTTP client
 * at the same concurrency, parsed with Jackson and inserted with plain JDBC batches (parent
 * products, their images and variants, the rows the connector writes), one transaction per
 * page, with no Camel, no mapping template and no change detection.
 */
final class PlainJdbcFloor {

    private static final String VARIANT_INSERT = "INSERT INTO variant (source_id, sku, parent_sku, title,"
            + " short_description, long_description, manufacturer, mpn, upc, cost, msrp, map_price, quantity, weight,"
            + " image, primary_category, sub_category, country_of_origin, restricted, archived, created_by,"
            + " created_at, updated_at, stock_observed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, FALSE, 'PRIMARY', ?, ?, ?)";

    private final ParallelPageFetcher pages;

    PlainJdbcFloor(String endpoint, String apiKey, int pageSize, int concurrency) throws IOException {
        this.pages = new ParallelPageFetcher(endpoint, apiKey, "catalog-page.graphql", "catalog", pageSize,
                concurrency);
    }

    /** Imports every page into the pool and returns the number of variants inserted. */
    long importAll(DataSource dataSource, String sourceId) throws Exception {
        return pages.forEachPage(response -> insert(dataSource, sourceId, pages.root(response)));
    }

    @SuppressWarnings("unchecked")
    private static int insert(DataSource dataSource, String sourceId, Map<String, Object> catalog) throws SQLException {
        List<Map<String, Object>> lines = (List<Map<String, Object>>) catalog.get("productLines");
        Timestamp now = Timestamp.from(Instant.now());
        int count = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement parents = connection.prepareStatement("INSERT INTO parent_product (source_id,"
                    + " parent_sku, title, primary_category, sub_category, manufacturer, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement variants = connection.prepareStatement(VARIANT_INSERT);
                    PreparedStatement imageRows = connection.prepareStatement("INSERT INTO product_image (source_id,"
                            + " parent_sku, position, url) VALUES (?, ?, ?, ?)")) {
                for (Map<String, Object> line : lines) {
                    parents.setString(1, sourceId);
                    parents.setString(2, (String) line.get("code"));
                    parents.setString(3, (String) line.get("name"));
                    parents.setString(4, (String) line.get("primaryCategory"));
                    parents.setString(5, (String) line.get("subCategory"));
                    parents.setString(6, (String) line.get("manufacturer"));
                    parents.setTimestamp(7, now);
                    parents.setTimestamp(8, now);
                    parents.addBatch();
                    List<String> images = (List<String>) line.get("images");
                    for (int position = 0; position < images.size(); position++) {
                        imageRows.setString(1, sourceId);
                        imageRows.setString(2, (String) line.get("code"));
                        imageRows.setInt(3, position);
                        imageRows.setString(4, images.get(position));
                        imageRows.addBatch();
                    }
                    for (Map<String, Object> variant : (List<Map<String, Object>>) line.get("variants")) {
                        if (variant.get("sku") == null) {
                            continue;
                        }
                        variants.setString(1, sourceId);
                        variants.setString(2, (String) variant.get("sku"));
                        variants.setString(3, (String) line.get("code"));
                        variants.setString(4, (String) line.get("name"));
                        variants.setString(5, (String) line.get("shortDescription"));
                        variants.setString(6, (String) line.get("longDescription"));
                        variants.setString(7, (String) line.get("manufacturer"));
                        variants.setString(8, (String) variant.get("mpn"));
                        variants.setString(9, (String) variant.get("upc"));
                        variants.setBigDecimal(10, decimal(variant.get("dealerPrice")));
                        variants.setBigDecimal(11, decimal(variant.get("msrp")));
                        variants.setBigDecimal(12, decimal(variant.get("map")));
                        String quantity = String.valueOf(variant.get("quantity"));
                        variants.setBigDecimal(13, new BigDecimal("99+".equals(quantity) ? "100" : quantity));
                        variants.setBigDecimal(14, decimal(variant.get("weight")));
                        variants.setString(15, images.isEmpty() ? null : images.get(0));
                        variants.setString(16, (String) line.get("primaryCategory"));
                        variants.setString(17, (String) line.get("subCategory"));
                        variants.setString(18, (String) line.get("countryOfOrigin"));
                        variants.setString(19, String.valueOf(line.get("restricted")));
                        variants.setTimestamp(20, now);
                        variants.setTimestamp(21, now);
                        variants.setTimestamp(22, now);
                        variants.addBatch();
                        count++;
                    }
                }
                parents.executeBatch();
                imageRows.executeBatch();
                variants.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
        return count;
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }
}
