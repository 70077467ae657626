'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { setUp, ordersOf, gaps, rejectionOf } = require('../support/setup');
const { minBackoffMs } = require('../../lib/backoff');
const { DEFAULTS } = require('../../lib/client');

const ORDER = { skuId: 'sku-1', quantity: 1 };

test('timed-out tap retries into one order', async () => {
  const { clock, wx, client } = setUp();
  wx.faults = ['lost-response', 'lost-request'];

  const orderId = await clock.run(client.submitOrder(ORDER));

  assert.equal(wx.sent.length, 3);
  assert.equal(wx.handled.length, 2, 'the first and the third request reach the server');
  assert.deepEqual(ordersOf(wx), [orderId]);
  const ids = new Set(wx.sent.map((entry) => entry.data.clientRequestId));
  assert.equal(ids.size, 1, 'every retry carries the clientRequestId of the tap');
});

test('dropped response after accept keeps order id', async () => {
  const { clock, wx, client } = setUp();
  wx.faults = ['dropped-response', 'dropped-response'];

  const orderId = await clock.run(client.submitOrder(ORDER));

  assert.equal(wx.handled.length, 3);
  assert.deepEqual(ordersOf(wx), [orderId]);
});

test('429 waits for Retry-After', async () => {
  const { clock, wx, client } = setUp();
  wx.faults = [{ status: 429, code: 'RATE_LIMITED', retryAfter: 3 }, { status: 429, code: 'OVERLOADED', retryAfter: 1 }];

  const orderId = await clock.run(client.submitOrder(ORDER));

  const [first, second] = gaps(wx.sent);
  assert.ok(first >= 3000, 'second request came ' + first + ' ms after the first');
  assert.ok(second >= 1000, 'third request came ' + second + ' ms after the second');
  assert.deepEqual(ordersOf(wx), [orderId]);
});

test('503 backs off exponentially', async () => {
  const { clock, wx, client } = setUp();
  wx.faults = [1, 2, 3, 4].map(() => ({ status: 503, code: 'BROKER_UNAVAILABLE' }));

  await clock.run(client.submitOrder(ORDER));

  const observed = gaps(wx.sent);
  assert.equal(observed.length, 4);
  observed.forEach((gap, attempt) => {
    assert.ok(gap >= minBackoffMs(attempt, DEFAULTS), 'retry ' + attempt + ' came after ' + gap + ' ms');
  });
  assert.ok(observed[3] >= 2000, 'the fourth retry waits at least half of 500 * 2^3 ms, got ' + observed[3]);
});

for (const [status, code] of [[400, 'INVALID_FIELD'], [401, 'INVALID_TOKEN'], [403, 'FORBIDDEN'],
  [404, 'NOT_FOUND'], [409, 'CONFLICT'], [413, 'PAYLOAD_TOO_LARGE']]) {
  test(status + ' ' + code + ' is not retried', async () => {
    const { clock, wx, client } = setUp();
    wx.faults = [{ status: status, code: code }];

    const rejection = await rejectionOf(clock, client.submitOrder(ORDER));

    assert.equal(wx.sent.length, 1);
    assert.equal(rejection.code, code);
    assert.equal(rejection.status, status);
    assert.deepEqual(rejection.toJSON(), { code: code, message: 'server message for ' + code });
  });
}

test('budget ends retries with the last error', async () => {
  const { clock, wx, client } = setUp({ client: { submitBudgetMs: 10000 } });
  wx.faults = () => ({ status: 503, code: 'SERVICE_UNAVAILABLE', retryAfter: 1 });

  const rejection = await rejectionOf(clock, client.submitOrder(ORDER));

  assert.equal(rejection.code, 'SERVICE_UNAVAILABLE');
  assert.ok(wx.sent.length > 2, 'sent ' + wx.sent.length + ' requests');
  const lastAt = wx.sent[wx.sent.length - 1].at;
  assert.ok(lastAt <= 10000, 'last request at ' + lastAt + ' ms');
  assert.equal(wx.handled.length, 0);
});

test('Retry-After beyond budget rejects at once', async () => {
  const { clock, wx, client } = setUp();
  wx.faults = [{ status: 429, code: 'TOO_MANY_OPEN_ORDERS', retryAfter: 60 }];

  const rejection = await rejectionOf(clock, client.submitOrder(ORDER));

  assert.equal(rejection.code, 'TOO_MANY_OPEN_ORDERS');
  assert.equal(rejection.retryAfterMs, 60000);
  assert.equal(wx.sent.length, 1);
});

test('network failures reject with NETWORK_ERROR', async () => {
  const { clock, wx, client } = setUp({ client: { language: 'en', submitBudgetMs: 5000 } });
  wx.faults = () => 'dropped-response';

  const rejection = await rejectionOf(clock, client.submitOrder(ORDER));

  assert.equal(rejection.code, 'NETWORK_ERROR');
  assert.equal(rejection.message, 'The network is unavailable; check the connection and try again.');
  assert.equal(rejection.status, 0);
});

test('timeouts reject with TIMEOUT', async () => {
  const { clock, wx, client } = setUp({ client: { submitBudgetMs: 5000 } });
  wx.faults = () => 'lost-request';

  const rejection = await rejectionOf(clock, client.submitOrder(ORDER));

  assert.equal(rejection.code, 'TIMEOUT');
  assert.equal(rejection.message, '请求超时，请重试。');
});

test('double tap shares one submission', async () => {
  const { clock, wx, client } = setUp();
  wx.faults = ['lost-response'];

  const first = client.submitOrder(ORDER);
  const second = client.submitOrder(ORDER);
  const [a, b] = await clock.run(Promise.all([first, second]));

  assert.equal(first, second);
  assert.equal(a, b);
  assert.equal(ordersOf(wx).length, 1);
  assert.equal(new Set(wx.sent.map((entry) => entry.data.clientRequestId)).size, 1);
});

test('tap right after the first settles is the same tap', async () => {
  const { clock, wx, client } = setUp();

  const first = await clock.run(client.submitOrder(ORDER));
  const bounce = await clock.run(client.submitOrder(ORDER));

  assert.equal(first, bounce);
  assert.equal(ordersOf(wx).length, 1);
});

test('tap after the double-tap window is a new order', async () => {
  const { clock, wx, client } = setUp();

  const first = await clock.run(client.submitOrder(ORDER));
  await clock.advanceTo(clock.now() + 1500);
  const second = await clock.run(client.submitOrder(ORDER));

  assert.notEqual(first, second);
  assert.equal(ordersOf(wx).length, 2);
});

test('caller-kept clientRequestId is reused', async () => {
  const { clock, wx, client } = setUp();

  const first = await clock.run(client.submitOrder(ORDER, { clientRequestId: 'tap-42' }));
  const again = await clock.run(client.submitOrder(ORDER, { clientRequestId: 'tap-42' }));

  assert.equal(first, again);
  assert.equal(wx.sent[0].data.clientRequestId, 'tap-42');
});

test('expired token is refreshed once', async () => {
  const { clock, wx, client, tokenRequests } = setUp();
  wx.faults = [{ status: 401, code: 'TOKEN_EXPIRED' }];

  await clock.run(client.submitOrder(ORDER));

  assert.deepEqual(tokenRequests, [{ refresh: false }, { refresh: true }]);
  assert.equal(wx.sent.length, 2);
  assert.equal(wx.sent[1].at - wx.sent[0].at, 100, 'the retry goes out at once, after one round trip');
});

test('second expired token is not retried', async () => {
  const { clock, wx, client } = setUp();
  wx.faults = [{ status: 401, code: 'TOKEN_EXPIRED' }, { status: 401, code: 'TOKEN_EXPIRED' }];

  const rejection = await rejectionOf(clock, client.submitOrder(ORDER));

  assert.equal(rejection.code, 'TOKEN_EXPIRED');
  assert.equal(wx.sent.length, 2);
});

test('request carries token, language and body', async () => {
  const { clock, wx, client } = setUp({ user: 'u-9', client: { language: 'en' } });

  await clock.run(client.submitOrder({ skuId: 'sku-7', quantity: 2 }));

  const [entry] = wx.sent;
  assert.equal(entry.url, 'https://ingest.test/v1/orders');
  assert.equal(entry.method, 'POST');
  assert.equal(entry.header.Authorization, 'Bearer u-9');
  assert.equal(entry.header['Accept-Language'], 'en');
  assert.equal(entry.data.skuId, 'sku-7');
  assert.equal(entry.data.quantity, 2);
  assert.match(entry.data.clientRequestId, /^[A-Za-z0-9._:-]{1,64}$/);
  assert.equal(entry.timeout, DEFAULTS.requestTimeoutMs);
});

test('invalid arguments send nothing', async () => {
  const { clock, wx, client } = setUp();
  const cases = [[{ skuId: '', quantity: 1 }, 'skuId'], [{ skuId: 'sku-1', quantity: 0 }, 'quantity'],
    [{ skuId: 'sku-1', quantity: 1.5 }, 'quantity'], [null, 'skuId']];

  for (const [order, field] of cases) {
    const rejection = await rejectionOf(clock, client.submitOrder(order));
    assert.equal(rejection.code, 'INVALID_ARGUMENT');
    assert.equal(rejection.message, '参数 ' + field + ' 无效。');
  }
  assert.equal(wx.sent.length, 0);
});

test('gateway HTML 502 is retried', async () => {
  let calls = 0;
  const { clock, wx, client } = setUp({
    request: (fakeWx, fakeClock) => (options) => {
      calls += 1;
      if (calls === 1) {
        fakeClock.setTimeout(() => options.success({ statusCode: 502, data: '<html>Bad Gateway</html>', header: {} }), 10);
        return { abort() {} };
      }
      return fakeWx.request(options);
    },
  });

  const orderId = await clock.run(client.submitOrder(ORDER));

  assert.equal(calls, 2);
  assert.deepEqual(ordersOf(wx), [orderId]);
});

test('undefined options keep the defaults', async () => {
  const { clock, wx, client } = setUp({ client: { requestTimeoutMs: undefined, language: undefined } });

  await clock.run(client.submitOrder(ORDER));

  assert.equal(wx.sent[0].timeout, DEFAULTS.requestTimeoutMs);
  assert.equal(wx.sent[0].header['Accept-Language'], 'zh-CN');
});
