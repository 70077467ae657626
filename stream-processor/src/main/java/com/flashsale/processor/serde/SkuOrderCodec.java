package com.flashsale.processor.serde;

import com.flashsale.processor.state.OrderStatus;
import com.flashsale.processor.state.SkuOrder;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Binary layout of {@link SkuOrder}: status by name (so that reordering the enum cannot change a
 * stored status), skuId, userId, quantity, expiresAt behind a presence flag, reservationEventId.
 */
final class SkuOrderCodec implements StateCodec<SkuOrder> {

    @Override
    public void write(SkuOrder value, DataOutput out) throws IOException {
        NullableStrings.write(value.status() == null ? null : value.status().name(), out);
        NullableStrings.write(value.skuId(), out);
        NullableStrings.write(value.userId(), out);
        out.writeInt(value.quantity());
        out.writeBoolean(value.expiresAt() != null);
        if (value.expiresAt() != null) {
            out.writeLong(value.expiresAt());
        }
        NullableStrings.write(value.reservationEventId(), out);
    }

    @Override
    public SkuOrder read(DataInput in) throws IOException {
        String status = NullableStrings.read(in);
        String skuId = NullableStrings.read(in);
        String userId = NullableStrings.read(in);
        int quantity = in.readInt();
        Long expiresAt = in.readBoolean() ? in.readLong() : null;
        String reservationEventId = NullableStrings.read(in);
        return new SkuOrder(statusOf(status), skuId, userId, quantity, expiresAt, reservationEventId);
    }

    private static OrderStatus statusOf(String name) throws IOException {
        if (name == null) {
            return null;
        }
        try {
            return OrderStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IOException("Invalid order status " + name, e);
        }
    }
}
