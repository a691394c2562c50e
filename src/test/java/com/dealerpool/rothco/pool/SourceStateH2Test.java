package com.dealerpool.rothco.pool;

class SourceStateH2Test extends SourceStateTest {

    @Override
    protected TestDatabases.PoolDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
