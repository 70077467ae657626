package com.flashsale.common.errors;

/**
 * Every error a client can receive, with its HTTP status and its message in English and
 * Simplified Chinese. Codes are part of the API: rename none, only add. A {@code %s} in a message
 * takes the error's detail, such as the name of an invalid field.
 */
public enum ErrorCode {
    INVALID_JSON(400, "The request body is not valid JSON.", "请求体不是有效的 JSON。"),
    INVALID_FIELD(400, "Invalid value for field %s.", "字段 %s 的值无效。"),
    MISSING_FIELD(400, "Missing required field %s.", "缺少必填字段 %s。"),
    UNKNOWN_FIELD(400, "Unknown field %s.", "未知字段 %s。"),
    INVALID_PARAMETER(400, "Invalid parameter %s.", "参数 %s 无效。"),
    MISSING_TOKEN(401, "Sign-in required: send a bearer token.", "需要登录：请提供 Bearer 令牌。"),
    INVALID_TOKEN(401, "The token is invalid.", "令牌无效。"),
    TOKEN_EXPIRED(401, "The token has expired; sign in again.", "令牌已过期，请重新登录。"),
    TOKEN_NOT_YET_VALID(401, "The token is not valid yet.", "令牌尚未生效。"),
    TOKEN_WITHOUT_SUBJECT(401, "The token names no user.", "令牌中缺少用户标识。"),
    FORBIDDEN(403, "Your role may not do this.", "您的角色无权执行此操作。"),
    NOT_FOUND(404, "Not found.", "未找到。"),
    ORDER_NOT_FOUND(404, "Order not found.", "订单不存在。"),
    SKU_NOT_FOUND(404, "SKU not found.", "商品不存在。"),
    METHOD_NOT_ALLOWED(405, "This method is not allowed here.", "不支持该请求方法。"),
    NOT_ACCEPTABLE(406, "Only application/json responses are available.", "仅支持 application/json 响应。"),
    CONFLICT(409, "The request conflicts with the current state.", "请求与当前状态冲突。"),
    PAYLOAD_TOO_LARGE(413, "The request body is too large.", "请求体过大。"),
    UNSUPPORTED_MEDIA_TYPE(415, "Send the body as application/json.", "请以 application/json 格式发送请求体。"),
    OVERLOADED(429, "Too many requests; retry later.", "请求过多，请稍后重试。"),
    RATE_LIMITED(429, "You are sending requests too fast; retry after the time in Retry-After.",
            "请求过于频繁，请按 Retry-After 指定的时间后重试。"),
    TOO_MANY_OPEN_ORDERS(429, "Too many recent orders for this SKU; retry after the time in Retry-After.",
            "该商品的近期订单过多，请按 Retry-After 指定的时间后重试。"),
    INTERNAL_ERROR(500, "Internal error; retry later.", "服务器内部错误，请稍后重试。"),
    BROKER_UNAVAILABLE(503, "The order queue is unavailable; retry later.", "订单队列暂时不可用，请稍后重试。"),
    SERVICE_UNAVAILABLE(503, "The service is unavailable; retry later.", "服务暂时不可用，请稍后重试。");

    private final int status;
    private final String english;
    private final String chinese;

    ErrorCode(int status, String english, String chinese) {
        this.status = status;
        this.english = english;
        this.chinese = chinese;
    }

    public int status() {
        return status;
    }

    /** Formats the message in the given language; a null detail reads as an empty string. */
    public String message(Language language, String detail) {
        String template = language == Language.CHINESE ? chinese : english;
        return template.contains("%s") ? String.format(template, detail == null ? "" : detail) : template;
    }
}
