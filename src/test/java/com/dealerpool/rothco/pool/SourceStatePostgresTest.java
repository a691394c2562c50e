package com.dealerpool.rothco.pool;

class SourceStatePostgresTest extends SourceStateTest {

    @Override
    protected TestDatabases.PoolDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
