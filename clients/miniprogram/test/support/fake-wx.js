'use strict';

/**
 * A fake `wx` for unit tests: `wx.request` on a virtual clock in front of an in-memory ingest and
 * projection API, with injected faults and the app's background and foreground events.
 *
 * Faults, one per request, from `faults` (an array consumed in order, or a function of the sent
 * request and its index):
 * - `lost-request`: the request never reaches the server and `fail` reports a timeout;
 * - `lost-response`: the server handles the request, but the response never arrives and `fail`
 *   reports a timeout;
 * - `dropped-response`: the server handles the request, then the connection breaks (`fail`
 *   without timeout);
 * - `{status, code, retryAfter}`: the server rejects the request with that error, unhandled.
 */
class FakeWx {
  constructor(clock, options) {
    const opts = options || {};
    this.clock = clock;
    this.latencyMs = opts.latencyMs === undefined ? 50 : opts.latencyMs;
    this.statusBase = 'https://projection.test/v1/orders/';
    this.sent = [];
    this.handled = [];
    this.faults = [];
    this.ordersByKey = new Map();
    this.ordersById = new Map();
    this.pollWaiters = [];
    this.inFlight = new Set();
    this.hidden = false;
    this.hideListeners = [];
    this.showListeners = [];
    this.request = this.request.bind(this);
    this.appEvents = {
      onHide: (fn) => this.hideListeners.push(fn),
      offHide: (fn) => { this.hideListeners = this.hideListeners.filter((f) => f !== fn); },
      onShow: (fn) => this.showListeners.push(fn),
      offShow: (fn) => { this.showListeners = this.showListeners.filter((f) => f !== fn); },
    };
  }

  request(options) {
    const entry = {
      at: this.clock.now(),
      url: options.url,
      method: options.method,
      data: options.data === undefined ? undefined : JSON.parse(JSON.stringify(options.data)),
      header: options.header,
      timeout: options.timeout,
      hiddenWhenSent: this.hidden,
    };
    this.sent.push(entry);
    const fault = typeof this.faults === 'function' ? this.faults(entry, this.sent.length - 1) : this.faults.shift();

    let finished = false;
    let timeoutTimer = null;
    const task = {};
    const finish = (callback) => {
      if (finished) {
        return;
      }
      finished = true;
      this.inFlight.delete(task);
      this.clock.clearTimeout(timeoutTimer);
      callback();
    };
    task.abort = () => finish(() => options.fail({ errMsg: 'request:fail abort' }));
    task.interrupt = () => finish(() => options.fail({ errMsg: 'request:fail interrupted' }));
    this.inFlight.add(task);
    timeoutTimer = this.clock.setTimeout(() => finish(() => options.fail({ errMsg: 'request:fail timeout' })),
      options.timeout);

    if (fault === 'lost-request') {
      return task;
    }
    this.clock.setTimeout(() => {
      if (finished) {
        return;
      }
      if (fault && typeof fault === 'object') {
        this.respondLater(finish, options, errorResponse(fault.status, fault.code, fault.retryAfter));
        return;
      }
      this.handled.push(entry);
      this.serve(entry, (response) => {
        if (fault === 'lost-response') {
          return;
        }
        if (fault === 'dropped-response') {
          finish(() => options.fail({ errMsg: 'request:fail socket hang up' }));
          return;
        }
        this.respondLater(finish, options, response);
      });
    }, this.latencyMs);
    return task;
  }

  respondLater(finish, options, response) {
    this.clock.setTimeout(() => finish(() => options.success(response)), this.latencyMs);
  }

  serve(entry, respond) {
    const path = entry.url.replace(/^https:\/\/[^/]+/, '');
    const user = (entry.header.Authorization || '').replace(/^Bearer /, '');
    let match;
    if (entry.method === 'POST' && path === '/v1/orders') {
      respond(accepted(this.submit(user, entry.data), 'SUBMITTED', this.statusBase));
    } else if (entry.method === 'POST' && (match = /^\/v1\/orders\/([^/]+)\/(payment|cancel)$/.exec(path))) {
      respond(accepted(match[1], match[2] === 'payment' ? 'PAYMENT_SUBMITTED' : 'CANCEL_SUBMITTED', this.statusBase));
    } else if (entry.method === 'GET' && (match = /^\/v1\/orders\/([^/?]+)\?waitSeconds=(\d+)&afterVersion=(\d+)$/.exec(path))) {
      this.longPoll(match[1], Number(match[2]), Number(match[3]), respond);
    } else {
      respond(errorResponse(404, 'NOT_FOUND'));
    }
  }

  submit(user, body) {
    const key = user + '\u0000' + body.clientRequestId;
    let order = this.ordersByKey.get(key);
    if (!order) {
      const n = this.ordersById.size + 1;
      const orderId = '00000000-0000-4000-8000-' + n.toString(16).padStart(12, '0');
      order = { orderId: orderId, skuId: body.skuId, quantity: body.quantity, status: 'SUBMITTED', version: 1 };
      this.ordersByKey.set(key, order);
      this.ordersById.set(orderId, order);
    }
    return order.orderId;
  }

  longPoll(orderId, waitSeconds, afterVersion, respond) {
    const answer = () => {
      const order = this.ordersById.get(orderId);
      return order ? { statusCode: 200, data: Object.assign({}, order), header: {} } : errorResponse(404, 'ORDER_NOT_FOUND');
    };
    const order = this.ordersById.get(orderId);
    if (order && order.version > afterVersion) {
      respond(answer());
      return;
    }
    const waiter = { orderId: orderId, afterVersion: afterVersion, done: false };
    waiter.fire = () => {
      if (!waiter.done) {
        waiter.done = true;
        this.pollWaiters = this.pollWaiters.filter((w) => w !== waiter);
        respond(answer());
      }
    };
    this.pollWaiters.push(waiter);
    this.clock.setTimeout(waiter.fire, waitSeconds * 1000);
  }

  /** Moves an order to `status` with a new version and responds to the long-polls waiting for it. */
  changeOrder(orderId, status) {
    const order = this.ordersById.get(orderId);
    order.status = status;
    order.version += 1;
    this.pollWaiters.filter((w) => w.orderId === orderId && order.version > w.afterVersion).forEach((w) => w.fire());
  }

  /** Sends the app to the background: requests in flight fail, as the platform interrupts them. */
  hide() {
    this.hidden = true;
    Array.from(this.inFlight).forEach((task) => task.interrupt());
    this.hideListeners.slice().forEach((fn) => fn());
  }

  show() {
    this.hidden = false;
    this.showListeners.slice().forEach((fn) => fn());
  }
}

function accepted(orderId, status, statusBase) {
  return { statusCode: 202, data: { orderId: orderId, status: status, statusUrl: statusBase + orderId }, header: {} };
}

function errorResponse(status, code, retryAfterSeconds) {
  const header = { 'Content-Type': 'application/json' };
  if (retryAfterSeconds !== undefined) {
    header['Retry-After'] = String(retryAfterSeconds);
  }
  return { statusCode: status, data: { code: code, message: 'server message for ' + code }, header: header };
}

module.exports = { FakeWx };
