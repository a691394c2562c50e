package com.dealerpool.rothco.pool;

class CatalogWriterH2Test extends CatalogWriterTest {

    @Override
    protected TestDatabases.PoolDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
