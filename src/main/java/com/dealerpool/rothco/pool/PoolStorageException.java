package com.dealerpool.rothco.pool;

/** Failure of a pool database operation; the cause is the {@link java.sql.SQLException}. */
public class PoolStorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PoolStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
