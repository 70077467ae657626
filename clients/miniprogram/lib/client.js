'use strict';

const { clientError } = require('./errors');
const { sendWithRetries } = require('./retry');
const { OrderWatch } = require('./watch');

const DEFAULTS = Object.freeze({
  language: 'zh-CN',
  requestTimeoutMs: 10000,
  submitBudgetMs: 30000,
  // A second tap this soon after the first one's order was accepted is the same tap: fingers
  // bounce and slow pages get tapped twice, while a real second order comes seconds later.
  doubleTapWindowMs: 1500,
  commandBudgetMs: 30000,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  pollWaitSeconds: 25,
  maxPollDelayMs: 30000,
  notFoundTimeoutMs: 120000,
});

/** The server's pattern for `clientRequestId` and `paymentId`. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;
const SKU_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const ORDER_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Status URLs remembered from `202` responses, so that `waitForOrder(orderId)` needs no URL. */
const MAX_REMEMBERED_STATUS_URLS = 200;

/**
 * Creates a client of the flash-sale API. See index.d.ts for every option; `ingestUrl` and
 * `getToken` are required, and `request` defaults to the global `wx.request`.
 */
function createClient(options) {
  const settings = resolveSettings(options || {});
  const pendingSubmissions = new Map();
  const statusUrls = new Map();
  let idCounter = 0;

  function rememberStatusUrl(orderId, statusUrl) {
    if (typeof statusUrl !== 'string') {
      return;
    }
    statusUrls.delete(orderId);
    statusUrls.set(orderId, statusUrl);
    if (statusUrls.size > MAX_REMEMBERED_STATUS_URLS) {
      statusUrls.delete(statusUrls.keys().next().value);
    }
  }

  function newRequestId() {
    idCounter += 1;
    return settings.generateId ? settings.generateId() : defaultRequestId(settings, idCounter);
  }

  /**
   * Submits one tap on "buy". The `clientRequestId` is made once here and sent again on every
   * retry, so the server maps all of them to one order. A second call for the same SKU and
   * quantity while the first is still pending (a double tap) returns the first call's promise.
   */
  function submitOrder(order, submitOptions) {
    const opts = submitOptions || {};
    const invalid = invalidOrder(order, opts);
    if (invalid) {
      return Promise.reject(clientError('INVALID_ARGUMENT', settings.language, invalid));
    }
    const key = order.skuId + '\u0000' + order.quantity;
    const pending = pendingSubmissions.get(key);
    if (pending) {
      return pending;
    }

    const clientRequestId = opts.clientRequestId || newRequestId();
    const request = {
      method: 'POST',
      url: settings.ingestUrl + '/v1/orders',
      data: { skuId: order.skuId, quantity: order.quantity, clientRequestId: clientRequestId },
    };
    const submission = sendWithRetries(settings, request, settings.submitBudgetMs).then((body) => {
      if (!body || typeof body.orderId !== 'string') {
        throw clientError('INVALID_RESPONSE', settings.language);
      }
      rememberStatusUrl(body.orderId, body.statusUrl);
      return body.orderId;
    });
    pendingSubmissions.set(key, submission);
    const forget = () => {
      if (pendingSubmissions.get(key) === submission) {
        pendingSubmissions.delete(key);
      }
    };
    submission.then(() => settings.setTimeout(forget, settings.doubleTapWindowMs), forget);
    return submission;
  }

  /** Follows an order until a final status; the returned promise also has `stop()`. */
  function waitForOrder(orderId, waitOptions) {
    const opts = waitOptions || {};
    const url = opts.statusUrl || statusUrls.get(orderId) || projectionStatusUrl(settings, orderId);
    if (!ORDER_ID_PATTERN.test(String(orderId)) || !url) {
      const detail = url ? 'orderId' : 'statusUrl';
      const rejected = Promise.reject(clientError('INVALID_ARGUMENT', settings.language, detail));
      rejected.stop = () => {};
      return rejected;
    }
    const watch = new OrderWatch(settings, url, opts);
    const result = watch.run();
    result.stop = () => watch.stop();
    return result;
  }

  /** Sends a command on an order with retries; the order id is the command's idempotency key. */
  function orderCommand(orderId, path, data) {
    if (!ORDER_ID_PATTERN.test(String(orderId))) {
      return Promise.reject(clientError('INVALID_ARGUMENT', settings.language, 'orderId'));
    }
    const request = {
      method: 'POST',
      url: settings.ingestUrl + '/v1/orders/' + orderId + path,
      data: data,
    };
    return sendWithRetries(settings, request, settings.commandBudgetMs).then((body) => {
      if (body) {
        rememberStatusUrl(orderId, body.statusUrl);
      }
      return body;
    });
  }

  /**
   * Confirms a payment: for the merchant's backend with a merchant token, from its payment
   * callback. Repeating it with the same `paymentId` changes nothing on the server.
   */
  function payOrder(orderId, payment) {
    const paymentId = payment && payment.paymentId;
    if (typeof paymentId !== 'string' || !REQUEST_ID_PATTERN.test(paymentId)) {
      return Promise.reject(clientError('INVALID_ARGUMENT', settings.language, 'paymentId'));
    }
    return orderCommand(orderId, '/payment', { paymentId: paymentId });
  }

  /** Cancels an unpaid order as its owner (or the merchant). Repeating it changes nothing. */
  function cancelOrder(orderId) {
    return orderCommand(orderId, '/cancel', {});
  }

  return { submitOrder, waitForOrder, payOrder, cancelOrder };
}

function invalidOrder(order, opts) {
  if (!order || typeof order.skuId !== 'string' || !SKU_ID_PATTERN.test(order.skuId)) {
    return 'skuId';
  }
  if (!Number.isInteger(order.quantity) || order.quantity < 1) {
    return 'quantity';
  }
  if (opts.clientRequestId !== undefined && !REQUEST_ID_PATTERN.test(String(opts.clientRequestId))) {
    return 'clientRequestId';
  }
  return null;
}

function projectionStatusUrl(settings, orderId) {
  return settings.projectionUrl ? settings.projectionUrl + '/v1/orders/' + orderId : null;
}

/**
 * Builds an id that is unique per user without a crypto API, which not every mini-program base
 * library has: the time in base 36, a per-client counter and 10 random base-36 characters.
 */
function defaultRequestId(settings, counter) {
  let random = '';
  for (let i = 0; i < 10; i += 1) {
    random += Math.floor(settings.random() * 36).toString(36);
  }
  return settings.now().toString(36) + '-' + counter.toString(36) + '-' + random;
}

function resolveSettings(options) {
  if (typeof options.ingestUrl !== 'string' || options.ingestUrl === '') {
    throw new TypeError('createClient: ingestUrl is required, for example "https://api.example.com".');
  }
  if (typeof options.getToken !== 'function') {
    throw new TypeError('createClient: getToken is required: a function that returns the bearer token.');
  }
  const wxApi = typeof wx === 'object' && wx !== null ? wx : null; // eslint-disable-line no-undef
  const request = options.request || (wxApi && wxApi.request ? wxApi.request.bind(wxApi) : null);
  if (typeof request !== 'function') {
    throw new TypeError('createClient: no wx.request here; pass options.request, a wx.request-shaped function.');
  }
  const given = {};
  Object.keys(options).forEach((name) => {
    if (options[name] !== undefined) {
      given[name] = options[name];
    }
  });
  const settings = Object.assign({}, DEFAULTS, given, {
    ingestUrl: trimSlash(options.ingestUrl),
    projectionUrl: options.projectionUrl ? trimSlash(options.projectionUrl) : null,
    getToken: (refresh) => Promise.resolve(options.getToken(refresh)),
    request: request,
    appEvents: options.appEvents === undefined ? wxAppEvents(wxApi) : options.appEvents,
    now: options.now || Date.now,
    random: options.random || Math.random,
    // Wrapped, because some JavaScript hosts reject setTimeout called as a method of another object.
    setTimeout: options.setTimeout || ((fn, ms) => setTimeout(fn, ms)),
    clearTimeout: options.clearTimeout || ((id) => clearTimeout(id)),
  });
  if (!(settings.pollWaitSeconds >= 1 && settings.pollWaitSeconds <= 25)) {
    throw new TypeError('createClient: pollWaitSeconds must be between 1 and 25, got ' + settings.pollWaitSeconds);
  }
  return settings;
}

function wxAppEvents(wxApi) {
  if (!wxApi || typeof wxApi.onAppHide !== 'function' || typeof wxApi.onAppShow !== 'function') {
    return null;
  }
  return {
    onHide: (fn) => wxApi.onAppHide(fn),
    offHide: (fn) => wxApi.offAppHide && wxApi.offAppHide(fn),
    onShow: (fn) => wxApi.onAppShow(fn),
    offShow: (fn) => wxApi.offAppShow && wxApi.offAppShow(fn),
  };
}

function trimSlash(url) {
  return url.replace(/\/+$/, '');
}

module.exports = { createClient, DEFAULTS };
