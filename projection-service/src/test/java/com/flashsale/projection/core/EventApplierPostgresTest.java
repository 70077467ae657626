package com.flashsale.projection.core;

import com.flashsale.projection.db.TestDatabase;

class EventApplierPostgresTest extends EventApplierContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
