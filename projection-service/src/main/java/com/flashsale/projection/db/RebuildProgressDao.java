package com.flashsale.projection.db;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** The {@code rebuild_progress} table: the next offset per partition of a rebuild in progress. */
@RegisterConstructorMapper(RebuildOffset.class)
public interface RebuildProgressDao {

    @SqlQuery("""
            SELECT topic, kafka_partition, next_offset
            FROM rebuild_progress
            ORDER BY topic, kafka_partition
            """)
    List<RebuildOffset> findAll();

    @SqlUpdate("""
            DELETE FROM rebuild_progress
            WHERE topic = :topic AND kafka_partition = :kafkaPartition
            """)
    int delete(@Bind("topic") String topic, @Bind("kafkaPartition") int partition);

    @SqlUpdate("""
            INSERT INTO rebuild_progress (topic, kafka_partition, next_offset)
            VALUES (:topic, :kafkaPartition, :nextOffset)
            """)
    int insert(@Bind("topic") String topic, @Bind("kafkaPartition") int partition, @Bind("nextOffset") long nextOffset);

    @SqlUpdate("DELETE FROM rebuild_progress")
    int clear();

    /** Replaces the stored offsets of the given partitions in one transaction. */
    @Transaction
    default void save(List<RebuildOffset> offsets) {
        for (RebuildOffset offset : offsets) {
            delete(offset.topic(), offset.kafkaPartition());
            insert(offset.topic(), offset.kafkaPartition(), offset.nextOffset());
        }
    }
}
