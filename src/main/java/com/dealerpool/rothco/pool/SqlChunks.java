package com.dealerpool.rothco.pool;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Splits key lists for {@code IN (...)} queries with bound parameters. */
final class SqlChunks {

    /** Keys per {@code IN} list; far below the parameter limits of H2 and PostgreSQL. */
    static final int CHUNK_SIZE = 500;

    private SqlChunks() {
    }

    static List<List<String>> split(Collection<String> keys) {
        List<String> all = new ArrayList<>(keys);
        List<List<String>> chunks = new ArrayList<>();
        for (int start = 0; start < all.size(); start += CHUNK_SIZE) {
            chunks.add(all.subList(start, Math.min(all.size(), start + CHUNK_SIZE)));
        }
        return chunks;
    }

    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    static void bindStrings(PreparedStatement statement, int firstIndex, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setString(firstIndex + i, values.get(i));
        }
    }
}
