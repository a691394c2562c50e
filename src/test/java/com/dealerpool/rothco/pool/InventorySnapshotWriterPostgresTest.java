package com.dealerpool.rothco.pool;

class InventorySnapshotWriterPostgresTest extends InventorySnapshotWriterTest {

    @Override
    protected TestDatabases.PoolDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
