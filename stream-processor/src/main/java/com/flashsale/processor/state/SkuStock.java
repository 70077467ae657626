package com.flashsale.processor.state;

/**
 * Stock and sale rules of one SKU. Every change keeps {@code available + reserved + sold == stock}
 * and increments {@code version}, which is the version of the StockChanged written for it.
 *
 * @param saleStart first instant of the sale in epoch milliseconds
 * @param saleEnd first instant after the sale in epoch milliseconds
 */
public record SkuStock(
        long stock,
        long available,
        long reserved,
        long sold,
        int perUserLimit,
        long saleStart,
        long saleEnd,
        long version) {

    /** A SKU that has never been loaded: nothing held, nothing sold, version 0. */
    public static SkuStock unloaded() {
        return new SkuStock(0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Units that no stock change may take away because orders hold or bought them. */
    public long committed() {
        return reserved + sold;
    }

    /** Replaces the sale; the caller has checked that {@code stock >= committed()}. */
    public SkuStock withSale(long newStock, int newPerUserLimit, long newSaleStart, long newSaleEnd) {
        return new SkuStock(newStock, newStock - committed(), reserved, sold,
                newPerUserLimit, newSaleStart, newSaleEnd, version + 1);
    }

    /** Adds a signed number of units; the caller has checked that the result covers {@code committed()}. */
    public SkuStock withAdjustment(long delta) {
        return new SkuStock(stock + delta, available + delta, reserved, sold,
                perUserLimit, saleStart, saleEnd, version + 1);
    }

    /** Moves units from available to reserved; the caller has checked that enough are available. */
    public SkuStock withReservation(int quantity) {
        return new SkuStock(stock, available - quantity, reserved + quantity, sold,
                perUserLimit, saleStart, saleEnd, version + 1);
    }

    /** Moves a reservation's units from reserved to sold when its order is paid. */
    public SkuStock withConfirmation(int quantity) {
        return new SkuStock(stock, available, reserved - quantity, sold + quantity,
                perUserLimit, saleStart, saleEnd, version + 1);
    }

    /** Moves a reservation's units from reserved back to available when its hold ends unpaid. */
    public SkuStock withRelease(int quantity) {
        return new SkuStock(stock, available + quantity, reserved - quantity, sold,
                perUserLimit, saleStart, saleEnd, version + 1);
    }
}
