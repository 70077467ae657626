'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { setUp, rejectionOf } = require('../support/setup');

const ORDER_ID = '00000000-0000-4000-8000-000000000001';

test('payOrder retries with the same paymentId', async () => {
  const { clock, wx, client } = setUp({ user: 'merchant-1' });
  wx.faults = ['lost-response', { status: 503, code: 'BROKER_UNAVAILABLE', retryAfter: 1 }];

  const accepted = await clock.run(client.payOrder(ORDER_ID, { paymentId: 'wxpay-1' }));

  assert.equal(accepted.status, 'PAYMENT_SUBMITTED');
  assert.equal(wx.sent.length, 3);
  wx.sent.forEach((entry) => {
    assert.equal(entry.url, 'https://ingest.test/v1/orders/' + ORDER_ID + '/payment');
    assert.deepEqual(entry.data, { paymentId: 'wxpay-1' });
  });
});

test('cancelOrder posts an empty body', async () => {
  const { clock, wx, client } = setUp();
  wx.faults = ['dropped-response'];

  const accepted = await clock.run(client.cancelOrder(ORDER_ID));

  assert.equal(accepted.status, 'CANCEL_SUBMITTED');
  assert.equal(wx.sent.length, 2);
  assert.deepEqual(wx.sent[1].data, {});
});

test('forbidden payment is not retried', async () => {
  const { clock, wx, client } = setUp();
  wx.faults = [{ status: 403, code: 'FORBIDDEN' }];

  const rejection = await rejectionOf(clock, client.payOrder(ORDER_ID, { paymentId: 'wxpay-1' }));

  assert.equal(rejection.code, 'FORBIDDEN');
  assert.equal(wx.sent.length, 1);
});

test('invalid command arguments send nothing', async () => {
  const { clock, wx, client } = setUp();

  const badOrder = await rejectionOf(clock, client.cancelOrder('ORDER-1'));
  const badPayment = await rejectionOf(clock, client.payOrder(ORDER_ID, { paymentId: 'has space' }));

  assert.equal(badOrder.code, 'INVALID_ARGUMENT');
  assert.equal(badPayment.code, 'INVALID_ARGUMENT');
  assert.equal(wx.sent.length, 0);
});
