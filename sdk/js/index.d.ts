// Type declarations of @concierge/sdk (hand-written; test/types.ts holds them to the README's use).

/** What a storefront tracks. `type` is one of the server's event types. */
export type EventType = 'view' | 'click' | 'add_to_cart' | 'purchase';

export interface TrackEvent {
  type: EventType;
  /** 1..128 letters, digits and `. _ - : @`. */
  itemId: string;
  /** Unit price, a finite number >= 0. */
  price?: number;
  /** An integer >= 1 (1 when absent). */
  quantity?: number;
  /** Kept by the server as a map of strings; `decisionId` is filled in for attributed events. */
  context?: Record<string, unknown>;
  /** Defaults to a new unique id (`e-<uuid>`). Give your own only to make retries idempotent. */
  eventId?: string;
  /** Defaults to now. */
  timestamp?: Date | string | number;
  /** Defaults to the SDK's id for this shopper (identified, else anonymous). */
  customerId?: string;
  /** Defaults to this tab's session id. */
  sessionId?: string;
}

/** An event as the SDK sends it to `POST /v1/events`. */
export interface SentEvent {
  eventId: string;
  customerId: string;
  type: EventType | 'merge';
  itemId?: string;
  timestamp: string;
  price?: number;
  quantity?: number;
  sessionId?: string;
  context?: Record<string, unknown>;
  /** Only on `merge`: the anonymous id merged into `customerId`. */
  fromCustomerId?: string;
}

export interface ConciergeError extends Error {
  name: 'ConciergeError';
  /** Which endpoint the failure concerns. */
  op: 'events' | 'decisions';
  /** The HTTP status, when there was an answer. */
  status?: number;
  /** The server's error code (`invalid_request`, `unavailable`, ...), when it gave one. */
  code?: string;
  /** The events that were dropped (a refused batch, one that ran out of retries, or one invalid event). */
  events?: SentEvent[];
  cause?: unknown;
}

export interface ConciergeOptions {
  /** The Concierge server's base URL, e.g. `https://reco.example.com`. */
  endpoint: string;
  /** The storefront's publishable key (`pk_...`), sent as `?key=` on every request. */
  key?: string;
  /** Nothing is sent or stored until consent is given. Default false. */
  consent?: boolean;
  /** Events per request; a full batch goes at once. Default 20. */
  batchSize?: number;
  /** How long the first queued event waits for others, in ms. Default 1000. */
  flushInterval?: number;
  /** The decision timeout in ms. Default 300. */
  timeout?: number;
  /** Retries of one batch (network errors, 408, 429, 5xx) before it is dropped. Default 10. */
  maxRetries?: number;
  /** The first retry's delay in ms, doubled each time (with jitter). Default 500. */
  retryBase?: number;
  /** The longest delay between retries in ms (Retry-After, when sent, is followed instead). Default 30000. */
  retryMax?: number;
  /** Told about every event that is dropped and every decision that fell back. Never throws into the SDK. */
  onError?: (error: ConciergeError) => void;
}

export interface DecisionItem {
  itemId: string;
  score?: number;
  reasons?: string[];
  /** The decision that showed this item (null on the SDK's own fallback). */
  decisionId?: string | null;
  [extra: string]: unknown;
}

export interface Decision {
  /** Null when the SDK fell back to the caller's items without a decision. */
  decisionId: string | null;
  customerId: string | null;
  modelVersion: string | null;
  experiment: string | null;
  arm: string | null;
  /** True for the caller's fallback, and for the server's own popular-items fallback. */
  fallback: boolean;
  items: DecisionItem[];
}

export interface RecommendOptions {
  /** `itemId` is the item on the page; `page` names the page. Other keys are passed along. */
  context?: { itemId?: string; page?: string; [key: string]: unknown };
  /** 1..100; the server's default is 10. */
  limit?: number;
  candidates?: string[];
  exclude?: string[];
  rules?: Record<string, unknown>;
  /** Items to show when the decision is late, fails, or consent is missing. */
  fallback?: Array<string | { itemId: string; [extra: string]: unknown }>;
  /** Overrides the instance's timeout for this call, in ms. */
  timeout?: number;
}

export declare class Concierge {
  constructor(options: ConciergeOptions);
  /** The identified id, else the anonymous one; null before consent unless identify() was called. */
  readonly customerId: string | null;
  readonly anonymousId: string | null;
  readonly sessionId: string | null;
  readonly consent: boolean;
  setConsent(granted: boolean): void;
  /** Returns the eventId, or null when the event was not queued (no consent, or invalid). */
  track(event: TrackEvent): string | null;
  trackClick(itemId: string, decisionId?: string | null, extra?: Partial<TrackEvent>): string | null;
  identify(customerId: string): void;
  /** Logout: forget the known id, start a new anonymous id. */
  reset(): void;
  /** Never rejects. */
  recommend(options?: RecommendOptions): Promise<Decision>;
  /** Resolves once what is queued has been sent, dropped or given up on. */
  flush(): Promise<void>;
  /** Tracks clicks on `[data-concierge-item]` elements inside root (default: document). Returns a stop function. */
  trackClicks(root?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>): () => void;
  /** Removes the page listeners and timers. */
  destroy(): void;
}

export declare function init(options: ConciergeOptions): Concierge;

/** Sets data-concierge-item and data-concierge-decision on an element that shows a recommended item. */
export declare function decorate<E extends Pick<Element, 'setAttribute'>>(el: E, item: DecisionItem): E;

/** A random v4 UUID. */
export declare function uuid(): string;
