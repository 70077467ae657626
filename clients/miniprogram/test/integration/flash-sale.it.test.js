'use strict';

/*
 * Runs the package in Node against the real stack (`flashsale up` from the built jars). 200
 * shoppers tap "buy", some of them twice in a row, follow their orders, and pay or cancel every
 * reservation. Each has its own token and a wx.request adapter that loses requests and responses.
 * Every tap must end as exactly one order, and every order in a final status.
 */

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { createClient, isFinal } = require('../../index');
const { nodeRequest } = require('../support/node-request');
const { seededRandom, testSeed, withSeed } = require('../support/seeded-random');
const { startStack, waitUntilRunning, signToken, readJwtSecret } = require('../support/stack');

const ROOT = process.env.FLASHSALE_ROOT || path.resolve(__dirname, '../../../..');
const SHOPPERS = 200;
const SKUS = ['it-sku-1', 'it-sku-2', 'it-sku-3'];
const STOCK_PER_SKU = 40;
const PER_USER_LIMIT = 1;
const STARTUP_TIMEOUT_MS = 150000;

/**
 * Wraps `nodeRequest` with faults drawn from `random`. Writes may be lost on the way (never
 * sent), lose their response after the server handled them (a timeout), or have the connection
 * break after the server handled them. Long-polls only see broken connections, because a lost
 * long-poll response costs a whole poll timeout.
 */
function faultyRequest(random, counts) {
  return (options) => {
    const roll = random();
    const write = options.method === 'POST';
    if (write && roll < 0.1) {
      counts.lostRequests += 1;
      const timer = setTimeout(() => options.fail({ errMsg: 'request:fail timeout' }), options.timeout);
      return { abort() { clearTimeout(timer); } };
    }
    if (write && roll < 0.2) {
      counts.lostResponses += 1;
      const started = Date.now();
      return nodeRequest(Object.assign({}, options, {
        success() {
          setTimeout(() => options.fail({ errMsg: 'request:fail timeout' }),
            Math.max(0, options.timeout - (Date.now() - started)));
        },
      }));
    }
    if (roll > 0.95) {
      counts.droppedResponses += 1;
      return nodeRequest(Object.assign({}, options, {
        success() {
          options.fail({ errMsg: 'request:fail socket hang up' });
        },
      }));
    }
    return nodeRequest(options);
  };
}

function call(method, url, token, data) {
  return new Promise((resolve, reject) => {
    nodeRequest({
      url: url,
      method: method,
      data: data,
      header: Object.assign({ Authorization: 'Bearer ' + token }, data === undefined ? {} : { 'Content-Type': 'application/json' }),
      timeout: 30000,
      success: resolve,
      fail: (error) => reject(new Error(method + ' ' + url + ' failed: ' + error.errMsg)),
    });
  });
}

async function loadStock(stack, merchantToken) {
  for (const skuId of SKUS) {
    await putStock(stack, merchantToken, skuId);
  }
  const deadline = Date.now() + 30000;
  for (const skuId of SKUS) {
    for (;;) {
      const response = await call('GET', stack.projectionUrl + '/v1/skus/' + skuId, merchantToken);
      if (response.statusCode === 200 && response.data.stock === STOCK_PER_SKU) {
        break;
      }
      assert.ok(Date.now() < deadline, 'the projection never showed the stock of ' + skuId);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/**
 * Loads a SKU's stock. Right after startup on a busy machine the ingest service has returned
 * 503 to this request, so 429 and 503 are retried for up to 30 s.
 */
async function putStock(stack, merchantToken, skuId) {
  const deadline = Date.now() + 30000;
  for (;;) {
    const response = await call('PUT', stack.ingestUrl + '/v1/skus/' + skuId + '/stock', merchantToken, {
      stock: STOCK_PER_SKU, perUserLimit: PER_USER_LIMIT,
      saleStart: '2020-01-01T00:00:00Z', saleEnd: '2100-01-01T00:00:00Z',
    });
    const retryable = response.statusCode === 429 || response.statusCode === 503;
    if (!retryable || Date.now() > deadline) {
      assert.equal(response.statusCode, 202, 'loading ' + skuId + ': ' + JSON.stringify(response.data));
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** Taps one or two SKUs as one shopper, a third of them double taps, and follows each order to the end. */
async function shop(shopper, stack, merchant, random) {
  const counts = shopper.faults;
  const client = createClient({
    ingestUrl: stack.ingestUrl,
    getToken: () => shopper.token,
    language: 'en',
    request: faultyRequest(random, counts),
    appEvents: null,
    requestTimeoutMs: 3000,
    submitBudgetMs: 45000,
    pollWaitSeconds: 10,
    random: random,
  });
  const skus = SKUS.slice().sort(() => random() - 0.5).slice(0, 1 + Math.floor(random() * 2));
  const taps = skus.map(async (skuId) => {
    await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 1000)));
    const doubleTap = random() < 0.33;
    const first = client.submitOrder({ skuId: skuId, quantity: 1 });
    let second = null;
    if (doubleTap) {
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 150)));
      second = client.submitOrder({ skuId: skuId, quantity: 1 });
    }
    const orderIds = await Promise.all(second ? [first, second] : [first]);
    return { shopperId: shopper.id, skuId: skuId, doubleTap: doubleTap, orderIds: orderIds };
  });
  const results = await Promise.all(taps);

  const finals = await Promise.all(results.map((tap) => follow(client, merchant, tap.orderIds[0], random)));
  return results.map((tap, i) => Object.assign(tap, { final: finals[i] }));
}

/** Follows an order and pays or cancels it once reserved, so that it ends without waiting for expiry. */
function follow(client, merchant, orderId, random) {
  let acted = false;
  let action = Promise.resolve();
  const pay = random() < 0.5;
  const finished = client.waitForOrder(orderId, {
    onUpdate(order) {
      if (order.status === 'RESERVED' && !acted) {
        acted = true;
        action = pay ? merchant.payOrder(orderId, { paymentId: 'pay-' + orderId.slice(0, 8) }) : client.cancelOrder(orderId);
      }
    },
  });
  return finished.then(async (order) => {
    await action;
    return order;
  });
}

async function listOrders(stack, token) {
  const response = await call('GET', stack.projectionUrl + '/v1/users/me/orders?limit=100', token);
  assert.equal(response.statusCode, 200, JSON.stringify(response.data));
  return response.data.orders;
}

test('200 shoppers end with one final order per tap', { timeout: 600000 }, async () => {
  const seed = testSeed();
  console.log('# seed ' + seed + ' (replay with FLASHSALE_TEST_SEED=' + seed + ')');
  await withSeed(seed, async () => {
    const random = seededRandom(seed);
    const stack = await startStack(ROOT, random);
    try {
      await runSale(stack, random);
    } finally {
      await stack.stop();
    }
  });
});

async function runSale(stack, random) {
  await waitUntilRunning(stack, STARTUP_TIMEOUT_MS);
  const secret = readJwtSecret(stack);
  const merchantToken = signToken(secret, 'merchant-it', 'merchant');
  const merchant = createClient({
    ingestUrl: stack.ingestUrl, getToken: () => merchantToken, language: 'en', request: nodeRequest, appEvents: null,
  });
  await loadStock(stack, merchantToken);

  const shoppers = [];
  for (let i = 0; i < SHOPPERS; i += 1) {
    const id = 'it-shopper-' + i;
    shoppers.push({ id: id, token: signToken(secret, id, 'shopper'),
      faults: { lostRequests: 0, lostResponses: 0, droppedResponses: 0 } });
  }
  const startedAt = Date.now();
  const perShopper = await Promise.all(shoppers.map((shopper) => shop(shopper, stack, merchant, seededRandom(Math.floor(random() * 2 ** 32)))));
  const taps = perShopper.flat();
  const faults = shoppers.reduce((sum, s) => ({
    lostRequests: sum.lostRequests + s.faults.lostRequests,
    lostResponses: sum.lostResponses + s.faults.lostResponses,
    droppedResponses: sum.droppedResponses + s.faults.droppedResponses,
  }), { lostRequests: 0, lostResponses: 0, droppedResponses: 0 });
  console.log('# ' + taps.length + ' taps (' + taps.filter((t) => t.doubleTap).length + ' double) in '
    + (Date.now() - startedAt) + ' ms; injected faults ' + JSON.stringify(faults));

  for (const tap of taps) {
    assert.equal(new Set(tap.orderIds).size, 1, 'double tap of ' + tap.shopperId + ' gave ' + tap.orderIds);
    assert.ok(tap.final, tap.orderIds[0] + ' has no last status');
    assert.ok(isFinal(tap.final.status), tap.orderIds[0] + ' ended in ' + tap.final.status);
  }
  assert.equal(new Set(taps.map((tap) => tap.orderIds[0])).size, taps.length, 'two taps share an order');
  assert.ok(faults.lostRequests + faults.lostResponses > 0, 'no fault was injected');

  for (const shopper of shoppers) {
    const expected = taps.filter((tap) => tap.shopperId === shopper.id).map((tap) => tap.orderIds[0]).sort();
    const orders = await listOrders(stack, shopper.token);
    assert.deepEqual(orders.map((order) => order.orderId).sort(), expected, 'orders of ' + shopper.id);
    orders.forEach((order) => assert.ok(isFinal(order.status), order.orderId + ' is ' + order.status));
  }

  for (const skuId of SKUS) {
    const sku = (await call('GET', stack.projectionUrl + '/v1/skus/' + skuId, merchantToken)).data;
    assert.equal(sku.reserved, 0, skuId + ' still holds reservations: ' + JSON.stringify(sku));
    assert.equal(sku.available + sku.sold, STOCK_PER_SKU, skuId + ' does not add up: ' + JSON.stringify(sku));
  }
}
