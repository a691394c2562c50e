package com.dealerpool.rothco.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The migrated schema and {@link SourceRegistry}; run on H2 and PostgreSQL by the subclasses. */
abstract class PoolSchemaTest extends PoolDatabaseTest {

    @Test
    void variantHasColumnPerField() throws SQLException {
        Map<String, Integer> columnSizes = variantColumnSizes();

        for (VariantField field : VariantField.all()) {
            assertThat(columnSizes).as("column of field %s", field.name()).containsKey(field.column());
            if (field.type() == VariantField.Type.TEXT) {
                assertThat(columnSizes.get(field.column())).as("length of column %s", field.column())
                        .isEqualTo(field.maxLength());
            }
        }
    }

    @Test
    void migrateTwiceIsNoOp() {
        PoolDataSource.migrate(database.dataSource());

        assertThat(new PoolQueries(database.dataSource()).countVariants("none", false)).isZero();
    }

    @Test
    void ensureSourceInsertsThenUpdates() throws SQLException {
        SourceRegistry registry = new SourceRegistry(database.dataSource());
        String sourceId = newSourceId();

        registry.ensureSource(sourceId, "Dealer A", "live");
        registry.ensureSource(sourceId, "Dealer A (renamed)", "simulator");

        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT name, mode, COUNT(*) OVER () AS copies FROM source WHERE id = ?")) {
            statement.setString(1, sourceId);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).as("source row exists").isTrue();
                assertThat(row.getString("name")).isEqualTo("Dealer A (renamed)");
                assertThat(row.getString("mode")).isEqualTo("simulator");
                assertThat(row.getInt("copies")).as("rows of the source").isEqualTo(1);
            }
        }
    }

    private Map<String, Integer> variantColumnSizes() throws SQLException {
        Map<String, Integer> sizes = new HashMap<>();
        try (Connection connection = database.dataSource().getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            String table = metaData.storesUpperCaseIdentifiers() ? "VARIANT" : "variant";
            try (ResultSet columns = metaData.getColumns(null, connection.getSchema(), table, null)) {
                while (columns.next()) {
                    sizes.put(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), columns.getInt("COLUMN_SIZE"));
                }
            }
        }
        return sizes;
    }
}
