package com.flashsale.projection.api;

import java.util.List;

/** Response body of an order's history: its events by the time they happened, ties broken by event id. */
public record OrderHistoryView(String orderId, List<OrderEventView> events) {
}
