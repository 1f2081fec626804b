// Concierge browser SDK: events, decisions, identity, consent. No runtime dependencies.
// The server contract is docs/api.md of the Concierge repository; what this file assumes of it is
// listed in sdk/js/README.md ("What the server must do").

const g = globalThis;
const TYPES = ['view', 'click', 'add_to_cart', 'purchase'];
const ATTRIBUTED = ['click', 'add_to_cart', 'purchase'];
const ID = /^[A-Za-z0-9._:@-]{1,128}$/;
// storage keys; underscores so that the same names work as cookie names
const ANON = 'concierge_anon';
const CID = 'concierge_cid';
const SID = 'concierge_sid';
const DEC = 'concierge_dec';
const KEYS = [ANON, CID, SID, DEC];
const MAX_EVENT_BYTES = 65536; // the server's limit for one event
const MAX_BATCH_BYTES = 60000; // under the browsers' 64 KiB budget for keepalive and beacon bodies
const MAX_DECISIONS = 100; // itemId -> decisionId entries remembered for attribution
const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** A random RFC 4122 version 4 UUID: crypto.randomUUID where there is one (secure contexts only). */
export function uuid() {
  const c = g.crypto;
  if (c && c.randomUUID) return c.randomUUID();
  const b = new Uint8Array(16);
  if (c && c.getRandomValues) c.getRandomValues(b);
  else for (let i = 0; i < 16; i++) b[i] = (Math.random() * 256) | 0;
  b[6] = (b[6] & 15) | 64;
  b[8] = (b[8] & 63) | 128;
  const h = Array.from(b, (x) => (x + 256).toString(16).slice(1)).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const bytes = (s) => new TextEncoder().encode(s).length;
const isId = (v) => typeof v === 'string' && ID.test(v);

function memoryStore() {
  const m = new Map();
  return { get: (k) => (m.has(k) ? m.get(k) : null), set: (k, v) => m.set(k, v), del: (k) => m.delete(k) };
}

// localStorage or sessionStorage, if present and writable (Safari's private mode, disabled storage
// and sandboxed frames throw)
function webStore(name) {
  try {
    const s = g[name];
    s.setItem(ANON + '_t', '1');
    s.removeItem(ANON + '_t');
    return { get: (k) => s.getItem(k), set: (k, v) => s.setItem(k, v), del: (k) => s.removeItem(k) };
  } catch (e) {
    return null;
  }
}

// a first-party cookie, if cookies can be written here
function cookieStore() {
  const d = g.document;
  try {
    if (!d || typeof d.cookie !== 'string') return null;
    const secure = g.location && g.location.protocol === 'https:' ? ';secure' : '';
    const store = {
      get(k) {
        const m = d.cookie.match(new RegExp('(?:^|;\\s*)' + k + '=([^;]*)'));
        return m ? decodeURIComponent(m[1]) : null;
      },
      set(k, v) {
        d.cookie = `${k}=${encodeURIComponent(v)};path=/;max-age=31536000;samesite=lax${secure}`;
      },
      del(k) {
        d.cookie = `${k}=;path=/;max-age=0;samesite=lax${secure}`;
      },
    };
    store.set(ANON + '_t', '1');
    const ok = store.get(ANON + '_t') === '1';
    store.del(ANON + '_t');
    return ok ? store : null;
  } catch (e) {
    return null;
  }
}

// what is wrong with an event, or '' when the server will take it (one bad event would make the
// server refuse its whole request)
function problem(e) {
  const merge = e.type === 'merge';
  if (!merge && !TYPES.includes(e.type)) return 'type';
  for (const f of ['eventId', 'customerId', merge ? 'fromCustomerId' : 'itemId']) if (!isId(e[f])) return f;
  if (e.sessionId != null && !isId(e.sessionId)) return 'sessionId';
  // the server refuses an instant more than an hour ahead of its clock
  if (!(Date.parse(e.timestamp) < Date.now() + 3600000)) return 'timestamp';
  if (e.price != null && !(typeof e.price === 'number' && isFinite(e.price) && e.price >= 0)) return 'price';
  if (e.quantity != null && !(Number.isInteger(e.quantity) && e.quantity >= 1)) return 'quantity';
  if (e.context != null && (typeof e.context !== 'object' || Array.isArray(e.context))) return 'context';
  try {
    return bytes(JSON.stringify(e)) > MAX_EVENT_BYTES ? 'size' : '';
  } catch (x) {
    return 'context'; // a cycle or a BigInt
  }
}

// an ISO-8601 UTC instant (what the server's Instant.parse reads), or null
function iso(t) {
  const d = t == null ? new Date() : new Date(t);
  return isNaN(d) ? null : d.toISOString();
}

// Retry-After in milliseconds (seconds or an HTTP date), or null
function retryAfter(res) {
  const v = res && res.headers && res.headers.get('Retry-After');
  if (!v) return null;
  const ms = /^\s*\d+\s*$/.test(v) ? Number(v) * 1000 : Date.parse(v) - Date.now();
  return isNaN(ms) ? null : Math.min(Math.max(ms, 0), 600000);
}

function fail(op, message, extra) {
  const e = new Error(message);
  e.name = 'ConciergeError';
  e.op = op;
  return Object.assign(e, extra);
}

export class Concierge {
  constructor(options = {}) {
    if (!options.endpoint) throw new TypeError('Concierge: the endpoint option is required');
    const o = (this._o = {
      batchSize: 20,
      flushInterval: 1000,
      timeout: 300,
      maxRetries: 10,
      retryBase: 500,
      retryMax: 30000,
      ...options,
    });
    const base = String(o.endpoint).replace(/\/+$/, '');
    const q = o.key ? '?key=' + encodeURIComponent(o.key) : '';
    this._ev = base + '/v1/events' + q;
    this._dc = base + '/v1/decisions' + q;
    this._q = []; // events not yet in a request
    this._b = null; // the batch being sent (or waiting to be sent again)
    this._dec = new Map(); // itemId -> decisionId of the latest decision that showed it
    this._wait = []; // flush() promises
    this._cid = null; // the known customer id, from identify()
    this._consent = false;
    this._onHide = () => this._hide();
    this._onVis = () => g.document.visibilityState === 'hidden' && this._hide();
    if (g.window && g.window.addEventListener) g.window.addEventListener('pagehide', this._onHide);
    if (g.document && g.document.addEventListener) g.document.addEventListener('visibilitychange', this._onVis);
    if (o.consent) this.setConsent(true);
  }

  /** The id events and decisions go out with: the identified one, else the anonymous one. */
  get customerId() {
    return this._cid || this._anon || null;
  }

  get anonymousId() {
    return this._anon || null;
  }

  get sessionId() {
    return this._sid || null;
  }

  get consent() {
    return this._consent;
  }

  setConsent(granted) {
    if (granted) {
      if (this._consent) return;
      this._consent = true;
      this._load();
      return;
    }
    // withdrawn: forget what is queued, stop any retry, delete what this SDK stored
    this._consent = false;
    this._q = [];
    this._b = null;
    clearTimeout(this._timer);
    clearTimeout(this._retry);
    this._timer = this._retry = 0;
    this._due = false;
    for (const s of [this._ls, this._ss]) if (s) for (const k of KEYS) s.del(k);
    this._ls = this._ss = this._anon = this._sid = null;
    this._dec.clear();
    this._settle();
  }

  _load() {
    const ls = (this._ls = webStore('localStorage') || cookieStore() || memoryStore());
    const ss = (this._ss = webStore('sessionStorage') || memoryStore());
    let anon = ls.get(ANON);
    if (!isId(anon)) ls.set(ANON, (anon = 'anon-' + uuid()));
    this._anon = anon;
    let sid = ss.get(SID);
    if (!isId(sid)) ss.set(SID, (sid = 's-' + uuid()));
    this._sid = sid;
    try {
      for (const [i, d] of JSON.parse(ss.get(DEC)) || []) if (isId(i) && isId(d)) this._dec.set(i, d);
    } catch (e) {
      // nothing remembered, or not ours
    }
    const stored = ls.get(CID);
    if (!this._cid) this._cid = isId(stored) ? stored : null;
    else if (this._cid !== stored) this._known(!isId(stored)); // identify() came before consent
  }

  /**
   * Queues an event; fills eventId, timestamp, customerId and sessionId, and context.decisionId for
   * a click, add_to_cart or purchase of an item a decision showed. Returns the eventId, or null when
   * the event was not queued (no consent, or the server would refuse it: reported to onError).
   */
  track(event = {}) {
    if (!this._consent) return null;
    const e = {
      ...event,
      eventId: event.eventId || 'e-' + uuid(),
      customerId: event.customerId || this.customerId,
      timestamp: iso(event.timestamp),
      sessionId: event.sessionId || this._sid,
    };
    if (ATTRIBUTED.includes(e.type) && !(e.context && e.context.decisionId)) {
      const d = this._dec.get(e.itemId);
      if (d) e.context = { ...e.context, decisionId: d };
    }
    return this._enqueue(e);
  }

  /** A click on an item; decisionId defaults to the latest decision that showed the item. */
  trackClick(itemId, decisionId, extra) {
    if (decisionId) this._remember([[itemId, decisionId]]);
    const context = decisionId ? { ...(extra && extra.context), decisionId } : extra && extra.context;
    return this.track({ ...extra, type: 'click', itemId, context });
  }

  /**
   * Says who the shopper is, and uses that id for everything after. Going from anonymous to known
   * sends one merge event (anonymous id -> this one); from one known id to another sends none (call
   * reset() at logout). Before consent the id is kept in memory only, and the merge goes on consent.
   */
  identify(customerId) {
    if (!isId(customerId)) {
      this._report(fail('events', 'identify: not a valid customer id'));
      return;
    }
    if (customerId === this._cid) return;
    const wasAnonymous = !this._cid;
    this._cid = customerId;
    if (this._consent) this._known(wasAnonymous);
  }

  _known(merge) {
    this._ls.set(CID, this._cid);
    if (!merge || this._cid === this._anon) return;
    this._enqueue({ eventId: 'e-' + uuid(), customerId: this._cid, type: 'merge', fromCustomerId: this._anon, timestamp: iso() });
    this._pump(1); // a merge goes at once, in a request of its own
  }

  /** Logout: forgets the known id and starts a new anonymous id. */
  reset() {
    this._cid = null;
    if (!this._consent) return;
    this._ls.del(CID);
    this._ls.set(ANON, (this._anon = 'anon-' + uuid()));
  }

  /**
   * Asks for a decision. Never rejects: on a timeout (options.timeout, default 300 ms), an error,
   * or without consent, it resolves with the caller's fallback items and fallback: true.
   */
  async recommend(options = {}) {
    const fallback = () => ({
      decisionId: null,
      customerId: this.customerId,
      modelVersion: null,
      experiment: null,
      arm: null,
      fallback: true,
      items: (options.fallback || []).map((i) => (typeof i === 'string' ? { itemId: i } : { ...i })),
    });
    if (!this._consent) return fallback();
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), options.timeout == null ? this._o.timeout : options.timeout);
    try {
      const res = await g.fetch(this._dc, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({
          customerId: this.customerId,
          limit: options.limit,
          context: options.context,
          candidates: options.candidates,
          exclude: options.exclude,
          rules: options.rules,
        }),
        signal: ctl.signal,
      });
      const d = await res.json().catch(() => null);
      if (!res.ok || !d || !Array.isArray(d.items)) {
        throw fail('decisions', (d && d.message) || 'decision failed', { status: res.status, code: d && d.error });
      }
      if (isId(d.decisionId)) {
        d.items.forEach((i) => (i.decisionId = d.decisionId));
        this._remember(d.items.map((i) => [i.itemId, d.decisionId]));
      }
      return d;
    } catch (x) {
      this._report(ctl.signal.aborted ? fail('decisions', 'decision timed out') : x.op ? x : fail('decisions', String(x), { cause: x }));
      return fallback();
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sends what is queued now; resolves once it has been sent, dropped or given up on. */
  flush() {
    return new Promise((resolve) => {
      this._wait.push(resolve);
      this._pump(1);
    });
  }

  /**
   * Tracks clicks on elements (inside root) carrying data-concierge-item, with the decision in
   * data-concierge-decision (see decorate()). Returns a function that stops it.
   */
  trackClicks(root = g.document) {
    const h = (ev) => {
      const el = ev.target && ev.target.closest && ev.target.closest('[data-concierge-item]');
      if (el) this.trackClick(el.getAttribute('data-concierge-item'), el.getAttribute('data-concierge-decision'));
    };
    root.addEventListener('click', h, true);
    return () => root.removeEventListener('click', h, true);
  }

  /** Removes the page listeners and timers; what is queued stays unsent. */
  destroy() {
    clearTimeout(this._timer);
    clearTimeout(this._retry);
    if (g.window && g.window.removeEventListener) g.window.removeEventListener('pagehide', this._onHide);
    if (g.document && g.document.removeEventListener) g.document.removeEventListener('visibilitychange', this._onVis);
  }

  _remember(pairs) {
    if (!this._consent) return;
    for (const [i, d] of pairs) {
      if (!isId(i) || !isId(d)) continue;
      this._dec.delete(i);
      this._dec.set(i, d);
    }
    for (const k of this._dec.keys()) {
      if (this._dec.size <= MAX_DECISIONS) break;
      this._dec.delete(k);
    }
    try {
      this._ss.set(DEC, JSON.stringify([...this._dec]));
    } catch (e) {
      // storage full: attribution stays in memory
    }
  }

  _report(err) {
    try {
      if (this._o.onError) this._o.onError(err);
    } catch (e) {
      // the callback's own error is not ours to throw
    }
  }

  _enqueue(e) {
    const p = problem(e);
    if (p) {
      this._report(fail('events', `event not sent: field '${p}' is not valid`, { events: [e] }));
      return null;
    }
    this._q.push(e);
    this._pump();
    return e.eventId;
  }

  // the next request's events, in order: up to batchSize events and MAX_BATCH_BYTES; a merge alone
  _take() {
    const q = this._q;
    const b = [];
    let n = 2;
    while (q.length && b.length < this._o.batchSize) {
      const m = q[0].type === 'merge';
      const size = bytes(JSON.stringify(q[0])) + 1;
      if (b.length && (m || n + size > MAX_BATCH_BYTES)) break;
      b.push(q.shift());
      n += size;
      if (m) break;
    }
    return b;
  }

  // One request at a time, so events reach the server in the order they were tracked. A request
  // goes when a batch is full, or when the queue is due: its timer fired, flush(), a merge, or the
  // page going away. Otherwise a timer makes it due flushInterval after the first waiting event.
  _pump(due) {
    const o = this._o;
    if (due) this._due = true;
    if (!this._b && this._consent && (this._due || this._q.length >= o.batchSize)) {
      const b = this._take();
      if (b.length) {
        clearTimeout(this._timer);
        this._timer = 0;
        if (!this._q.length) this._due = false;
        this._b = b;
        this._n = 0;
        return this._post(b);
      }
    }
    if (!this._q.length) this._due = false;
    else if (!this._timer && !this._due) this._timer = setTimeout(() => ((this._timer = 0), this._pump(1)), o.flushInterval);
    this._settle();
  }

  async _post(b) {
    let res = null;
    let err = null;
    try {
      res = await g.fetch(this._ev, { method: 'POST', keepalive: true, headers: JSON_HEADERS, body: JSON.stringify(b) });
    } catch (x) {
      err = x;
    }
    if (b !== this._b) return; // sent by a beacon meanwhile, or consent withdrawn
    const s = res ? res.status : 0;
    if (s >= 200 && s < 300) return this._next();
    if (s && s < 500 && s !== 408 && s !== 429) {
      // the server refused the request (all or nothing): sending it again cannot succeed
      const d = await res.json().catch(() => null);
      this._report(fail('events', (d && d.message) || 'events refused', { status: s, code: d && d.error, events: b }));
      return this._next();
    }
    if (++this._n > this._o.maxRetries) {
      this._report(fail('events', 'events not sent after retries', { status: s || undefined, cause: err, events: b }));
      return this._next();
    }
    const wait = retryAfter(res);
    const o = this._o;
    const delay = wait != null ? wait : Math.min(o.retryMax, o.retryBase * 2 ** (this._n - 1)) * (0.5 + Math.random() / 2);
    this._retry = setTimeout(() => {
      this._retry = 0;
      this._post(b); // the same events, the same eventIds: the server counts them once
    }, delay);
  }

  _next() {
    this._b = null;
    this._pump();
  }

  _settle() {
    if (this._b || this._q.length) return;
    const w = this._wait;
    this._wait = [];
    w.forEach((f) => f());
  }

  // the page is going away (or may be): hand everything not already on the wire to sendBeacon
  _hide() {
    if (!this._consent) return;
    if (this._retry) {
      clearTimeout(this._retry);
      this._retry = 0;
      this._q.unshift(...this._b);
      this._b = null;
    }
    const n = g.navigator;
    let b;
    while (n && n.sendBeacon && (b = this._take()).length) {
      let sent = false;
      try {
        sent = n.sendBeacon(this._ev, JSON.stringify(b)); // a string goes as text/plain: no preflight
      } catch (e) {
        // treated as refused
      }
      if (!sent) {
        this._q.unshift(...b);
        break;
      }
    }
    this._pump(1); // what the beacon refused goes by fetch with keepalive
  }
}

export function init(options) {
  return new Concierge(options);
}

/** Marks an element as showing a recommended item, for trackClicks() and the page's own code. */
export function decorate(el, item) {
  el.setAttribute('data-concierge-item', item.itemId);
  if (item.decisionId) el.setAttribute('data-concierge-decision', item.decisionId);
  return el;
}
