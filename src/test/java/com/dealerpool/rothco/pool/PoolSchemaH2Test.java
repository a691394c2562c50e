package com.dealerpool.rothco.pool;

class PoolSchemaH2Test extends PoolSchemaTest {

    @Override
    protected TestDatabases.PoolDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
