package com.dealerpool.rothco.pool;

class JobLogH2Test extends JobLogTest {

    @Override
    protected TestDatabases.PoolDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
