// Readers exploring charts: hover with a mouse, tap on a touch screen, and tab and arrow
// through marks with the keyboard, on every chart kind. The tooltip says the label and
// the exact value as the article writes it, and never leaves the box.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, open, settleAll, root } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const nbsp = (s) => s.replace(/\u00a0/g, ' ');

/** The tooltip of a box: its lines (or null when hidden) and whether it is inside the box. */
function tip(page, sel) {
  return page.locator(sel).evaluate((el) => {
    const t = el.shadowRoot.querySelector('.fb-tip');
    if (!t || t.hidden) return null;
    const r = t.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    const inside = r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
    return { lines: [...t.children].map((c) => c.textContent.replace(/\u00a0/g, ' ')), inside };
  });
}

/** Moves the mouse down the chart at `fx` of its width until a tooltip shows. */
async function hoverUntilTip(page, sel, fx = 0.6) {
  const canvas = page.locator(sel).locator('svg.fb-svg:visible');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  for (let y = 2; y < box.height; y += 4) {
    await page.mouse.move(box.x + box.width * fx, box.y + y);
    const t = await tip(page, sel);
    if (t) return { ...t, at: { x: box.x + box.width * fx, y: box.y + y } };
  }
  return null;
}

// The same tests on the live page and on the same article prerendered by `factbox render`
// (made interactive where it is, without the wasm).
const ARTICLES = ['index.html', 'prerendered.html'];

const kinds = [
  { kind: 'bar', sel: '[data-factbox$="#xep-hang-asean"]', first: ['Thái Lan', 'hạng 57'], second: ['Việt Nam', 'hạng 86'] },
  { kind: 'rank-change', sel: '[data-factbox$="#thay-doi-xep-hang"]', first: ['Thái Lan', '2018: hạng 73 → 2020: hạng 57', 'tăng 16 bậc'], second: ['Việt Nam', '2018: hạng 88 → 2020: hạng 86', 'tăng 2 bậc'] },
  { kind: 'line', sel: '[data-factbox$="#tai-khoan"]', first: ['8/3/2021', 'hơn 468 nghìn tài khoản'], second: ['8/2024', '16,4 triệu tài khoản'] },
  { kind: 'share (donut)', sel: '[data-factbox$="#covid-19"]', first: ['Đã khỏi', '2.186 ca (85,4%)'], second: ['Đang điều trị', '339 ca (13,2%)'] },
  { kind: 'share (bar)', sel: '[data-factbox$="#co-cau-tiet-kiem"]', first: ['Dịch vụ công trực tuyến trên Cổng Dịch vụ công quốc gia', '8.100 tỉ đồng (87,1%)'], second: ['Trục liên thông văn bản quốc gia', '1.200 tỉ đồng (12,9%)'] },
  { kind: 'progress', sel: '[data-factbox$="#muc-do-4"]', first: ['dịch vụ công trực tuyến đạt mức độ 4, tính đến tháng 3/2021', '31%'], second: ['Mục tiêu năm 2020: 30%', '✓ Đạt mục tiêu: 31% so với mục tiêu 30%'] },
];

for (const article of ARTICLES) {
  test(`keyboard: tab to a chart, arrows move from mark to mark, Escape hides (${article})`, async () => {
    const { context, page, errors } = await open(browser, `${server.url}/${article}`, { viewport: { width: 1280, height: 900 } });
    await settleAll(page);
    for (const k of kinds) {
      const canvas = page.locator(k.sel).locator('svg.fb-svg:visible');
      await canvas.scrollIntoViewIfNeeded();
      await canvas.focus();
      let t = await tip(page, k.sel);
      assert.deepEqual(t?.lines, k.first, `${k.kind}: focus shows the first mark`);
      assert.ok(t.inside, `${k.kind}: tooltip inside the box`);
      await page.keyboard.press('ArrowRight');
      t = await tip(page, k.sel);
      assert.deepEqual(t?.lines, k.second, `${k.kind}: ArrowRight`);
      assert.ok(t.inside, `${k.kind}: tooltip inside the box`);
      await page.keyboard.press('ArrowLeft');
      assert.deepEqual((await tip(page, k.sel))?.lines, k.first, `${k.kind}: ArrowLeft`);
      await page.keyboard.press('Escape');
      assert.equal(await tip(page, k.sel), null, `${k.kind}: Escape hides`);
    }
    // Tab order reaches every chart: each drawing is focusable (the hidden ones, of other
    // widths, are skipped by the browser).
    const focusable = await page.$$eval('[data-factbox]', (els) =>
      els.map((e) => e.shadowRoot.querySelector('svg.fb-svg')?.tabIndex).filter((t) => t !== undefined));
    assert.ok(focusable.length >= 7 && focusable.every((t) => t === 0), JSON.stringify(focusable));
    assert.deepEqual(errors, []);
    await context.close();
  });
}

for (const article of ARTICLES) {
  test(`mouse: hovering a mark shows its tooltip, leaving the chart hides it (${article})`, async () => {
    const { context, page, errors } = await open(browser, `${server.url}/${article}`, { viewport: { width: 1280, height: 900 } });
    await settleAll(page);
    for (const k of kinds) {
      const found = await hoverUntilTip(page, k.sel, k.kind.startsWith('share (donut)') ? 0.12 : 0.5);
      assert.ok(found, `${k.kind}: a tooltip appears under the mouse`);
      assert.ok([k.first, k.second].some((want) => JSON.stringify(want) === JSON.stringify(found.lines)) || found.lines.length >= 2,
        `${k.kind}: ${JSON.stringify(found.lines)}`);
      assert.ok(found.inside, `${k.kind}: tooltip inside the box`);
      await page.mouse.move(5, 5);
      await page.locator(k.sel).evaluate(() => new Promise(requestAnimationFrame));
      assert.equal(await tip(page, k.sel), null, `${k.kind}: hidden after leaving`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

for (const article of ARTICLES) {
  test(`touch: tapping a mark shows its tooltip, tapping elsewhere hides it (${article})`, async () => {
    const { context, page, errors } = await open(browser, `${server.url}/${article}`, {
      viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true,
    });
    await settleAll(page);
    for (const k of kinds) {
      const canvas = page.locator(k.sel).locator('svg.fb-svg:visible');
      await canvas.scrollIntoViewIfNeeded();
      const box = await canvas.boundingBox();
      let shown = null;
      for (let y = 4; y < box.height && !shown; y += 8) {
        const fx = k.kind.startsWith('share (donut)') ? 0.15 : 0.5;
        await page.touchscreen.tap(box.x + box.width * fx, box.y + y);
        shown = await tip(page, k.sel);
      }
      assert.ok(shown, `${k.kind}: a tap shows a tooltip`);
      assert.ok(shown.inside, `${k.kind}: tooltip inside the box on a phone`);
      assert.ok(shown.lines.length >= 2 && shown.lines.every((l) => l.length > 0), JSON.stringify(shown.lines));
      // A tap on the article text hides it.
      const p = page.locator('main p').first();
      await p.scrollIntoViewIfNeeded();
      const pb = await p.boundingBox();
      await page.touchscreen.tap(pb.x + 5, pb.y + 5);
      assert.equal(await tip(page, k.sel), null, `${k.kind}: tapping elsewhere hides`);
    }
    await page.screenshot({ path: path.join(root, 'target', 'screenshots', 'e2e', 'touch-390.png') });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('legend: a series can be switched off and on; status and warning lines are text', async () => {
  const { context, page, errors } = await open(browser, `${server.url}/test/charts.html`, { viewport: { width: 900, height: 1000 } });
  await settleAll(page);
  const legend = page.locator('#many-series').locator('.fb-legend-item');
  assert.equal(await legend.count(), 3);
  assert.deepEqual(await legend.allTextContents(), ['Dịch vụ công', 'Thủ tục (nghìn)', 'Chuỗi dài để thử nhãn']);
  // The chart's drawings, as markup (the legend has them laid out again by the wasm).
  const canvasPixels = () => page.locator('#many-series').evaluate(async (el) => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return [...el.shadowRoot.querySelectorAll('svg.fb-svg')].map((s) => s.outerHTML).join('');
  });
  const before = await canvasPixels();
  await legend.nth(0).click();
  assert.equal(await legend.nth(0).getAttribute('aria-pressed'), 'false');
  await page.waitForFunction((b) => {
    const el = document.querySelector('#many-series');
    return [...el.shadowRoot.querySelectorAll('svg.fb-svg')].map((s) => s.outerHTML).join('') !== b;
  }, before);
  const after = await canvasPixels();
  assert.notEqual(after, before, 'the chart is redrawn without the series');
  // Keyboard stepping skips the hidden series: the first mark is now the second series'.
  await page.locator('#many-series svg.fb-svg:visible').focus();
  assert.deepEqual((await tip(page, '#many-series'))?.lines, ['Thủ tục (nghìn) — 8/3/2021', 'gần 6.800']);
  await legend.nth(0).press('Enter');
  assert.equal(await legend.nth(0).getAttribute('aria-pressed'), 'true');
  await page.waitForFunction((b) => {
    const el = document.querySelector('#many-series');
    return [...el.shadowRoot.querySelectorAll('svg.fb-svg')].map((s) => s.outerHTML.replace(/ fb-on/g, '')).join('') === b.replace(/ fb-on/g, '');
  }, before);

  const warning = await page.locator('#share-shortfall').locator('.fb-warning').textContent();
  assert.match(nbsp(warning), /ít hơn tổng 2.560 ca: còn thiếu 35 ca không được thể hiện/);
  const status = await page.locator('#progress-not-met').locator('.fb-status').textContent();
  assert.match(status, /✗ Chưa đạt mục tiêu: 12% so với mục tiêu 80%/);
  assert.deepEqual(errors, []);
  await page.screenshot({ path: path.join(root, 'target', 'screenshots', 'e2e', 'charts.png'), fullPage: true });
  await context.close();
});

test('every chart has its data as a real table behind "Xem dữ liệu"', async () => {
  const { context, page, errors } = await open(browser, `${server.url}/index.html`, { viewport: { width: 1280, height: 900 } });
  await settleAll(page);
  const rank = page.locator('[data-factbox$="#thay-doi-xep-hang"]');
  const summary = rank.locator('.fb-data summary');
  assert.equal(await summary.textContent(), 'Xem dữ liệu');
  assert.equal(await rank.locator('.fb-data table').isVisible(), false, 'closed at first');
  await summary.focus();
  await page.keyboard.press('Enter');
  assert.equal(await rank.locator('.fb-data table').isVisible(), true, 'opened by keyboard');
  const rows = await rank.locator('.fb-data tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent.replace(/\u00a0/g, ' '))));
  assert.deepEqual(rows[0], ['Thái Lan', '2018: hạng 73 → 2020: hạng 57', 'tăng 16 bậc']);
  assert.equal(rows.length, 5);
  assert.deepEqual(await rank.locator('.fb-data thead th').allTextContents(), ['Mục', 'Thứ hạng', 'Thay đổi']);
  // Every chart of the page has one, with a row per mark.
  const counts = await page.$$eval('[data-factbox]', (els) => els
    .filter((e) => e.shadowRoot.querySelector('.fb-chart'))
    .map((e) => e.shadowRoot.querySelectorAll('.fb-data tbody tr').length));
  assert.deepEqual(counts, [2, 2, 2, 5, 5, 10, 2, 7, 3]);
  // The English page says "Show data".
  await page.goto(`${server.url}/en.html`);
  await settleAll(page);
  assert.equal(await page.locator('[data-factbox$="#covid-19"] .fb-data summary').textContent(), 'Show data');
  assert.deepEqual(errors, []);
  await context.close();
});
