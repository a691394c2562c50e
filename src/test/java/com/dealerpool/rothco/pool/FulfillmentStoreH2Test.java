package com.dealerpool.rothco.pool;

class FulfillmentStoreH2Test extends FulfillmentStoreTest {

    @Override
    protected TestDatabases.PoolDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
