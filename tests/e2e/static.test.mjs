// Static-first boxes (dist/prerendered.html, made by `factbox render`): a real box with
// JavaScript off, at phone and desktop widths, light and dark, axe-clean; taken over by
// factbox.js without a layout shift and looking the same; a stale snippet says so; an
// inline snippet needs no file; the npm module's prerender() in the page writes the command's
// snippet byte for byte; forced colours (Windows high contrast) reach the charts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, root, sendFile, differing } from './helpers.mjs';

let server;
let browser;
const shots = path.join(root, 'target', 'screenshots', 'e2e');
const snippets = path.join(root, 'target', 'prerendered');
const factboxCommand = path.join(root, 'target', 'debug', 'factbox');
const demoJson = fs.readFileSync(path.join(root, 'www', 'data', 'egov-vn.json'), 'utf8');
// The stale test's copy of the demo data, one title changed after the snippets were made.
const changed = demoJson.replace('Nhiều nước láng giềng tăng hạng', 'ĐÃ SỬA: Nhiều nước láng giềng tăng hạng');
const inlineDir = path.join(root, 'target', 'e2e-inline');

before(async () => {
  fs.mkdirSync(shots, { recursive: true });
  // One box as one paste (--inline), in a page of its own.
  fs.rmSync(inlineDir, { recursive: true, force: true });
  execFileSync(factboxCommand, ['render', 'www/data/egov-vn.json#xep-hang-asean', '--inline',
    '--out', inlineDir], { cwd: root, stdio: 'pipe' });
  const snippet = fs.readFileSync(path.join(inlineDir, 'xep-hang-asean.html'), 'utf8');
  fs.writeFileSync(path.join(inlineDir, 'page.html'), `<!doctype html><html lang="vi"><head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Một lần dán</title></head><body><main><h1>Một lần dán</h1>
${snippet}</main></body></html>`);
  server = await serve({
    route(url, res) {
      if (url.pathname === '/stale/prerendered.html') {
        sendFile(res, path.join(root, 'dist', 'prerendered.html'));
        return true;
      }
      if (url.pathname === '/stale/data/egov-vn.json') {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(changed);
        return true;
      }
      if (url.pathname.startsWith('/stale/')) {
        sendFile(res, path.join(root, 'dist', url.pathname.slice('/stale/'.length)));
        return true;
      }
      if (url.pathname.startsWith('/pkg/')) {
        sendFile(res, path.join(root, 'pkg', path.basename(url.pathname)));
        return true;
      }
      if (url.pathname === '/inline/page.html') {
        sendFile(res, path.join(inlineDir, 'page.html'));
        return true;
      }
      if (url.pathname === '/inline/factbox.js' || /^\/inline\/factbox_(bg|glue)\./.test(url.pathname)) {
        sendFile(res, path.join(root, 'dist', url.pathname.slice('/inline/'.length)));
        return true;
      }
      return false;
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** What each box shows without any script. */
function staticView(page) {
  return page.$$eval('[data-factbox]', (els) => els.map((el) => {
    const root = el.shadowRoot;
    const shown = (e) => e && getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0;
    const svgs = root ? [...root.querySelectorAll('svg.fb-svg')].filter(shown) : [];
    const svg = svgs[0];
    const scale = svg ? svg.getBoundingClientRect().width / Number(svg.dataset.width) : 1;
    const sizes = svg ? [...svg.querySelectorAll('text')].map((t) => Number(t.getAttribute('font-size')) * scale) : [];
    return {
      id: el.getAttribute('data-factbox'),
      title: root?.querySelector('.fb-title')?.textContent || '',
      numbers: root ? [...root.querySelectorAll('.fb-number')].filter(shown).length : 0,
      svgs: svgs.length,
      label: svg?.getAttribute('aria-label') || '',
      role: svg?.getAttribute('role') || '',
      table: !!root?.querySelector('details table'),
      // A table box: its rows on screen (with no script, every one of them).
      rows: root ? [...root.querySelectorAll('.fb-table tbody tr')].filter(shown).length : 0,
      smallest: sizes.length ? Math.min(...sizes) : null,
      inside: svg ? svg.getBoundingClientRect().right <= el.getBoundingClientRect().right + 0.5 : true,
      height: el.getBoundingClientRect().height,
      // The plain version (for where the template is not attached) is in the snippet...
      plain: el.querySelector(':scope > .factbox-plain') !== null,
      // ...and neither shown nor in the accessibility tree where it is.
      plainShown: !!el.querySelector(':scope > .factbox-plain')?.checkVisibility(),
    };
  }));
}

for (const [width, scheme] of [[360, 'light'], [360, 'dark'], [1280, 'light'], [1280, 'dark']]) {
  test(`JavaScript off, ${width} px ${scheme}: every box shows its title and its figures or chart, with a text alternative and a table`, async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 }, colorScheme: scheme });
    const page = await context.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/prerendered.html`);
    const boxes = await staticView(page);
    assert.equal(boxes.length, 13);
    for (const b of boxes) {
      assert.ok(b.title.length > 10, `${b.id}: title`);
      assert.ok(b.height > 150, `${b.id}: height ${b.height}`);
      assert.ok(b.plain && !b.plainShown, `${b.id}: the plain version is there, hidden`);
      if (b.numbers > 0) continue;  // a key-figure box
      if (b.rows > 0) {
        assert.equal(b.rows, 5, `${b.id}: the table box's every row`);
        continue;
      }
      assert.equal(b.svgs, 1, `${b.id}: one drawing shows`);
      assert.equal(b.role, 'img', b.id);
      assert.ok(b.label.length > 40, `${b.id}: text alternative`);
      assert.ok(b.table, `${b.id}: data table`);
      assert.ok(b.inside, `${b.id}: drawing inside the box`);
      // A layout made for about this width: labels are not shrunk below 11 px.
      assert.ok(b.smallest >= 11, `${b.id}: smallest text ${b.smallest} px`);
    }
    assert.ok(boxes.filter((b) => b.numbers > 0).length >= 3, 'key-figure boxes');
    // Nothing but the page: no script ran, so no widget and no data were asked for.
    assert.ok(!requests.some((p) => p.endsWith('.wasm') || p.endsWith('.json')), requests.join(' '));
    // The boxes are dark in the dark scheme, light in the light one.
    const bg = await page.$eval('[data-factbox]', (el) => getComputedStyle(el.shadowRoot.querySelector('.fb')).backgroundColor);
    assert.equal(bg, scheme === 'dark' ? 'rgb(28, 31, 36)' : 'rgb(246, 246, 244)');
    for (const id of ['thay-doi-xep-hang', 'tiet-kiem']) {
      await page.locator(`[data-factbox$="#${id}"]`).screenshot({ path: path.join(shots, `static-${id}-${width}-${scheme}.png`) });
    }
    await context.close();
  });
}

test('without factbox.js: axe-core finds nothing on the prerendered page, light and dark', async () => {
  // axe needs timers, which a page with JavaScript off does not run; so the page runs
  // scripts but factbox.js never arrives, which leaves the boxes as scripts-off shows them.
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.route('**/factbox.js', (r) => r.abort());
    await page.goto(`${server.url}/prerendered.html`);
    await page.addScriptTag({ path: path.join(root, 'node_modules', 'axe-core', 'axe.min.js') });
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, [], scheme);
    assert.equal(await page.$$eval('[data-factbox]', (els) => els.filter((e) => e.dataset.factboxState).length), 0);
    await context.close();
  }
});

test('JavaScript off: printing shows the boxes light, without the download links', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(`${server.url}/prerendered.html`);
  await page.emulateMedia({ media: 'print' });
  const seen = await page.$eval('[data-factbox$="#thay-doi-xep-hang"]', (el) => ({
    text: getComputedStyle(el.shadowRoot.querySelector('.fb-title')).color,
    actions: getComputedStyle(el.shadowRoot.querySelector('.fb-actions')).display,
    svg: [...el.shadowRoot.querySelectorAll('svg.fb-svg')].filter((s) => s.getBoundingClientRect().width > 0).length,
  }));
  assert.deepEqual(seen, { text: 'rgb(31, 35, 40)', actions: 'none', svg: 1 });
  // On paper every drawing is laid out, the ones far below the screen too.
  const unlaid = await page.$$eval('[data-factbox]', (els) => els.flatMap((el) => [...el.shadowRoot.querySelectorAll('svg.fb-svg')]
    .filter((s) => s.getBoundingClientRect().width > 0)
    .filter((s) => !s.querySelector('text').checkVisibility({ contentVisibilityAuto: true }))
    .map(() => el.getAttribute('data-factbox'))));
  assert.deepEqual(unlaid, []);
  await context.close();
});

/** Every box's state once the page has been scrolled through. */
async function scrollThrough(page) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y <= height; y += 500) {
    await page.evaluate((y) => window.scrollTo(0, y), y);
    await page.waitForTimeout(60);
  }
  await page.waitForFunction(() => [...document.querySelectorAll('[data-factbox]')]
    .every((e) => e.dataset.factboxState === 'ready'), null, { timeout: 20000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

for (const width of [360, 1280]) {
  test(`JavaScript on, ${width} px: the boxes are taken over without a layout shift, then answer the mouse and the keyboard`, async () => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__shifts.push(e.value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/prerendered.html`);
    const before = await page.$$eval('[data-factbox]', (els) => els.map((e) => Math.round(e.getBoundingClientRect().height)));
    await scrollThrough(page);
    const afterwards = await page.$$eval('[data-factbox]', (els) => els.map((e) => Math.round(e.getBoundingClientRect().height)));
    assert.deepEqual(afterwards, before, 'every box keeps its height');
    const shifts = await page.evaluate(() => window.__shifts);
    assert.equal(shifts.reduce((a, b) => a + b, 0), 0, `layout shifts: ${shifts}`);
    // The charts are the snippet's own drawings, made interactive where they are; the data
    // file was fetched once, to check that the snippets are not stale, and no wasm at all.
    const drawn = await page.$$eval('[data-factbox]', (els) => els.filter((e) => e.shadowRoot.querySelectorAll('svg.fb-svg[tabindex="0"]').length === 5).length);
    assert.equal(drawn, 9);
    assert.equal(requests.filter((p) => p.endsWith('egov-vn.json')).length, 1);
    // The image button, kept in place invisibly until now, is there.
    const buttons = await page.$$eval('[data-factbox]', (els) => els.filter((e) => e.shadowRoot.querySelector('button.fb-action'))
      .map((e) => getComputedStyle(e.shadowRoot.querySelector('button.fb-action')).visibility));
    assert.equal(buttons.length, 12, 'every box but the table has an image button');
    assert.ok(buttons.every((v) => v === 'visible'), buttons.join());
    // Mouse: a tooltip over a bar.
    const sel = '[data-factbox$="#xep-hang-asean"]';
    const canvas = page.locator(sel).locator('svg.fb-svg:visible');
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    let tip = null;
    for (let y = box.y + 4; y < box.y + box.height && !tip; y += 6) {
      await page.mouse.move(box.x + box.width * 0.3, y);
      tip = await page.locator(sel).evaluate((el) => {
        const t = el.shadowRoot.querySelector('.fb-tip');
        return t.hidden ? null : t.textContent;
      });
    }
    assert.ok(tip && /Việt Nam|Thái Lan|Singapore|Malaysia|Indonesia|Philippines|Brunei/.test(tip), `tooltip: ${tip}`);
    // Keyboard: focus the chart, arrow to a mark.
    await page.mouse.move(0, 0);
    await canvas.focus();
    await page.keyboard.press('ArrowRight');
    const keyed = await page.locator(sel).evaluate((el) => {
      const t = el.shadowRoot.querySelector('.fb-tip');
      return t.hidden ? null : t.textContent;
    });
    assert.ok(keyed, 'a tooltip by keyboard');
    // Its data table opens, and no wasm (nor its glue) was downloaded for any of it: the
    // code is factbox.js, the table box's interaction (the page has one) and, once the
    // page is idle, the check of the snippets against their data.
    await page.locator(sel).locator('.fb-data summary').click();
    assert.equal(await page.locator(sel).locator('.fb-data table').isVisible(), true);
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /factbox_fresh\./.test(e.name)));
    assert.deepEqual(requests.filter((p) => p.endsWith('.wasm') || p.endsWith('.js')).map((p) => p.replace(/\.[0-9a-f]{12}\.js$/, '.<hash>.js')).sort(),
      ['/factbox.js', '/factbox_fresh.<hash>.js', '/factbox_table.<hash>.js']);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a drawing below the screen is laid out only as the reader comes near it, and nothing moves then', async () => {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((l) => { window.__shifts.push(...l.getEntries().map((e) => e.value)); })
      .observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${server.url}/prerendered.html`);
  await page.waitForFunction(() => [...document.querySelectorAll('[data-factbox]')]
    .every((e) => e.getAttribute('data-factbox-state') === 'ready'));
  // For each box: where it is, whether its shown drawing is on screen, and whether the
  // drawing's text is laid out (not skipped by `content-visibility: auto`).
  const look = () => page.$$eval('[data-factbox]', (els) => els.map((el) => {
    const svg = [...el.shadowRoot.querySelectorAll('svg.fb-svg')].find((s) => s.getBoundingClientRect().width > 0);
    const text = svg && svg.querySelector('text');
    const r = svg && svg.getBoundingClientRect();
    return {
      top: Math.round(el.getBoundingClientRect().top + scrollY),
      height: el.getBoundingClientRect().height,
      onScreen: !!r && r.bottom > 0 && r.top < innerHeight,
      drawn: text ? text.checkVisibility({ contentVisibilityAuto: true }) : null,
    };
  }));
  const first = await look();
  const charts = first.filter((b) => b.drawn !== null);
  assert.ok(charts.length >= 8, `${charts.length} charts`);
  assert.equal(charts[charts.length - 1].drawn, false, 'the last chart, far below, is not laid out yet');
  // Scrolled through the article: every drawing on screen is laid out, each in its turn.
  const seen = new Set();
  for (let y = 0; y <= first[first.length - 1].top; y += 400) {
    await page.evaluate((to) => window.scrollTo(0, to), y);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    (await look()).forEach((b, i) => {
      if (b.onScreen) assert.equal(b.drawn, true, `box ${i} at ${y}`);
      if (b.drawn) seen.add(i);
    });
  }
  assert.equal(seen.size, charts.length);
  // And no box has moved or changed height for it.
  const last = await look();
  assert.deepEqual(last.map((b) => [b.top, b.height]), first.map((b) => [b.top, b.height]));
  assert.deepEqual(await page.evaluate(() => window.__shifts.filter((v) => v > 0)), []);
  await context.close();
});

test('a chart taken over looks like its prerendered drawing: same size, the same marks', async () => {
  const results = [];
  for (const [width, id] of [[1280, 'xep-hang-asean'], [1280, 'lich-su-xep-hang'], [360, 'thay-doi-xep-hang'], [360, 'co-cau-tiet-kiem']]) {
    const shot = async (js) => {
      const context = await browser.newContext({ javaScriptEnabled: js, viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/prerendered.html`);
      const el = page.locator(`[data-factbox$="#${id}"]`);
      await el.scrollIntoViewIfNeeded();
      if (js) await page.waitForFunction((id) => document.querySelector(`[data-factbox$="#${id}"]`).dataset.factboxState === 'ready', id);
      await page.mouse.move(0, 0);
      const png = await el.locator('.fb-chart').screenshot();
      fs.writeFileSync(path.join(shots, `takeover-${id}-${width}-${js ? 'live' : 'static'}.png`), png);
      await context.close();
      return png;
    };
    const [still, live] = [await shot(false), await shot(true)];
    const context = await browser.newContext();
    const page = await context.newPage();
    const d = await differing(page, still, live);
    await context.close();
    assert.ok(!d.size, `${id}: sizes differ ${d.size}`);
    results.push(`${id} ${width}: ${(d.share * 100).toFixed(2)}%`);
    // The canvas keeps the drawing's layout, font and scale, so marks and text stand in
    // the same places; what differs is rasterising: text and sloping lines drawn by the
    // canvas at the scaled size against SVG scaled by its viewBox differ by a pixel of
    // anti-aliasing here and there. (Where a drawing's label, in the real font, would run
    // past the canvas's edge, the live chart lays its labels out with their real widths in
    // the same height instead, and differs more; not with the fonts of this machine.)
    assert.ok(d.share < 0.05, `${id} at ${width}: ${(d.share * 100).toFixed(2)}% of pixels differ`);
  }
  console.log(`differing pixels: ${results.join(', ')}`);
});

test('a stale snippet: the live data wins and the console says why', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  // factbox.js held back a moment, to read the snippet's own title first.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/factbox.js', async (route) => { await held; await route.continue(); });
  await page.goto(`${server.url}/stale/prerendered.html`, { waitUntil: 'commit' });
  const sel = '[data-factbox$="#thay-doi-xep-hang"]';
  await page.waitForFunction((s) => document.querySelector(s)?.shadowRoot?.querySelector('.fb-title'), sel);
  const title = () => page.$eval(sel, (el) => el.shadowRoot.querySelector('.fb-title').textContent);
  assert.doesNotMatch(await title(), /ĐÃ SỬA/);
  release();
  await scrollThrough(page);
  assert.match(await title(), /^ĐÃ SỬA/);
  assert.ok(warnings.some((w) => /stale/.test(w) && /data\/egov-vn\.json/.test(w) && /factbox render/.test(w)), warnings.join('\n'));
  await context.close();
});

test('an inline snippet is one paste: the box without JavaScript, taken over without fetching a file', async () => {
  for (const js of [false, true]) {
    const context = await browser.newContext({ javaScriptEnabled: js });
    const page = await context.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/inline/page.html`);
    const title = await page.$eval('[data-factbox]', (el) => el.shadowRoot.querySelector('.fb-title').textContent);
    assert.match(title, /Việt Nam/);
    if (js) {
      await page.waitForFunction(() => document.querySelector('[data-factbox]').dataset.factboxState === 'ready');
      assert.ok(await page.$eval('[data-factbox]', (el) => !!el.shadowRoot.querySelector('svg.fb-svg[tabindex="0"]')));
      assert.ok(!requests.some((p) => p.endsWith('.wasm')), requests.join(' '));
      assert.ok(!requests.some((p) => p.endsWith('.json')), requests.join(' '));
    }
    await context.close();
  }
});

test('prerender() in the page (the npm module, the wasm in Chromium) writes the command\'s snippets byte for byte', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/index.html`);
  await page.evaluate(async () => { window.factboxModule = await import('/pkg/factbox.js'); });
  // The script tag's build leaves the developers' part out (readers would pay for it).
  assert.equal(await page.evaluate(() => typeof window.factbox.prerender), 'undefined');
  // Both demo articles' boxes, the estimates, forecasts and ranges of the second included.
  const made = await page.evaluate(async () => [
    ...(await window.factboxModule.prerender('data/egov-vn.json')),
    ...(await window.factboxModule.prerender('data/kinh-te-so.json')),
  ]);
  const files = fs.readdirSync(snippets).filter((f) => f.endsWith('.html') && !f.endsWith('.cms.html'));
  assert.equal(made.length, files.length);
  for (const m of made) {
    assert.equal(m.html, fs.readFileSync(path.join(snippets, `${m.id}.html`), 'utf8'), m.id);
    assert.equal(m.svg, fs.readFileSync(path.join(snippets, `${m.id}.svg`), 'utf8'), m.id);
  }
  // A broken document is refused with the widget's problems, not made into a snippet.
  const refused = await page.evaluate(() => window.factboxModule.prerender({ version: 1, boxes: [{ id: 'x', kind: 'bar', title: 'T', bars: [] }] })
    .then(() => null, (e) => ({ name: e.name, codes: e.problems.map((p) => p.code), line: e.problems[0].line })));
  assert.equal(refused.name, 'FactboxError');
  assert.ok(refused.codes.length > 0 && refused.line > 0, JSON.stringify(refused));
  const bad = await page.evaluate(() => window.factboxModule.prerender('data/egov-vn.json', { theme: 'blue' }).catch((e) => e.problems[0].code));
  assert.equal(bad, 'bad-options');
  await context.close();
});

/** How many pixels of a PNG are close to the colour `rgb`. */
async function pixelsNear(page, png, rgb) {
  return page.evaluate(async ([b64, rgb]) => {
    const img = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
    const c = new OffscreenCanvas(img.width, img.height);
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, img.width, img.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (Math.abs(d[i] - rgb[0]) < 12 && Math.abs(d[i + 1] - rgb[1]) < 12 && Math.abs(d[i + 2] - rgb[2]) < 12) n++;
    }
    return n;
  }, [png.toString('base64'), rgb]);
}

test('forced colours (Windows high contrast): the prerendered and the live chart use the system\'s colours, not ours', async () => {
  // Việt Nam's highlighted mark is #b42318 in the light theme.
  const ours = [0xb4, 0x23, 0x18];
  const sel = '[data-factbox$="#thay-doi-xep-hang"]';
  for (const js of [false, true]) {
    const counts = {};
    for (const forced of ['none', 'active']) {
      const context = await browser.newContext({ javaScriptEnabled: js, forcedColors: forced, viewport: { width: 800, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/prerendered.html`);
      const el = page.locator(sel);
      await el.scrollIntoViewIfNeeded();
      if (js) await page.waitForFunction((s) => document.querySelector(s).dataset.factboxState === 'ready', sel);
      const png = await el.locator('.fb-chart').screenshot();
      fs.writeFileSync(path.join(shots, `forced-${forced}-${js ? 'live' : 'static'}.png`), png);
      counts[forced] = await pixelsNear(page, png, ours);
      if (forced === 'active') {
        // The marks are drawn in system colours: CanvasText and Highlight as the browser has them.
        const system = await page.evaluate(() => {
          const probe = document.createElement('span');
          document.body.append(probe);
          const of = (c) => { probe.style.color = c; return getComputedStyle(probe).color.match(/\d+/g).map(Number); };
          const out = { text: of('CanvasText'), highlight: of('Highlight') };
          probe.remove();
          return out;
        });
        assert.ok(await pixelsNear(page, png, system.text) > 50, `${js ? 'live' : 'static'}: CanvasText`);
        assert.ok(await pixelsNear(page, png, system.highlight) > 20, `${js ? 'live' : 'static'}: Highlight`);
      }
      await context.close();
    }
    assert.ok(counts.none > 20, `${js ? 'live' : 'static'}: our red without forced colours (${counts.none})`);
    assert.equal(counts.active, 0, `${js ? 'live' : 'static'}: our red under forced colours`);
  }
});

test('on a prerendered box, the image download loads the engine only when pressed, and saves the PNG', async () => {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${server.url}/prerendered.html`);
  const sel = '[data-factbox$="#xep-hang-asean"]';
  await page.locator(sel).scrollIntoViewIfNeeded();
  await page.waitForFunction((s) => document.querySelector(s).dataset.factboxState === 'ready', sel);
  assert.deepEqual(requests.filter((p) => p.endsWith('.wasm')), [], 'no wasm before the button is pressed');
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(sel).locator('.fb-action:text-is("Tải ảnh")').click(),
  ]);
  assert.equal(file.suggestedFilename(), 'xep-hang-asean.png');
  const png = fs.readFileSync(await file.path());
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.ok(requests.some((p) => /^\/factbox_editor\.[0-9a-f]{12}\.wasm$/.test(p)), requests.join(' '));
  await context.close();
});
