package com.dealerpool.rothco.pool;

class PoolSchemaPostgresTest extends PoolSchemaTest {

    @Override
    protected TestDatabases.PoolDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
