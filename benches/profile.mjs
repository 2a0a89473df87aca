// `node benches/profile.mjs [N] [lazy]`: one page load of the benchmark page with N boxes,
// traced through the Chrome DevTools Protocol; prints each main-thread task over 20 ms and
// what took its time (the trace itself goes to target/prof/trace-N.json, for DevTools).
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, sendFile, root } from '../tests/e2e/helpers.mjs';

const n = Number(process.argv[2] || 1);
const lazy = process.argv[3] === 'lazy' ? '&lazy=1' : '';
const pagesDir = path.join(root, 'benches', 'pages');
const server = await serve({ route: (url, res) => {
  if (!url.pathname.startsWith('/bench/')) return false;
  sendFile(res, path.join(pagesDir, path.basename(url.pathname)));
  return true;
} });
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8.execute,disabled-by-default-devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
await page.goto(`${server.url}/bench/factbox.html?n=${n}${lazy}`);
await page.waitForFunction(() => window.__bench && window.__bench.ready !== null, null, { timeout: 60000 });
await page.waitForTimeout(300);
const ready = await page.evaluate(() => window.__bench.ready);
await cdp.send('Tracing.end');
await done;
fs.mkdirSync(path.join(root, 'target', 'prof'), { recursive: true });
fs.writeFileSync(path.join(root, 'target', 'prof', `trace-${n}.json`), JSON.stringify(events));
const main = events.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
const nav = events.find((e) => e.name === 'navigationStart' || e.name === 'NavigationStart');
const t0 = nav ? nav.ts : Math.min(...onMain.map((e) => e.ts));
const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur > 20000);
console.log(`n=${n}${lazy}: ready at ${ready.toFixed(0)} ms; tasks over 20 ms: ${tasks.length}`);
for (const t of tasks) {
  const inside = onMain.filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t);
  const by = {};
  for (const e of inside) {
    const key = e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.callFunction'
      ? `${e.name} ${(e.args.data && (e.args.data.functionName || e.args.data.url)) || ''}`.trim() : e.name;
    by[key] = (by[key] || 0) + e.dur;
  }
  const top = Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 8)
    .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join('; ');
  console.log(`  at ${((t.ts - t0) / 1000).toFixed(0)} ms, ${(t.dur / 1000).toFixed(1)} ms: ${top}`);
}
await browser.close();
await server.close();
