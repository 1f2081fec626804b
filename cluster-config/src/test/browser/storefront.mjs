// The browser half of DemoStorefrontBrowserIntegrationTest: Playwright drives Debian's Chromium, headless,
// through the demo storefront of a real node, then runs the snippet of docs/storefront.md on a storefront
// page of its own origin. It checks what only a browser can see, and prints what the Java test checks on
// the server side (the events with the server key, the decisions topic) as one line: RESULT {json}.
//
// Environment: DEMO_URL (http://127.0.0.1:PORT/demo/), NODE_URL, CHROMIUM (the browser's path),
// SCREENSHOT (where the PNG goes), SNIPPET_PAGE (docs/storefront.md), SDK_FILE (sdk/js/src/index.js),
// SHOP_ORIGIN (http://127.0.0.1:PORT: the shop's server, on an origin the node allows for CORS), PUBLISHABLE_KEY, CATEGORY (the category to click).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const CLICKS = 3;
const STEP_TIMEOUT_MS = 15000;

function check(condition, message) {
  if (!condition) throw new Error(message);
}

// the widget's items after the refresh that followed `since` (page clock and ours are the same host's)
async function widgetAfter(page, since) {
  await page.waitForFunction(
    (t) => Number(document.getElementById('recommended').dataset.updatedAt) > t,
    since, { timeout: STEP_TIMEOUT_MS, polling: 10 });
  return page.evaluate(() => {
    const widget = document.getElementById('recommended');
    return {
      updatedAt: Number(widget.dataset.updatedAt),
      decisionId: widget.dataset.decisionId,
      fallback: widget.dataset.fallback === 'true',
      categories: [...widget.querySelectorAll('#recommended-items a')].map((a) => a.dataset.category),
      reasons: [...widget.querySelectorAll('.reasons li')].map((li) => li.textContent),
    };
  });
}

async function demo(browser) {
  const category = env('CATEGORY');
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('response', (r) => r.status() >= 400 && consoleErrors.push(`${r.status()} ${r.url()}`));
  page.setDefaultTimeout(STEP_TIMEOUT_MS);

  await page.goto(env('DEMO_URL'));
  // when the shopper's last click reached the page, by the page's clock: the second the widget has starts
  // there, not when Playwright began to look for the element to click
  await page.evaluate(() => document.addEventListener('click', () => { window.lastClickAt = Date.now(); }, true));
  await page.locator('#consent-allow').click();
  await page.locator(`#categories a[data-category="${category}"]`).click();

  let lastClickAt = 0;
  const clicked = [];
  for (let i = 0; i < CLICKS; i++) {
    // the category's grid, not the one it replaces: a chip or back link re-renders it after a hash change
    const itemId = await page.locator(`#grid a.card[data-category="${category}"]`).nth(i).getAttribute('data-item');
    const card = page.locator(`#grid a.card[data-item="${itemId}"]`);
    lastClickAt = Date.now();
    await card.click();
    await page.locator(`.product[data-item="${itemId}"]`).waitFor();
    clicked.push(itemId);
    if (i < CLICKS - 1) await page.locator('#back').click();
  }
  const widget = await widgetAfter(page, lastClickAt);
  const clickedAt = await page.evaluate(() => window.lastClickAt);
  const inCategory = widget.categories.filter((c) => c === category).length;
  await page.screenshot({ path: env('SCREENSHOT'), fullPage: false });

  // a click on a recommended item of that category carries the decision that showed it
  const recommended = page.locator(`#recommended-items a[data-category="${category}"]`).first();
  const recommendedItem = await recommended.getAttribute('data-concierge-item');
  const recommendedDecision = await recommended.getAttribute('data-concierge-decision');
  await recommended.click();
  await page.locator(`.product[data-item="${recommendedItem}"]`).waitFor();
  await page.evaluate(() => window.concierge.flush());
  const customerId = await page.locator('#shopper').getAttribute('data-customer-id');
  await page.close();

  check(consoleErrors.length === 0, `the demo logged errors: ${consoleErrors.join(' | ')}`);
  check(!widget.fallback, 'the widget showed the fallback, not a decision');
  return {
    customerId, category, clicked, widget, inCategory, msAfterLastClick: widget.updatedAt - clickedAt,
    recommendedItem, recommendedDecision,
  };
}

// the snippet of the docs page, on a storefront page of another origin, as a shop would paste it
async function snippet(browser) {
  const markdown = readFileSync(env('SNIPPET_PAGE'), 'utf8');
  const block = /<!-- snippet:begin[^>]*-->\s*```html\n([\s\S]*?)```\s*<!-- snippet:end -->/.exec(markdown);
  check(block, 'no snippet between the snippet markers of the docs page');
  const html = block[1]
    .replaceAll('https://concierge.example.com', env('NODE_URL'))
    .replaceAll('pk_live_3f9c1e', env('PUBLISHABLE_KEY'));
  // the shop's own web server, as a storefront serves its pages and its copy of the SDK
  const shop = new URL(env('SHOP_ORIGIN'));
  const server = createServer((req, res) => {
    const sdk = req.url === '/assets/concierge.min.js';
    res.writeHead(200, { 'Content-Type': sdk ? 'text/javascript' : 'text/html' });
    res.end(sdk ? readFileSync(env('SDK_FILE')) : `<!doctype html><html><body><h1>sku-7</h1>${html}</body></html>`);
  });
  await new Promise((resolve) => server.listen(Number(shop.port), shop.hostname, resolve));
  const page = await browser.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  await page.goto(new URL('/products/sku-7', shop).href);
  const first = page.locator('#recommended-for-you a[data-concierge-decision]').first();
  await first.waitFor().catch((e) => {
    throw new Error(`the snippet rendered no decision (${e.message}); the page's errors: ${errors.join(' | ')}`);
  });
  const shown = await page.locator('#recommended-for-you a').count();
  const decisionId = await first.getAttribute('data-concierge-decision');
  const itemId = await first.getAttribute('data-concierge-item');
  await first.evaluate((a) => a.addEventListener('click', (e) => e.preventDefault())); // stay on the page
  await first.click();
  await page.evaluate(() => window.concierge.flush());
  const customerId = await page.evaluate(() => window.concierge.customerId);
  await page.close();
  server.close();
  check(errors.length === 0, `the snippet's page logged errors: ${errors.join(' | ')}`);
  return { customerId, decisionId, itemId, shown };
}

const browser = await chromium.launch({
  executablePath: env('CHROMIUM'),
  headless: true,
  // the tests may run as root (CI containers), where Chromium's sandbox cannot start
  args: ['--no-sandbox'],
});
try {
  const result = { demo: await demo(browser), snippet: await snippet(browser) };
  console.log('RESULT ' + JSON.stringify(result));
} finally {
  await browser.close();
}
