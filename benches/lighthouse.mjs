// `make bench`, Lighthouse part: Lighthouse 12 (mobile: simulated slow 4G and a 4× slower
// CPU) on the demo page, served from dist/ with the precompressed .gz files (as a server
// with gzip_static sends them), RUNS times; the medians go to target/bench/lighthouse.json
// for benches/report.mjs.
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
const server = await serve({ route: (url, res) => {
  const name = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
  const file = path.join(dist, name);
  if (!file.startsWith(dist)) return false;
  sendFile(res, file, { 'cache-control': 'public, max-age=300' }, gzipOnly);
  return true;
} });

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const runs = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const report = path.join(out, `lighthouse-${i + 1}.json`);
    // Not execFileSync: the page's server runs in this process and must keep answering.
    await promisify(execFile)(bin, [`${server.url}/`, '--output=json', `--output-path=${report}`, '--quiet',
      '--only-categories=performance,accessibility',
      '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync'],
    { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, maxBuffer: 64 << 20 });
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    const a = r.audits;
    const tasks = (a['long-tasks']?.details?.items || []).filter((t) => t.duration > 50);
    const js = (a['bootup-time']?.details?.items || []).find((t) => /factbox\.js/.test(t.url));
    const run = {
      performance: Math.round(r.categories.performance.score * 100),
      accessibility: Math.round(r.categories.accessibility.score * 100),
      tbt: a['total-blocking-time'].numericValue,
      cls: a['cumulative-layout-shift'].numericValue,
      lcp: a['largest-contentful-paint'].numericValue,
      fcp: a['first-contentful-paint'].numericValue,
      longTasks: tasks.length,
      factboxCpu: js ? js.total : 0,
    };
    runs.push(run);
    console.log(`lighthouse run ${i + 1}: ${JSON.stringify(run)}`);
  }
} finally {
  await server.close();
}
const keys = Object.keys(runs[0]);
const result = { runs, median: Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))])), lighthouse: '12.2.3' };
fs.writeFileSync(path.join(out, 'lighthouse.json'), JSON.stringify(result, null, 1));
console.log('median', JSON.stringify(result.median));
