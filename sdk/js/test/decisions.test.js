import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Concierge, decorate } from '../src/index.js';
import { json, page, settle, view } from './fakes.js';

const ENDPOINT = 'https://api.shop.example';

function sdk(t, options = {}) {
  const c = new Concierge({ endpoint: ENDPOINT, key: 'pk_test_1', consent: true, ...options });
  t.after(() => c.destroy());
  return c;
}

const decision = (decisionId, ...itemIds) => ({
  decisionId,
  customerId: 'x',
  modelVersion: 'dev-gradient-boosted-trees',
  experiment: null,
  arm: null,
  fallback: false,
  items: itemIds.map((itemId, i) => ({ itemId, score: 0.9 - i / 10, reasons: ['you viewed it recently'] })),
});

// the events endpoint accepts everything; decisions answer from `decisions` in turn
function server(...decisions) {
  let n = 0;
  return (call) =>
    call.url.includes('/v1/decisions')
      ? json(200, { ...decisions[n++], customerId: call.body.customerId })
      : json(202, { accepted: [].concat(call.body).length });
}

test('recommend posts the customer, limit and context with the key, and returns the decision', async (t) => {
  const p = page({ respond: server(decision('d-1', 'sku-22', 'sku-2')) });
  const c = sdk(t);
  const r = await c.recommend({ limit: 2, context: { itemId: 'sku-7', page: 'product' } });
  const [call] = p.fetches;
  assert.equal(call.url, 'https://api.shop.example/v1/decisions?key=pk_test_1');
  assert.equal(call.init.method, 'POST');
  assert.equal(call.init.headers['Content-Type'], 'application/json');
  assert.deepEqual(call.body, { customerId: c.customerId, limit: 2, context: { itemId: 'sku-7', page: 'product' } });
  assert.equal(r.decisionId, 'd-1');
  assert.equal(r.fallback, false);
  assert.equal(r.modelVersion, 'dev-gradient-boosted-trees');
  assert.deepEqual(r.items.map((i) => [i.itemId, i.decisionId]), [
    ['sku-22', 'd-1'],
    ['sku-2', 'd-1'],
  ]);
  assert.deepEqual(r.items[0].reasons, ['you viewed it recently']);
});

test('a click, add_to_cart or purchase of a recommended item carries context.decisionId; a view does not', async (t) => {
  const p = page({ respond: server(decision('d-1', 'sku-22', 'sku-2')) });
  const c = sdk(t);
  await c.recommend({ context: { page: 'home' } });
  c.track({ type: 'view', itemId: 'sku-22' });
  c.track({ type: 'click', itemId: 'sku-22', context: { slot: '1' } });
  c.track({ type: 'add_to_cart', itemId: 'sku-2' });
  c.track({ type: 'purchase', itemId: 'sku-2', price: 10 });
  c.track({ type: 'click', itemId: 'sku-99' });
  await c.flush();
  assert.deepEqual(
    p.events().map((e) => [e.type, e.itemId, e.context]),
    [
      ['view', 'sku-22', undefined],
      ['click', 'sku-22', { slot: '1', decisionId: 'd-1' }],
      ['add_to_cart', 'sku-2', { decisionId: 'd-1' }],
      ['purchase', 'sku-2', { decisionId: 'd-1' }],
      ['click', 'sku-99', undefined],
    ],
  );
});

test('the latest decision that showed an item wins, and a decisionId the page gives is kept', async (t) => {
  const p = page({ respond: server(decision('d-1', 'a', 'b'), decision('d-2', 'b')) });
  const c = sdk(t);
  await c.recommend();
  await c.recommend();
  c.track({ type: 'click', itemId: 'a' });
  c.track({ type: 'click', itemId: 'b' });
  c.track({ type: 'click', itemId: 'b', context: { decisionId: 'd-from-page' } });
  await c.flush();
  assert.deepEqual(p.events().map((e) => e.context.decisionId), ['d-1', 'd-2', 'd-from-page']);
});

test('attribution survives navigation in the same tab: add_to_cart on the product page', async (t) => {
  const list = page({ respond: server(decision('d-1', 'sku-22')) });
  const a = sdk(t);
  await a.recommend();
  a.trackClick('sku-22');
  a.destroy();
  const product = page({ persist: list }); // the next page load, same tab
  const b = sdk(t);
  b.track({ type: 'add_to_cart', itemId: 'sku-22' });
  await b.flush();
  assert.equal(product.events()[0].context.decisionId, 'd-1');
});

test('trackClick(itemId, decisionId) attributes to the decision given, and later events follow it', async (t) => {
  const p = page();
  const c = sdk(t);
  c.trackClick('sku-5', 'd-rendered-on-server');
  c.track({ type: 'add_to_cart', itemId: 'sku-5' });
  await c.flush();
  assert.deepEqual(p.events().map((e) => [e.type, e.context.decisionId]), [
    ['click', 'd-rendered-on-server'],
    ['add_to_cart', 'd-rendered-on-server'],
  ]);
});

test('a decision slower than the timeout resolves with the fallback, marked fallback', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  let aborted = false;
  page({
    respond: (call) =>
      new Promise((resolve, reject) =>
        call.init.signal.addEventListener('abort', () => {
          aborted = true;
          reject(new DOMException('The operation was aborted.', 'AbortError'));
        }),
      ),
  });
  const errors = [];
  const c = sdk(t, { onError: (e) => errors.push(e) });
  let result = null;
  c.recommend({ fallback: [{ itemId: 'pop-1', title: 'Tent' }, 'pop-2'] }).then((r) => (result = r));
  t.mock.timers.tick(299);
  await settle();
  assert.equal(result, null);
  t.mock.timers.tick(1);
  await settle();
  assert.ok(aborted, 'the request was aborted');
  assert.equal(result.fallback, true);
  assert.equal(result.decisionId, null);
  assert.deepEqual(result.items, [{ itemId: 'pop-1', title: 'Tent' }, { itemId: 'pop-2' }]);
  assert.equal(errors[0].op, 'decisions');
  assert.match(errors[0].message, /timed out/);
});

test('the timeout can be set per call', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  page({ respond: (call) => new Promise((_, reject) => call.init.signal.addEventListener('abort', () => reject(new Error('aborted')))) });
  const c = sdk(t);
  let result = null;
  c.recommend({ timeout: 50 }).then((r) => (result = r));
  t.mock.timers.tick(50);
  await settle();
  assert.deepEqual(result.items, []);
  assert.equal(result.fallback, true);
});

for (const [name, respond] of [
  ['a 5xx', () => json(503, { error: 'unavailable', message: 'no' })],
  ['a 400', () => json(400, { error: 'invalid_request', message: "field 'limit'" })],
  ['a network error', () => Promise.reject(new TypeError('Failed to fetch'))],
  ['a body that is not JSON', () => new Response('<html>', { status: 200 })],
  ['JSON without items', () => json(200, { hello: 1 })],
]) {
  test(`recommend never rejects: ${name} gives the fallback`, async (t) => {
    page({ respond });
    const c = sdk(t);
    const r = await c.recommend({ fallback: ['pop-1'] });
    assert.equal(r.fallback, true);
    assert.deepEqual(r.items, [{ itemId: 'pop-1' }]);
  });
}

test('decorate() marks an element and trackClicks() turns a click on it into an attributed click', async (t) => {
  const p = page({ respond: server(decision('d-1', 'sku-22')) });
  const c = sdk(t);
  const r = await c.recommend();
  const attrs = {};
  const el = { setAttribute: (k, v) => (attrs[k] = v), getAttribute: (k) => attrs[k] ?? null };
  decorate(el, r.items[0]);
  assert.deepEqual(attrs, { 'data-concierge-item': 'sku-22', 'data-concierge-decision': 'd-1' });
  el.closest = (sel) => (sel === '[data-concierge-item]' ? el : null);
  const listeners = [];
  const root = {
    addEventListener: (type, h, capture) => listeners.push({ type, h, capture }),
    removeEventListener: (type, h) => listeners.splice(listeners.findIndex((l) => l.h === h), 1),
  };
  const stop = c.trackClicks(root);
  assert.equal(listeners[0].type, 'click');
  listeners[0].h({ target: { closest: () => el } });
  listeners[0].h({ target: { closest: () => null } }); // a click elsewhere
  stop();
  assert.equal(listeners.length, 0);
  await c.flush();
  assert.deepEqual(p.events().map((e) => [e.type, e.itemId, e.context.decisionId]), [['click', 'sku-22', 'd-1']]);
});

test('remembered decisions are capped at 100 items, oldest out first', async (t) => {
  const ids = (from) => Array.from({ length: 60 }, (_, i) => 'i-' + (from + i));
  const p = page({ respond: server(decision('d-1', ...ids(0)), decision('d-2', ...ids(60))) });
  const c = sdk(t);
  await c.recommend({ limit: 60 });
  await c.recommend({ limit: 60 });
  for (const itemId of ['i-0', 'i-19', 'i-20', 'i-59', 'i-119']) c.track({ type: 'click', itemId });
  await c.flush();
  assert.deepEqual(p.events().map((e) => e.context && e.context.decisionId), [undefined, undefined, 'd-1', 'd-1', 'd-2']);
  assert.ok(p.sessionStorage.getItem('concierge_dec').length < 4000);
});

test('view() events are plain: nothing attributed without a decision', async (t) => {
  const p = page();
  const c = sdk(t);
  c.track(view('sku-1'));
  await c.flush();
  await settle();
  assert.equal(p.events()[0].context, undefined);
});
