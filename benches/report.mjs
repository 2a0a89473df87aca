// `make bench`, second half: the browser benchmark (factbox against Chart.js, alternating
// runs, in headless Chromium), then BENCHMARKS.md from its results and criterion's.
//   node benches/report.mjs [--runs 5] [--table-runs 11] [--sizes 1,8,48,200]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execSync } from 'node:child_process';
import zopfli from '@gfx/zopfli';
import { serve, launch, sendFile, root, dist, keepWasmMemory } from '../tests/e2e/helpers.mjs';
import { tableDoc, openTablePage } from './table-page.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const RUNS = Number(opt('--runs', 5));
// A table's first draw swings by ±10 ms from run to run on a 2-core machine (the
// browser's background compiles and the next frame's wait): more runs than the pages of
// boxes, each a few seconds, so that its median means something.
const TABLE_RUNS = Number(opt('--table-runs', 11));
const SIZES = opt('--sizes', '1,8,48,200').split(',').map(Number);
const pagesDir = path.join(root, 'benches', 'pages');
// Chart.js served as factbox's files are (dist/: a .gz by zopfli and a .br by brotli 11
// beside each, sent by the encoding the browser accepts), as a well-kept server would.
const chartjsDir = path.join(root, 'target', 'bench-chartjs');
{
  const file = path.join(chartjsDir, 'chart.umd.min.js');
  const body = fs.readFileSync(path.join(root, 'node_modules', 'chart.js', 'dist', 'chart.umd.min.js'));
  fs.mkdirSync(chartjsDir, { recursive: true });
  fs.writeFileSync(file, body);
  fs.writeFileSync(`${file}.gz`, await zopfli.gzipAsync(body, { numiterations: 15 }));
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
}

const route = (url, res, req) => {
  if (url.pathname.startsWith('/bench/')) {
    sendFile(res, path.join(pagesDir, path.basename(url.pathname)));
    return true;
  }
  if (url.pathname.startsWith('/chartjs/')) {
    sendFile(res, path.join(chartjsDir, path.basename(url.pathname)), {}, req);
    return true;
  }
  return false;
};
// Lighthouse's mobile network: 150 ms round trips, 1.6 Mbps down, 750 kbps up.
const MOBILE = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const THROTTLED_SIZES = [1, 8];
const THROTTLED_RUNS = 3;

/** One page load on the mobile network: time to every box drawn. */
async function measureThrottled(browser, which, n, query = '') {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', MOBILE);
  await page.goto(`${server.url}/bench/${which}.html?n=${n}${query}`);
  await page.waitForFunction(() => window.__bench && window.__bench.ready !== null, null, { timeout: 120000 });
  const ready = await page.evaluate(() => window.__bench.ready);
  await context.close();
  return ready;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p / 100 * s.length) - 1)]; };

/** One page load: time to every box drawn, long tasks, memory, tooltip latency. */
async function measure(browser, which, n, query = '') {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  await keepWasmMemory(page);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/bench/${which}.html?n=${n}${query}`);
  await page.waitForFunction(() => window.__bench && window.__bench.ready !== null, null, { timeout: 120000 });
  await page.waitForTimeout(300);  // let any long task after "ready" be reported
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const got = await page.evaluate(() => ({
    ready: window.__bench.ready,
    longtasks: window.__bench.longtasks,
    wasm: window.__wasmMemory ? window.__wasmMemory.buffer.byteLength : 0,
  }));
  // Tooltips: move over the first chart (the bar chart of the third box) at 30 places.
  const tips = await page.evaluate(async (which) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
    const out = { shown: [], drawn: [] };
    let canvas;
    if (which === 'factbox') {
      // The drawing shown (of a chart's five, by container queries).
      canvas = [...document.querySelectorAll('[data-factbox]')]
        // (A lazy page's boxes far below have no shadow root until they come near.)
        .map((el) => [...(el.shadowRoot?.querySelectorAll('svg.fb-svg') || [])].find((s) => s.getBoundingClientRect().width > 0))
        .find(Boolean);
    } else {
      canvas = document.querySelector('#main canvas');
    }
    if (!canvas) return out;  // one box: key figures only, no chart
    canvas.scrollIntoView({ block: 'center' });
    await frame(); await frame();
    const r = canvas.getBoundingClientRect();
    for (let k = 0; k < 30; k++) {
      const x = r.left + r.width * (0.35 + 0.6 * (k % 10) / 10);
      const y = r.top + r.height * (0.1 + 0.8 * ((k * 7) % 30) / 30);
      const before = window.__bench.tips.length;
      const t0 = performance.now();
      if (which === 'factbox') {
        canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, pointerType: 'mouse', bubbles: true, composed: true }));
        const tip = canvas.parentNode.querySelector('.fb-tip');
        if (!tip.hidden) out.shown.push(performance.now() - t0);
        const t2 = await frame();
        if (!tip.hidden) out.drawn.push(t2 - t0);
      } else {
        canvas.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true }));
        await frame(); await frame();
        if (window.__bench.tips.length > before) {
          const t = window.__bench.tips[window.__bench.tips.length - 1] - t0;
          out.shown.push(t); out.drawn.push(t);
        }
      }
    }
    return out;
  }, which);
  await context.close();
  return { ...got, heap, tips, errors };
}

// gzip -9 is what a server compressing each response sends at best; zopfli is the same
// gzip format, searched harder, as `make dist` precompresses (dist/*.gz).
async function sizes(file) {
  const body = fs.readFileSync(file);
  return { raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length,
    zopfli: (await zopfli.gzipAsync(body, { numiterations: 15 })).length,
    brotli: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
}

/** A table of `n` rows and six columns, as a province table has them (text, a
 *  percentage with mini bars, a count, a rank with heat colours, a text, a signed change). */
/** A table box of `n` rows, drawn by the wasm already started (a one-row table first):
 *  from the JSON text to the box on screen (render resolved and the next frame painted),
 *  the first table of that size and a second one (the wasm's code then compiled by the
 *  optimising tier); then each column's button pressed twice (the first press sorts, the
 *  second reverses), each from the press to the layout done (what the reader waits for
 *  before the next frame) and to the next frame painted. */
async function measureTable(browser, n) {
  const { context, page, errors } = await openTablePage(browser, `${server.url}/bench/table.html`);
  const r = await page.evaluate(async (text) => {
    const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    const drawn = [];
    const complete = [];
    let el;
    for (let k = 0; k < 2; k++) {
      if (el) el.remove();
      el = document.createElement('div');
      document.body.appendChild(el);
      const t0 = performance.now();
      await factbox.render(el, text, { lazy: false });
      await frame();
      drawn.push(performance.now() - t0);
      // The rows past the first page come in while the reader looks at it.
      const table = el.shadowRoot.querySelector('.fb-table');
      while (table.hasAttribute('data-fb-rest')) await new Promise((r) => setTimeout(r, 5));
      complete.push(performance.now() - t0);
    }
    // A reader pressing a column's button straight after the draw, before the rest is in.
    const early = document.createElement('div');
    document.body.appendChild(early);
    await factbox.render(early, text, { lazy: false });
    await frame();
    const e0 = performance.now();
    early.shadowRoot.querySelectorAll('thead button')[1].click();
    void early.offsetHeight;
    const pressedEarly = performance.now() - e0;
    early.remove();
    const laid = [];
    const painted = [];
    for (const b of el.shadowRoot.querySelectorAll('thead button')) {
      for (let press = 0; press < 2; press++) {
        const s0 = performance.now();
        b.click();
        void el.offsetHeight;
        laid.push(performance.now() - s0);
        await frame();
        painted.push(performance.now() - s0);
      }
    }
    return { first: drawn[0], again: drawn[1], complete: complete[1], early: pressedEarly, laid, painted };
  }, tableDoc(n));
  await context.close();
  if (errors.length) throw new Error(`table ${n}: ${errors.join('; ')}`);
  return r;
}

const server = await serve({ route });
const browser = await launch();
const results = {};
const tables = {};
const throttled = {};
try {
  for (const n of THROTTLED_SIZES) {
    throttled[n] = { named: [], unnamed: [], chartjs: [] };
    for (let run = 0; run < THROTTLED_RUNS; run++) {
      for (const [k, which, query] of [['named', 'factbox', ''], ['unnamed', 'factbox', '&named=0'], ['chartjs', 'chartjs', '']]) {
        const t = await measureThrottled(browser, which, n, query);
        throttled[n][k].push(t);
        process.stdout.write(`mobile network ${k} n=${n} run ${run + 1}: ready ${t.toFixed(0)} ms\n`);
      }
    }
  }
  for (const n of [34, 1000, 2000]) {
    tables[n] = [];
    for (let run = 0; run < TABLE_RUNS; run++) {
      const m = await measureTable(browser, n);
      tables[n].push(m);
      process.stdout.write(`table n=${n} run ${run + 1}: drawn ${m.first.toFixed(1)} ms, again ${m.again.toFixed(1)} ms, every row in ${m.complete.toFixed(1)} ms, early press ${m.early.toFixed(1)} ms, sort (laid out) median ${median(m.laid).toFixed(1)} ms, slowest ${Math.max(...m.laid).toFixed(1)} ms\n`);
    }
  }
  for (const n of SIZES) {
    results[n] = { factbox: [], chartjs: [], lazy: [], unnamed: [] };
    for (let run = 0; run < RUNS; run++) {
      // Alternate which goes first, so neither always gets the warmer machine.
      const order = run % 2 ? ['chartjs', 'factbox'] : ['factbox', 'chartjs'];
      for (const which of order) {
        const m = await measure(browser, which, n);
        if (m.errors.length) throw new Error(`${which} ${n}: ${m.errors.join('; ')}`);
        results[n][which].push(m);
        process.stdout.write(`${which} n=${n} run ${run + 1}: ready ${m.ready.toFixed(0)} ms, longest task ${Math.max(0, ...m.longtasks).toFixed(0)} ms\n`);
      }
      const l = await measure(browser, 'factbox', n, '&lazy=1');
      results[n].lazy.push(l);
      process.stdout.write(`factbox lazy n=${n} run ${run + 1}: first screen ready ${l.ready.toFixed(0)} ms, longest task ${Math.max(0, ...l.longtasks).toFixed(0)} ms\n`);
      // The same page with embeds that do not name their kind: which engine to fetch is
      // known only once the JSON is in (the small pages, where that step shows).
      if (n <= 8) {
        const u = await measure(browser, 'factbox', n, '&named=0');
        results[n].unnamed.push(u);
        process.stdout.write(`factbox unnamed n=${n} run ${run + 1}: ready ${u.ready.toFixed(0)} ms\n`);
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}

// Criterion's estimates, from target/criterion/<group>/<bench>/new/estimates.json.
function criterion() {
  const base = path.join(root, 'target', 'criterion');
  const rows = [];
  const walk = (dir, parts) => {
    if (!fs.existsSync(dir)) return;
    const est = path.join(dir, 'new', 'estimates.json');
    if (fs.existsSync(est) && parts.length) {
      const e = JSON.parse(fs.readFileSync(est, 'utf8'));
      rows.push({ name: parts.join('/'), median: e.median.point_estimate, lo: e.median.confidence_interval.lower_bound, hi: e.median.confidence_interval.upper_bound });
    }
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      if (d.isDirectory() && d.name !== 'new' && d.name !== 'base' && d.name !== 'change' && d.name !== 'report') walk(path.join(dir, d.name), [...parts, d.name]);
    }
  };
  walk(base, []);
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
}
const time = (ns) => ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : `${(ns / 1e3).toFixed(1)} µs`;
const ms = (x) => `${x.toFixed(0)} ms`;
// kB of 1000 bytes, as the issue quotes Chart.js (71 KB gzip = 71,106 B).
const kb = (b) => `${(b / 1000).toFixed(1)} kB`;

const wasmFile = fs.readdirSync(dist).find((f) => /^factbox_bg\..*\.wasm$/.test(f));
const glueFile = fs.readdirSync(dist).find((f) => /^factbox_glue\..*\.js$/.test(f));
const fb = {
  js: await sizes(path.join(dist, 'factbox.js')),
  glue: await sizes(path.join(dist, glueFile)),
  wasm: await sizes(path.join(dist, wasmFile)),
};
const cj = await sizes(path.join(chartjsDir, 'chart.umd.min.js'));
const editorFile = fs.readdirSync(dist).find((f) => /^factbox_editor\..*\.wasm$/.test(f));
const editor = await sizes(path.join(dist, editorFile));
const liveFile = fs.readdirSync(dist).find((f) => /^factbox_live\..*\.js$/.test(f));
const livePart = await sizes(path.join(dist, liveFile));
// The other parts of factbox.js (www/table.js, www/render.js, www/fresh.js), each loaded
// only by the pages that use it.
const partFile = (name) => fs.readdirSync(dist).find((f) => new RegExp(`^factbox_${name}\\.[0-9a-f]+\\.js$`).test(f));
const parts = {};
for (const name of ['table', 'api', 'fresh']) parts[name] = { file: partFile(name), ...(await sizes(path.join(dist, partFile(name)))) };
// A page of prerendered boxes: factbox.js, the check of its snippets (once idle) and, if
// it has a table box, a table's interaction; tests/e2e/static.test.mjs checks that the
// demo article prerendered (which has one) loads exactly these, through loading,
// hovering, tabbing and opening a chart's data.
const prerenderedCode = fb.js.gzip + parts.fresh.gzip + parts.table.gzip;
const shipped = (name) => fs.statSync(path.join(dist, `${name}.gz`)).size;
const shippedTotal = shipped('factbox.js') + shipped(glueFile) + shipped(wasmFile);
const total = (k) => fb.js[k] + fb.glue[k] + fb.wasm[k];
// The readers' engine of each kind (src/kinds.rs), which a page whose boxes are all of one
// kind downloads instead of the whole one.
const kindFiles = fs.readdirSync(dist).filter((f) => /^factbox_bg_[a-z-]+\.[0-9a-f]+\.wasm$/.test(f));
// The engines of sets of kinds (the Makefile's SETS, SET_<name> := its kinds), for a page
// of boxes of several kinds, apart from the kinds' own.
const makefile = fs.readFileSync(path.join(root, 'Makefile'), 'utf8');
const setKinds = (name) => (makefile.match(new RegExp(`^SET_${name} := (.*)$`, 'm')) || [])[1];
const kinds = [];
const sets = [];
for (const f of kindFiles) {
  const wasm = await sizes(path.join(dist, f));
  const kind = f.replace(/^factbox_bg_/, '').replace(/\..*$/, '');
  // A table's page also loads a table's interaction.
  const extra = kind === 'table' ? parts.table.gzip : 0;
  const extraShipped = kind === 'table' ? shipped(parts.table.file) : 0;
  (setKinds(kind) ? sets : kinds).push({ kind, file: f, wasm, total: fb.js.gzip + fb.glue.gzip + wasm.gzip + extra, shipped: shipped('factbox.js') + shipped(glueFile) + shipped(f) + extraShipped });
}
kinds.sort((a, b) => a.total - b.total);
sets.sort((a, b) => a.total - b.total);
const sh = (c) => { try { return execSync(c, { encoding: 'utf8' }).trim(); } catch { return 'unknown'; } };
const cpu = (os.cpus()[0] || {}).model || 'unknown CPU';
const chromium = sh('/usr/bin/chromium --version');
const commit = sh('git rev-parse --short HEAD') + (sh('git status --porcelain') ? ' (with uncommitted changes)' : '');

let md = `# Benchmarks

Written by \`make bench\` (\`cargo bench --bench pipeline\`, then \`node benches/report.mjs\`) on
${new Date().toISOString().slice(0, 10)}, commit ${commit}; ${cpu}, ${os.cpus().length} cores,
${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}; ${chromium} headless (no GPU),
Node ${process.version}. Medians, with the spread (min–max) over ${RUNS} runs for the browser
and criterion's 95% interval natively. Re-run with \`make bench\`; nothing here is asserted by
a test.

## Download (the widget itself)

Sizes in bytes; kB = 1000 B. "gzip -9" is what a server compressing each response sends at
best; "zopfli" is the same gzip format as \`make dist\` precompresses it (\`dist/*.gz\`, sent by
servers with \`gzip_static\`); brotli 11 as in \`dist/*.br\`.

| | raw | gzip -9 | gzip by zopfli (shipped .gz) | brotli 11 |
|---|---|---|---|---|
| factbox.js | ${fb.js.raw} | ${fb.js.gzip} | ${fb.js.zopfli} | ${fb.js.brotli} |
| (with live boxes) ${glueFile} | ${fb.glue.raw} | ${fb.glue.gzip} | ${fb.glue.zopfli} | ${fb.glue.brotli} |
| (with live boxes) ${wasmFile} | ${fb.wasm.raw} | ${fb.wasm.gzip} | ${fb.wasm.zopfli} | ${fb.wasm.brotli} |
| **factbox total, live boxes** | ${total('raw')} | **${total('gzip')}** (${kb(total('gzip'))}) | **${total('zopfli')}** (${kb(total('zopfli'))}) | ${total('brotli')} (${kb(total('brotli'))}) |
| Chart.js 4.6.1 \`chart.umd.min.js\` | ${cj.raw} | ${cj.gzip} (${kb(cj.gzip)}) | ${cj.zopfli} (${kb(cj.zopfli)}) | ${cj.brotli} (${kb(cj.brotli)}) |
| (only when a box fails, an image is asked for or a box reads live data) ${editorFile} | ${editor.raw} | ${editor.gzip} | ${editor.zopfli} | ${editor.brotli} |
| (only where a box reads live data) ${liveFile} | ${livePart.raw} | ${livePart.gzip} | ${livePart.zopfli} | ${livePart.brotli} |
| (only where a table box is shown) ${parts.table.file} | ${parts.table.raw} | ${parts.table.gzip} | ${parts.table.zopfli} | ${parts.table.brotli} |
| (only where a page calls factbox.render, or a reader asks for an image or presses a legend) ${parts.api.file} | ${parts.api.raw} | ${parts.api.gzip} | ${parts.api.zopfli} | ${parts.api.brotli} |
| (only where boxes are prerendered, once the page is idle) ${parts.fresh.file} | ${parts.fresh.raw} | ${parts.fresh.gzip} | ${parts.fresh.zopfli} | ${parts.fresh.brotli} |

A page whose live boxes are all of one kind downloads that kind's engine instead of the
whole readers' engine (\`factbox_bg_<kind>.<hash>.wasm\`), and a page of several kinds the
smallest engine that draws them all (an engine of a set of kinds, else the whole one), gzip -9, with factbox.js and the glue (and, for tables, a table's interaction):

| kind | its engine | everything a reader downloads | Chart.js × | as shipped (zopfli) |
|---|---|---|---|---|
${kinds.map((k) => `| ${k.kind} | ${k.wasm.gzip} | **${k.total}** (${kb(k.total)}) | ${(k.total / cj.gzip).toFixed(2)} | ${k.shipped} |`).join('\n')}
${sets.map((k) => `| several of: ${setKinds(k.kind).split(' ').join(', ')} (\`${k.kind}\`) | ${k.wasm.gzip} | **${k.total}** (${kb(k.total)}) | ${(k.total / cj.gzip).toFixed(2)} | ${k.shipped} |`).join('\n')}
| several kinds, a table among them (the whole engine, and a table's interaction) | ${fb.wasm.gzip} | **${total('gzip') + parts.table.gzip}** (${kb(total('gzip') + parts.table.gzip)}) | ${((total('gzip') + parts.table.gzip) / cj.gzip).toFixed(2)} | ${shippedTotal + shipped(parts.table.file)} |

What a reader downloads: a page of **prerendered** boxes, factbox.js, the check of its
snippets and (the demo article has a table box) a table's interaction
(**${prerenderedCode} B** gzip -9; ${fb.js.gzip + parts.fresh.gzip} B without a table): no wasm, no glue, no messages, through loading, hovering, tabbing and
opening a chart's data; a page of **live** boxes (the script-tag embed, boxes from JSON),
factbox.js, the wasm's glue and the readers' wasm (**${total('gzip')} B**, ${(total('gzip') / cj.gzip).toFixed(2)}× Chart.js);
the editors' engine only where a box has a problem.

## In the browser: factbox against Chart.js

Pages of N boxes from the demo file (\`benches/pages/\`), cycling through its 11 boxes (3 of
them key figures, HTML text in both), 800 px wide; factbox draws them at once
(\`data-factbox-lazy="false"\`), as Chart.js does, each embed naming its box's kind
(\`data-factbox-kind\`, as the README's embed does: the engine is fetched while the JSON is); Chart.js, served compressed as factbox's files are, gets the same JSON in one fetch,
comparable charts, animations off. "Ready": from navigation to every box drawn. "Longest
task": the longest main-thread task the \`longtask\` observer saw in a run, median over the
runs and the worst run (it reports tasks over 50 ms only; "none" means no task over 50 ms). Tooltip: over the first bar chart at 30 places;
factbox shows its tooltip (DOM text) in the event itself and outlines the mark at the next
frame; Chart.js draws both on its canvas at the next frame.

| boxes | factbox ready | Chart.js ready | ratio | factbox longest task | Chart.js longest task | factbox wasm memory | JS heap factbox / Chart.js | factbox as published (lazy): first screen ready, longest task |
|---|---|---|---|---|---|---|---|---|
`;
const spread = (xs) => `${ms(median(xs))} (${ms(Math.min(...xs))}–${ms(Math.max(...xs))})`;
const ms1 = (x) => `${x.toFixed(1)} ms`;
const spread2 = (xs) => `${ms1(median(xs))} (${ms1(Math.min(...xs))}–${ms1(Math.max(...xs))})`;
// The longest task of each run: their median, and the worst of all runs.
const longest = (runs) => {
  const per = runs.map((r) => (r.longtasks.length ? Math.max(...r.longtasks) : 0));
  const worst = Math.max(...per);
  return worst ? `${median(per) ? ms(median(per)) : 'none'} (worst ${ms(worst)})` : 'none';
};
const budget = { longtask: true, faster48: null, tipP95: null };
for (const n of SIZES) {
  const f = results[n].factbox; const c = results[n].chartjs;
  const fr = f.map((r) => r.ready); const cr = c.map((r) => r.ready);
  if (f.some((r) => r.longtasks.length)) budget.longtask = false;
  if (n === 48) budget.faster48 = median(fr) < median(cr);
  const l = results[n].lazy;
  if (l.some((r) => r.longtasks.length)) budget.longtask = false;
  md += `| ${n} | ${spread(fr)} | ${spread(cr)} | ${(median(fr) / median(cr)).toFixed(2)} | ${longest(f)} | ${longest(c)} | ${kb(median(f.map((r) => r.wasm)))} | ${kb(median(f.map((r) => r.heap)))} / ${kb(median(c.map((r) => r.heap)))} | ${spread(l.map((r) => r.ready))}, ${longest(l)} |\n`;
}
const unnamed = SIZES.filter((n) => results[n].unnamed.length);
if (unnamed.length) {
  md += `\nThe same pages with embeds that do not name their kind (\`?named=0\`: the engine is chosen, then fetched, once the JSON is in), in the same runs: ${unnamed.map((n) => {
    const u = median(results[n].unnamed.map((r) => r.ready));
    return `${n} ${n === 1 ? 'box' : 'boxes'} ${ms(u)}, ${(u / median(results[n].chartjs.map((r) => r.ready))).toFixed(2)}× Chart.js`;
  }).join('; ')}.\n`;
}

md += `
On a mobile network (Lighthouse's: 150 ms round trips, 1.6 Mbps down, set through the
DevTools protocol), everything served compressed as \`make dist\` writes it (Chart.js too:
brotli 11), medians of ${THROTTLED_RUNS}: what the bytes and the round trips cost, which
localhost hides.

| boxes | factbox, embeds naming their kind | factbox, embeds not naming it | Chart.js | ratio (naming / not) |
|---|---|---|---|---|
`;
for (const n of THROTTLED_SIZES) {
  const t = throttled[n];
  const c = median(t.chartjs);
  md += `| ${n} | ${spread(t.named)} | ${spread(t.unnamed)} | ${spread(t.chartjs)} | ${(median(t.named) / c).toFixed(2)} / ${(median(t.unnamed) / c).toFixed(2)} |\n`;
}
const tipsOf = (which, key) => SIZES.flatMap((n) => results[n][which].flatMap((r) => r.tips[key]));
const fShown = tipsOf('factbox', 'shown'); const fDrawn = tipsOf('factbox', 'drawn'); const cShown = tipsOf('chartjs', 'shown');
budget.tipP95 = fShown.length ? pct(fShown, 95) : null;
// Median and p95 of a list of times, or dashes when there are none (a run of one box has
// no bar chart to hover).
const tipCells = (xs, places) => xs.length ? `${median(xs).toFixed(places)} ms | ${pct(xs, 95).toFixed(places)} ms` : '– | –';
md += `
Tooltip latency, all runs together (from the pointer event to the tooltip on screen):

| | samples | median | p95 |
|---|---|---|---|
| factbox: tooltip text shown | ${fShown.length} | ${tipCells(fShown, 2)} |
| factbox: mark outlined (next frame done) | ${fDrawn.length} | ${tipCells(fDrawn, 1)} |
| Chart.js: tooltip drawn (next frame done) | ${cShown.length} | ${tipCells(cShown, 1)} |

## A table box in the browser

A table of N rows × 6 columns (text, a percentage with mini bars, a count, ranks with heat
colours, text, a signed change), the wasm already started: "drawn" from the JSON text given
to \`factbox.render\` to the next frame painted (reading and checking every row, the markup
of the first page, the interaction attached), for the first table of that size ("first")
and a second one ("again": by then the browser has compiled the wasm's table code with its
optimising tier); "every row in": from the same start until the rows past the first page
have come in, written by the wasm and added a hundred at a time in idle moments (the
second table); "sort": each of the six columns' buttons pressed twice (sorted, then
reversed) once every row is in, from the press to the layout done ("laid out": the script
and the browser's layout, what stands between the press and the next frame) and to the
next frame painted (which adds the wait for the display's next refresh, up to 16.7 ms);
"first press, early": a column's button pressed in the first frame after the draw, before
the rest is in (the press then brings every row in first). Medians and spreads over
${TABLE_RUNS} runs. Goal: 1,000 rows drawn in ≤ 50 ms and sorted in ≤ 16 ms.

| rows | drawn, first | drawn, again | every row in | sort laid out, median press | sort laid out, slowest press | sort to the next frame, median press | first press, early |
|---|---|---|---|---|---|---|---|
${Object.entries(tables).map(([n, runs]) => `| ${n} | ${spread2(runs.map((r) => r.first))} | ${spread2(runs.map((r) => r.again))} | ${spread2(runs.map((r) => r.complete))} | ${spread2(runs.map((r) => median(r.laid)))} | ${spread2(runs.map((r) => Math.max(...r.laid)))} | ${spread2(runs.map((r) => median(r.painted)))} | ${spread2(runs.map((r) => r.early))} |`).join('\n')}

## Native pipeline (criterion)

Each kind at 800 px with a typical number of items (\`kind/…\`), and growth with the
number of items (\`growth/…\`; the format caps bars and rank items at 100; a line's points
reach 10,000, drawn with the M4 reduction and one low/high mark per pixel column).

| benchmark | median | 95% interval |
|---|---|---|
`;
for (const r of criterion()) md += `| ${r.name} | ${time(r.median)} | ${time(r.lo)} – ${time(r.hi)} |\n`;
md += `
## Budgets

| budget | measured | met |
|---|---|---|
| widget download ≤ 85,000 B gzip -9 (Chart.js: ${kb(cj.gzip)}) | precompressed as shipped (zopfli): ${kb(shippedTotal)}; compressed per response (gzip -9): ${kb(total('gzip'))} | as shipped: ${shippedTotal <= 85000 ? 'yes' : 'no'}; per response: ${total('gzip') <= 85000 ? 'yes' : 'no'} |
| the same, a page of boxes of one kind (gzip -9) | ${kinds.map((k) => `${k.kind} ${kb(k.total)}`).join(', ')} | ${kinds.filter((k) => k.total <= 85000).length} kinds of ${kinds.length}: ${kinds.filter((k) => k.total <= 85000).map((k) => k.kind).join(', ') || 'none'} |
${sets.map((k) => `| the same, a page of several kinds but no table (gzip -9, \`${k.kind}\`) | ${kb(k.total)} | ${k.total <= 85000 ? 'yes' : 'no'} |\n`).join('')}| 48 boxes drawn sooner than Chart.js draws 48 | ${ms(median(results[48]?.factbox.map((r) => r.ready) || [0]))} vs ${ms(median(results[48]?.chartjs.map((r) => r.ready) || [0]))} | ${budget.faster48 === null ? 'not run' : budget.faster48 ? 'yes' : 'no'} |
| no main-thread task over 50 ms, up to ${Math.max(...SIZES)} boxes (eager and lazy pages) | ${longest(SIZES.flatMap((n) => [...results[n].factbox, ...results[n].lazy]))} | ${budget.longtask ? 'yes' : 'no'} |
| tooltip within 16 ms of the pointer, p95 | ${budget.tipP95 === null ? '–' : budget.tipP95.toFixed(2) + ' ms'} | ${budget.tipP95 !== null && budget.tipP95 <= 16 ? 'yes' : 'no'} |
`;
// Lighthouse, if benches/lighthouse.mjs ran before (as `make bench` does).
const lhFile = path.join(root, 'target', 'bench', 'lighthouse.json');
if (fs.existsSync(lhFile)) {
  const lh = JSON.parse(fs.readFileSync(lhFile, 'utf8'));
  const m = lh.median;
  const row = (name, v, ok) => `| ${name} | ${v} | ${ok ? 'yes' : 'no'} |\n`;
  md += `
## Lighthouse ${lh.lighthouse}, mobile, on the demo page

Default mobile settings (simulated slow 4G, 4× CPU slowdown), the demo page (12 boxes) served
from \`dist/\` with its precompressed \`.gz\` files; medians of ${lh.runs.length} runs
(\`node benches/lighthouse.mjs\`, reports in \`target/bench/\`).

| measure | median | goal met |
|---|---|---|
`;
  md += row('performance score (goal ≥ 95)', m.performance, m.performance >= 95);
  md += row('accessibility score (goal 100)', m.accessibility, m.accessibility === 100);
  md += row('total blocking time (goal ≤ 100 ms)', ms(m.tbt), m.tbt <= 100);
  md += row('cumulative layout shift (goal ≤ 0.1)', m.cls.toFixed(3), m.cls <= 0.1);
  md += `| largest contentful paint | ${ms(m.lcp)} | |\n| first contentful paint | ${ms(m.fcp)} | |\n| tasks over 50 ms | ${m.longTasks} | |\n| factbox.js CPU time (all its tasks) | ${ms(m.factboxCpu)} | |\n`;
  if (lh.pages?.prerendered && lh.pages?.noBoxes) {
    const [live, pre, bare] = [lh.pages.live.median, lh.pages.prerendered.median, lh.pages.noBoxes.median];
    md += `
### Static-first: the same article prerendered

\`dist/prerendered.html\` is the demo article with its boxes written by \`factbox render\`
(on screen before any script; factbox.js makes each interactive where it is, with no wasm,
and once the page is idle fetches the data file to check the snippets are not stale), beside
the live page and the article with no box and no script at all. Same settings, medians of
${lh.runs.length} runs each.

| page | CLS | longest task (factbox.js's) | tasks over 50 ms | LCP | FCP | TBT | performance |
|---|---|---|---|---|---|---|---|
| live (boxes drawn by factbox.js) | ${live.cls.toFixed(3)} | ${ms(live.longest)} (${ms(live.factboxLongest ?? 0)}) | ${live.longTasks} | ${ms(live.lcp)} | ${ms(live.fcp)} | ${ms(live.tbt)} | ${live.performance} |
| prerendered, made interactive | ${pre.cls.toFixed(3)} | ${ms(pre.longest)} (${ms(pre.factboxLongest ?? 0)}) | ${pre.longTasks} | ${ms(pre.lcp)} | ${ms(pre.fcp)} | ${ms(pre.tbt)} | ${pre.performance} |
| no boxes, no script | ${bare.cls.toFixed(3)} | ${ms(bare.longest)} | ${bare.longTasks} | ${ms(bare.lcp)} | ${ms(bare.fcp)} | ${ms(bare.tbt)} | ${bare.performance} |

Task times are Lighthouse's, with its 4× CPU slowdown: the article alone has tasks over
50 ms (parsing and the first layout), so "no task over 50 ms" cannot hold for any page
here; factbox.js's own longest task is in brackets.

The prerendered page's HTML: ${htmlBytes('prerendered.html')}; the live page's
${htmlBytes('index.html')} (each snippet carries its box's styles, the rules it uses, and a
chart its drawing at each of five widths).

| goal (prerendered page) | measured | met |
|---|---|---|
`;
    const worstCls = Math.max(...lh.pages.prerendered.runs.map((r) => r.cls));
    md += row('CLS 0 in every run', `${worstCls.toFixed(3)} (worst run)`, worstCls < 0.0005);
    md += row('performance ≥ 99', pre.performance, pre.performance >= 99);
    md += row('total blocking time ≤ 50 ms', ms(pre.tbt), pre.tbt <= 50);
    md += row(`code downloaded ≤ 10,000 B gzip -9 (factbox.js, the snippets' check, a table's interaction: no wasm, no glue)`, `${prerenderedCode} B`, prerenderedCode <= 10000);
    md += row('factbox.js\'s own CPU time', ms(pre.factboxCpu ?? 0), true);
  }
}
// A page of dist/, raw and gzip -9, in words.
function htmlBytes(name) {
  const body = fs.readFileSync(path.join(dist, name));
  return `${body.length.toLocaleString('en')} B raw, ${zlib.gzipSync(body, { level: 9 }).length.toLocaleString('en')} B gzip -9`;
}
// The bytes factbox adds to a Vite app, if benches/vite-bytes.mjs ran before (as `make bench` does).
const viteFile = path.join(root, 'target', 'bench', 'vite.json');
if (fs.existsSync(viteFile)) {
  const v = JSON.parse(fs.readFileSync(viteFile, 'utf8'));
  // The engines that read live data and that write messages and prerender are emitted
  // beside the app (the module names them), but a page fetches them only where a box reads
  // live data, fails, or prerender() or check() is called: not what a reader of this app
  // downloads.
  const onDemandWhy = (f) => (/^factbox_editor\./.test(f.file) ? 'only where a box reads live data'
    : /^factbox_dev\./.test(f.file) ? 'only where a box fails, an image is asked for, or for prerender() and check()' : '');
  const onDemand = (f) => onDemandWhy(f) !== '';
  const sum = (files, k) => files.reduce((t, f) => t + f[k], 0);
  const read = (k) => sum(v.sizes.with.filter((f) => !onDemand(f)), k) - sum(v.sizes.without, k);
  md += `
## In an app built by Vite ${v.vite}

A minimal app that renders one box with \`import { render } from 'factbox'\` (the npm tarball of
\`make pkg\`), against the same app without factbox (\`node benches/vite-bytes.mjs\`). factbox
adds **${read('gzip')} B gzip -9** (${kb(read('gzip'))}; ${read('raw')} B raw) to what its readers
download, and ${v.added.gzip} B (${kb(v.added.gzip)}) to the files the app puts on its server,
with the engines fetched only when needed (the developers': messages and prerender; the one
that reads live data):

| file of the app with factbox | raw | gzip -9 |
|---|---|---|
${v.sizes.with.map((f) => `| ${f.file}${onDemand(f) ? ` (${onDemandWhy(f)})` : ''} | ${f.raw} | ${f.gzip} |`).join('\n')}
| the app's own code without factbox | ${v.sizes.without.reduce((s, f) => s + f.raw, 0)} | ${v.sizes.without.reduce((s, f) => s + f.gzip, 0)} |
`;
}
fs.writeFileSync(path.join(root, 'BENCHMARKS.md'), md);
fs.mkdirSync(path.join(root, 'target', 'bench'), { recursive: true });
fs.writeFileSync(path.join(root, 'target', 'bench', 'browser.json'), JSON.stringify(results, null, 1));
console.log('wrote BENCHMARKS.md');
