// factbox from npm in real apps: the tarball of `make pkg` installed into an app built by
// Vite and by webpack 5 (tests/apps), and served by Vite's dev server; loaded in Chromium
// as a reader would. A good box is drawn, a broken document's problems arrive as data, a
// React component mounted and unmounted 40 times leaves no box behind (and a Vue one 20
// times), and the package's
// types pass `tsc --strict` with skipLibCheck off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { serve, launch, open, sendFile, root } from './helpers.mjs';
import { buildApps } from '../apps/build.mjs';

let app;
let server;
let browser;
before(async () => {
  app = await buildApps();
  server = await serve({ route: (url, res) => {
    // Vite's build addresses its files from the site's root (its default `base: '/'`).
    const m = url.pathname.startsWith('/assets/') ? [null, 'dist-vite', url.pathname]
      : url.pathname.match(/^\/(dist-vite|dist-webpack)(\/.*)$/);
    if (!m) return false;
    const file = path.join(app, m[1], m[2].endsWith('/') ? `${m[2]}index.html` : m[2]);
    sendFile(res, file.startsWith(path.join(app, m[1])) ? file : '');
    return true;
  } });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** How many objects with `prototype` the page holds after a garbage collection. */
async function live(page, prototype) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { result: proto } = await cdp.send('Runtime.evaluate', { expression: `${prototype}.prototype` });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId, functionDeclaration: 'function () { return this.length; }', returnByValue: true,
  });
  await cdp.detach();
  return result.value;
}

async function check(url) {
  const { context, page, errors } = await open(browser, url);
  await page.waitForFunction(() => window.__app, null, { timeout: 20000 });
  const report = await page.evaluate(() => window.__app);
  assert.equal(report.failed, undefined, report.failed);
  assert.match(report.version, /^\d+\.\d+\.\d+$/);
  assert.deepEqual(report.good, { state: 'ready', kind: 'bar' });
  assert.deepEqual(report.bad, [{ path: 'boxes[0].bars', line: 1, column: 75, code: 'too-few' }]);
  assert.equal(await page.locator('#message').textContent(), 'boxes[0].bars: too-few');
  assert.equal(await page.locator('#bad').evaluate((el) => el.shadowRoot.textContent), '');
  // Each drawn chart holds a ResizeObserver: after 40 mounts and unmounts, as many are
  // alive as after 4, so unmounting frees the box.
  await page.evaluate(() => window.__cycle(4));
  const few = await live(page, 'ResizeObserver');
  const left = await page.evaluate(() => window.__cycle(40));
  const many = await live(page, 'ResizeObserver');
  assert.equal(left, 0);
  assert.ok(many <= few, `ResizeObservers alive: ${few} after 4 cycles, ${many} after 44`);
  // The Vue component of the npm README: drawn when mounted, nothing left after 20 cycles.
  assert.deepEqual(report.vue, { state: 'ready', charts: true });
  assert.equal(await page.evaluate(() => window.__vueCycle(20)), 0);
  assert.deepEqual(errors, []);
  await context.close();
}

test('a Vite build of an app with factbox from the tarball', async () => {
  await check(`${server.url}/dist-vite/`);
});

test('a webpack 5 build of the same app, with no factbox-specific configuration', async () => {
  await check(`${server.url}/dist-webpack/`);
});

test("Vite's dev server serves the package and its wasm as installed", async () => {
  const vite = await import('vite');
  // Vite caches its pre-bundled dependencies by the package's version; a new tarball of the
  // same version (every build of this tree is 0.1.0) must not meet the last one's glue.
  const dev = await vite.createServer({ root: app, logLevel: 'silent', optimizeDeps: { force: true },
    server: { host: '127.0.0.1', port: 0 } });
  await dev.listen();
  try {
    await check(dev.resolvedUrls.local[0]);
  } finally {
    await dev.close();
  }
});

test("a Vite SSR build imports factbox in Node: no DOM touched, render refuses, prerender writes the box", async () => {
  const { version } = await import(path.join(app, 'node_modules', 'factbox', 'factbox.js'));
  const built = await import(path.join(app, 'dist-ssr', 'ssr.mjs'));
  assert.equal(await built.page(), `<div data-factbox="data/boxes.json"></div><!-- factbox ${version}, bad-element -->`);
  // And prerender works there, as in plain Node: the box's markup for the page.
  const html = await built.prerendered();
  assert.match(html, /^<div data-factbox="#r" data-factbox-hash="[0-9a-f]{16}" lang="en"><template shadowrootmode="open"><style>/);
  assert.match(html, /<div class="fb-d fb-w0"><svg class="fb-sz" viewBox="0 0 \d+ \d+" aria-hidden="true"><\/svg><svg [^>]*class="fb-svg"/);
  assert.doesNotMatch(html, /<script src=/);
});

test('the types pass tsc --strict with skipLibCheck off, and catch a wrong kind and option', () => {
  const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
  execFileSync(tsc, ['-p', path.join(app, 'tsconfig.json')], { encoding: 'utf8' });
});
