// Estimates, forecasts and ranges as a reader meets them, on the digital-economy article:
// live (drawn from its JSON) and prerendered (read with JavaScript off), the words
// "ước tính" / "dự báo" stand beside the values, tooltips and the keyboard say them, the
// range's progress is "on the way", never met; at 360 and 1280 px, light and dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, open, settleAll, root } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const shots = path.join(root, 'target', 'screenshots', 'uncertain');
fs.mkdirSync(shots, { recursive: true });
const nbsp = (s) => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');

/** The text of box `id` (its shadow root, or the element itself when it has none). */
function boxText(page, id) {
  return page.locator(`[data-factbox$="#${id}"]`).evaluate((el) => (el.shadowRoot || el).textContent);
}

for (const width of [360, 1280]) {
  for (const scheme of ['light', 'dark']) {
    test(`the article live at ${width}px, ${scheme}: statuses beside values, in tooltips and keys`, async () => {
      const { context, page, errors } = await open(browser, `${server.url}/kinh-te-so.html`, {
        viewport: { width, height: 900 }, deviceScaleFactor: 2, colorScheme: scheme,
      });
      await settleAll(page);
      const figures = nbsp(await boxText(page, 'kinh-te-so-so-lieu'));
      assert.match(figures, /36 tỷ USD ước tính/);
      assert.match(figures, /\+16% ước tính/);
      assert.match(figures, /khoảng 13–14%/);
      // The line: step through its points with the keyboard; each tooltip says its status.
      const line = page.locator('[data-factbox$="#gmv-theo-nam"]');
      const canvas = line.locator('svg.fb-svg:visible');
      await canvas.focus();
      const tips = [];
      for (let k = 0; k < 7; k++) {
        if (k > 0) await page.keyboard.press('ArrowRight');
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        tips.push(nbsp(await line.evaluate((el) => el.shadowRoot.querySelector('.fb-tip')?.textContent || '')));
      }
      assert.ok(tips[3].includes('2023') && /30 tỷ USD$/.test(tips[3].trim()), tips[3]);
      assert.ok(tips[4].includes('36 tỷ USD (ước tính)'), tips[4]);
      assert.ok(tips[5].includes('45 tỷ USD (dự báo)'), tips[5]);
      assert.ok(tips[6].includes('90–200 tỷ USD (dự báo)'), tips[6]);
      const alt = nbsp(await canvas.getAttribute('aria-label'));
      assert.match(alt, /2024, 36 tỷ USD \(ước tính\)/);
      assert.match(alt, /2030, 90–200 tỷ USD \(dự báo\)/);
      // The data table says the same.
      const table = nbsp(await line.evaluate((el) => el.shadowRoot.querySelector('table').textContent));
      assert.match(table, /90–200 tỷ USD \(dự báo\)/);
      // The range's progress is on the way, never met, and says its gap in points.
      const progress = page.locator('[data-factbox$="#ty-trong-gdp"]');
      const status = await progress.evaluate((el) => {
        const p = el.shadowRoot.querySelector('[data-standing]');
        return [p.getAttribute('data-standing'), p.getAttribute('data-met'), p.textContent];
      });
      assert.deepEqual(status.slice(0, 2), ['on-the-way', 'false']);
      assert.match(nbsp(status[2]), /hiện khoảng 13–14% \(ước tính\), còn thiếu 6–7 điểm phần trăm/);
      // The English figures.
      assert.match(nbsp(await boxText(page, 'digital-economy')), /90–200 billion USD forecast/);
      await page.screenshot({ path: path.join(shots, `live-${width}-${scheme}.png`), fullPage: true });
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('the article prerendered, JavaScript off: the same words, the dashed projection drawn', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/kinh-te-so-prerendered.html`);
  const figures = nbsp(await boxText(page, 'kinh-te-so-so-lieu'));
  assert.match(figures, /36 tỷ USD ước tính/);
  const line = page.locator('[data-factbox$="#gmv-theo-nam"]');
  const svg = await line.evaluate((el) => {
    const s = [...el.shadowRoot.querySelectorAll('svg.fb-svg')].find((x) => x.getBoundingClientRect().width > 0);
    return { text: s.textContent, strokes: s.querySelectorAll('polyline, path, line').length, bands: s.querySelectorAll('polygon').length };
  });
  assert.match(nbsp(svg.text), /ước tính · dự báo · vùng tô: khoảng giá trị/);
  assert.match(nbsp(svg.text), /90–200 tỷ USD \(dự báo\)/);
  assert.ok(svg.strokes > 30, `dashes drawn: ${svg.strokes}`);
  assert.ok(svg.bands >= 1, 'the range band');
  const progress = nbsp(await boxText(page, 'ty-trong-gdp'));
  assert.match(progress, /Đang hướng tới mục tiêu 20% \(hạn 2025\): hiện khoảng 13–14% \(ước tính\)/);
  await page.screenshot({ path: path.join(shots, 'prerendered-360-nojs.png'), fullPage: true });
  await context.close();
});
