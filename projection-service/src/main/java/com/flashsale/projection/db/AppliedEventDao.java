package com.flashsale.projection.db;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;

/** Ids of the events already applied: the projection's idempotency record. */
public interface AppliedEventDao {

    /** Records event ids in order; returns, for each, 0 when it was recorded before and 1 otherwise. */
    @SqlBatch("""
            INSERT INTO applied_events (event_id, applied_at)
            VALUES (:eventId, :appliedAt)
            ON CONFLICT DO NOTHING
            """)
    int[] markAllApplied(@Bind("eventId") List<String> eventIds, @Bind("appliedAt") Instant appliedAt);
}
