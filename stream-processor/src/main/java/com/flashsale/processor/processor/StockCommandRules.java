package com.flashsale.processor.processor;

import com.flashsale.events.AdjustStock;
import com.flashsale.events.SetStock;
import com.flashsale.processor.state.SkuStock;
import java.util.Optional;

/**
 * Decides whether a stock command may change a SKU. No command may take away units that orders
 * hold or bought, so stock never drops below reserved plus sold.
 */
public final class StockCommandRules {

    private StockCommandRules() {
    }

    /**
     * Returns why the SetStock is rejected, or empty when it may replace the sale.
     *
     * @param current the SKU's stock, or null when it has never been loaded
     */
    public static Optional<String> rejectionOf(SetStock command, SkuStock current) {
        long committed = current == null ? 0 : current.committed();
        if (command.getPerUserLimit() < 1) {
            return Optional.of("perUserLimit " + command.getPerUserLimit() + " is below 1");
        }
        if (!command.getSaleEnd().isAfter(command.getSaleStart())) {
            return Optional.of("saleEnd " + command.getSaleEnd() + " is not after saleStart " + command.getSaleStart());
        }
        if (command.getStock() < committed) {
            return Optional.of("stock " + command.getStock() + " is below reserved plus sold " + committed);
        }
        return Optional.empty();
    }

    /**
     * Returns why the AdjustStock is rejected, or empty when it may change the stock.
     *
     * @param current the SKU's stock, or null when it has never been loaded
     */
    public static Optional<String> rejectionOf(AdjustStock command, SkuStock current) {
        if (current == null) {
            return Optional.of("the SKU has no stock loaded");
        }
        long adjusted = current.stock() + command.getDelta();
        if (adjusted < current.committed()) {
            return Optional.of("stock " + adjusted + " after the adjustment is below reserved plus sold " + current.committed());
        }
        return Optional.empty();
    }
}
