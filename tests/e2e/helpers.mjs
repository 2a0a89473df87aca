// Shared by the end-to-end tests and screenshots.mjs: a static server for dist/
// (plus test-only pages under /test/, and deliberately failing routes under /fail/), and
// a headless Chromium started with the flags this sandbox needs.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '..', '..');
export const dist = path.join(root, 'dist');
const pages = path.join(here, 'pages');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export function sendFile(res, file, extraHeaders = {}, req = null) {
  // As nginx's gzip_static and brotli_static do: the precompressed file that `make dist`
  // wrote beside it, if the browser accepts its encoding (so every end-to-end test reads
  // the widget as a well-configured server sends it).
  const accepts = req?.headers['accept-encoding'] || '';
  const encoding = [['br', '.br'], ['gzip', '.gz']]
    .find(([name, ext]) => accepts.includes(name) && fs.existsSync(file + ext));
  fs.readFile(encoding ? file + encoding[1] : file, (err, body) => {
    if (err) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': types[path.extname(file)] || 'application/octet-stream',
      'cache-control': 'no-store',
      ...(encoding ? { 'content-encoding': encoding[0], vary: 'accept-encoding' } : {}),
      ...extraHeaders,
    });
    res.end(body);
  });
}

const GOOD = (title) => JSON.stringify({ version: 1, boxes: [{ id: 'a', kind: 'bar', title,
  bars: [{ label: 'Việt Nam', value: 86 }, { label: 'Thái Lan', value: 57 }] }] });
/** How many times each misbehaving route was asked for, for the tests to read. */
export const hits = new Map();

/** Routes that misbehave on purpose, for the failure tests. */
function failRoute(url, res) {
  hits.set(url.pathname, (hits.get(url.pathname) || 0) + 1);
  const n = hits.get(url.pathname);
  switch (url.pathname) {
    case '/fail/slow.json':
      // Headers, half a document, then nothing: a response that never finishes.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"version": 1, "boxes": [');
      return true;
    case '/fail/huge.json': {
      // 20 MB announced: the widget must refuse it from the headers.
      const body = Buffer.alloc(20 * 1024 * 1024, 32);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      res.end(body);
      return true;
    }
    case '/fail/plain.json':
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(GOOD('Sent as text/plain'));
      return true;
    case '/fail/octet-html.json':
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end('<!doctype html><html><body>Đăng nhập</body></html>');
      return true;
    case '/fail/changing.json':
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(GOOD(`Version ${n}`));
      return true;
    case '/fail/flaky.json':
      if (n === 1) {
        res.writeHead(503, { 'content-type': 'text/plain' });
        res.end('busy');
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(GOOD('Second try'));
      }
      return true;
    case '/fail/404.json':
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>Not found</title><h1>404</h1>');
      return true;
    case '/fail/500.json':
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
      return true;
    case '/fail/html.json':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><body><h1>Trang chủ</h1></body></html>');
      return true;
    default:
      return false;
  }
}

/** Starts the server on a free loopback port; resolves with { url, close }. */
export function serve(options = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (failRoute(url, res)) return;
    if (options.route && options.route(url, res, req)) return;
    let file;
    const headers = options.headers || {};
    if (url.pathname.startsWith('/fixtures/')) {
      const fixtures = path.join(root, 'tests', 'fixtures');
      file = path.join(fixtures, decodeURIComponent(url.pathname.slice('/fixtures/'.length)));
      if (!file.startsWith(fixtures)) file = '';
    } else if (url.pathname.startsWith('/test/')) {
      file = path.join(pages, decodeURIComponent(url.pathname.slice('/test/'.length)));
      if (!file.startsWith(pages)) file = '';
    } else {
      let p = decodeURIComponent(url.pathname);
      if (p.endsWith('/')) p += 'index.html';
      file = path.join(dist, p);
      if (!file.startsWith(dist)) file = '';
    }
    sendFile(res, file, headers, req);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
      });
    });
  });
}

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/**
 * Makes the page keep its wasm instance's memory in `window.__wasmMemory`, to measure it
 * (call before the page loads factbox.js).
 */
export function keepWasmMemory(page) {
  return page.addInitScript(() => {
    // factbox instantiates the module it compiled with `new WebAssembly.Instance` (the
    // glue's initSync).
    const Instance = WebAssembly.Instance;
    WebAssembly.Instance = function (module, imports) {
      const made = new Instance(module, imports);
      window.__wasmMemory = made.exports.memory;
      return made;
    };
    WebAssembly.Instance.prototype = Instance.prototype;
  });
}

/** Launches headless Chromium from Debian with the flags a closed network needs, and
 *  any `extra` flags. */
export function launch(extra = []) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--font-render-hinting=none', ...extra,
    ],
  });
}

/**
 * Opens `url` in a fresh context and records console errors and page errors.
 * Options go to browser.newContext (viewport, deviceScaleFactor, colorScheme, ...).
 */
export async function open(browser, url, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { context, page, errors };
}

/** Scrolls every box into view (lazy charts draw near the viewport) and waits until each
 *  has settled on `ready` or `error`. */
export async function settleAll(page) {
  const boxes = page.locator('[data-factbox]');
  const n = await boxes.count();
  for (let i = 0; i < n; i++) {
    await boxes.nth(i).scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (k) => {
        const el = document.querySelectorAll('[data-factbox]')[k];
        const s = el && el.getAttribute('data-factbox-state');
        return s === 'ready' || s === 'error';
      },
      i,
    );
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return n;
}

/** The share of pixels that differ by more than a quarter of the range, between two PNGs;
 *  with `crop`, over the size the two share (for drawings scaled a pixel apart), `b`
 *  moved down by `shift` rows (for screenshots of elements a fraction of a pixel apart). */
export async function differing(page, a, b, crop = false, shift = 0) {
  return page.evaluate(async ([a, b, crop, shift]) => {
    const load = async (b64) => {
      const img = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
      return img;
    };
    const pixels = (img, w, h, dy = 0) => {
      const c = new OffscreenCanvas(w, h);
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, dy);
      return ctx.getImageData(0, 0, w, h);
    };
    const [i, j] = [await load(a), await load(b)];
    const w = crop ? Math.min(i.width, j.width) : i.width;
    const h = crop ? Math.min(i.height, j.height) - Math.abs(shift) : i.height;
    const [p, q] = [pixels(i, w, h, Math.min(0, shift)), crop ? pixels(j, w, h, Math.min(0, -shift)) : pixels(j, j.width, j.height)];
    if (p.width !== q.width || p.height !== q.height) return { size: [p.width, p.height, q.width, q.height] };
    let far = 0;
    for (let i = 0; i < p.data.length; i += 4) {
      if (Math.abs(p.data[i] - q.data[i]) > 64 || Math.abs(p.data[i + 1] - q.data[i + 1]) > 64
        || Math.abs(p.data[i + 2] - q.data[i + 2]) > 64) far++;
    }
    return { share: far / (p.width * p.height) };
  }, [a.toString('base64'), b.toString('base64'), crop, shift]);
}
