package com.flashsale.processor.serde;

import com.flashsale.processor.state.OrderRoute;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Binary layout of {@link OrderRoute}: skuId, userId, quantity, submissionEventId. */
final class OrderRouteCodec implements StateCodec<OrderRoute> {

    @Override
    public void write(OrderRoute value, DataOutput out) throws IOException {
        NullableStrings.write(value.skuId(), out);
        NullableStrings.write(value.userId(), out);
        out.writeInt(value.quantity());
        NullableStrings.write(value.submissionEventId(), out);
    }

    @Override
    public OrderRoute read(DataInput in) throws IOException {
        String skuId = NullableStrings.read(in);
        String userId = NullableStrings.read(in);
        int quantity = in.readInt();
        String submissionEventId = NullableStrings.read(in);
        return new OrderRoute(skuId, userId, quantity, submissionEventId);
    }
}
