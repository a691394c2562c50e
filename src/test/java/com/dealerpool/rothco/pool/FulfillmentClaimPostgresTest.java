package com.dealerpool.rothco.pool;

class FulfillmentClaimPostgresTest extends FulfillmentClaimTest {

    @Override
    protected TestDatabases.PoolDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
