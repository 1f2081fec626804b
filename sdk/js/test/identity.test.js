import { test } from 'node:test';
import assert from 'node:assert/strict';
import { init } from '../src/index.js';
import { FakeStorage, json, page, settle, view } from './fakes.js';

const ENDPOINT = 'https://api.shop.example';
const ID = /^[A-Za-z0-9._:@-]{1,128}$/;

function sdk(t, options = {}) {
  const c = init({ endpoint: ENDPOINT, key: 'pk_test_1', ...options });
  t.after(() => c.destroy());
  return c;
}

test('before consent nothing is sent and nothing is stored, whatever the page does', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const p = page();
  const c = sdk(t); // consent defaults to false
  assert.equal(c.consent, false);
  for (let i = 0; i < 25; i++) assert.equal(c.track(view('sku-' + i)), null);
  c.trackClick('sku-1', 'd-1');
  c.identify('c-42');
  const r = await c.recommend({ context: { page: 'home' }, fallback: ['sku-9'] });
  await c.flush();
  p.hide();
  p.pagehide();
  t.mock.timers.tick(60000);
  await settle();
  assert.equal(p.fetches.length, 0, 'fetch never called');
  assert.equal(p.beacons.length, 0, 'sendBeacon never called');
  assert.deepEqual(p.storedKeys(), [], 'no localStorage, sessionStorage or cookie written');
  assert.equal(r.fallback, true);
  assert.deepEqual(r.items, [{ itemId: 'sku-9' }]);
});

test('events tracked before consent are dropped, not sent later; events after it are sent', async (t) => {
  const p = page();
  const c = sdk(t);
  c.identify('c-1'); // so that the early events would have had every field
  c.track(view('before'));
  c.setConsent(true);
  assert.equal(c.consent, true);
  c.track(view('after'));
  await c.flush();
  assert.deepEqual(p.events().filter((e) => e.type !== 'merge').map((e) => e.itemId), ['after']);
});

test('withdrawing consent drops the queue, stops retries and deletes what the SDK stored', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const p = page({ respond: () => json(503, { error: 'unavailable', message: 'later' }) });
  const c = sdk(t, { consent: true, retryBase: 100 });
  c.track(view('sku-1'));
  c.flush();
  await settle();
  assert.equal(p.fetches.length, 1); // now waiting to retry
  c.identify('c-42');
  c.track(view('sku-2'));
  assert.deepEqual(p.storedKeys().sort(), ['concierge_anon', 'concierge_cid', 'concierge_sid']);
  c.setConsent(false);
  assert.deepEqual(p.storedKeys(), []);
  p.pagehide();
  t.mock.timers.tick(600000);
  await settle();
  assert.equal(p.fetches.length, 1, 'no retry after consent was withdrawn');
  assert.equal(p.beacons.length, 0);
});

test('the anonymous id is made once and kept in localStorage across SDK instances (page loads)', async (t) => {
  const first = page();
  const a = sdk(t, { consent: true });
  assert.match(a.customerId, /^anon-[0-9a-f-]{36}$/);
  assert.match(a.customerId, ID);
  assert.equal(a.anonymousId, a.customerId);
  assert.equal(first.localStorage.getItem('concierge_anon'), a.customerId);
  a.destroy();

  page({ persist: first });
  const b = sdk(t, { consent: true });
  assert.equal(b.customerId, a.customerId);
  assert.equal(b.sessionId, a.sessionId, 'the same tab keeps its session');

  page({ persist: { ...first, sessionStorage: new FakeStorage() } }); // another tab: same localStorage
  const c = sdk(t, { consent: true });
  assert.equal(c.customerId, a.customerId);
  assert.notEqual(c.sessionId, a.sessionId, 'another tab has its own session');
  assert.match(c.sessionId, ID);
});

test('where localStorage throws, the anonymous id is kept in a first-party cookie', async (t) => {
  const first = page({ storage: 'broken' });
  const a = sdk(t, { consent: true });
  assert.ok(first.jar.has('concierge_anon'));
  page({ storage: 'broken', persist: first });
  const b = sdk(t, { consent: true });
  assert.equal(b.customerId, a.customerId);
});

test('without any storage the SDK still works, with an id in memory', async (t) => {
  const p = page({ storage: 'none', cookies: false });
  const c = sdk(t, { consent: true });
  assert.match(c.customerId, /^anon-/);
  c.track(view('sku-1'));
  await c.flush();
  assert.equal(p.events()[0].customerId, c.customerId);
});

test('identify sends one merge event from the anonymous id, then uses the known id', async (t) => {
  const p = page();
  const c = sdk(t, { consent: true });
  const anon = c.customerId;
  c.track(view('sku-1'));
  c.identify('c-42');
  c.track(view('sku-2'));
  await c.flush();
  const fetches = p.eventFetches();
  const merges = fetches.filter((f) => f.body.some((e) => e.type === 'merge'));
  assert.equal(merges.length, 1);
  assert.equal(merges[0].body.length, 1, 'the merge goes in a request of its own');
  const merge = merges[0].body[0];
  assert.deepEqual(Object.keys(merge).sort(), ['customerId', 'eventId', 'fromCustomerId', 'timestamp', 'type']);
  assert.equal(merge.customerId, 'c-42');
  assert.equal(merge.fromCustomerId, anon);
  assert.match(merge.eventId, ID);
  assert.ok(!Number.isNaN(Date.parse(merge.timestamp)));
  const events = p.events().filter((e) => e.type !== 'merge');
  assert.deepEqual(events.map((e) => [e.itemId, e.customerId]), [
    ['sku-1', anon],
    ['sku-2', 'c-42'],
  ]);
  assert.equal(c.customerId, 'c-42');
  // the order the server sees: the anonymous events, then the merge, then the known id's
  assert.deepEqual(p.events().map((e) => e.type + ':' + (e.itemId || '')), ['view:sku-1', 'merge:', 'view:sku-2']);
});

test('identifying again with the same id, on this page or the next, sends no second merge', async (t) => {
  const first = page();
  const a = sdk(t, { consent: true });
  a.identify('c-42');
  a.identify('c-42');
  await a.flush();
  a.destroy();
  const second = page({ persist: first });
  const b = sdk(t, { consent: true });
  assert.equal(b.customerId, 'c-42', 'the known id is kept for the next page');
  b.identify('c-42');
  b.track(view('sku-1'));
  await b.flush();
  const sent = [...first.events(), ...second.events()];
  assert.equal(sent.filter((e) => e.type === 'merge').length, 1);
  assert.equal(sent.find((e) => e.itemId === 'sku-1').customerId, 'c-42');
});

test('identify before consent merges when consent is given', async (t) => {
  const p = page();
  const c = sdk(t);
  c.identify('c-7');
  await settle();
  assert.equal(p.fetches.length, 0);
  c.setConsent(true);
  await c.flush();
  const [merge] = p.events();
  assert.equal(merge.type, 'merge');
  assert.equal(merge.customerId, 'c-7');
  assert.match(merge.fromCustomerId, /^anon-/);
});

test('reset() (logout) forgets the known id and starts a new anonymous id', async (t) => {
  const p = page();
  const c = sdk(t, { consent: true });
  const anon = c.customerId;
  c.identify('c-42');
  c.reset();
  assert.match(c.customerId, /^anon-/);
  assert.notEqual(c.customerId, anon);
  assert.equal(p.localStorage.getItem('concierge_cid'), null);
});

test('an invalid customer id is refused by identify and reported', async (t) => {
  page();
  const errors = [];
  const c = sdk(t, { consent: true, onError: (e) => errors.push(e) });
  const anon = c.customerId;
  c.identify('jane doe@example.com');
  assert.equal(c.customerId, anon);
  assert.equal(errors.length, 1);
});
