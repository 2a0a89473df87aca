// Which engine a page of live boxes downloads (src/kinds.rs, www/api.js's readersEngine):
// the smallest that draws every kind its boxes are (the one kind's, else the engine of
// several kinds but the table, `charts`, else the whole readers' engine), never two for one
// document; and a box drawn right whatever engine it meets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, open, dist, sendFile } from './helpers.mjs';

const bars = (id, n = 3) => ({ id, kind: 'bar', title: `Bar ${id}`, bars: Array.from({ length: n }, (_, i) => ({ label: `B${i}`, value: i + 1 })) });
const line = (id) => ({ id, kind: 'line', title: `Line ${id}`, series: [{ name: 'A', points: [{ date: '2020', value: 1 }, { date: '2021', value: 3 }] }] });
const table = (id) => ({ id, kind: 'table', title: `Table ${id}`, columns: [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }], rows: [{ a: 'x', b: 1 }, { a: 'y', b: 2 }] });
const DOCS = {
  // Two bar charts and a line: a page that shows only the bars needs only the bars' engine.
  '/data/mixed.json': { version: 1, boxes: [bars('b1'), bars('b2'), line('l1')] },
  '/data/bars.json': { version: 1, boxes: [bars('b3'), bars('b4')] },
  '/data/line.json': { version: 1, boxes: [line('l2')] },
  // Bars beside a table: a page that shows only the bars needs neither the table's engine
  // nor its interaction.
  '/data/bars-table.json': { version: 1, boxes: [bars('b5'), table('t5')] },
};
const engine = (kind) => new RegExp(`^/factbox_bg${kind ? `_${kind}` : ''}\\.[0-9a-f]{12}\\.wasm$`);

let server;
let browser;
// A route that serves another kind's engine in place of the bars' one, for the test of a
// misread document.
let swapBars = false;
before(async () => {
  server = await serve({
    route: (url, res, req) => {
      if (DOCS[url.pathname]) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(DOCS[url.pathname]));
        return true;
      }
      if (swapBars && engine('bar').test(url.pathname)) {
        const other = fs.readdirSync(dist).find((f) => /^factbox_bg_table\.[0-9a-f]{12}\.wasm$/.test(f));
        sendFile(res, path.join(dist, other), {}, req);
        return true;
      }
      return false;
    },
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

// A page with `embeds` (data-factbox addresses, or [address, the kind it names]), drawn
// at once; the wasm files and the parts of factbox.js it asked for, and each box's state
// and number of charts.
async function pageOf(embeds) {
  const { context, page } = await open(browser, `${server.url}/test/dynamic.html`);
  const asked = [];
  const parts = [];
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (p.endsWith('.wasm')) asked.push(p);
    else if (/^\/factbox_[a-z]+\.[0-9a-f]{12}\.js$/.test(p)) parts.push(p.replace(/\.[0-9a-f]{12}\.js$/, ''));
  });
  const warned = [];
  page.on('console', (m) => { if (m.type() === 'warning') warned.push(m.text()); });
  await page.waitForFunction(() => window.factbox && window.factbox.render);
  await page.evaluate((list) => {
    for (const embed of list) {
      const [address, kind] = Array.isArray(embed) ? embed : [embed, null];
      const el = document.createElement('div');
      el.setAttribute('data-factbox', address);
      if (kind) el.setAttribute('data-factbox-kind', kind);
      el.setAttribute('data-factbox-lazy', 'false');
      document.getElementById('main').append(el);
    }
  }, embeds);
  await page.waitForFunction((n) => [...document.querySelectorAll('[data-factbox]')].filter((e) => ['ready', 'error'].includes(e.getAttribute('data-factbox-state'))).length === n, embeds.length);
  const boxes = await page.evaluate(() => [...document.querySelectorAll('[data-factbox]')].map((e) => [
    e.getAttribute('data-factbox-state'), e.shadowRoot.querySelector('figure.fb h2, figure.fb .fb-title')?.textContent || '',
  ]));
  return { context, page, asked: [...new Set(asked)], boxes, warned, parts };
}

test('a page whose boxes are all bars downloads the bars\' engine, not the whole one', async () => {
  const { context, asked, boxes } = await pageOf(['/data/mixed.json#b1', '/data/mixed.json#b2', '/data/bars.json']);
  assert.deepEqual(boxes.map((b) => b[0]), ['ready', 'ready', 'ready']);
  assert.equal(asked.length, 1, asked.join(' '));
  assert.match(asked[0], engine('bar'));
  // Smaller than the whole readers' engine by more than a third.
  const size = (re) => fs.statSync(path.join(dist, fs.readdirSync(dist).find((f) => re.test(`/${f}`)))).size;
  assert.ok(size(engine('bar')) < size(engine()) * 0.65, `${size(engine('bar'))} vs ${size(engine())}`);
  await context.close();
});

test('a table\'s interaction is fetched by a page that shows a table, not by one that shows the bars beside it', async () => {
  const bars = await pageOf(['/data/bars-table.json#b5']);
  assert.deepEqual(bars.boxes.map((b) => b[0]), ['ready']);
  assert.match(bars.asked.join(' '), engine('bar'));
  assert.deepEqual(bars.parts, ['/factbox_glue']);
  await bars.context.close();
  const both = await pageOf(['/data/bars-table.json#b5', '/data/bars-table.json#t5']);
  assert.deepEqual(both.boxes.map((b) => b[0]), ['ready', 'ready']);
  assert.deepEqual(both.parts.sort(), ['/factbox_glue', '/factbox_table']);
  // Ready once it has come: the table sorts at once.
  const sorted = await both.page.evaluate(() => {
    const t = document.querySelector('[data-factbox$="#t5"]').shadowRoot;
    const b = t.querySelectorAll('thead button')[1];
    b.click();
    return [b.disabled, t.querySelector('th[aria-sort]')?.getAttribute('aria-sort')];
  });
  assert.deepEqual(sorted, [false, 'descending']);
  await both.context.close();
});

test('boxes of two kinds from one document: the engine that draws both, once; with a table, the whole one', async () => {
  const { context, asked, boxes } = await pageOf(['/data/mixed.json#b1', '/data/mixed.json#l1', '/data/bars.json']);
  assert.deepEqual(boxes.map((b) => b[0]), ['ready', 'ready', 'ready']);
  assert.deepEqual(asked.length, 1, asked.join(' '));
  assert.match(asked[0], engine('charts'));
  await context.close();
  // Smaller than the whole engine, larger than a kind's.
  const size = (re) => fs.statSync(path.join(dist, fs.readdirSync(dist).find((f) => re.test(`/${f}`)))).size;
  assert.ok(size(engine('charts')) < size(engine()) && size(engine('charts')) > size(engine('line')));
  const withTable = await pageOf(['/data/bars-table.json#b5', '/data/bars-table.json#t5']);
  assert.deepEqual(withTable.boxes.map((b) => b[0]), ['ready', 'ready']);
  assert.deepEqual(withTable.asked.length, 1, withTable.asked.join(' '));
  assert.match(withTable.asked[0], engine());
  await withTable.context.close();
});

test('documents of one kind each: each kind\'s engine; an engine that runs draws what it can; once the whole engine runs, it draws the rest', async () => {
  const { context, page, asked, boxes } = await pageOf(['/data/bars.json', '/data/line.json']);
  assert.deepEqual(boxes.map((b) => b[0]), ['ready', 'ready']);
  assert.deepEqual(asked.map((a) => engine('bar').test(a) ? 'bar' : engine('line').test(a) ? 'line' : a).sort(), ['bar', 'line']);
  // A document of two kinds brings the engine that draws both; one of bars after it needs
  // no other (that engine runs), one with a table brings the whole engine, and a line
  // chart after that needs no other.
  const later = [];
  page.on('request', (r) => { const p = new URL(r.url()).pathname; if (p.endsWith('.wasm')) later.push(p); });
  const r = await page.evaluate(async (docs) => {
    const out = [];
    const els = [];
    for (const doc of docs) {
      const el = document.createElement('div');
      document.getElementById('main').append(el);
      els.push(el);
      const box = await window.factbox.render(el, doc, { lazy: false });
      out.push(box.state);
    }
    // Each engine's boxes adopt its own stylesheet: the bars' has no table rules, and the
    // table drawn by the whole engine after them is styled as a table.
    const rules = (host) => [...host.shadowRoot.adoptedStyleSheets[0].cssRules].map((x) => x.cssText).join('\n');
    const barBox = document.querySelector('[data-factbox="/data/bars.json"]');
    return {
      states: out,
      barHasTableRules: rules(barBox).includes('.fb-sort'),
      setHasTableRules: rules(els[0]).includes('.fb-sort'),
      tableHasTableRules: rules(els[2]).includes('.fb-sort'),
      sortCursor: getComputedStyle(els[2].shadowRoot.querySelector('.fb-sort')).cursor,
    };
  }, [{ version: 1, boxes: [bars('m1'), line('m2')] }, { version: 1, boxes: [bars('m3')] },
    { version: 1, boxes: [table('t1'), bars('m4')] }, { version: 1, boxes: [line('m5')] }]);
  assert.deepEqual(r, { states: ['ready', 'ready', 'ready', 'ready'], barHasTableRules: false, setHasTableRules: false, tableHasTableRules: true, sortCursor: 'pointer' });
  assert.equal(later.length, 2, later.join(' '));
  assert.match(later[0], engine('charts'));
  assert.match(later[1], engine());
  await context.close();
});

test('an engine given a kind it does not draw: the box is drawn all the same, by the editors\' engine', async () => {
  swapBars = true;
  try {
    const { context, asked, boxes } = await pageOf(['/data/bars.json']);
    assert.deepEqual(boxes.map((b) => b[0]), ['ready']);
    assert.ok(asked.some((a) => engine('bar').test(a)), asked.join(' '));
    assert.ok(asked.some((a) => /^\/factbox_editor\.[0-9a-f]{12}\.wasm$/.test(a)), asked.join(' '));
    await context.close();
  } finally {
    swapBars = false;
  }
});

test('a page that preloads an engine compiles it while its JSON downloads; others once the JSON says which', async () => {
  // When the engine is compiled, against when the document's download ended.
  const timing = async (url, embed, kind) => {
    const { context, page } = await open(browser, url);
    // The data file slowed down, to see what the page does while it downloads.
    await page.route(/\/data\/[a-z-]+\.json$/, async (r) => { await new Promise((t) => setTimeout(t, 400)); await r.continue(); });
    const asked = [];
    page.on('request', (q) => { const p = new URL(q.url()).pathname; if (p.endsWith('.wasm')) asked.push(p); });
    await page.addInitScript(() => {
      const compile = WebAssembly.compileStreaming;
      window.__compiled = [];
      WebAssembly.compileStreaming = function (source) {
        window.__compiled.push(performance.now());
        return compile.call(WebAssembly, source);
      };
    });
    await page.reload();
    await page.waitForFunction(() => window.factbox && window.factbox.render);
    if (embed) {
      await page.evaluate(([address, kind]) => {
        const el = document.createElement('div');
        el.setAttribute('data-factbox', address);
        if (kind) el.setAttribute('data-factbox-kind', kind);
        el.setAttribute('data-factbox-lazy', 'false');
        document.getElementById('main').append(el);
      }, [embed, kind]);
    }
    await page.waitForFunction(() => [...document.querySelectorAll('[data-factbox]')].some((e) => e.getAttribute('data-factbox-state') === 'ready'));
    const r = await page.evaluate(() => ({
      compiled: window.__compiled[0],
      json: performance.getEntriesByType('resource').find((e) => /\/data\/.*\.json/.test(e.name)).responseEnd,
    }));
    await context.close();
    return { ...r, asked: [...new Set(asked)] };
  };
  // The demo page preloads factbox_bg.<hash>.wasm: its data file has every kind, and the
  // whole engine is compiled before the file is in.
  const demo = await timing(`${server.url}/index.html`, null);
  assert.ok(demo.compiled < demo.json, JSON.stringify(demo));
  assert.deepEqual(demo.asked.map((a) => engine().test(a)), [true], JSON.stringify(demo));
  // The digital-economy page preloads the engine of every kind but the table
  // (factbox_bg_charts.<hash>.wasm): its data file has five kinds and no table. That
  // engine is compiled before the file is in, and it draws the boxes: no other is fetched.
  const economy = await timing(`${server.url}/kinh-te-so.html`, null);
  assert.ok(economy.compiled < economy.json, JSON.stringify(economy));
  assert.deepEqual(economy.asked.map((a) => engine('charts').test(a)), [true], JSON.stringify(economy));
  const bars = await timing(`${server.url}/test/dynamic.html`, '/data/bars.json');
  assert.ok(bars.compiled > bars.json, JSON.stringify(bars));
  // An embed that names its kind (data-factbox-kind, as the README writes it): that
  // kind's engine is compiled while the file downloads.
  const named = await timing(`${server.url}/test/dynamic.html`, '/data/bars.json', 'bar');
  assert.ok(named.compiled < named.json, JSON.stringify(named));
});

test('embeds that name their kind: that engine, at once; a wrong name is said, and the box drawn right', async () => {
  const good = await pageOf([['/data/bars.json', 'bar'], ['/data/mixed.json#b1', 'bar']]);
  assert.deepEqual(good.boxes.map((b) => b[0]), ['ready', 'ready']);
  assert.equal(good.asked.length, 1, good.asked.join(' '));
  assert.match(good.asked[0], engine('bar'));
  assert.deepEqual(good.warned, []);
  await good.context.close();
  // Named a line chart, it is bars: the line chart's engine was fetched for nothing, the
  // bars' draws the box, and the console says what to write.
  const wrong = await pageOf([['/data/bars.json', 'line']]);
  assert.deepEqual(wrong.boxes.map((b) => b[0]), ['ready']);
  assert.deepEqual(wrong.asked.map((a) => engine('bar').test(a) ? 'bar' : engine('line').test(a) ? 'line' : a).sort(), ['bar', 'line']);
  assert.equal(wrong.warned.length, 1, wrong.warned.join('\n'));
  assert.equal(wrong.warned[0], 'factbox: /data/bars.json is bar, not data-factbox-kind="line"');
  await wrong.context.close();
  // Two kinds named for one document: the engine that draws both; a word that is no kind:
  // as if nothing were named (the JSON says which), and said.
  const two = await pageOf([['/data/mixed.json#b1', 'bar'], ['/data/mixed.json#l1', 'line']]);
  assert.deepEqual(two.asked.length, 1, two.asked.join(' '));
  assert.match(two.asked[0], engine('charts'));
  await two.context.close();
  // Two documents, one of bars, one of a line, both named: the engine that draws both, not
  // the two kinds' (which, unnamed, is what the page gets: see above); with a table named
  // beside them, the whole engine.
  const apart = await pageOf([['/data/bars.json', 'bar'], ['/data/line.json', 'line']]);
  assert.deepEqual(apart.boxes.map((b) => b[0]), ['ready', 'ready']);
  assert.deepEqual(apart.asked.length, 1, apart.asked.join(' '));
  assert.match(apart.asked[0], engine('charts'));
  await apart.context.close();
  const tabled = await pageOf([['/data/bars.json', 'bar'], ['/data/bars-table.json#t5', 'table']]);
  assert.deepEqual(tabled.boxes.map((b) => b[0]), ['ready', 'ready']);
  assert.deepEqual(tabled.asked.length, 1, tabled.asked.join(' '));
  assert.match(tabled.asked[0], engine());
  await tabled.context.close();
  // A set's name is no kind: said, and the JSON decides.
  const set = await pageOf([['/data/bars.json', 'charts']]);
  assert.deepEqual(set.boxes.map((b) => b[0]), ['ready']);
  assert.equal(set.asked.length, 1, set.asked.join(' '));
  assert.match(set.asked[0], engine('bar'));
  assert.equal(set.warned[0], 'factbox: /data/bars.json is bar, not data-factbox-kind="charts"');
  await set.context.close();
  const typo = await pageOf([['/data/bars.json', 'bars']]);
  assert.deepEqual(typo.boxes.map((b) => b[0]), ['ready']);
  assert.equal(typo.asked.length, 1, typo.asked.join(' '));
  assert.match(typo.asked[0], engine('bar'));
  assert.equal(typo.warned.length, 1, typo.warned.join('\n'));
  assert.equal(typo.warned[0], 'factbox: /data/bars.json is bar, not data-factbox-kind="bars"');
  await typo.context.close();
});

test('a lazy embed far below the first screen fetches the engine it names only when it comes near', async () => {
  const { context, page } = await open(browser, `${server.url}/test/dynamic.html`);
  const asked = [];
  page.on('request', (r) => { const p = new URL(r.url()).pathname; if (p.endsWith('.wasm') || p.endsWith('.json')) asked.push(p); });
  await page.waitForFunction(() => window.factbox && window.factbox.render);
  await page.evaluate(() => {
    const spacer = document.createElement('div');
    spacer.style.height = '5000px';
    const el = document.createElement('div');
    el.setAttribute('data-factbox', '/data/bars.json');
    el.setAttribute('data-factbox-kind', 'bar');
    document.getElementById('main').append(spacer, el);
  });
  // Its file is fetched at once (its room is reserved), its engine not.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/data/bars.json') && e.responseEnd > 0));
  await page.waitForTimeout(300);
  assert.deepEqual(asked, ['/data/bars.json']);
  await page.evaluate(() => document.querySelector('[data-factbox]').scrollIntoView());
  await page.waitForFunction(() => document.querySelector('[data-factbox]').getAttribute('data-factbox-state') === 'ready');
  assert.equal(asked.length, 2, asked.join(' '));
  assert.match(asked[1], engine('bar'));
  await context.close();
});

test('the legend of a chart drawn by its kind\'s engine redraws with that engine: no other engine fetched, the redraw\'s part once, as the pointer comes', async () => {
  const { context, page, asked, boxes } = await pageOf(['/data/egov-vn.json#lich-su-xep-hang', '/data/egov-vn.json#dich-vu-tich-hop']);
  assert.deepEqual(boxes.map((b) => b[0]), ['ready', 'ready']);
  assert.equal(asked.length, 1, asked.join(' '));
  assert.match(asked[0], engine('line'));
  const later = [];
  page.on('request', (r) => later.push(new URL(r.url()).pathname));
  const box = page.locator('[data-factbox$="#lich-su-xep-hang"]');
  const drawings = () => box.evaluate((el) => [...el.shadowRoot.querySelectorAll('svg.fb-svg')].map((s) => s.outerHTML).join(''));
  const before = await drawings();
  // The pointer reaching the button asks for the part that redraws (www/render.js).
  await box.locator('.fb-legend-item').nth(0).hover();
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/factbox_api\.[0-9a-f]{12}\.js$/.test(e.name)));
  const item = box.locator('.fb-legend-item').nth(0);
  await item.click();
  // Pressed at once; drawn again without the series once the part has run.
  assert.equal(await item.getAttribute('aria-pressed'), 'false');
  await page.waitForFunction((b) => {
    const el = document.querySelector('[data-factbox$="#lich-su-xep-hang"]');
    return [...el.shadowRoot.querySelectorAll('svg.fb-svg')].map((s) => s.outerHTML).join('') !== b;
  }, before);
  // And back, with nothing more fetched.
  await item.click();
  await page.waitForFunction((b) => {
    const el = document.querySelector('[data-factbox$="#lich-su-xep-hang"]');
    return [...el.shadowRoot.querySelectorAll('svg.fb-svg')].map((s) => s.outerHTML).join('') === b;
  }, before);
  assert.deepEqual(later.filter((p) => p.endsWith('.wasm')), []);
  assert.deepEqual(later.filter((p) => p.endsWith('.js')).map((p) => p.replace(/\.[0-9a-f]{12}\.js$/, '.<hash>.js')), ['/factbox_api.<hash>.js']);
  await context.close();
});
