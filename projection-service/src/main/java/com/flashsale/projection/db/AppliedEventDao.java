package com.flashsale.projection.db;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Ids of the events already applied: the projection's idempotency record. */
public interface AppliedEventDao {

    /** Records an event id; returns 0 when it was recorded before, 1 otherwise. */
    @SqlUpdate("""
            INSERT INTO applied_events (event_id, applied_at)
            VALUES (:eventId, :appliedAt)
            ON CONFLICT DO NOTHING
            """)
    int markApplied(@Bind("eventId") String eventId, @Bind("appliedAt") Instant appliedAt);
}
