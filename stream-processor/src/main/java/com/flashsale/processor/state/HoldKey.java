package com.flashsale.processor.state;

/**
 * Key of the units one user has reserved of one SKU. Stored as JSON, so an id that contains a separator
 * character cannot make two keys collide.
 */
public record HoldKey(String skuId, String userId) {
}
