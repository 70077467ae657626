package com.flashsale.projection.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code skus} view. */
@RegisterConstructorMapper(SkuRow.class)
public interface SkuDao {

    /** Inserts a SKU unless it exists; returns the number of rows inserted. */
    @SqlUpdate("""
            INSERT INTO skus (sku_id, stock, available, reserved, sold, per_user_limit,
                              sale_start, sale_end, version, updated_at)
            VALUES (:skuId, :stock, :available, :reserved, :sold, :perUserLimit,
                    :saleStart, :saleEnd, :version, :updatedAt)
            ON CONFLICT DO NOTHING
            """)
    int insertIfAbsent(@BindMethods SkuRow row);

    /** Overwrites a SKU only with a newer version; returns 0 when the stored one is as new or newer. */
    @SqlUpdate("""
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
    int updateIfNewer(@BindMethods SkuRow row);

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
