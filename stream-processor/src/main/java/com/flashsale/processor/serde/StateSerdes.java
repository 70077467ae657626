package com.flashsale.processor.serde;

import com.flashsale.events.serde.EventSerde;
import com.flashsale.processor.state.HoldKey;
import com.flashsale.processor.state.OrderRoute;
import com.flashsale.processor.state.PendingRetry;
import com.flashsale.processor.state.SkuOrder;
import com.flashsale.processor.state.SkuStock;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** The serdes of every topic and store of the topology, so that each is chosen in one place. */
public final class StateSerdes {

    /** Keys are skuId or orderId as UTF-8, matching the ingest service's producer. */
    public static final Serde<String> KEY = Serdes.String();
    public static final Serde<SpecificRecord> EVENT = new EventSerde();

    // Every decision reads and writes these three, so they use the compact binary layout.
    public static final Serde<OrderRoute> ORDER_ROUTE = BinaryStateSerde.of(OrderRoute.class, new OrderRouteCodec());
    public static final Serde<SkuStock> SKU_STOCK = BinaryStateSerde.of(SkuStock.class, new SkuStockCodec());
    public static final Serde<SkuOrder> SKU_ORDER = BinaryStateSerde.of(SkuOrder.class, new SkuOrderCodec());
    // A key's bytes are its identity in RocksDB and in the changelog, so keys keep the JSON
    // layout that earlier builds wrote: new bytes would miss every entry already stored.
    public static final Serde<HoldKey> HOLD_KEY = JsonSerde.of(HoldKey.class);
    public static final Serde<Long> HELD_UNITS = Serdes.Long();
    public static final Serde<PendingRetry> PENDING_RETRY = JsonSerde.of(PendingRetry.class);

    private StateSerdes() {
    }
}
