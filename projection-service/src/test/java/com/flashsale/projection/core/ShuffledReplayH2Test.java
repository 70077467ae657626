package com.flashsale.projection.core;

import com.flashsale.projection.db.TestDatabase;

class ShuffledReplayH2Test extends ShuffledReplayContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
