'use strict';

const { FlashsaleError, clientError } = require('./errors');
const { backoffMs, retryAfterMs } = require('./backoff');
const { sendRequest } = require('./transport');

/**
 * Returns true for failures worth another try with the same request: no response (timeout or
 * network error), 429 and every 5xx. Other 4xx are the caller's mistake and would fail again.
 * A retry is safe only because every retried write carries the same idempotency key
 * (`clientRequestId`, or the order id for payment and cancel).
 */
function isRetryable(error) {
  return error.status === 0 || error.status === 429 || error.status >= 500;
}

/** Turns a non-2xx response into a FlashsaleError with the server's `{code, message}`. */
function responseError(response, settings) {
  const body = parseBody(response.data);
  const retryAfter = retryAfterMs(response.header, settings.now());
  if (body && typeof body.code === 'string' && typeof body.message === 'string') {
    return new FlashsaleError(body.code, body.message, response.statusCode, retryAfter);
  }
  // A body that is not the API's JSON, such as a gateway's HTML error page.
  const error = clientError(fallbackCode(response.statusCode), settings.language);
  error.status = response.statusCode;
  error.retryAfterMs = retryAfter;
  return error;
}

function fallbackCode(status) {
  if (status === 429) {
    return 'OVERLOADED';
  }
  if (status === 503) {
    return 'SERVICE_UNAVAILABLE';
  }
  if (status >= 500) {
    return 'INTERNAL_ERROR';
  }
  return 'INVALID_RESPONSE';
}

function parseBody(data) {
  if (typeof data !== 'string') {
    return data && typeof data === 'object' ? data : null;
  }
  try {
    return JSON.parse(data);
  } catch (ignored) {
    return null;
  }
}

/**
 * Sends `request` until it gets a 2xx, a failure that is not retryable, or until the next retry
 * would start after `budgetMs` from now. Waits between tries by exponential backoff with jitter,
 * and at least as long as `Retry-After`. After a `401 TOKEN_EXPIRED` it calls
 * `getToken({refresh: true})` and sends the request again once, without waiting. Resolves with
 * the response body, or rejects with the last FlashsaleError.
 */
async function sendWithRetries(settings, request, budgetMs) {
  const startedAt = settings.now();
  let attempt = 0;
  let refreshToken = false;
  let tokenRefreshed = false;

  for (;;) {
    const token = await settings.getToken({ refresh: refreshToken });
    refreshToken = false;
    let error;
    try {
      const response = await sendRequest(settings, {
        method: request.method,
        url: request.url,
        data: request.data,
        timeoutMs: settings.requestTimeoutMs,
        token: token,
      }).promise;
      if (response.statusCode >= 200 && response.statusCode < 300) {
        return parseBody(response.data);
      }
      error = responseError(response, settings);
    } catch (thrown) {
      if (!(thrown instanceof FlashsaleError)) {
        throw thrown;
      }
      error = thrown;
    }

    if (error.code === 'TOKEN_EXPIRED' && !tokenRefreshed) {
      tokenRefreshed = true;
      refreshToken = true;
      continue;
    }
    if (!isRetryable(error)) {
      throw error;
    }
    const delay = Math.max(backoffMs(attempt, settings, settings.random), error.retryAfterMs);
    attempt += 1;
    if (settings.now() - startedAt + delay > budgetMs) {
      throw error;
    }
    await sleep(settings, delay);
  }
}

function sleep(settings, ms) {
  return new Promise((resolve) => {
    settings.setTimeout(resolve, ms);
  });
}

module.exports = { sendWithRetries, responseError, isRetryable, sleep };
