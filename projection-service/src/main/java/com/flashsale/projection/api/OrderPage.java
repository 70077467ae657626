package com.flashsale.projection.api;

import java.util.List;

/**
 * One page of a user's orders, newest first. {@code nextCursor} fetches the next page and is null
 * on the last one.
 */
public record OrderPage(List<OrderView> orders, String nextCursor) {
}
