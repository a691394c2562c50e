package com.dealerpool.rothco.pool;

class FulfillmentStorePostgresTest extends FulfillmentStoreTest {

    @Override
    protected TestDatabases.PoolDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
