'use strict';

/**
 * Client of the flash-sale API for WeChat mini-programs and Node: submits orders with one
 * idempotency key per tap, retries only what is safe to retry, and follows an order's status by
 * long-polling.
 */

const { createClient } = require('./lib/client');
const { FINAL_STATUSES, isFinal } = require('./lib/watch');
const { SERVER_ERRORS, CLIENT_ERRORS, FlashsaleError, messageFor, isChinese } = require('./lib/errors');

/**
 * Returns the message for an error or a code in `language` (`zh-CN` or `en`), with `{name}`
 * replaced by `detail`. For a code missing from the table, returns the error's own message, or
 * the generic internal-error message when only a code was given.
 */
function errorMessage(errorOrCode, language, detail) {
  const code = typeof errorOrCode === 'string' ? errorOrCode : errorOrCode && errorOrCode.code;
  const known = SERVER_ERRORS[code] || CLIENT_ERRORS[code];
  if (!known && errorOrCode && typeof errorOrCode.message === 'string') {
    return errorOrCode.message;
  }
  return messageFor(code, language, detail);
}

module.exports = {
  createClient,
  FlashsaleError,
  errorMessage,
  isChinese,
  isFinal,
  FINAL_STATUSES,
  SERVER_ERRORS,
  CLIENT_ERRORS,
};
