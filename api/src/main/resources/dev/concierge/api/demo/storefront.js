// The demo storefront's page code. It talks to Concierge only through the browser SDK (./sdk/index.js);
// config.json and catalog.json stand for the shop's own backend: its publishable key and its products.
import { init, decorate } from './sdk/index.js';

const CONSENT = 'demo-consent';
const CART = 'demo-cart';
const RECOMMENDATIONS = 6;
// a decision usually takes a few milliseconds; a cold node may need more than the SDK's 300 ms default
const DECISION_TIMEOUT_MS = 1000;
// how long a tracked event waits for others before it goes: short, so the widget reflects each click
const FLUSH_INTERVAL_MS = 100;
const GRID_SIZE = 48;

const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value != null) node.setAttribute(name, value);
  }
  node.append(...children.filter((child) => child != null));
  return node;
}

async function fetchJson(path) {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return res.json();
}

const [settings, catalog] = await Promise.all([fetchJson('config.json'), fetchJson('catalog.json')]);
const items = new Map(catalog.items.map((item) => [item.itemId, item]));
const categories = [...new Set(catalog.items.map((item) => item.category))].sort();

const concierge = init({
  endpoint: location.origin,
  key: settings.key || undefined,
  consent: localStorage.getItem(CONSENT) === 'yes',
  flushInterval: FLUSH_INTERVAL_MS,
  timeout: DECISION_TIMEOUT_MS,
  onError: (e) => console.warn('concierge', e.op, e.status || '', e.message),
});
window.concierge = concierge; // for the console, and for the browser test

// ---------------------------------------------------------------------------------------------- cart --
const cart = {
  load: () => JSON.parse(localStorage.getItem(CART) || '[]'),
  save(lines) {
    localStorage.setItem(CART, JSON.stringify(lines));
    $('cart-count').textContent = String(lines.reduce((n, line) => n + line.quantity, 0));
  },
  add(itemId) {
    const lines = cart.load();
    const line = lines.find((l) => l.itemId === itemId);
    if (line) line.quantity += 1;
    else lines.push({ itemId, quantity: 1 });
    cart.save(lines);
  },
};

// ---------------------------------------------------------------------------------- how items look --
function swatch(item) {
  let hue = 0;
  for (const c of item.category) hue = (hue * 31 + c.charCodeAt(0)) % 360;
  return el('div', { class: 'swatch', style: `background: hsl(${hue} 35% 42%)` }, item.category);
}

const price = (item) => `€${item.price.toFixed(2)}`;

function card(item) {
  const link = el('a', {
    class: 'card', href: `#/p/${encodeURIComponent(item.itemId)}`, 'data-item': item.itemId, 'data-category': item.category,
  },
    swatch(item), el('div', { class: 'title' }, item.title || item.itemId),
    el('div', { class: 'meta' }, `${item.category} · ${price(item)}`),
    item.inStock ? null : el('div', { class: 'out' }, 'out of stock'));
  // a product chosen from the grid; clicks on recommended items are tracked by trackClicks, with their decision
  link.addEventListener('click', () => concierge.trackClick(item.itemId));
  return el('li', {}, link);
}

// -------------------------------------------------------------------------------------- the widget --
let shown = 0; // the latest widget refresh; an older answer arriving late is dropped

async function recommend(contextItemId) {
  const mine = ++shown;
  // the click's events go now, beside the question rather than before it: the customer's actor learns of
  // them through Kafka either way, and the page's item tells the decision what the shopper is looking at
  concierge.flush();
  const decision = await concierge.recommend({
    context: contextItemId ? { itemId: contextItemId } : undefined,
    limit: RECOMMENDATIONS,
    exclude: contextItemId ? [contextItemId] : undefined,
    fallback: catalog.items.filter((i) => i.inStock).slice(0, RECOMMENDATIONS).map((i) => i.itemId),
  });
  if (mine !== shown) return;
  const list = $('recommended-items');
  list.replaceChildren(...decision.items.filter((i) => items.has(i.itemId)).map((recommended) => {
    const item = items.get(recommended.itemId);
    const reasons = (recommended.reasons || []).map((reason) => el('li', {}, reason));
    const link = el('a', { href: `#/p/${encodeURIComponent(item.itemId)}`, 'data-category': item.category },
      el('div', { class: 'title' }, item.title || item.itemId),
      el('div', { class: 'meta' }, `${item.category} · ${price(item)}`),
      reasons.length ? el('ul', { class: 'reasons' }, ...reasons) : null);
    return el('li', {}, decorate(link, recommended));
  }));
  const widget = $('recommended');
  widget.dataset.decisionId = decision.decisionId || '';
  widget.dataset.fallback = String(decision.fallback);
  widget.dataset.updatedAt = String(Date.now());
  $('recommended-note').textContent = !concierge.consent
    ? 'Popular items: allow personalisation to see picks for you.'
    : decision.fallback ? 'Popular items, while Concierge did not answer.' : `for ${concierge.customerId}`;
}
concierge.trackClicks($('recommended'));

// --------------------------------------------------------------------------------------- the pages --
function gridPage(category) {
  const shelf = category ? catalog.items.filter((i) => i.category === category) : catalog.items;
  return [
    el('h1', {}, category ? category : 'Popular right now'),
    el('ul', { class: 'grid', id: 'grid' }, ...shelf.slice(0, GRID_SIZE).map(card)),
  ];
}

function productPage(item) {
  concierge.track({ type: 'view', itemId: item.itemId, price: item.price });
  const add = el('button', { type: 'button', id: 'add-to-cart' }, 'Add to cart');
  add.disabled = !item.inStock;
  add.addEventListener('click', () => {
    cart.add(item.itemId);
    concierge.track({ type: 'add_to_cart', itemId: item.itemId, price: item.price });
    add.textContent = 'Added';
    recommend(item.itemId);
  });
  return [el('div', { class: 'product', 'data-item': item.itemId },
    el('p', {}, el('a', { href: `#/c/${encodeURIComponent(item.category)}`, id: 'back' }, `← ${item.category}`)),
    swatch(item), el('h1', {}, item.title || item.itemId),
    el('p', { class: 'meta' }, `${item.category} · ${price(item)} · ${item.inStock ? 'in stock' : 'out of stock'}`),
    add)];
}

function cartPage() {
  const lines = cart.load().filter((line) => items.has(line.itemId));
  if (!lines.length) return [el('h1', {}, 'Your cart'), el('p', {}, 'Empty for now.')];
  const total = lines.reduce((sum, line) => sum + items.get(line.itemId).price * line.quantity, 0);
  const buy = el('button', { type: 'button', id: 'checkout' }, `Buy for €${total.toFixed(2)}`);
  buy.addEventListener('click', () => {
    for (const line of lines) {
      const item = items.get(line.itemId);
      concierge.track({ type: 'purchase', itemId: item.itemId, price: item.price, quantity: line.quantity });
    }
    cart.save([]);
    render();
  });
  return [el('h1', {}, 'Your cart'), el('table', { class: 'cart' },
    ...lines.map((line) => {
      const item = items.get(line.itemId);
      return el('tr', {}, el('td', {}, item.title || item.itemId), el('td', {}, `× ${line.quantity}`), el('td', {}, price(item)));
    })), el('p', {}, buy)];
}

function render() {
  const [, page, arg] = location.hash.split('/').map(decodeURIComponent);
  const item = page === 'p' ? items.get(arg) : null;
  const category = page === 'c' ? arg : item ? item.category : null;
  $('page').replaceChildren(...(item ? productPage(item) : page === 'cart' ? cartPage() : gridPage(category)));
  for (const chip of $('categories').children) chip.classList.toggle('current', chip.dataset.category === category);
  recommend(item ? item.itemId : null);
}

// ------------------------------------------------------------------------------ consent and identity --
function showShopper() {
  const known = concierge.customerId && !concierge.customerId.startsWith('anon-');
  $('shopper').textContent = concierge.consent ? (known ? `signed in as ${concierge.customerId}` : 'anonymous') : '';
  $('shopper').dataset.customerId = concierge.customerId || '';
  $('customer-id').hidden = $('sign-in-button').hidden = known;
  $('sign-out').hidden = !known;
}

function consent(granted) {
  localStorage.setItem(CONSENT, granted ? 'yes' : 'no');
  concierge.setConsent(granted);
  $('consent').hidden = true;
  showShopper();
  recommend(null);
}

$('consent').hidden = localStorage.getItem(CONSENT) != null;
$('consent-allow').addEventListener('click', () => consent(true));
$('consent-decline').addEventListener('click', () => consent(false));
$('sign-in').addEventListener('submit', (ev) => {
  ev.preventDefault();
  concierge.identify($('customer-id').value.trim()); // sends the merge of this browser's anonymous history
  showShopper();
  recommend(null);
});
$('sign-out').addEventListener('click', () => {
  concierge.reset();
  showShopper();
  recommend(null);
});

$('categories').append(...categories.map((category) =>
  el('a', { href: `#/c/${encodeURIComponent(category)}`, 'data-category': category }, category)));
cart.save(cart.load());
showShopper();
window.addEventListener('hashchange', render);
render();
