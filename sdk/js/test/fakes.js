// Fakes of the browser globals the SDK touches: fetch, navigator.sendBeacon, localStorage,
// sessionStorage, document.cookie, and the window/document events of a page going away.
// Responses are Node's real Response objects.

export class FakeStorage {
  constructor() {
    this.map = new Map();
  }
  getItem(k) {
    return this.map.has(k) ? this.map.get(k) : null;
  }
  setItem(k, v) {
    this.map.set(k, String(v));
  }
  removeItem(k) {
    this.map.delete(k);
  }
  get length() {
    return this.map.size;
  }
}

// the Storage of Safari's old private mode, or of a browser with site data blocked
export class BrokenStorage {
  getItem() {
    throw new Error('SecurityError');
  }
  setItem() {
    throw new Error('QuotaExceededError');
  }
  removeItem() {
    throw new Error('SecurityError');
  }
}

// document.cookie's string interface over a jar; enough for path=/ cookies
function cookieDocument(jar, enabled) {
  const doc = new EventTarget();
  doc.visibilityState = 'visible';
  Object.defineProperty(doc, 'cookie', {
    get: () => (enabled ? [...jar].map(([k, v]) => `${k}=${v}`).join('; ') : ''),
    set: (text) => {
      if (!enabled) return;
      const [pair, ...attrs] = text.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      if (attrs.some((a) => /^\s*max-age=0\s*$/i.test(a))) jar.delete(name);
      else jar.set(name, pair.slice(i + 1));
    },
  });
  return doc;
}

export const json = (status, body, headers = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

/**
 * Installs a fresh page. `persist` carries localStorage, sessionStorage and cookies over from an
 * earlier page (another SDK instance, the same browser). `respond(url, init, n)` answers fetches.
 */
export function page({ respond, beacon = true, beaconAccepts = true, storage = 'ok', cookies = true, persist } = {}) {
  const p = {
    fetches: [],
    beacons: [],
    localStorage: persist ? persist.localStorage : new FakeStorage(),
    sessionStorage: persist ? persist.sessionStorage : new FakeStorage(),
    jar: persist ? persist.jar : new Map(),
  };
  globalThis.fetch = async (url, init) => {
    const call = { url: String(url), init, body: JSON.parse(init.body) };
    p.fetches.push(call);
    if (respond) return respond(call, p.fetches.length);
    return call.url.includes('/v1/events')
      ? json(202, { accepted: Array.isArray(call.body) ? call.body.length : 1 })
      : json(200, { decisionId: 'd-0', customerId: call.body.customerId, items: [] });
  };
  const navigator = {};
  if (beacon) {
    navigator.sendBeacon = (url, data) => {
      if (typeof data !== 'string') throw new Error('the SDK should hand sendBeacon a string (text/plain)');
      p.beacons.push({ url: String(url), body: JSON.parse(data) });
      return beaconAccepts;
    };
  }
  Object.defineProperty(globalThis, 'navigator', { value: navigator, configurable: true, writable: true });
  const storages = {
    ok: [p.localStorage, p.sessionStorage],
    broken: [new BrokenStorage(), new BrokenStorage()],
    none: [undefined, undefined],
  }[storage];
  for (const [name, value] of [['localStorage', storages[0]], ['sessionStorage', storages[1]]]) {
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  }
  globalThis.window = new EventTarget();
  globalThis.document = cookieDocument(p.jar, cookies);
  p.events = () => [
    ...p.fetches.filter((c) => c.url.includes('/v1/events')).flatMap((c) => [].concat(c.body)),
    ...p.beacons.flatMap((b) => [].concat(b.body)),
  ];
  p.eventFetches = () => p.fetches.filter((c) => c.url.includes('/v1/events'));
  p.hide = () => {
    globalThis.document.visibilityState = 'hidden';
    globalThis.document.dispatchEvent(new Event('visibilitychange'));
  };
  p.pagehide = () => globalThis.window.dispatchEvent(new Event('pagehide'));
  p.storedKeys = () => [...p.localStorage.map.keys(), ...p.sessionStorage.map.keys(), ...p.jar.keys()];
  return p;
}

/** Lets pending promise callbacks and Response body reads run (setImmediate is never mocked here). */
export async function settle(rounds = 20) {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setImmediate(r));
}

export const view = (itemId) => ({ type: 'view', itemId });
