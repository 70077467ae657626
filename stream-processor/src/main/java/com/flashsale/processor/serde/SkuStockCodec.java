package com.flashsale.processor.serde;

import com.flashsale.processor.state.SkuStock;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Binary layout of {@link SkuStock}: its eight numbers in declaration order. */
final class SkuStockCodec implements StateCodec<SkuStock> {

    @Override
    public void write(SkuStock value, DataOutput out) throws IOException {
        out.writeLong(value.stock());
        out.writeLong(value.available());
        out.writeLong(value.reserved());
        out.writeLong(value.sold());
        out.writeInt(value.perUserLimit());
        out.writeLong(value.saleStart());
        out.writeLong(value.saleEnd());
        out.writeLong(value.version());
    }

    @Override
    public SkuStock read(DataInput in) throws IOException {
        long stock = in.readLong();
        long available = in.readLong();
        long reserved = in.readLong();
        long sold = in.readLong();
        int perUserLimit = in.readInt();
        long saleStart = in.readLong();
        long saleEnd = in.readLong();
        long version = in.readLong();
        return new SkuStock(stock, available, reserved, sold, perUserLimit, saleStart, saleEnd, version);
    }
}
