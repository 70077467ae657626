/** Order statuses, as the projection service returns them. */
export type OrderStatus =
  | 'SUBMITTED'
  | 'RETRYING'
  | 'RESERVED'
  | 'CONFIRMED'
  | 'EXPIRED'
  | 'CANCELLED'
  | 'REJECTED'
  | 'DEAD_LETTERED';

/** Body of `GET /v1/orders/{orderId}` on the projection service. Times are ISO-8601 instants in UTC. */
export interface Order {
  orderId: string;
  skuId: string;
  quantity: number | null;
  status: OrderStatus;
  /** Set for REJECTED: SOLD_OUT, LIMIT_EXCEEDED, SALE_NOT_OPEN, SALE_ENDED, UNKNOWN_SKU or INVALID. */
  reason: string | null;
  version: number;
  submittedAt: string | null;
  updatedAt: string | null;
  /** Payment deadline of a RESERVED order. */
  expiresAt: string | null;
}

/** Body of the `202` response to a payment or a cancel. */
export interface OrderAccepted {
  orderId: string;
  status: string;
  statusUrl: string;
}

/** The options and callbacks of `wx.request` that this package uses. */
export interface WxRequestOptions {
  url: string;
  method: 'GET' | 'POST';
  data?: unknown;
  header: Record<string, string>;
  timeout: number;
  dataType: 'json';
  success(res: { statusCode: number; data: unknown; header?: Record<string, string | string[]> }): void;
  fail(err: { errMsg: string }): void;
}

export type WxRequest = (options: WxRequestOptions) => { abort(): void } | void;

/** Subscriptions to the app going to the background and back, as `wx.onAppHide` / `wx.onAppShow`. */
export interface AppEvents {
  onHide(listener: () => void): void;
  offHide(listener: () => void): void;
  onShow(listener: () => void): void;
  offShow(listener: () => void): void;
}

export interface ClientOptions {
  /** Base URL of the ingest service, such as `https://api.example.com`. */
  ingestUrl: string;
  /** Base URL of the projection service; only needed to follow orders not submitted by this client. */
  projectionUrl?: string;
  /**
   * Returns the bearer token, and is called before every request. `refresh` is true after a
   * `401 TOKEN_EXPIRED` response, when the function should fetch a new token from your backend.
   */
  getToken(context: { refresh: boolean }): string | Promise<string>;
  /** `zh-CN` (default) or `en`: sent as `Accept-Language` and used for this package's own messages. */
  language?: string;
  /** A `wx.request`-shaped function; defaults to the global `wx.request`. */
  request?: WxRequest;
  /** Background and foreground events; defaults to `wx.onAppHide`/`wx.onAppShow`, `null` for none. */
  appEvents?: AppEvents | null;
  /** Timeout of one request in ms (default 10000). */
  requestTimeoutMs?: number;
  /** No retry of a submission starts later than this many ms after the tap (default 30000). */
  submitBudgetMs?: number;
  /** How long after an accepted submission a tap on the same SKU and quantity still returns its order id (1500). */
  doubleTapWindowMs?: number;
  /** The same budget for payments and cancels (default 30000). */
  commandBudgetMs?: number;
  /** First backoff step in ms (default 500); retry n waits between half and all of `base * 2^n`. */
  baseDelayMs?: number;
  /** Largest backoff step of a write in ms (default 8000). */
  maxDelayMs?: number;
  /** Long-poll wait in seconds, 1 to 25 (default 25). */
  pollWaitSeconds?: number;
  /** Largest backoff step between failed polls in ms (default 30000). */
  maxPollDelayMs?: number;
  /** How long `waitForOrder` keeps polling an order the server does not know, in ms (default 120000). */
  notFoundTimeoutMs?: number;
  /** Makes a `clientRequestId`; defaults to the time, a counter and random characters. */
  generateId?: () => string;
  /** Clock and randomness, replaceable for tests. */
  now?: () => number;
  random?: () => number;
  setTimeout?: (callback: () => void, ms: number) => unknown;
  clearTimeout?: (id: unknown) => void;
}

export interface WaitOptions {
  /**
   * Called with the order each time its version grows, the first response included. An exception
   * it throws ends the wait and rejects the promise with that exception.
   */
  onUpdate?: (order: Order) => void;
  /** The `statusUrl` of the `202`; by default the one this client remembered, or `projectionUrl`. */
  statusUrl?: string;
  /** Version already seen (default 0). */
  afterVersion?: number;
}

/** Resolves with the order at a final status, or with the last order seen (or null) after `stop()`. */
export interface OrderWait extends Promise<Order | null> {
  stop(): void;
}

export interface Client {
  /**
   * Submits one tap on "buy". Resolves with the order id; rejects with a FlashsaleError. A call for
   * the same SKU and quantity while an earlier one is pending returns the earlier promise.
   */
  submitOrder(order: { skuId: string; quantity: number }, options?: { clientRequestId?: string }): Promise<string>;
  /** Long-polls an order's status until it is final. */
  waitForOrder(orderId: string, options?: WaitOptions): OrderWait;
  /** Confirms a payment; needs a merchant token, so it belongs in the merchant's backend. */
  payOrder(orderId: string, payment: { paymentId: string }): Promise<OrderAccepted>;
  /** Cancels an unpaid order as its owner or the merchant. */
  cancelOrder(orderId: string): Promise<OrderAccepted>;
}

export function createClient(options: ClientOptions): Client;

/** An API error: the server's `{code, message}`, or this package's code when no usable response came. */
export class FlashsaleError extends Error {
  readonly code: string;
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  /** The server's `Retry-After` in ms, or 0. */
  readonly retryAfterMs: number;
  toJSON(): { code: string; message: string };
}

export interface ErrorEntry {
  status: number;
  en: string;
  zh: string;
}

/** The server's error codes with their HTTP status and messages. */
export const SERVER_ERRORS: Readonly<Record<string, ErrorEntry>>;
/** This package's codes: NETWORK_ERROR, TIMEOUT, INVALID_RESPONSE, INVALID_ARGUMENT. */
export const CLIENT_ERRORS: Readonly<Record<string, ErrorEntry>>;

/** Returns the message for an error or a code in `language`, with `{name}` replaced by `detail`. */
export function errorMessage(errorOrCode: string | { code: string; message?: string }, language: string, detail?: string): string;
export function isChinese(language: string): boolean;
export function isFinal(status: string): boolean;
export const FINAL_STATUSES: readonly OrderStatus[];
