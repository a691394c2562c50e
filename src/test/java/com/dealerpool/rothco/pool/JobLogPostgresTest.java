package com.dealerpool.rothco.pool;

class JobLogPostgresTest extends JobLogTest {

    @Override
    protected TestDatabases.PoolDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
