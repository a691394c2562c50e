package com.dealerpool.rothco.pool;

class OrderTrackingStoreH2Test extends OrderTrackingStoreTest {

    @Override
    protected TestDatabases.PoolDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
