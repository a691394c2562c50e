package com.dealerpool.rothco.pool;

class CatalogWriterPostgresTest extends CatalogWriterTest {

    @Override
    protected TestDatabases.PoolDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
