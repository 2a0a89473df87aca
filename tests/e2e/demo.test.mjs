// The demo page as a reader gets it: every box shows, charts are sharp at DPR 2, resize
// re-lays out, dark mode follows the system, and nothing is logged as an error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve, launch, open, settleAll, root } from './helpers.mjs';

let server;
let browser;
const shots = path.join(root, 'target', 'screenshots', 'e2e');

before(async () => {
  server = await serve();
  browser = await launch();
  fs.mkdirSync(shots, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the widget is sent precompressed: .br and .gz beside each file decode to it exactly', async () => {
  const dist = path.join(root, 'dist');
  const wasm = fs.readdirSync(dist).find((n) => /^factbox_bg\.[0-9a-f]{12}\.wasm$/.test(n));
  const glue = fs.readdirSync(dist).find((n) => /^factbox_glue\.[0-9a-f]{12}\.js$/.test(n));
  for (const name of ['factbox.js', wasm, glue, 'index.html', 'data/egov-vn.json']) {
    const file = path.join(dist, name);
    const body = fs.readFileSync(file);
    assert.deepEqual(zlib.gunzipSync(fs.readFileSync(`${file}.gz`)), body, `${name}.gz`);
    assert.deepEqual(zlib.brotliDecompressSync(fs.readFileSync(`${file}.br`)), body, `${name}.br`);
  }
  // The browser asks for brotli and gets it, and the page works from it.
  const { context, page } = await open(browser, 'about:blank');
  const encodings = new Map();
  page.on('response', async (r) => encodings.set(path.extname(new URL(r.url()).pathname),
    (await r.allHeaders())['content-encoding']));
  await page.goto(`${server.url}/`);
  await settleAll(page);
  const states = await page.$$eval('[data-factbox]', (els) => els.map((e) => e.dataset.factboxState));
  assert.ok(states.length > 5 && states.every((s) => s === 'ready'), states.join());
  assert.equal(encodings.get('.wasm'), 'br');
  assert.equal(encodings.get('.js'), 'br');
  await context.close();
});

test('one scheduler: no worker, no warm-up; each box says once when it is ready', async () => {
  const { context, page } = await open(browser, 'about:blank');
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.addInitScript(() => {
    window.__told = [];
    for (const name of ['factbox:ready', 'factbox:error']) {
      document.addEventListener(name, (e) => window.__told.push([e.target.id || e.target.getAttribute('data-factbox'), e.type]));
    }
  });
  await page.goto(`${server.url}/`);
  const n = await settleAll(page);
  assert.deepEqual(workers, []);
  assert.equal(await page.locator('body > div[aria-hidden="true"]').count(), 0);
  const told = await page.evaluate(() => window.__told);
  const ready = told.filter((t) => t[1] === 'factbox:ready');
  assert.equal(ready.length, n, JSON.stringify(told));
  assert.equal(new Set(ready.map((t) => t[0])).size, n, 'one event per box');
  // The script tag's promise resolves when the chart is on screen, not when it is queued.
  const drawn = await page.evaluate(async () => {
    const el = document.createElement('div');
    document.body.append(el);
    await window.factbox.render(el, { version: 1, boxes: [{ id: 'p', kind: 'bar', title: 'T', bars: [{ label: 'A', value: 1 }] }] });
    const shown = [...el.shadowRoot.querySelectorAll('svg.fb-svg')].find((s) => s.getBoundingClientRect().width > 0);
    return [el.getAttribute('data-factbox-state'), !!shown && shown.getBoundingClientRect().height > 0];
  });
  assert.deepEqual(drawn, ['ready', true]);
  const refused = await page.evaluate(() => {
    const el = document.createElement('div');
    document.body.append(el);
    return window.factbox.render(el, '{"version": 1, "boxes": [}').then(() => 'resolved', (e) => e.message);
  });
  assert.match(refused, /dòng 1, cột 26|line 1, column 26/);
  await context.close();
});

/** The drawing a box shows (of its five, chosen by container queries): its CSS size,
 *  the width it was laid out for, and its chart container's width. */
function drawingSizes(page, selector) {
  return page.locator(selector).evaluate((el) => {
    const c = [...el.shadowRoot.querySelectorAll('svg.fb-svg')].find((s) => s.getBoundingClientRect().width > 0);
    const r = c.getBoundingClientRect();
    const chart = c.parentNode.getBoundingClientRect();
    return { cssW: r.width, cssH: r.height, layout: Number(c.dataset.width), chartW: chart.width, dpr: devicePixelRatio, shown: el.shadowRoot.querySelectorAll('svg.fb-svg').length };
  });
}

test('every box of the demo page becomes ready, with no console error', async () => {
  const { context, page, errors } = await open(browser, `${server.url}/index.html`, {
    viewport: { width: 1280, height: 900 },
  });
  const n = await settleAll(page);
  assert.equal(n, 13);
  const states = await page.$$eval('[data-factbox]', (els) =>
    els.map((e) => [e.getAttribute('data-factbox-state'), e.getAttribute('data-factbox-kind')]));
  const kinds = new Set(states.map((s) => s[1]));
  assert.deepEqual([...kinds].sort(), ["bar", "figures", "line", "progress", "rank-change", "share", "table"]);
  assert.ok(states.every((s) => s[0] === "ready"), JSON.stringify(states));
  const numbers = await page.locator('[data-factbox] >> .fb-number').allTextContents();
  // A no-break space keeps the number with its scale word.
  assert.deepEqual(numbers, ['9.300', '8.100', '1.200', '16,4\u00a0triệu', '2.800', '116\u00a0triệu', '90', '4,5\u00a0triệu', '2,5']);
  const change = await page.locator('[data-factbox] >> .fb-change').first().textContent();
  assert.match(change, /×35/);
  assert.match(change.replace(/\u00a0/g, ' '), /hơn 468 nghìn tài khoản/);
  assert.deepEqual(errors, []);
  await page.screenshot({ path: path.join(shots, 'demo-1280.png'), fullPage: true });
  await context.close();
});

test('charts are vector drawings that fill their column at devicePixelRatio 2, laid out for about that width', async () => {
  const { context, page, errors } = await open(browser, `${server.url}/index.html`, {
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2,
  });
  await settleAll(page);
  await page.locator('[data-factbox$="#xep-hang-asean"]').scrollIntoViewIfNeeded();
  const s = await drawingSizes(page, '[data-factbox$="#xep-hang-asean"]');
  assert.equal(s.dpr, 2);
  assert.equal(s.shown, 5, 'five layouts, one shown');
  assert.ok(s.cssW > 250, `the drawing fills the column (${s.cssW})`);
  assert.ok(Math.abs(s.cssW - s.chartW) < 1, `${s.cssW} = ${s.chartW}`);
  // The widest layout that fits (280 or 360 px on this phone), scaled by at most 1.3.
  assert.ok(s.layout <= s.chartW && s.chartW / s.layout <= 1.3, `${s.layout} for ${s.chartW}`);
  assert.deepEqual(errors, []);
  await page.screenshot({ path: path.join(shots, 'demo-390-dpr2.png'), fullPage: true });
  await context.close();
});

test('a chart shows the layout for its new width when its container is resized, with no script', async () => {
  const { context, page } = await open(browser, `${server.url}/index.html`, {
    viewport: { width: 1280, height: 900 },
  });
  await settleAll(page);
  const sel = '[data-factbox$="#xep-hang-asean"]';
  await page.locator(sel).scrollIntoViewIfNeeded();
  const wide = await drawingSizes(page, sel);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.waitForFunction((s) => {
    const c = [...document.querySelector(s).shadowRoot.querySelectorAll('svg.fb-svg')].find((x) => x.getBoundingClientRect().width > 0);
    return c && c.getBoundingClientRect().width < 360;
  }, sel, { timeout: 5000 });
  const narrow = await drawingSizes(page, sel);
  assert.ok(narrow.cssW < wide.cssW, `${narrow.cssW} < ${wide.cssW}`);
  assert.ok(narrow.layout < wide.layout, `${narrow.layout} < ${wide.layout}`);
  assert.ok(narrow.layout <= narrow.chartW, `${narrow.layout} fits ${narrow.chartW}`);
  // Nothing of the chart sticks out of the phone's viewport.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 360, `page width ${overflow}`);
  await context.close();
});

test('dark mode follows the reader\'s system setting, and can be forced per box', async () => {
  const bg = (page) => page.locator('[data-factbox$="#tiet-kiem"]').evaluate(
    (el) => getComputedStyle(el.shadowRoot.querySelector('.fb')).backgroundColor);
  const light = await open(browser, `${server.url}/index.html`, { colorScheme: 'light' });
  await settleAll(light.page);
  const dark = await open(browser, `${server.url}/index.html`, { colorScheme: 'dark' });
  await settleAll(dark.page);
  const lightBg = await bg(light.page);
  const darkBg = await bg(dark.page);
  assert.notEqual(lightBg, darkBg);
  await dark.page.locator('[data-factbox$="#tiet-kiem"]').evaluate((el) => el.setAttribute('data-factbox-theme', 'light'));
  assert.equal(await bg(dark.page), lightBg);
  assert.deepEqual([...light.errors, ...dark.errors], []);
  await light.context.close();
  await dark.context.close();
});

test('the page looks right at 360 px and 1280 px (screenshots kept for people to look at)', async () => {
  for (const width of [360, 1280]) {
    for (const colorScheme of ['light', 'dark']) {
      const { context, page, errors } = await open(browser, `${server.url}/index.html`, {
        viewport: { width, height: 900 }, colorScheme,
      });
      await settleAll(page);
      await page.screenshot({ path: path.join(shots, `demo-${width}-${colorScheme}.png`), fullPage: true });
      // Every box is inside the viewport's width.
      const boxes = await page.$$eval('[data-factbox]', (els) => els.map((e) => e.getBoundingClientRect().right));
      for (const right of boxes) assert.ok(right <= width, `box right edge ${right} ≤ ${width}`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});

test('live boxes hold a typical height until drawn, then their own: the article hardly moves (CLS ≤ 0.1) and no gap is left', async () => {
  for (const [width, height] of [[412, 823], [1280, 900]]) {
    const { context, page } = await open(browser, 'about:blank', { viewport: { width, height } });
    await page.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${server.url}/`);
    // The first screen: every box on it drawn, then the shifts so far (a reader's CLS
    // before scrolling).
    await page.waitForFunction(() => [...document.querySelectorAll('[data-factbox]')]
      .filter((e) => e.getBoundingClientRect().top < innerHeight)
      .every((e) => e.getAttribute('data-factbox-state') === 'ready'));
    await page.waitForTimeout(300);
    const cls = await page.evaluate(() => window.__cls);
    assert.ok(cls <= 0.1, `layout shift ${cls.toFixed(3)} at ${width} px`);
    await settleAll(page);
    // Drawn, each box is its content's height: the reservation is gone, the page's own
    // style attribute untouched.
    const boxes = await page.$$eval('[data-factbox]', (els) => els.map((e) => ({
      style: e.getAttribute('style'),
      host: Math.round(e.getBoundingClientRect().height),
      box: Math.round(e.shadowRoot.querySelector('.fb').getBoundingClientRect().height),
    })));
    for (const b of boxes) {
      assert.equal(b.style, null);
      assert.ok(Math.abs(b.host - b.box) <= 40, `host ${b.host} px around a box of ${b.box} px`);
    }
    assert.ok(boxes.some((b) => b.box < 480), 'a box shorter than the reservation, to show none is kept');
    await context.close();
  }
});
