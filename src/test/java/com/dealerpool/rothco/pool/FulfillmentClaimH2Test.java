package com.dealerpool.rothco.pool;

class FulfillmentClaimH2Test extends FulfillmentClaimTest {

    @Override
    protected TestDatabases.PoolDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
