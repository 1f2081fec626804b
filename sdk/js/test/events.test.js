import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Concierge } from '../src/index.js';
import { page, settle, json, view } from './fakes.js';

const ENDPOINT = 'https://api.shop.example/';
const ID = /^[A-Za-z0-9._:@-]{1,128}$/;

function sdk(t, options = {}) {
  const c = new Concierge({ endpoint: ENDPOINT, key: 'pk_test_1', consent: true, ...options });
  t.after(() => c.destroy());
  return c;
}

test('events wait for the flush interval, then go in one JSON fetch with keepalive and the key', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const p = page();
  const c = sdk(t);
  c.track(view('sku-1'));
  c.track({ type: 'add_to_cart', itemId: 'sku-2', price: 12.5, quantity: 2 });
  c.track(view('sku-3'));
  t.mock.timers.tick(999);
  await settle();
  assert.equal(p.fetches.length, 0);
  t.mock.timers.tick(1);
  await settle();
  assert.equal(p.fetches.length, 1);
  const [call] = p.fetches;
  assert.equal(call.url, 'https://api.shop.example/v1/events?key=pk_test_1');
  assert.equal(call.init.method, 'POST');
  assert.equal(call.init.keepalive, true);
  assert.equal(call.init.headers['Content-Type'], 'application/json');
  assert.deepEqual(call.body.map((e) => e.itemId), ['sku-1', 'sku-2', 'sku-3']);
  const [first, second] = call.body;
  assert.match(first.eventId, ID);
  assert.notEqual(first.eventId, second.eventId);
  assert.match(first.customerId, /^anon-/);
  assert.match(first.sessionId, ID);
  assert.equal(first.sessionId, second.sessionId);
  assert.ok(Math.abs(Date.parse(first.timestamp) - Date.now()) < 5000);
  assert.match(first.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.equal(second.price, 12.5);
  assert.equal(second.quantity, 2);
});

test('a full batch goes at once without waiting for the timer; the rest waits for the next one', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const p = page();
  const c = sdk(t, { batchSize: 20 });
  for (let i = 0; i < 21; i++) c.track(view('sku-' + i));
  await settle();
  assert.equal(p.fetches.length, 1);
  assert.equal(p.fetches[0].body.length, 20);
  t.mock.timers.tick(1000);
  await settle();
  assert.equal(p.fetches.length, 2);
  assert.deepEqual(p.fetches[1].body.map((e) => e.itemId), ['sku-20']);
});

test('flush() sends now and resolves once the server has the events', async (t) => {
  const p = page();
  const c = sdk(t);
  c.track(view('sku-1'));
  await c.flush();
  assert.equal(p.events().length, 1);
});

for (const [name, leave] of [
  ['visibilitychange to hidden', (p) => p.hide()],
  ['pagehide', (p) => p.pagehide()],
]) {
  test(`on ${name} queued events go by sendBeacon as text, not fetch`, async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const p = page();
    const c = sdk(t);
    c.track(view('sku-1'));
    c.track(view('sku-2'));
    leave(p);
    t.mock.timers.tick(5000);
    await settle();
    assert.equal(p.fetches.length, 0);
    assert.equal(p.beacons.length, 1);
    assert.equal(p.beacons[0].url, 'https://api.shop.example/v1/events?key=pk_test_1');
    assert.deepEqual(p.beacons[0].body.map((e) => e.itemId), ['sku-1', 'sku-2']);
  });
}

test('a beacon the browser refuses falls back to a keepalive fetch', async (t) => {
  const p = page({ beaconAccepts: false });
  const c = sdk(t);
  c.track(view('sku-1'));
  p.pagehide();
  await settle();
  assert.equal(p.beacons.length, 1);
  assert.equal(p.fetches.length, 1);
  assert.equal(p.fetches[0].init.keepalive, true);
  assert.equal(p.fetches[0].body[0].eventId, p.beacons[0].body[0].eventId);
});

test('without sendBeacon, leaving the page sends by keepalive fetch', async (t) => {
  const p = page({ beacon: false });
  const c = sdk(t);
  c.track(view('sku-1'));
  p.pagehide();
  await settle();
  assert.equal(p.fetches.length, 1);
  assert.equal(p.fetches[0].init.keepalive, true);
});

test('network errors and 5xx are retried with backoff, with the same eventIds', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const p = page({
    respond: (call, n) => {
      if (n === 1) throw new TypeError('Failed to fetch');
      if (n === 2) return json(503, { error: 'unavailable', message: 'Kafka did not take the events' });
      return json(202, { accepted: call.body.length });
    },
  });
  const errors = [];
  const c = sdk(t, { retryBase: 100, onError: (e) => errors.push(e) });
  c.track(view('sku-1'));
  c.track(view('sku-2'));
  const done = c.flush();
  await settle();
  assert.equal(p.fetches.length, 1);
  t.mock.timers.tick(100); // first retry: within [50, 100] ms
  await settle();
  assert.equal(p.fetches.length, 2);
  t.mock.timers.tick(49); // second retry: not before 100 ms
  await settle();
  assert.equal(p.fetches.length, 2);
  t.mock.timers.tick(151);
  await settle();
  assert.equal(p.fetches.length, 3);
  await done;
  const ids = p.fetches.map((f) => f.body.map((e) => e.eventId).join(','));
  assert.equal(new Set(ids).size, 1, 'every try carries the same eventIds');
  assert.deepEqual(errors, []);
});

test('a 400 drops the batch for good, reports it to onError, and the next events still go', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const p = page({
    respond: (call, n) =>
      n === 1
        ? json(400, { error: 'invalid_request', message: "event [0]: field 'itemId' is wrong" })
        : json(202, { accepted: call.body.length }),
  });
  const errors = [];
  const c = sdk(t, { onError: (e) => errors.push(e) });
  const dropped = c.track(view('sku-1'));
  await c.flush();
  assert.equal(errors.length, 1);
  assert.equal(errors[0].status, 400);
  assert.equal(errors[0].code, 'invalid_request');
  assert.equal(errors[0].op, 'events');
  assert.deepEqual(errors[0].events.map((e) => e.eventId), [dropped]);
  c.track(view('sku-2'));
  t.mock.timers.tick(60000);
  await settle();
  assert.equal(p.fetches.length, 2);
  assert.deepEqual(p.fetches[1].body.map((e) => e.itemId), ['sku-2']);
});

test('a 429 waits for Retry-After before sending the same events again', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const p = page({
    respond: (call, n) =>
      n === 1
        ? json(429, { error: 'too_many_requests', message: 'slow down' }, { 'Retry-After': '7' })
        : json(202, { accepted: call.body.length }),
  });
  const c = sdk(t, { retryBase: 10 });
  c.track(view('sku-1'));
  c.flush();
  await settle();
  assert.equal(p.fetches.length, 1);
  t.mock.timers.tick(6999);
  await settle();
  assert.equal(p.fetches.length, 1, 'not before Retry-After');
  t.mock.timers.tick(1);
  await settle();
  assert.equal(p.fetches.length, 2);
  assert.equal(p.fetches[1].body[0].eventId, p.fetches[0].body[0].eventId);
});

test('a batch waiting to be retried goes by beacon when the page is hidden', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const p = page({ respond: () => json(503, { error: 'unavailable', message: 'later' }) });
  const c = sdk(t, { retryBase: 1000 });
  const id = c.track(view('sku-1'));
  c.flush();
  await settle();
  assert.equal(p.fetches.length, 1);
  c.track(view('sku-2'));
  p.hide();
  await settle();
  assert.equal(p.beacons.length, 1);
  assert.deepEqual(p.beacons[0].body.map((e) => e.itemId), ['sku-1', 'sku-2']);
  assert.equal(p.beacons[0].body[0].eventId, id);
  t.mock.timers.tick(60000);
  await settle();
  assert.equal(p.fetches.length, 1, 'the beacon took it over: no more retries');
});

test('gives up after maxRetries and reports the events', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const p = page({ respond: () => json(500, { error: 'internal_error', message: 'boom' }) });
  const errors = [];
  const c = sdk(t, { maxRetries: 2, retryBase: 10, onError: (e) => errors.push(e) });
  c.track(view('sku-1'));
  c.flush();
  for (let i = 0; i < 5; i++) {
    t.mock.timers.tick(1000);
    await settle();
  }
  assert.equal(p.fetches.length, 3);
  assert.equal(errors.length, 1);
  assert.equal(errors[0].events[0].itemId, 'sku-1');
});

test('an event the server would refuse is not queued, so it cannot sink the good ones', async (t) => {
  const p = page();
  const errors = [];
  const c = sdk(t, { onError: (e) => errors.push(e) });
  assert.equal(c.track({ type: 'view', itemId: 'sku 1' }), null);
  assert.equal(c.track({ type: 'like', itemId: 'sku-1' }), null);
  assert.equal(c.track({ type: 'purchase', itemId: 'sku-1', quantity: 0 }), null);
  assert.equal(c.track({ type: 'view', itemId: 'sku-1', timestamp: Date.now() + 2 * 3600000 }), null);
  assert.match(c.track(view('sku-2')), ID);
  await c.flush();
  assert.deepEqual(errors.map((e) => e.message.match(/'(\w+)'/)[1]), ['itemId', 'type', 'quantity', 'timestamp']);
  assert.deepEqual(p.events().map((e) => e.itemId), ['sku-2']);
});

test('a given timestamp (Date or ISO text) and context are kept', async (t) => {
  const p = page();
  const c = sdk(t);
  c.track({ type: 'view', itemId: 'a', timestamp: new Date('2026-11-26T10:00:00Z'), context: { page: 'pdp' } });
  c.track({ type: 'view', itemId: 'b', timestamp: '2026-11-26T11:00:00Z' });
  await c.flush();
  const [a, b] = p.events();
  assert.equal(a.timestamp, '2026-11-26T10:00:00.000Z');
  assert.deepEqual(a.context, { page: 'pdp' });
  assert.equal(b.timestamp, '2026-11-26T11:00:00.000Z');
});

test('no key means no query string', async (t) => {
  const p = page();
  const c = sdk(t, { key: undefined, endpoint: 'http://127.0.0.1:8080' });
  c.track(view('a'));
  await c.flush();
  assert.equal(p.fetches[0].url, 'http://127.0.0.1:8080/v1/events');
});
