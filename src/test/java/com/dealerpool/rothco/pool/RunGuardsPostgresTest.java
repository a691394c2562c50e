package com.dealerpool.rothco.pool;

class RunGuardsPostgresTest extends RunGuardsTest {

    @Override
    protected TestDatabases.PoolDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
