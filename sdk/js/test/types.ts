// Compiled by `npm run typecheck` (never run): the README's usage against index.d.ts, through the
// package's own exports map.
import { Concierge, decorate, init, type ConciergeError, type Decision } from '@concierge/sdk';

const concierge: Concierge = init({
  endpoint: 'https://reco.example.com',
  key: 'pk_live_123',
  consent: false,
  onError: (e: ConciergeError) => console.warn(e.op, e.status, e.code, e.events?.length),
});
concierge.setConsent(true);
const id: string | null = concierge.track({ type: 'view', itemId: 'sku-7', context: { page: 'product' } });
concierge.track({ type: 'purchase', itemId: 'sku-7', price: 59, quantity: 1, timestamp: new Date() });
concierge.identify('c-42');
concierge.trackClick('sku-22', 'd-1');
concierge.trackClick('sku-22');
const stop: () => void = concierge.trackClicks(document.body);
stop();

async function render(list: HTMLElement): Promise<void> {
  const d: Decision = await concierge.recommend({
    context: { itemId: 'sku-7', page: 'product' },
    limit: 4,
    fallback: ['sku-1', { itemId: 'sku-2', title: 'Tent' }],
  });
  for (const item of d.items) {
    const li = decorate(document.createElement('li'), item);
    li.textContent = item.itemId;
    list.append(li);
  }
  const fell: boolean = d.fallback;
  void fell;
}
void render;
void id;
await concierge.flush();
new Concierge({ endpoint: 'http://127.0.0.1:8080' }).destroy();

// @ts-expect-error an unknown event type
concierge.track({ type: 'like', itemId: 'sku-7' });
// @ts-expect-error endpoint is required
init({ key: 'pk_live_123' });
