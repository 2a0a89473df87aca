// `make bench`, Lighthouse part: Lighthouse 12 (mobile: simulated slow 4G and a 4× slower
// CPU) on three versions of the demo article, served from dist/ with the precompressed
// .gz files (as a server with gzip_static sends them), RUNS times each: the live page
// (boxes drawn by factbox.js), the prerendered page (boxes written by `factbox render`,
// taken over by factbox.js), and the article without any box or script (the floor). The
// medians go to target/bench/lighthouse.json for benches/report.mjs.
//   node benches/lighthouse.mjs [--runs 3]
import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { serve, sendFile, root, dist } from '../tests/e2e/helpers.mjs';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1] || 3) || 3;
const bin = path.join(root, 'target', 'lighthouse', 'node_modules', '.bin', 'lighthouse');
const out = path.join(root, 'target', 'bench');
fs.mkdirSync(out, { recursive: true });

// Every file from dist/, gzip where a .gz exists (never brotli: the budget is gzip).
const gzipOnly = { headers: { 'accept-encoding': 'gzip' } };
// The article without its boxes and without factbox.js: what the page costs by itself.
const bare = fs.readFileSync(path.join(dist, 'index.html'), 'utf8')
  .replace(/\n *<div data-factbox="[^"]*"><\/div>/g, '')
  .replace(/\n *<link rel="preload"[^>]*>/, '')
  .replace(/\n *<script src="factbox\.js"[^>]*><\/script>/, '');
const server = await serve({ route: (url, res) => {
  if (url.pathname === '/no-boxes.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=300' });
    res.end(bare);
    return true;
  }
  const name = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
  const file = path.join(dist, name);
  if (!file.startsWith(dist)) return false;
  sendFile(res, file, { 'cache-control': 'public, max-age=300' }, gzipOnly);
  return true;
} });

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const PAGES = { live: '/', prerendered: '/prerendered.html', noBoxes: '/no-boxes.html' };
const pages = {};
try {
  for (const [name, address] of Object.entries(PAGES)) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const report = path.join(out, `lighthouse-${name}-${i + 1}.json`);
      // Not execFileSync: the page's server runs in this process and must keep answering.
      await promisify(execFile)(bin, [`${server.url}${address}`, '--output=json', `--output-path=${report}`, '--quiet',
        '--only-categories=performance,accessibility',
        '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync'],
      { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, maxBuffer: 64 << 20 });
      const r = JSON.parse(fs.readFileSync(report, 'utf8'));
      const a = r.audits;
      const all = a['long-tasks']?.details?.items || [];
      const tasks = all.filter((t) => t.duration > 50);
      const js = (a['bootup-time']?.details?.items || []).find((t) => /factbox\.js/.test(t.url));
      const run = {
        performance: Math.round(r.categories.performance.score * 100),
        accessibility: Math.round(r.categories.accessibility.score * 100),
        tbt: a['total-blocking-time'].numericValue,
        cls: a['cumulative-layout-shift'].numericValue,
        lcp: a['largest-contentful-paint'].numericValue,
        fcp: a['first-contentful-paint'].numericValue,
        longTasks: tasks.length,
        longest: Math.max(0, ...all.map((t) => t.duration)),
        // Tasks Lighthouse attributes to factbox.js (the rest are the page's own parsing,
        // style and layout, or unattributable).
        factboxLongest: Math.max(0, ...all.filter((t) => /factbox\.js/.test(t.url)).map((t) => t.duration)),
        factboxCpu: js ? js.total : 0,
      };
      runs.push(run);
      console.log(`lighthouse ${name} run ${i + 1}: ${JSON.stringify(run)}`);
    }
    const keys = Object.keys(runs[0]);
    pages[name] = { runs, median: Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))])) };
    console.log(name, 'median', JSON.stringify(pages[name].median));
  }
} finally {
  await server.close();
}
const result = { ...pages.live, pages, lighthouse: '12.2.3' };
fs.writeFileSync(path.join(out, 'lighthouse.json'), JSON.stringify(result, null, 1));
