'use strict';

const { clientError } = require('./errors');

/**
 * Extra time past a request's own timeout after which the transport gives up on a `request`
 * function that never calls back. `wx.request` always calls `fail` on its timeout, so this only
 * guards against faulty adapters.
 */
const CALLBACK_GRACE_MS = 2000;

/**
 * Sends one request through a `wx.request`-shaped function. Returns `{promise, abort}`. The
 * promise resolves with `{statusCode, data, header}` for every HTTP status, as `wx.request`'s
 * `success` does, and rejects with a `TIMEOUT` or `NETWORK_ERROR` FlashsaleError when no response
 * arrived, because then the request may or may not have reached the server.
 */
function sendRequest(settings, request) {
  let settled = false;
  let task = null;
  let guard = null;
  let settle = null;

  const promise = new Promise((resolve, reject) => {
    settle = (error, response) => {
      if (settled) {
        return;
      }
      settled = true;
      if (guard !== null) {
        settings.clearTimeout(guard);
      }
      if (error) {
        reject(error);
      } else {
        resolve(response);
      }
    };

    guard = settings.setTimeout(() => {
      abortTask(task);
      settle(clientError('TIMEOUT', settings.language));
    }, request.timeoutMs + CALLBACK_GRACE_MS);

    const header = { 'Accept-Language': settings.language };
    if (request.token) {
      header.Authorization = 'Bearer ' + request.token;
    }
    if (request.data !== undefined) {
      header['Content-Type'] = 'application/json';
    }

    try {
      task = settings.request({
        url: request.url,
        method: request.method,
        data: request.data,
        header: header,
        timeout: request.timeoutMs,
        dataType: 'json',
        success(res) {
          settle(null, { statusCode: res.statusCode, data: res.data, header: res.header || {} });
        },
        fail(err) {
          const text = err && err.errMsg ? String(err.errMsg) : '';
          settle(clientError(/timeout/i.test(text) ? 'TIMEOUT' : 'NETWORK_ERROR', settings.language));
        },
      });
    } catch (thrown) {
      settle(clientError('NETWORK_ERROR', settings.language));
    }
  });

  return {
    promise: promise,
    abort() {
      abortTask(task);
      settle(clientError('NETWORK_ERROR', settings.language));
    },
  };
}

function abortTask(task) {
  if (task && typeof task.abort === 'function') {
    try {
      task.abort();
    } catch (ignored) {
      // The task has already finished; nothing is left to abort.
    }
  }
}

module.exports = { sendRequest };
