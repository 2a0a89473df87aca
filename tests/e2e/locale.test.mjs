// The English page and the Vietnamese page show the same figures, each written the way
// its readers write numbers: 9.300 and 16,4 triệu in Vietnamese; 9,300 and 16.4 million
// in English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, settleAll } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Every number the boxes show as text, and every chart's text alternative. */
async function figures(url) {
  const { context, page, errors } = await open(browser, url, { viewport: { width: 1280, height: 900 } });
  await settleAll(page);
  const numbers = await page.locator('[data-factbox] >> .fb-number').allTextContents();
  const alts = await page.$$eval('[data-factbox]', (els) => els
    .map((e) => e.shadowRoot.querySelector('svg.fb-svg')?.getAttribute('aria-label'))
    .filter(Boolean));
  const langs = await page.$$eval('[data-factbox]', (els) => els.map((e) => e.shadowRoot.querySelector('.fb')?.getAttribute('lang')));
  await context.close();
  return { numbers: numbers.map((n) => n.replace(/\u00a0/g, ' ')), alts: alts.map((a) => a.replace(/\u00a0/g, ' ')), langs, errors };
}

test('the English and Vietnamese pages show the same figures, each in its own style', async () => {
  const vi = await figures(`${server.url}/index.html`);
  const en = await figures(`${server.url}/en.html`);
  assert.deepEqual(vi.numbers, ['9.300', '8.100', '1.200', '16,4 triệu', '2.800', '116 triệu', '90', '4,5 triệu', '2,5']);
  assert.deepEqual(en.numbers, ['9,300', '8,100', '1,200', '16.4 million', '2,800', '116 million', '90', '4.5 million', '2.5']);
  assert.ok(vi.langs.every((l) => l === 'vi') && en.langs.every((l) => l === 'en'));
  // The charts carry the same values too: compare the digits of their text alternatives,
  // with the separators each language uses removed.
  // Dates are written differently on purpose (9/12/2019, 9 Dec 2019): leave them out.
  const undated = (s) => s
    .replace(/\b\d{1,2}\/\d{1,2}\/\d{4}\b|\b\d{1,2}\/\d{4}\b/g, '')
    .replace(/\b(\d{1,2} )?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4}\b/g, '');
  const digits = (s) => (undated(s).match(/\d[\d.,]*/g) || []).map((n) => n.replace(/[.,]/g, ''));
  assert.equal(vi.alts.length, en.alts.length);
  for (let i = 0; i < vi.alts.length; i++) {
    assert.deepEqual(digits(en.alts[i]), digits(vi.alts[i]), `chart ${i}:\n${vi.alts[i]}\n${en.alts[i]}`);
  }
  assert.match(en.alts.join(' '), /Rank change chart, 5 items; 5 moved up, 0 moved down, 0 unchanged\. .*up 16 places/);
  assert.match(vi.alts.join(' '), /Biểu đồ thay đổi thứ hạng, 5 mục; 5 tăng hạng, 0 giảm hạng, 0 giữ nguyên\. .*tăng 16 bậc/);
  assert.deepEqual([...vi.errors, ...en.errors], []);
});
