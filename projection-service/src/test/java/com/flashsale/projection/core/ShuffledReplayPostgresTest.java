package com.flashsale.projection.core;

import com.flashsale.projection.db.TestDatabase;

class ShuffledReplayPostgresTest extends ShuffledReplayContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
