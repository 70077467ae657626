'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { setUp, ordersOf } = require('../support/setup');
const { minBackoffMs } = require('../../lib/backoff');
const { DEFAULTS } = require('../../lib/client');
const { seededRandom, testSeed, withSeed } = require('../support/seeded-random');

const RUNS = 300;
const BUDGET_MS = 20000;

/** Draws one retryable fault, or none, for a request. */
function drawFault(random) {
  const roll = random();
  if (roll < 0.15) {
    return 'lost-request';
  }
  if (roll < 0.3) {
    return 'lost-response';
  }
  if (roll < 0.45) {
    return 'dropped-response';
  }
  if (roll < 0.6) {
    return { status: 429, code: 'RATE_LIMITED', retryAfter: 1 + Math.floor(random() * 4) };
  }
  if (roll < 0.7) {
    return { status: 503, code: 'BROKER_UNAVAILABLE', retryAfter: 1 };
  }
  return undefined;
}

test('random faults never duplicate a tap', async () => {
  const seed = testSeed();
  await withSeed(seed, async () => {
    const random = seededRandom(seed);
    for (let run = 0; run < RUNS; run += 1) {
      await checkOneTap(Math.floor(random() * 2 ** 32), run);
    }
  });
});

async function checkOneTap(runSeed, run) {
  const faultRandom = seededRandom(runSeed);
  const { clock, wx, client } = setUp({ seed: runSeed ^ 0x5bd1e995, client: { submitBudgetMs: BUDGET_MS } });
  const faults = [];
  wx.faults = () => {
    const fault = drawFault(faultRandom);
    faults.push(fault);
    return fault;
  };
  const label = 'run ' + run + ': ';

  const outcome = await clock.run(client.submitOrder({ skuId: 'sku-1', quantity: 1 }))
    .then((orderId) => ({ orderId: orderId }), (error) => ({ error: error }));

  const orders = ordersOf(wx);
  assert.ok(orders.length <= 1, label + 'the server holds ' + orders.length + ' orders');
  assert.equal(new Set(wx.sent.map((entry) => entry.data.clientRequestId)).size, 1, label + 'clientRequestId changed');
  if (outcome.orderId) {
    assert.deepEqual(orders, [outcome.orderId], label + 'resolved with another order id');
  } else {
    assert.ok(['TIMEOUT', 'NETWORK_ERROR', 'RATE_LIMITED', 'BROKER_UNAVAILABLE'].includes(outcome.error.code),
      label + 'rejected with ' + outcome.error.code);
  }
  for (let i = 1; i < wx.sent.length; i += 1) {
    const gap = wx.sent[i].at - wx.sent[i - 1].at;
    const previous = faults[i - 1];
    const retryAfterMs = previous && typeof previous === 'object' ? previous.retryAfter * 1000 : 0;
    assert.ok(gap >= minBackoffMs(i - 1, DEFAULTS), label + 'retry ' + i + ' came ' + gap + ' ms after the last');
    assert.ok(gap >= retryAfterMs, label + 'retry ' + i + ' came ' + gap + ' ms after Retry-After ' + retryAfterMs);
    assert.ok(wx.sent[i].at <= BUDGET_MS, label + 'retry ' + i + ' started after the budget, at ' + wx.sent[i].at);
  }
}
