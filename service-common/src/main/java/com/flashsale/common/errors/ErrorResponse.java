package com.flashsale.common.errors;

/** Body of every error response: a stable upper-case code and a message for people. */
public record ErrorResponse(String code, String message) {
}
