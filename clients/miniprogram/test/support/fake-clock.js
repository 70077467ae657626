'use strict';

/**
 * A virtual clock for the client's `now`, `setTimeout` and `clearTimeout`. Time moves only in
 * `run`, from one due timer to the next, so a test of a 30-second retry budget takes
 * milliseconds and every delay is exact.
 */
class FakeClock {
  constructor() {
    this.time = 0;
    this.timers = [];
    this.nextId = 1;
    this.now = () => this.time;
    this.setTimeout = (callback, ms) => {
      const id = this.nextId;
      this.nextId += 1;
      this.timers.push({ id: id, at: this.time + Math.max(0, ms || 0), callback: callback });
      return id;
    };
    this.clearTimeout = (id) => {
      this.timers = this.timers.filter((timer) => timer.id !== id);
    };
  }

  /**
   * Fires due timers in time order until `promise` settles, and returns it. Fails when no timer
   * is left while the promise is still pending, or when time would pass `limitMs`.
   */
  async run(promise, limitMs) {
    const limit = limitMs === undefined ? 3600000 : limitMs;
    let settled = false;
    promise.then(() => { settled = true; }, () => { settled = true; });
    for (;;) {
      await flushMicrotasks();
      if (settled) {
        return promise;
      }
      if (this.timers.length === 0) {
        throw new Error('The promise is still pending, but no timer is left at t=' + this.time + ' ms.');
      }
      this.timers.sort((a, b) => a.at - b.at || a.id - b.id);
      const timer = this.timers.shift();
      if (timer.at > limit) {
        throw new Error('The promise is still pending at the limit of ' + limit + ' ms.');
      }
      this.time = timer.at;
      timer.callback();
    }
  }

  /** Fires every timer due up to `time` and settles the promises they resolve. */
  async advanceTo(time) {
    for (;;) {
      await flushMicrotasks();
      this.timers.sort((a, b) => a.at - b.at || a.id - b.id);
      if (this.timers.length === 0 || this.timers[0].at > time) {
        break;
      }
      const timer = this.timers.shift();
      this.time = timer.at;
      timer.callback();
    }
    this.time = Math.max(this.time, time);
    await flushMicrotasks();
  }
}

/** Waits until every queued promise reaction has run: setImmediate fires only after them. */
function flushMicrotasks() {
  return new Promise((resolve) => setImmediate(resolve));
}

module.exports = { FakeClock };
