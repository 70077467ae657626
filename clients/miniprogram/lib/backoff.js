'use strict';

/**
 * Returns the wait before retry number `attempt` (0 for the first retry) in milliseconds:
 * exponential growth from `baseDelayMs`, capped at `maxDelayMs`, with "equal jitter". Half of the
 * step is fixed and half is random, so a crowd of clients spreads out while each still waits at
 * least `minBackoffMs(attempt)`.
 */
function backoffMs(attempt, settings, random) {
  const step = stepMs(attempt, settings);
  return step / 2 + random() * (step / 2);
}

/** Returns the shortest wait `backoffMs` can return for `attempt`. */
function minBackoffMs(attempt, settings) {
  return stepMs(attempt, settings) / 2;
}

function stepMs(attempt, settings) {
  const exponent = Math.min(Math.max(attempt, 0), 30);
  return Math.min(settings.maxDelayMs, settings.baseDelayMs * Math.pow(2, exponent));
}

/**
 * Reads a `Retry-After` header, in delay-seconds or as an HTTP date, into milliseconds. Returns 0
 * when the header is missing or unreadable. `headers` is `wx.request`'s `res.header`, whose name
 * spelling depends on the server and the platform, so the lookup ignores case.
 */
function retryAfterMs(headers, now) {
  const value = headerValue(headers, 'retry-after');
  if (value === undefined) {
    return 0;
  }
  const text = String(value).trim();
  if (/^\d+$/.test(text)) {
    return Number(text) * 1000;
  }
  const date = Date.parse(text);
  return Number.isNaN(date) ? 0 : Math.max(0, date - now);
}

function headerValue(headers, lowerCaseName) {
  if (!headers || typeof headers !== 'object') {
    return undefined;
  }
  const names = Object.keys(headers);
  for (let i = 0; i < names.length; i += 1) {
    if (names[i].toLowerCase() === lowerCaseName) {
      const value = headers[names[i]];
      return Array.isArray(value) ? value[0] : value;
    }
  }
  return undefined;
}

module.exports = { backoffMs, minBackoffMs, retryAfterMs };
