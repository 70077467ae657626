package com.flashsale.projection.core;

import com.flashsale.projection.db.TestDatabase;

class EventApplierH2Test extends EventApplierContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
