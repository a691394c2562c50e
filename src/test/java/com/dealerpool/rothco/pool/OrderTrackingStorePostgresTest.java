package com.dealerpool.rothco.pool;

class OrderTrackingStorePostgresTest extends OrderTrackingStoreTest {

    @Override
    protected TestDatabases.PoolDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
