package com.dealerpool.rothco.pool;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the write of one page in one transaction. When a concurrent writer inserted one of the
 * page's SKUs first, the transaction is rolled back and a fresh attempt runs once more, which
 * then finds the row and updates it.
 */
final class PageTransactions {

    private static final Logger LOG = LoggerFactory.getLogger(PageTransactions.class);

    /** One attempt at writing a page; a new instance for each attempt. */
    interface Attempt {
        void run(Connection connection) throws SQLException;
    }

    private PageTransactions() {
    }

    /**
     * Runs attempts until one commits, at most two, and returns the one that committed.
     *
     * @param description names the page in messages, such as "a page of 20 variants of source dealer"
     * @throws PoolStorageException when the database fails; nothing of the page is written
     */
    static <A extends Attempt> A write(DataSource dataSource, String description, Supplier<A> attempts) {
        A attempt = attempts.get();
        try {
            runInTransaction(dataSource, attempt);
            return attempt;
        } catch (SQLException first) {
            if (!SqlErrors.isUniqueViolation(first)) {
                throw failure(description, first);
            }
            LOG.warn("A concurrent writer inserted SKUs of {} first ({}); writing the page again", description,
                    first.getMessage());
        }
        attempt = attempts.get();
        try {
            runInTransaction(dataSource, attempt);
            return attempt;
        } catch (SQLException second) {
            throw failure(description, second);
        }
    }

    private static PoolStorageException failure(String description, SQLException error) {
        return new PoolStorageException("Failed to write " + description + ": " + error.getMessage(), error);
    }

    private static void runInTransaction(DataSource dataSource, Attempt attempt) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                attempt.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
