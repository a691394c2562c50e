package com.dealerpool.rothco.pool;

class InventorySnapshotWriterH2Test extends InventorySnapshotWriterTest {

    @Override
    protected TestDatabases.PoolDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
