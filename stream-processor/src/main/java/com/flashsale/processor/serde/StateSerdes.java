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

    public static final Serde<OrderRoute> ORDER_ROUTE = JsonSerde.of(OrderRoute.class);
    public static final Serde<SkuStock> SKU_STOCK = JsonSerde.of(SkuStock.class);
    public static final Serde<SkuOrder> SKU_ORDER = JsonSerde.of(SkuOrder.class);
    public static final Serde<HoldKey> HOLD_KEY = JsonSerde.of(HoldKey.class);
    public static final Serde<Long> HELD_UNITS = Serdes.Long();
    public static final Serde<PendingRetry> PENDING_RETRY = JsonSerde.of(PendingRetry.class);

    private StateSerdes() {
    }
}
