// `node benches/ab.mjs --a DIR --b DIR [--runs 30] [--rows 1000]`: two builds of the widget
// (two copies of dist/, e.g. `cp -r dist /tmp/dist-before` before a change, then
// `make dist`) against each other on what `make bench` measures most noisily: the first
// draw of a big table box, in alternating fresh pages (A then B, then B then A, ...).
//
// Why: on a shared 2-core machine the same build's median first draw moved from 42 to
// 64 ms between runs an hour apart (2026-12-07), so two `make bench` runs cannot tell a
// 5 ms change; pairs of page loads side by side can. It prints both medians and in how
// many pairs B was faster: about half means no difference.
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, sendFile } from '../tests/e2e/helpers.mjs';
import { tableDoc, openTablePage } from './table-page.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const dirs = { a: opt('--a'), b: opt('--b') };
const RUNS = Number(opt('--runs', 30));
const ROWS = Number(opt('--rows', 1000));
for (const [k, d] of Object.entries(dirs)) {
  if (!d || !fs.existsSync(path.join(d, 'factbox.js'))) {
    console.error(`--${k}: a directory with a built factbox.js (a copy of dist/), not ${d}`);
    process.exit(2);
  }
}

// /a/... and /b/...: each build's files as they are (factbox.js finds its wasm beside it).
const server = await serve({ route: (url, res, req) => {
  const m = url.pathname.match(/^\/(a|b)\/([^/]+)$/);
  if (!m) return false;
  if (m[2] === 'table.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><script src="/${m[1]}/factbox.js"></script></body></html>`);
  } else {
    sendFile(res, path.join(dirs[m[1]], m[2]), {}, req);
  }
  return true;
} });
const browser = await launch();
const median = (xs) => { const s = [...xs].sort((x, y) => x - y); const h = s.length >> 1; return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2; };

/** One fresh page of build `k`, the wasm started (as in `make bench`), then the big table
 *  (the benchmark's own document): to its render resolved, and to the next frame painted. */
async function once(k, text) {
  const { context, page, errors } = await openTablePage(browser, `${server.url}/${k}/table.html`);
  const got = await page.evaluate(async (text) => {
    const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    const el = document.createElement('div');
    document.body.appendChild(el);
    const t0 = performance.now();
    await factbox.render(el, text, { lazy: false });
    const rendered = performance.now() - t0;
    await frame();
    return { rendered, drawn: performance.now() - t0 };
  }, text);
  await context.close();
  if (errors.length) throw new Error(`${k}: ${errors.join('; ')}`);
  return got;
}

const text = tableDoc(ROWS);
const got = { a: [], b: [] };
try {
  for (let run = 0; run < RUNS; run++) {
    for (const k of run % 2 ? ['b', 'a'] : ['a', 'b']) got[k].push(await once(k, text));
  }
} finally {
  await browser.close();
  await server.close();
}
for (const k of ['a', 'b']) {
  const rendered = got[k].map((r) => r.rendered);
  const drawn = got[k].map((r) => r.drawn);
  console.log(`${k} (${dirs[k]}): ${ROWS} rows rendered ${median(rendered).toFixed(1)} ms, drawn ${median(drawn).toFixed(1)} ms (${Math.min(...drawn).toFixed(0)}–${Math.max(...drawn).toFixed(0)}), medians of ${RUNS}`);
}
const faster = got.a.filter((r, i) => got.b[i].drawn < r.drawn).length;
console.log(`B drawn faster in ${faster} of ${RUNS} pairs (about half: no difference)`);
