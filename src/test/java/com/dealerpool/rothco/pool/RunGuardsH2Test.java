package com.dealerpool.rothco.pool;

class RunGuardsH2Test extends RunGuardsTest {

    @Override
    protected TestDatabases.PoolDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
