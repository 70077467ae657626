'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { setUp, gaps, rejectionOf } = require('../support/setup');
const { minBackoffMs } = require('../../lib/backoff');

async function submitted(clock, client) {
  return clock.run(client.submitOrder({ skuId: 'sku-1', quantity: 1 }));
}

function polls(wx) {
  return wx.sent.filter((entry) => entry.method === 'GET');
}

test('long-poll reports each change until final', async () => {
  const { clock, wx, client } = setUp();
  const orderId = await submitted(clock, client);
  const updates = [];

  const waiting = client.waitForOrder(orderId, { onUpdate: (order) => updates.push(order.status) });
  clock.setTimeout(() => wx.changeOrder(orderId, 'RESERVED'), 3000);
  clock.setTimeout(() => wx.changeOrder(orderId, 'CONFIRMED'), 40000);
  const final = await clock.run(waiting);

  assert.deepEqual(updates, ['SUBMITTED', 'RESERVED', 'CONFIRMED']);
  assert.equal(final.status, 'CONFIRMED');
  const urls = polls(wx).map((entry) => entry.url);
  assert.equal(urls[0], 'https://projection.test/v1/orders/' + orderId + '?waitSeconds=25&afterVersion=0');
  assert.ok(urls.every((url) => url.startsWith('https://projection.test/')), 'polls go to the statusUrl of the 202');
  assert.ok(urls.some((url) => url.endsWith('afterVersion=2')), 'polls pass the last version seen');
  assert.equal(wx.pollWaiters.length, 0);
});

test('unchanged long-poll answer repolls without spinning', async () => {
  const { clock, wx, client } = setUp();
  const orderId = await submitted(clock, client);

  const waiting = client.waitForOrder(orderId, {});
  clock.setTimeout(() => wx.changeOrder(orderId, 'REJECTED'), 60000);
  await clock.run(waiting);

  const sentAt = polls(wx).map((entry) => entry.at);
  assert.ok(sentAt.length <= 5, 'sent ' + sentAt.length + ' polls in 60 s');
  gaps(polls(wx)).slice(1).forEach((gap) => assert.ok(gap >= 1000, 'polls ' + gap + ' ms apart'));
});

test('network failures back off', async () => {
  const { clock, wx, client } = setUp();
  const orderId = await submitted(clock, client);
  let failures = 5;
  wx.faults = (entry) => (entry.method === 'GET' && failures-- > 0 ? 'dropped-response' : undefined);

  const waiting = client.waitForOrder(orderId, {});
  clock.setTimeout(() => wx.changeOrder(orderId, 'CANCELLED'), 1000);
  const final = await clock.run(waiting);

  assert.equal(final.status, 'CANCELLED');
  const settings = { baseDelayMs: 500, maxDelayMs: 30000 };
  gaps(polls(wx)).slice(0, 5).forEach((gap, attempt) => {
    assert.ok(gap >= minBackoffMs(attempt, settings), 'poll retry ' + attempt + ' came after ' + gap + ' ms');
  });
});

test('429 on a poll honours Retry-After', async () => {
  const { clock, wx, client } = setUp();
  const orderId = await submitted(clock, client);
  let rejected = false;
  wx.faults = (entry) => {
    if (entry.method === 'GET' && !rejected) {
      rejected = true;
      return { status: 429, code: 'OVERLOADED', retryAfter: 2 };
    }
    return undefined;
  };

  const waiting = client.waitForOrder(orderId, {});
  clock.setTimeout(() => wx.changeOrder(orderId, 'EXPIRED'), 100);
  await clock.run(waiting);

  assert.ok(gaps(polls(wx))[0] >= 2000, 'second poll came ' + gaps(polls(wx))[0] + ' ms after a 429');
});

test('no poll is sent in the background', async () => {
  const { clock, wx, client } = setUp();
  const orderId = await submitted(clock, client);

  const waiting = client.waitForOrder(orderId, {});
  clock.setTimeout(() => wx.hide(), 5000);
  clock.setTimeout(() => wx.changeOrder(orderId, 'RESERVED'), 10000);
  let shownAt = null;
  clock.setTimeout(() => {
    shownAt = clock.time;
    wx.show();
  }, 300000);
  clock.setTimeout(() => wx.changeOrder(orderId, 'CONFIRMED'), 301000);
  const final = await clock.run(waiting);

  assert.equal(final.status, 'CONFIRMED');
  assert.deepEqual(polls(wx).filter((entry) => entry.hiddenWhenSent), []);
  const afterShow = polls(wx).filter((entry) => entry.at >= shownAt);
  assert.equal(afterShow[0].at, shownAt, 'polling resumes as soon as the app is shown');
  assert.ok(afterShow[0].url.endsWith('afterVersion=1'));
  assert.equal(wx.hideListeners.length, 0, 'listeners are removed at the end');
});

test('order not projected yet is waited for', async () => {
  const { clock, wx, client } = setUp();
  const orderId = '00000000-0000-4000-8000-000000000001';

  const waiting = client.waitForOrder(orderId, { statusUrl: 'https://projection.test/v1/orders/' + orderId });
  clock.setTimeout(() => wx.submit('shopper-1', { skuId: 'sku-1', quantity: 1, clientRequestId: 'a' }), 30000);
  clock.setTimeout(() => wx.changeOrder(orderId, 'REJECTED'), 31000);
  const final = await clock.run(waiting);

  assert.equal(final.status, 'REJECTED');
});

test('unknown order gives up with ORDER_NOT_FOUND', async () => {
  const { clock, client } = setUp({ client: { projectionUrl: 'https://projection.test' } });

  const rejection = await rejectionOf(clock, client.waitForOrder('00000000-0000-4000-8000-0000000000ff', {}));

  assert.equal(rejection.code, 'ORDER_NOT_FOUND');
  assert.ok(clock.time >= 120000, 'gave up at ' + clock.time + ' ms');
  assert.ok(clock.time < 200000, 'gave up at ' + clock.time + ' ms');
});

test('stop resolves with the last order', async () => {
  const { clock, wx, client } = setUp();
  const orderId = await submitted(clock, client);

  const waiting = client.waitForOrder(orderId, {});
  clock.setTimeout(() => waiting.stop(), 5000);
  const last = await clock.run(waiting);

  assert.equal(last.status, 'SUBMITTED');
  const sentAfterStop = wx.sent.filter((entry) => entry.at > 5000);
  assert.deepEqual(sentAfterStop, []);
  assert.equal(wx.inFlight.size, 0, 'the waiting poll was aborted');
});

test('caller error on a poll is not retried', async () => {
  const { clock, wx, client } = setUp();
  const orderId = await submitted(clock, client);
  wx.faults = [{ status: 403, code: 'FORBIDDEN' }];

  const rejection = await rejectionOf(clock, client.waitForOrder(orderId, {}));

  assert.equal(rejection.code, 'FORBIDDEN');
  assert.equal(polls(wx).length, 1);
});

test('missing status URL is an invalid argument', async () => {
  const { clock, client } = setUp();

  const rejection = await rejectionOf(clock, client.waitForOrder('00000000-0000-4000-8000-0000000000aa', {}));

  assert.equal(rejection.code, 'INVALID_ARGUMENT');
});
