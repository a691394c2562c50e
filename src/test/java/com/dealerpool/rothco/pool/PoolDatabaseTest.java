package com.dealerpool.rothco.pool;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the tests that run once on H2 and once on PostgreSQL: each concrete class opens its
 * own database. Tests share it, so each test writes under its own source id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PoolDatabaseTest {

    protected TestDatabases.PoolDatabase database;

    protected abstract TestDatabases.PoolDatabase openDatabase();

    @BeforeAll
    void openPoolDatabase() {
        database = openDatabase();
    }

    @AfterAll
    void closePoolDatabase() {
        if (database != null) {
            database.close();
        }
    }

    /** Returns a source id that no other test uses. */
    protected static String newSourceId() {
        return "src-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
