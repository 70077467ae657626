'use strict';

const assert = require('node:assert/strict');
const { createClient } = require('../../index');
const { FakeClock } = require('./fake-clock');
const { FakeWx } = require('./fake-wx');
const { seededRandom } = require('./seeded-random');

/** Creates a client wired to a fake wx on a virtual clock, with seeded jitter so runs repeat. */
function setUp(options) {
  const opts = options || {};
  const clock = new FakeClock();
  const wx = new FakeWx(clock, { latencyMs: opts.latencyMs });
  const tokenRequests = [];
  const request = opts.request ? opts.request(wx, clock) : wx.request;
  const client = createClient(Object.assign({
    ingestUrl: 'https://ingest.test/',
    getToken(context) {
      tokenRequests.push(context);
      return Promise.resolve(opts.user || 'shopper-1');
    },
    request: request,
    appEvents: wx.appEvents,
    now: clock.now,
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clearTimeout,
    random: seededRandom(opts.seed === undefined ? 7 : opts.seed),
  }, opts.client || {}));
  return { clock, wx, client, tokenRequests };
}

function ordersOf(wx) {
  return Array.from(wx.ordersById.keys());
}

function gaps(entries) {
  const result = [];
  for (let i = 1; i < entries.length; i += 1) {
    result.push(entries[i].at - entries[i - 1].at);
  }
  return result;
}

function rejectionOf(clock, promise) {
  return clock.run(promise).then(() => assert.fail('expected a rejection'), (error) => error);
}

module.exports = { setUp, ordersOf, gaps, rejectionOf };
