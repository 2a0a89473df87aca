// Nothing a journalist, a server or an attacker does breaks a box or the page: servers
// that misbehave on purpose, script injected into every text field, a wasm trap, a page of
// 100 boxes, and elements added and removed over and over.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, hits, keepWasmMemory } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Adds `<div id=… data-factbox=…>` elements (with extra attributes) to the empty page. */
function add(page, boxes) {
  return page.evaluate((list) => {
    for (const b of list) {
      const el = document.createElement('div');
      el.id = b.id;
      for (const [k, v] of Object.entries(b.attrs || {})) el.setAttribute(k, v);
      if (b.inline) {
        const s = document.createElement('script');
        s.type = 'application/json';
        s.textContent = b.inline;
        el.appendChild(s);
      }
      el.setAttribute('data-factbox', b.src);
      document.getElementById('main').appendChild(el);
    }
  }, boxes);
}

async function settled(page, sel, timeout = 15000) {
  await page.waitForFunction((s) => {
    const st = document.querySelector(s)?.getAttribute('data-factbox-state');
    return st === 'ready' || st === 'error';
  }, sel, { timeout });
  return page.locator(sel).getAttribute('data-factbox-state');
}

const shadowText = (page, sel) => page.locator(sel).evaluate((el) => el.shadowRoot.textContent.replace(/\s+/g, ' '));

test('servers that misbehave: a response that never ends, odd types, a changing file, a retry', async () => {
  const { context, page, errors } = await open(browser, `${server.url}/test/dynamic.html`);
  await add(page, [
    { id: 'slow', src: '/fail/slow.json', attrs: { 'data-factbox-timeout': '2' } },
    { id: 'plain', src: '/fail/plain.json' },
    { id: 'octet', src: '/fail/octet-html.json' },
    { id: 'v1', src: '/fail/changing.json' },
    { id: 'v2', src: '/fail/changing.json' },
    { id: 'flaky', src: '/fail/flaky.json' },
    { id: 'huge', src: '/fail/huge.json' },
  ]);
  // A 20 MB file is refused from its headers, before its body is read.
  assert.equal(await settled(page, '#huge'), 'error');
  assert.match(await shadowText(page, '#huge'), /the file is 20\.0 MB, more than the 2\.0 MB factbox reads/);
  // A response that never finishes: a timeout, said plainly, with a retry button.
  assert.equal(await settled(page, '#slow'), 'error');
  assert.match(await shadowText(page, '#slow'), /2 giây|2 seconds/);
  assert.equal(await page.locator('#slow').locator('.fb-retry').count(), 1);
  // JSON with a wrong content type is still JSON; an HTML page is never shown as data.
  assert.equal(await settled(page, '#plain'), 'ready');
  assert.equal(await settled(page, '#octet'), 'error');
  assert.match(await shadowText(page, '#octet'), /web page \(HTML\)/);
  assert.equal(await page.locator('#octet').locator('.fb-retry').count(), 0, 'retrying cannot fix data');
  // One file, two boxes: one request, the same version in both.
  assert.equal(await settled(page, '#v1'), 'ready');
  assert.equal(await settled(page, '#v2'), 'ready');
  const title = (sel) => page.locator(sel).evaluate((el) => el.shadowRoot.querySelector('.fb-title').textContent);
  assert.equal(await title('#v1'), await title('#v2'));
  assert.equal(hits.get('/fail/changing.json'), 1);
  // A server error that passes: "Thử lại" loads the file again and shows the box.
  assert.equal(await settled(page, '#flaky'), 'error');
  assert.match(await shadowText(page, '#flaky'), /503/);
  await page.locator('#flaky').locator('.fb-retry').click();
  await page.waitForFunction(() => document.querySelector('#flaky').getAttribute('data-factbox-state') === 'ready');
  assert.equal(await title('#flaky'), 'Second try');
  // The file changed on the server: a new page load shows the new version.
  await page.reload();
  await add(page, [{ id: 'v3', src: '/fail/changing.json' }]);
  assert.equal(await settled(page, '#v3'), 'ready');
  assert.equal(await title('#v3'), 'Version 2');
  assert.ok(errors.every((e) => /factbox|Failed to load resource/.test(e)), errors.join('\n'));
  await context.close();
});

// Short enough for every field's length limit (units: 40 characters).
const ATTACK = '<img src=x onerror=window.__pwned=1>';
const ATTACK2 = '"><script>window.__pwned=2</script>';

test('JSON on another origin without CORS headers: the box says so; with them, it shows', async () => {
  const other = await serve();
  const withCors = await serve({ headers: { 'access-control-allow-origin': '*' } });
  try {
    const { context, page } = await open(browser, `${server.url}/test/dynamic.html`);
    await add(page, [
      { id: 'nocors', src: `${other.url}/data/egov-vn.json#xep-hang-asean` },
      { id: 'cors', src: `${withCors.url}/data/egov-vn.json#xep-hang-asean`, attrs: { 'data-factbox-lazy': 'false' } },
    ]);
    assert.equal(await settled(page, '#nocors'), 'error');
    assert.match(await shadowText(page, '#nocors'), /does not let this page read the file \(CORS\)/);
    assert.equal(await settled(page, '#cors'), 'ready');
    await context.close();
  } finally {
    await other.close();
    await withCors.close();
  }
});

test('script in every text field is shown as text and never runs; links must be http(s)', async () => {
  const a = ATTACK;
  const doc = {
    version: 1,
    defaults: { byline: a, source: { text: a, url: 'https://example.org/?q=<script>' } },
    boxes: [
      { id: 'f', kind: 'figures', title: a, subtitle: a, note: a, alt: a,
        figures: [{ value: 1, label: a, unit: a, qualifier: 'hơn', compare: { value: 2, qualifier: 'hơn' } }] },
      { id: 'b', kind: 'bar', title: ATTACK2, axis_label: ATTACK2, unit: ATTACK2, bars: [{ label: ATTACK2, value: 3 }, { label: 'x', value: 4 }],
        reference: { value: 3, label: a } },
      { id: 'l', kind: 'line', title: a, series: [{ name: a, points: [{ date: '2020', value: 1 }, { date: '2021', value: 2 }] },
        { name: 'y', points: [{ date: '2020', value: 2 }] }], annotations: [{ series: a, date: '2021', label: a }] },
      { id: 's', kind: 'share', title: a, total: 10, parts: [{ label: a, value: 4 }, { label: 'z', value: 6 }] },
      { id: 'r', kind: 'rank-change', title: a, from_date: '2018', to_date: '2020', items: [{ label: a, from: 3, to: 1 }] },
      { id: 'p', kind: 'progress', title: a, label: a, value: 3, target: 5, target_label: a, max: 10 },
    ],
  };
  const bad = { version: 1, boxes: [{ id: 'j', kind: 'bar', title: 't', source: { text: 's', url: 'javascript:alert(1)' },
    bars: [{ label: 'a', value: 1 }] }] };
  const { context, page } = await open(browser, `${server.url}/test/dynamic.html`);
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.reload();
  await add(page, [
    { id: 'all', src: '#', inline: JSON.stringify(doc) },
    { id: 'js-link', src: '#', inline: JSON.stringify(bad) },
  ]);
  const allState = await settled(page, '#all');
  assert.equal(allState, 'ready', await shadowText(page, '#all'));
  // Hover and open everything, so that tooltips and tables are built too.
  for (const c of await page.locator('#all').locator('svg.fb-svg:visible').all()) {
    await c.scrollIntoViewIfNeeded();
    await c.focus();
    await page.keyboard.press('ArrowRight');
  }
  await page.locator('#all').evaluate((el) => el.shadowRoot.querySelectorAll('details').forEach((d) => { d.open = true; }));
  const found = await page.locator('#all').evaluate((el) => ({
    // The charts' own drawings are SVG (and the empty ones that give their frames their
    // proportions); nothing else may be, and nothing inside them.
    elements: el.shadowRoot.querySelectorAll('img, script, svg:not(.fb-svg):not(.fb-sz), svg.fb-sz *, iframe, object, foreignObject, a[href^="javascript"]').length,
    shownLiterally: el.shadowRoot.textContent.split('<img src=x onerror=window.__pwned=1>').length - 1
      + el.shadowRoot.textContent.split('<script>window.__pwned=2</script>').length - 1,
    pwned: window.__pwned || 0,
  }));
  assert.equal(found.elements, 0);
  assert.ok(found.shownLiterally >= 10, `the attack text is shown as text (${found.shownLiterally} times)`);
  assert.equal(found.pwned, 0);
  assert.equal(dialogs, 0);
  assert.equal(await settled(page, '#js-link'), 'error');
  assert.match(await shadowText(page, '#js-link'), /boxes\[0\]\.source\.url.*http/);
  // The widget asked for nothing but the page, itself, its glue and its wasm (inline data
  // here, boxes of several kinds and no table: the engine of every kind but the table),
  // and, since a box failed, the editors' engine, for its messages.
  const asked = [...new Set(requests)].sort();
  assert.equal(asked.length, 5, asked.join(' '));
  assert.equal(asked[0], '/factbox.js');
  assert.match(asked[1], /^\/factbox_bg_charts\.[0-9a-f]{12}\.wasm$/);
  assert.match(asked[2], /^\/factbox_editor\.[0-9a-f]{12}\.wasm$/);
  assert.match(asked[3], /^\/factbox_glue\.[0-9a-f]{12}\.js$/);
  assert.equal(asked[4], '/test/dynamic.html');
  await context.close();
});

test('a site that left out the wasm\'s glue: each live box names the file and says to upload it; a good box after it is uploaded', async () => {
  const { context, page } = await open(browser, 'about:blank');
  let missing = true;
  await page.route(/\/factbox_glue\.[0-9a-f]{12}\.js$/, (r) => (missing ? r.fulfill({ status: 404, body: 'Not Found' }) : r.continue()));
  await page.goto(`${server.url}/test/dynamic.html`);
  const good = JSON.stringify({ version: 1, boxes: [{ id: 'a', kind: 'bar', title: 'T', bars: [{ label: 'A', value: 1 }] }] });
  await add(page, [{ id: 'g1', src: '#', inline: good }]);
  assert.equal(await settled(page, '#g1'), 'error');
  assert.match(await shadowText(page, '#g1'), /factbox_glue\.[0-9a-f]{12}\.js: upload it beside factbox\.js/);
  // Once it is there, the next box loads it (a failed load is not kept).
  missing = false;
  await add(page, [{ id: 'g2', src: '#', inline: good }]);
  assert.equal(await settled(page, '#g2'), 'ready');
  await context.close();
});

test('a wasm trap: that box says so, the instance is replaced, every other box still works', async () => {
  const { context, page } = await open(browser, 'about:blank');
  // Simulate a trap while the first instance builds box #three: the next call the wasm
  // makes out to the page (set by the test just before #three is added) throws a
  // RuntimeError, as a trap would unwind it.
  await page.addInitScript(() => {
    // factbox instantiates each module it compiled with `new WebAssembly.Instance`.
    const Instance = WebAssembly.Instance;
    window.__instances = 0;
    WebAssembly.Instance = function (module, imports) {
      const n = ++window.__instances;
      if (n === 1) {
        const wrapped = {};
        for (const [space, fns] of Object.entries(imports)) {
          wrapped[space] = {};
          for (const [name, f] of Object.entries(fns)) {
            wrapped[space][name] = typeof f !== 'function' ? f : function (...a) {
              if (window.__trapNext) {
                window.__trapNext = false;
                throw new WebAssembly.RuntimeError('unreachable');
              }
              return f.apply(this, a);
            };
          }
        }
        imports = wrapped;
      }
      return new Instance(module, imports);
    };
    WebAssembly.Instance.prototype = Instance.prototype;
  });
  await page.goto(`${server.url}/test/dynamic.html`);
  const good = JSON.stringify({ version: 1, boxes: [{ id: 'a', kind: 'bar', title: 'T', bars: [{ label: 'A', value: 1 }] }] });
  await add(page, [{ id: 'one', src: '#', inline: good }]);
  const oneState = await settled(page, '#one');
  assert.equal(oneState, 'ready', await shadowText(page, '#one'));
  await add(page, [{ id: 'two', src: '#', inline: good }]);
  assert.equal(await settled(page, '#two'), 'ready');
  await page.evaluate(() => { window.__trapNext = true; });
  await add(page, [{ id: 'three', src: '#', inline: good.replace('"T"', '"T3"') }]);
  assert.equal(await settled(page, '#three'), 'error');
  assert.match(await shadowText(page, '#three'), /lỗi nội bộ của factbox \(unreachable\)|internal factbox error \(unreachable\)/);
  await add(page, [{ id: 'four', src: '#', inline: good }]);
  assert.equal(await settled(page, '#four'), 'ready');
  assert.equal(await page.evaluate(() => window.__instances), 2, 'a new instance was started');
  // The boxes the old instance wrote are markup: they still answer the mouse and keys.
  for (const sel of ['#one', '#two', '#four']) {
    assert.equal(await settled(page, sel), 'ready', sel);
    const canvas = page.locator(sel).locator('svg.fb-svg:visible');
    await canvas.focus();
    await page.keyboard.press('ArrowRight');
    const tip = await page.locator(sel).evaluate((el) => el.shadowRoot.querySelector('.fb-tip').hidden);
    assert.equal(tip, false, `${sel} shows its tooltip`);
  }
  await context.close();
});

test('100 boxes, some broken, render; adding and removing boxes leaks no listeners or memory', async () => {
  const { context, page } = await open(browser, 'about:blank');
  await keepWasmMemory(page);
  await page.goto(`${server.url}/test/dynamic.html`);
  const ids = ['tiet-kiem', 'xep-hang-asean', 'thay-doi-xep-hang', 'co-cau-tiet-kiem', 'dich-vu-tich-hop', 'tai-khoan', 'muc-do-4', 'covid-19', 'co-so-du-lieu'];
  const boxes = [];
  for (let i = 0; i < 100; i++) {
    // Every box drawn at once (not lazily): a box not yet drawn holds a typical height, so
    // most of 100 would wait far below the fold.
    const attrs = { 'data-factbox-lazy': 'false' };
    boxes.push(i % 10 === 9
      ? { id: `b${i}`, src: `/data/egov-vn.json#khong-co-${i}`, attrs }
      : { id: `b${i}`, src: `/data/egov-vn.json#${ids[i % ids.length]}`, attrs });
  }
  await add(page, boxes);
  await page.waitForFunction(() => [...document.querySelectorAll('[data-factbox]')]
    .every((el) => ['ready', 'error', 'loading'].includes(el.getAttribute('data-factbox-state'))
      && el.shadowRoot && el.shadowRoot.childElementCount > 0), null, { timeout: 30000 });
  const states = await page.evaluate(() => [...document.querySelectorAll('[data-factbox]')].map((el) => el.getAttribute('data-factbox-state')));
  assert.equal(states.filter((s) => s === 'error').length, 10);
  assert.equal(states.filter((s) => s === 'ready').length, 90);
  await page.evaluate(() => { document.getElementById('main').replaceChildren(); });

  const cdp = await context.newCDPSession(page);
  const listenerCount = async () => {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    return listeners.length;
  };
  const cycle = async () => {
    await add(page, ids.map((id, k) => ({ id: `c${k}`, src: `/data/egov-vn.json#${id}`, attrs: { 'data-factbox-lazy': 'false' } })));
    await page.waitForFunction(() => [...document.querySelectorAll('[data-factbox]')]
      .every((el) => el.getAttribute('data-factbox-state') !== 'loading' || el.shadowRoot?.childElementCount > 0));
    await page.evaluate(() => { document.getElementById('main').replaceChildren(); });
    await page.waitForTimeout(50);
  };
  await cycle();
  const listeners0 = await listenerCount();
  const memory0 = await page.evaluate(() => window.__wasmMemory.buffer.byteLength);
  for (let i = 0; i < 25; i++) await cycle();
  assert.equal(await listenerCount(), listeners0, 'no window listener is left behind');
  const memory1 = await page.evaluate(() => window.__wasmMemory.buffer.byteLength);
  assert.ok(memory1 <= memory0 + 1024 * 1024, `wasm memory stays flat: ${memory0} → ${memory1}`);
  await context.close();
});

test('a 10,000-point line draws a reduced path, and its tooltips show exact values', async () => {
  const { context, page, errors } = await open(browser, `${server.url}/test/dynamic.html`);
  const points = [];
  for (let i = 0; i < 10000; i++) {
    const d = new Date(Date.UTC(1990, 0, 1) + i * 86400000).toISOString().slice(0, 10);
    points.push({ date: d, value: (i * 7919) % 1000 + (i === 4321 ? 5000 : 0) });
  }
  const doc = { version: 1, locale: 'en', boxes: [{ id: 'long', kind: 'line', title: 'Ten thousand points', series: [{ name: 'A', points }] }] };
  await add(page, [{ id: 'long', src: '#', inline: JSON.stringify(doc), attrs: { 'data-factbox-lazy': 'false' } }]);
  const t0 = Date.now();
  assert.equal(await settled(page, '#long', 30000), 'ready');
  console.log(`10,000-point line ready in ${Date.now() - t0} ms (not asserted)`);
  const canvas = page.locator('#long').locator('svg.fb-svg:visible');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  // Every tooltip along the chart names a real date and that date's exact value.
  const seen = new Set();
  for (let k = 1; k < 40; k++) {
    await page.mouse.move(box.x + box.width * (0.1 + 0.85 * k / 40), box.y + box.height / 2);
    const tip = await page.locator('#long').evaluate((el) => {
      const t = el.shadowRoot.querySelector('.fb-tip');
      return t.hidden ? null : [...t.children].map((c) => c.textContent);
    });
    if (!tip) continue;
    const [date, value] = tip;
    const when = new Date(`${date} UTC`);
    const i = Math.round((when - Date.UTC(1990, 0, 1)) / 86400000);
    const exact = (i * 7919) % 1000 + (i === 4321 ? 5000 : 0);
    assert.equal(value.replace(/,/g, ''), String(exact), `${date}: ${value}`);
    seen.add(date);
  }
  assert.ok(seen.size >= 20, `tooltips along the line (${seen.size})`);
  assert.deepEqual(errors, []);
  await context.close();
});
