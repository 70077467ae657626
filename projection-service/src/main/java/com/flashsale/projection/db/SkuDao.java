package com.flashsale.projection.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The {@code skus} view. */
@RegisterConstructorMapper(SkuRow.class)
public interface SkuDao {

    /** Inserts each SKU unless it exists; returns 1 for each row inserted and 0 for each that existed. */
    @SqlBatch("""
            INSERT INTO skus (sku_id, stock, available, reserved, sold, per_user_limit,
                              sale_start, sale_end, version, updated_at)
            VALUES (:skuId, :stock, :available, :reserved, :sold, :perUserLimit,
                    :saleStart, :saleEnd, :version, :updatedAt)
            ON CONFLICT DO NOTHING
            """)
    int[] insertAllIfAbsent(@BindMethods List<SkuRow> rows);

    /** Overwrites each SKU only with a newer version; a stored one as new or newer stays. */
    @SqlBatch("""
            UPDATE skus
            SET stock = :stock,
                available = :available,
                reserved = :reserved,
                sold = :sold,
                per_user_limit = :perUserLimit,
                sale_start = :saleStart,
                sale_end = :saleEnd,
                version = :version,
                updated_at = :updatedAt
            WHERE sku_id = :skuId
              AND version < :version
            """)
    void updateAllIfNewer(@BindMethods List<SkuRow> rows);

    @SqlQuery("""
            SELECT sku_id, stock, available, reserved, sold, per_user_limit,
                   sale_start, sale_end, version, updated_at
            FROM skus
            WHERE sku_id = :skuId
            """)
    Optional<SkuRow> findById(@Bind("skuId") String skuId);

    @SqlQuery("""
            SELECT sku_id, stock, available, reserved, sold, per_user_limit,
                   sale_start, sale_end, version, updated_at
            FROM skus
            ORDER BY sku_id
            """)
    List<SkuRow> listAll();
}
