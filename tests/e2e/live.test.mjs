// Live data in the page: a box fed by a spreadsheet's CSV on a local server, read again
// every `refresh` seconds (the page's clock run forward by Playwright): the sheet changes
// and the box shows it in place; a 500, a web page and a bad cell each keep the last good
// box, marked out of date (editors also see why); the source back, the mark goes; a hidden
// tab makes no requests; a prerendered live box needs no read to be on screen and keeps
// its figures when the first read fails.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, root, sendFile } from './helpers.mjs';

let server;
let browser;
const requests = [];
// What the "spreadsheet" answers, set by each test.
let sheet = { status: 200, type: 'text/csv; charset=utf-8', body: '' };

const DOC = (lang) => JSON.stringify({ version: 1, locale: lang, boxes: [{ id: 'ho-so', kind: 'bar',
  title: lang === 'en' ? 'Online applications' : 'Tỉ lệ hồ sơ trực tuyến', unit: '%',
  data: { url: 'ho-so.csv', refresh: 30 },
  bars: [{ label: 'Hà Nội', value: 70, highlight: true }, { label: 'Huế', value: 60 }] }] });

// A spreadsheet's "publish to web" CSV: byte-order mark, CRLF, a quoted header, decimal
// commas in quotes.
const CSV = (hanoi, hue) => `\ufeff"Tỉnh, thành phố",Tỉ lệ\r\nHà Nội,"${hanoi}"\r\nHuế,"${hue}"\r\n`;

const page = (attrs) => `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Số liệu trực tiếp</title>
<link rel="icon" href="data:,"></head><body><main><h1>Số liệu trực tiếp</h1>
<div id="box" ${attrs}></div><p id="after">Đoạn văn sau hộp.</p></main>
<script src="/factbox.js"></script></body></html>`;

const prerenderedDir = path.join(root, 'target', 'e2e-live');

before(async () => {
  // The live box prerendered by the command, with the sheet as it was.
  fs.rmSync(prerenderedDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(prerenderedDir, 'data'), { recursive: true });
  fs.writeFileSync(path.join(prerenderedDir, 'data', 'doc.json'), DOC('vi'));
  fs.writeFileSync(path.join(prerenderedDir, 'data', 'ho-so.csv'), CSV('55,5', '44'));
  execFileSync(path.join(root, 'target', 'debug', 'factbox'), ['render', 'data/doc.json', '--out', 'out',
    '--script', '/factbox.js'], { cwd: prerenderedDir, stdio: 'pipe' });
  const snippet = fs.readFileSync(path.join(prerenderedDir, 'out', 'ho-so.html'), 'utf8')
    .replace('data-factbox="data/doc.json#ho-so"', 'data-factbox="/live/vi.json#ho-so" data-factbox-debug="off"');
  server = await serve({
    route(url, res) {
      if (url.pathname.startsWith('/pkg/')) {
        sendFile(res, path.join(root, 'pkg', path.basename(url.pathname)));
        return true;
      }
      if (!url.pathname.startsWith('/live/')) return false;
      requests.push({ path: url.pathname, at: Date.now() });
      const name = url.pathname.slice('/live/'.length);
      if (name === 'ho-so.csv' && sheet.hang) {
        // Takes the request and never answers.
        res.writeHead(200, { 'content-type': 'text/csv' });
        res.write('"Tỉnh, thành phố",Tỉ lệ\r\n');
      } else if (name === 'ho-so.csv') {
        res.writeHead(sheet.status, { 'content-type': sheet.type, 'cache-control': 'no-store' });
        res.end(sheet.body);
      } else if (name === 'vi.json' || name === 'en.json') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(DOC(name.slice(0, 2)));
      } else if (name === 'editor.html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page('data-factbox="/live/vi.json#ho-so" data-factbox-lazy="false"'));
      } else if (name === 'reader.html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page('data-factbox="/live/vi.json#ho-so" data-factbox-lazy="false" data-factbox-debug="off"'));
      } else if (name === 'en.html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page('data-factbox="/live/en.json#ho-so" data-factbox-lazy="false"').replace('lang="vi"', 'lang="en"'));
      } else if (name === 'far.html') {
        // The box three screens below the top.
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page('data-factbox="/live/vi.json#ho-so" data-factbox-lazy="false"')
          .replace('<div id="box"', '<div style="height: 3000px"></div><div id="box"'));
      } else if (name === 'module.html') {
        // The npm module in a page, as a bundler serves it: no script tag.
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page('').replace('<script src="/factbox.js"></script>', `<script type="module">
          import { render } from '/pkg/factbox.js';
          render(document.querySelector('#box'), '/live/vi.json#ho-so', { lazy: false })
            .then(() => { document.querySelector('#box').setAttribute('data-factbox-state', 'ready'); });
        </script>`));
      } else if (name === 'prerendered.html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page('hidden').replace('<div id="box" hidden></div>', snippet.replace('<div ', '<div id="box" ')));
      } else {
        res.writeHead(404);
        res.end();
      }
      return true;
    },
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const sheetReads = () => requests.filter((r) => r.path === '/live/ho-so.csv').length;

/** Opens `name` with the page's clock under the test's hand. */
async function open(name, viewport = { width: 800, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  await p.clock.install();
  await p.goto(`${server.url}/live/${name}`);
  await p.waitForFunction(() => document.querySelector('#box').getAttribute('data-factbox-state') === 'ready');
  return { context, page: p, errors };
}

/** What the box shows: its bars' values, its "updated" line, and the editors' cause. */
function seen(p) {
  return p.evaluate(() => {
    const root = document.querySelector('#box').shadowRoot;
    const line = root.querySelector('.fb-live');
    const cause = root.querySelector('.fb-live-cause');
    return {
      values: [...root.querySelectorAll('.fb-data tbody tr')].map((r) => r.textContent),
      // The wording shown: the second while marked out of date.
      line: line && (line.classList.contains('fb-stale') ? line.lastElementChild : line.firstElementChild).textContent,
      stale: !!line && line.classList.contains('fb-stale'),
      cause: cause && cause.textContent,
      height: document.querySelector('#box').getBoundingClientRect().height,
      after: document.querySelector('#after').getBoundingClientRect().top,
    };
  });
}

/** Runs the page's clock `seconds` on, then waits until `check` holds of what it shows. */
async function later(p, seconds, check) {
  await p.clock.runFor(seconds * 1000);
  for (let i = 0; i < 100; i++) {
    const s = await seen(p);
    if (check(s)) break;
    await p.clock.runFor(100);
    await new Promise((r) => setTimeout(r, 30));
  }
  // Measured once the browser has drawn a frame of it, as a reader sees it.
  await p.clock.runFor(100);
  await new Promise((r) => setTimeout(r, 50));
  return seen(p);
}

test('the sheet changes and the box shows it after the refresh time, in place', async () => {
  sheet = { status: 200, type: 'text/csv; charset=utf-8', body: CSV('78,5', '61,25') };
  const { context, page: p, errors } = await open('reader.html');
  let s = await later(p, 0, (x) => x.values.length === 2);
  assert.deepEqual(s.values, ['Hà Nội78,5%', 'Huế61,25%']);
  assert.match(s.line, /^Cập nhật lúc \d\d:\d\d \d+\/\d+\/\d{4}$/);
  assert.equal(s.stale, false);
  const reads = sheetReads();
  // Nothing new before the refresh time.
  await p.clock.runFor(20_000);
  assert.equal(sheetReads(), reads);
  sheet.body = CSV('80', '62');
  const before = s;
  s = await later(p, 11, (x) => x.values[0] === 'Hà Nội80%');
  assert.deepEqual(s.values, ['Hà Nội80%', 'Huế62%']);
  assert.equal(sheetReads(), reads + 1);
  assert.equal(s.height, before.height, 'the box keeps its height');
  assert.equal(s.after, before.after, 'the article under it does not move');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 500, a web page and a bad cell keep the last good box, marked; the source back, the mark goes', async () => {
  sheet = { status: 200, type: 'text/csv; charset=utf-8', body: CSV('78,5', '61,25') };
  const { context, page: p, errors } = await open('editor.html');
  let s = await later(p, 0, (x) => x.values.length === 2);
  const good = s;
  const faults = [
    [{ status: 500, type: 'text/plain', body: 'internal error' }, /500/],
    [{ status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><html><body>Sign in</body></html>' }, /HTML/],
    [{ status: 200, type: 'text/csv', body: CSV('78,5', 'chưa có') }, /dòng 3, cột B \(“Tỉ lệ”\)/],
  ];
  let wait = 30;
  for (const [answer, cause] of faults) {
    sheet = answer;
    // Each failed read doubles the wait before the next (30, 60, 120 s).
    s = await later(p, wait, (x) => x.stale && cause.test(x.cause || ''));
    wait *= 2;
    assert.deepEqual(s.values, good.values, `${cause}: the last good figures stay`);
    assert.equal(s.stale, true, `${cause}: marked`);
    assert.match(s.line, /^Có thể đã cũ: đọc lần cuối \d\d:\d\d/);
    assert.match(s.cause, cause);
  }
  fs.mkdirSync(path.join(root, 'target', 'screenshots'), { recursive: true });
  await p.screenshot({ path: path.join(root, 'target', 'screenshots', 'live-editor-cause.png') });
  sheet = { status: 200, type: 'text/csv', body: CSV('90', '70') };
  s = await later(p, wait, (x) => x.values[0] === 'Hà Nội90%');
  assert.equal(s.stale, false);
  assert.equal(s.cause, null);
  assert.match(s.line, /^Cập nhật lúc/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('readers see the mark, not the cause; the box keeps its height', async () => {
  sheet = { status: 200, type: 'text/csv', body: CSV('78,5', '61,25') };
  const { context, page: p } = await open('reader.html', { width: 360, height: 800 });
  const good = await later(p, 0, (x) => x.values.length === 2);
  sheet = { status: 503, type: 'text/plain', body: 'busy' };
  const s = await later(p, 30, (x) => x.stale);
  fs.mkdirSync(path.join(root, 'target', 'screenshots'), { recursive: true });
  await p.screenshot({ path: path.join(root, 'target', 'screenshots', 'live-stale-360.png'), fullPage: true });
  assert.equal(s.cause, null);
  assert.equal(s.height, good.height, 'at 360 px the marked line takes the same room');
  await context.close();
});

test('a hidden tab makes no requests; seen again, the box is read at once', async () => {
  sheet = { status: 200, type: 'text/csv', body: CSV('78,5', '61,25') };
  const { context, page: p } = await open('reader.html');
  await later(p, 0, (x) => x.values.length === 2);
  await p.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const reads = sheetReads();
  sheet.body = CSV('99', '98');
  await p.clock.runFor(10 * 60_000);
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(sheetReads(), reads, 'ten minutes hidden: no request');
  await p.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const s = await later(p, 0, (x) => x.values[0] === 'Hà Nội99%');
  assert.equal(s.values[0], 'Hà Nội99%');
  assert.equal(sheetReads(), reads + 1);
  await context.close();
});

test('in English the line and the numbers are English', async () => {
  sheet = { status: 200, type: 'text/csv', body: 'Province,Rate\r\nHà Nội,78.5\r\nHuế,"1,061.25"\r\n' };
  const { context, page: p } = await open('en.html');
  const s = await later(p, 0, (x) => x.values.length === 2);
  assert.deepEqual(s.values, ['Hà Nội78.5%', 'Huế1,061.25%']);
  assert.match(s.line, /^Updated \d\d:\d\d, \d+ [A-Z][a-z]{2} \d{4}$/);
  await context.close();
});

test('a prerendered live box is on screen before any read, and keeps its figures when the first read fails', async () => {
  sheet = { status: 500, type: 'text/plain', body: 'down' };
  const { context, page: p, errors } = await open('prerendered.html');
  const s = await later(p, 0, (x) => x.stale);
  assert.deepEqual(s.values, ['Hà Nội55,5%', 'Huế44%'], 'the figures as the command read them');
  assert.match(s.line, /^Có thể đã cũ: đọc lần cuối \d\d:\d\d/);
  sheet = { status: 200, type: 'text/csv', body: CSV('81', '64') };
  const fresh = await later(p, 60, (x) => x.values[0] === 'Hà Nội81%');
  assert.equal(fresh.stale, false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the npm module reads live data too, with the engine it ships for it', async () => {
  sheet = { status: 200, type: 'text/csv', body: CSV('77', '66') };
  const { context, page: p, errors } = await open('module.html');
  const s = await later(p, 0, (x) => x.values.length === 2);
  assert.deepEqual(s.values, ['Hà Nội77%', 'Huế66%']);
  assert.match(s.line, /^Cập nhật lúc/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a box far off-screen is not read until it comes near; a sheet that never answers is a timeout', async () => {
  sheet = { status: 200, type: 'text/csv', body: CSV('78,5', '61,25') };
  const { context, page: p, errors } = await open('far.html');
  await later(p, 0, (x) => x.values.length === 2);
  const reads = sheetReads();
  await p.clock.runFor(5 * 60_000);
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(sheetReads(), reads, 'five minutes far below the screen: no request');
  await p.evaluate(() => document.querySelector('#box').scrollIntoView());
  await p.clock.runFor(500);
  let s = await later(p, 0, () => sheetReads() > reads);
  assert.equal(sheetReads(), reads + 1, 'read once it came near');
  // The server takes the request and never answers: after the timeout, marked.
  sheet = { hang: true };
  s = await later(p, 30 + 20, (x) => x.stale);
  assert.equal(s.stale, true);
  assert.match(s.cause, /quá 20 giây/);
  assert.deepEqual(s.values, ['Hà Nội78,5%', 'Huế61,25%']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a sheet of a hundred times the rows is refused with one message, the page answering', async () => {
  sheet = { status: 200, type: 'text/csv', body: CSV('78,5', '61,25') };
  const { context, page: p, errors } = await open('editor.html');
  await later(p, 0, (x) => x.values.length === 2);
  let big = '"Tỉnh, thành phố",Tỉ lệ\r\n';
  for (let i = 0; i < 100_000; i++) big += `Tỉnh ${i},${i % 100}\r\n`;
  sheet = { status: 200, type: 'text/csv', body: big };
  const t0 = Date.now();
  const s = await later(p, 30, (x) => x.stale);
  assert.match(s.cause, /100001 dòng, nhiều nhất là 10000/);
  assert.equal(s.cause.split(' · ').length, 1, 'one message');
  // Read, refused and said within seconds of wall time (the page's clock is the test's).
  assert.ok(Date.now() - t0 < 30_000, `${Date.now() - t0} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});

/** axe's violations on the page, by rule. */
async function axeViolations(p) {
  await p.addScriptTag({ path: path.join(root, 'node_modules', 'axe-core', 'axe.min.js') });
  return p.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.length}`);
  });
}

for (const [width, scheme] of [[360, 'light'], [1280, 'dark']]) {
  test(`the demo's live page at ${width} px, ${scheme}: read from its CSV, the line under it, axe clean`, async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
    const p = await context.newPage();
    const errors = [];
    p.on('pageerror', (e) => errors.push(String(e)));
    await p.goto(`${server.url}/truc-tiep.html`);
    await p.waitForFunction(() => {
      const el = document.querySelector('[data-factbox]');
      return el.getAttribute('data-factbox-state') === 'ready' && el.shadowRoot.querySelector('.fb-live');
    });
    const line = await p.evaluate(() => document.querySelector('[data-factbox]').shadowRoot.querySelector('.fb-live > span').textContent);
    assert.match(line, /^Cập nhật lúc \d\d:\d\d \d+\/\d+\/\d{4}$/);
    const text = await p.evaluate(() => document.querySelector('[data-factbox]').shadowRoot.textContent);
    for (const figure of ['2.186', '339', '35', '85,4%']) assert.ok(text.includes(figure), figure);
    assert.deepEqual(await axeViolations(p), []);
    fs.mkdirSync(path.join(root, 'target', 'screenshots'), { recursive: true });
    await p.screenshot({ path: path.join(root, 'target', 'screenshots', `live-demo-${width}-${scheme}.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });
}
