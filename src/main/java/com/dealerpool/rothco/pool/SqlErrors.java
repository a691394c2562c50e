package com.dealerpool.rothco.pool;

import java.sql.SQLException;

/** Classifies SQL errors by SQLSTATE, which H2 and PostgreSQL share for the cases below. */
final class SqlErrors {

    private static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {
    }

    /** True when the error or a chained or causing error is a unique-key violation. */
    static boolean isUniqueViolation(SQLException error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sqlError && hasUniqueViolation(sqlError)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasUniqueViolation(SQLException error) {
        for (SQLException next = error; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
