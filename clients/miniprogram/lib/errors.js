'use strict';

/**
 * Every error code the flash-sale HTTP services send, with its HTTP status and its message in
 * English and Simplified Chinese. It matches the server's ErrorCode enum, listed in the
 * repository's docs/error-codes.md; a unit test fails when the two differ. `{name}` stands for
 * the invalid field or parameter.
 */
const SERVER_ERRORS = Object.freeze({
  INVALID_JSON: { status: 400, en: 'The request body is not valid JSON.', zh: '请求体不是有效的 JSON。' },
  INVALID_FIELD: { status: 400, en: 'Invalid value for field {name}.', zh: '字段 {name} 的值无效。' },
  MISSING_FIELD: { status: 400, en: 'Missing required field {name}.', zh: '缺少必填字段 {name}。' },
  UNKNOWN_FIELD: { status: 400, en: 'Unknown field {name}.', zh: '未知字段 {name}。' },
  INVALID_PARAMETER: { status: 400, en: 'Invalid parameter {name}.', zh: '参数 {name} 无效。' },
  MISSING_TOKEN: { status: 401, en: 'Sign-in required: send a bearer token.', zh: '需要登录：请提供 Bearer 令牌。' },
  INVALID_TOKEN: { status: 401, en: 'The token is invalid.', zh: '令牌无效。' },
  TOKEN_EXPIRED: { status: 401, en: 'The token has expired; sign in again.', zh: '令牌已过期，请重新登录。' },
  TOKEN_NOT_YET_VALID: { status: 401, en: 'The token is not valid yet.', zh: '令牌尚未生效。' },
  TOKEN_WITHOUT_SUBJECT: { status: 401, en: 'The token names no user.', zh: '令牌中缺少用户标识。' },
  FORBIDDEN: { status: 403, en: 'Your role may not do this.', zh: '您的角色无权执行此操作。' },
  NOT_FOUND: { status: 404, en: 'Not found.', zh: '未找到。' },
  ORDER_NOT_FOUND: { status: 404, en: 'Order not found.', zh: '订单不存在。' },
  SKU_NOT_FOUND: { status: 404, en: 'SKU not found.', zh: '商品不存在。' },
  METHOD_NOT_ALLOWED: { status: 405, en: 'This method is not allowed here.', zh: '不支持该请求方法。' },
  NOT_ACCEPTABLE: { status: 406, en: 'Only application/json responses are available.', zh: '仅支持 application/json 响应。' },
  CONFLICT: { status: 409, en: 'The request conflicts with the current state.', zh: '请求与当前状态冲突。' },
  PAYLOAD_TOO_LARGE: { status: 413, en: 'The request body is too large.', zh: '请求体过大。' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, en: 'Send the body as application/json.', zh: '请以 application/json 格式发送请求体。' },
  OVERLOADED: { status: 429, en: 'Too many requests; retry later.', zh: '请求过多，请稍后重试。' },
  RATE_LIMITED: {
    status: 429,
    en: 'You are sending requests too fast; retry after the time in Retry-After.',
    zh: '请求过于频繁，请按 Retry-After 指定的时间后重试。',
  },
  TOO_MANY_OPEN_ORDERS: {
    status: 429,
    en: 'Too many recent orders for this SKU; retry after the time in Retry-After.',
    zh: '该商品的近期订单过多，请按 Retry-After 指定的时间后重试。',
  },
  INTERNAL_ERROR: { status: 500, en: 'Internal error; retry later.', zh: '服务器内部错误，请稍后重试。' },
  BROKER_UNAVAILABLE: { status: 503, en: 'The order queue is unavailable; retry later.', zh: '订单队列暂时不可用，请稍后重试。' },
  SERVICE_UNAVAILABLE: { status: 503, en: 'The service is unavailable; retry later.', zh: '服务暂时不可用，请稍后重试。' },
});

/** Codes that only this package produces, for failures that never reached the server or came back unreadable. */
const CLIENT_ERRORS = Object.freeze({
  NETWORK_ERROR: {
    status: 0,
    en: 'The network is unavailable; check the connection and try again.',
    zh: '网络不可用，请检查网络连接后重试。',
  },
  TIMEOUT: { status: 0, en: 'The request timed out; try again.', zh: '请求超时，请重试。' },
  INVALID_RESPONSE: {
    status: 0,
    en: 'The server sent a response that could not be read; try again.',
    zh: '服务器返回的响应无法解析，请重试。',
  },
  INVALID_ARGUMENT: { status: 0, en: 'Invalid argument {name}.', zh: '参数 {name} 无效。' },
});

/** Returns true when a language tag such as `zh-CN`, `zh-Hans` or `zh` names Chinese. */
function isChinese(language) {
  return typeof language === 'string' && /^zh(-|_|$)/i.test(language);
}

/**
 * Returns the message for `code` in `language` (Chinese for any `zh` tag, English otherwise),
 * with `{name}` replaced by `detail`. An unknown code gets the generic internal-error message.
 */
function messageFor(code, language, detail) {
  const entry = SERVER_ERRORS[code] || CLIENT_ERRORS[code] || SERVER_ERRORS.INTERNAL_ERROR;
  const template = isChinese(language) ? entry.zh : entry.en;
  return template.replace('{name}', detail === undefined || detail === null ? '' : String(detail));
}

/**
 * An API error `{code, message}`, as the server sent it or as this package made it for a failure
 * without a usable response. `status` is the HTTP status, or 0 when no response arrived.
 */
class FlashsaleError extends Error {
  constructor(code, message, status, retryAfterMs) {
    super(message);
    this.name = 'FlashsaleError';
    this.code = code;
    this.status = status || 0;
    this.retryAfterMs = retryAfterMs || 0;
  }

  /** Returns the plain `{code, message}` body, as the server sends it. */
  toJSON() {
    return { code: this.code, message: this.message };
  }
}

/** Builds a FlashsaleError with the package's own message for `code`. */
function clientError(code, language, detail) {
  const entry = SERVER_ERRORS[code] || CLIENT_ERRORS[code];
  return new FlashsaleError(code, messageFor(code, language, detail), entry ? entry.status : 0);
}

module.exports = { SERVER_ERRORS, CLIENT_ERRORS, FlashsaleError, clientError, isChinese, messageFor };
