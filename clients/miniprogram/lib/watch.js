'use strict';

const { FlashsaleError } = require('./errors');
const { backoffMs } = require('./backoff');
const { sendRequest } = require('./transport');
const { responseError } = require('./retry');

/** Statuses after which an order never changes again. */
const FINAL_STATUSES = Object.freeze(['CONFIRMED', 'EXPIRED', 'CANCELLED', 'REJECTED', 'DEAD_LETTERED']);

function isFinal(status) {
  return FINAL_STATUSES.indexOf(status) >= 0;
}

/**
 * Extra time a long-poll request may take past its `waitSeconds`, for the network and the
 * server's queue. The total stays below `wx.request`'s default 60 s timeout while the wait is
 * 25 s or less.
 */
const LONG_POLL_SLACK_MS = 10000;

/**
 * Shortest time between two polls whose response showed no change. The server keeps a long-poll open
 * until the order changes or the wait ends. A quicker response means that something in between,
 * such as a proxy, is not waiting, and polling again at once would spin.
 */
const MIN_UNCHANGED_POLL_MS = 1000;

/**
 * Follows one order by long-polling its status URL with `afterVersion`. The loop pauses while
 * the app is in the background (no request is sent there), backs off after failures, and ends at
 * a final status, at `stop()`, or with an error that retrying cannot fix.
 */
class OrderWatch {
  constructor(settings, url, options) {
    this.settings = settings;
    this.url = url;
    this.onUpdate = options.onUpdate;
    this.version = options.afterVersion || 0;
    this.lastOrder = null;
    this.failures = 0;
    this.notFoundSince = null;
    this.tokenRefreshed = false;
    this.refreshToken = false;
    this.stopped = false;
    this.hidden = false;
    this.wake = null;
    this.inFlight = null;
    this.onHide = () => {
      this.hidden = true;
    };
    this.onShow = () => {
      this.hidden = false;
      this.wakeUp();
    };
  }

  /** Runs the loop; resolves with the final order, or with the last order seen when stopped. */
  async run() {
    subscribe(this.settings.appEvents, this.onHide, this.onShow);
    try {
      while (!this.stopped) {
        if (this.hidden) {
          await this.pause(Infinity);
          continue;
        }
        const finished = await this.pollOnce();
        if (finished) {
          return this.lastOrder;
        }
      }
      return this.lastOrder;
    } finally {
      unsubscribe(this.settings.appEvents, this.onHide, this.onShow);
    }
  }

  stop() {
    this.stopped = true;
    if (this.inFlight) {
      this.inFlight.abort();
    }
    this.wakeUp();
  }

  /** Sends one long-poll and waits as its response requires. Returns true at a final status. */
  async pollOnce() {
    const settings = this.settings;
    const sentAt = settings.now();
    const token = await settings.getToken({ refresh: this.refreshToken });
    this.refreshToken = false;
    if (this.stopped) {
      return false;
    }

    const separator = this.url.indexOf('?') >= 0 ? '&' : '?';
    this.inFlight = sendRequest(settings, {
      method: 'GET',
      url: this.url + separator + 'waitSeconds=' + settings.pollWaitSeconds + '&afterVersion=' + this.version,
      timeoutMs: settings.pollWaitSeconds * 1000 + LONG_POLL_SLACK_MS,
      token: token,
    });

    let response;
    try {
      response = await this.inFlight.promise;
    } catch (error) {
      await this.afterFailure(error);
      return false;
    } finally {
      this.inFlight = null;
    }
    if (this.stopped) {
      return false;
    }
    if (response.statusCode === 200) {
      return this.afterOrder(response.data, sentAt);
    }
    await this.afterErrorResponse(responseError(response, settings));
    return false;
  }

  async afterOrder(order, sentAt) {
    this.failures = 0;
    this.notFoundSince = null;
    this.tokenRefreshed = false;
    if (!order || typeof order.version !== 'number' || typeof order.status !== 'string') {
      throw new FlashsaleError('INVALID_RESPONSE', 'The status response has no version or status.', 200);
    }
    if (this.lastOrder === null || order.version > this.version) {
      this.version = order.version;
      this.lastOrder = order;
      if (this.onUpdate) {
        this.onUpdate(order);
      }
      if (isFinal(order.status)) {
        return true;
      }
      return false;
    }
    const elapsed = this.settings.now() - sentAt;
    if (elapsed < MIN_UNCHANGED_POLL_MS) {
      await this.pause(MIN_UNCHANGED_POLL_MS - elapsed);
    }
    return false;
  }

  async afterErrorResponse(error) {
    const settings = this.settings;
    if (error.code === 'TOKEN_EXPIRED' && !this.tokenRefreshed) {
      this.tokenRefreshed = true;
      this.refreshToken = true;
      return;
    }
    if (error.code === 'ORDER_NOT_FOUND') {
      // The projection may not have applied the submission yet. The server has already waited
      // `waitSeconds` for it, so a short pause before the next poll is enough.
      if (this.notFoundSince === null) {
        this.notFoundSince = settings.now();
      } else if (settings.now() - this.notFoundSince > settings.notFoundTimeoutMs) {
        throw error;
      }
      await this.pause(settings.baseDelayMs);
      return;
    }
    if (error.status !== 429 && error.status < 500) {
      throw error;
    }
    await this.afterFailure(error);
  }

  async afterFailure(error) {
    if (this.stopped) {
      return;
    }
    if (this.hidden) {
      // A mini-program in the background loses its requests even on a good network, so the
      // loop waits for onAppShow without growing the backoff.
      return;
    }
    const delay = Math.max(backoffMs(this.failures, pollBackoff(this.settings), this.settings.random),
      error.retryAfterMs || 0);
    this.failures += 1;
    await this.pause(delay);
  }

  /** Sleeps for `ms` (Infinity waits for a wake-up), or until `stop()` or onAppShow. */
  pause(ms) {
    return new Promise((resolve) => {
      let timer = null;
      this.wake = () => {
        if (timer !== null) {
          this.settings.clearTimeout(timer);
        }
        this.wake = null;
        resolve();
      };
      if (this.stopped) {
        this.wake();
      } else if (ms !== Infinity) {
        timer = this.settings.setTimeout(() => this.wakeUp(), ms);
      }
    });
  }

  wakeUp() {
    if (this.wake) {
      this.wake();
    }
  }
}

function pollBackoff(settings) {
  return { baseDelayMs: settings.baseDelayMs, maxDelayMs: settings.maxPollDelayMs };
}

function subscribe(appEvents, onHide, onShow) {
  if (appEvents) {
    appEvents.onHide(onHide);
    appEvents.onShow(onShow);
  }
}

function unsubscribe(appEvents, onHide, onShow) {
  if (appEvents) {
    appEvents.offHide(onHide);
    appEvents.offShow(onShow);
  }
}

module.exports = { OrderWatch, FINAL_STATUSES, isFinal };
