// The npm package (`make pkg`: pkg/ and its `npm pack` tarball) as a developer meets it:
// what the tarball holds, an import in plain Node that touches no DOM, and the ES module
// with its wasm in Chromium, served as a bundler would serve it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, open, sendFile, root } from './helpers.mjs';

const pkg = path.join(root, 'pkg');
const manifest = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8'));
let server;
let browser;
before(async () => {
  server = await serve({ route: (url, res) => {
    if (url.pathname === '/app.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html lang="en"><head><title>app</title><link rel="icon" href="data:,"></head><body><div id="a"></div><div id="b"></div></body></html>');
      return true;
    }
    if (!url.pathname.startsWith('/pkg/')) return false;
    sendFile(res, path.join(pkg, path.basename(url.pathname)));
    return true;
  } });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

test('the tarball holds the module, the optimised wasm, both types, the schema and the licences', () => {
  const tarball = path.join(root, 'target', `factbox-${manifest.version}.tgz`);
  const listed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
  assert.deepEqual(listed, [
    'package/LICENSE-APACHE', 'package/LICENSE-MIT', 'package/README.md', 'package/document.d.ts',
    'package/factbox.d.ts', 'package/factbox.js', 'package/factbox_bg.wasm', 'package/package.json',
    'package/schema.json',
  ]);
  assert.equal(manifest.exports['.'].default, './factbox.js');
  assert.equal(manifest.sideEffects, false);
  // The same size-optimised wasm as dist/'s editors' engine (developers get every message),
  // not a third build.
  const dist = fs.readdirSync(path.join(root, 'dist')).find((f) => /^factbox_editor\.[0-9a-f]+\.wasm$/.test(f));
  assert.ok(fs.readFileSync(path.join(pkg, 'factbox_bg.wasm')).equals(fs.readFileSync(path.join(root, 'dist', dist))));
  const types = fs.readFileSync(path.join(pkg, 'document.d.ts'), 'utf8');
  for (const kind of ['FiguresBox', 'BarBox', 'RankChangeBox', 'LineBox', 'ShareBox', 'ProgressBox']) {
    assert.match(types, new RegExp(`export interface ${kind} \\{`));
  }
  assert.match(types, /export type FactboxBox = FiguresBox \| BarBox/);
});

test('plain Node imports the package without a DOM; render rejects there, it does not throw', () => {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', `
    const m = await import(${JSON.stringify(path.join(pkg, 'factbox.js'))});
    const e = await m.render(null, {}).catch((e) => e);
    console.log(JSON.stringify({ keys: Object.keys(m).sort(), version: m.version,
      name: e.name, code: e.problems[0].code, isError: e instanceof m.FactboxError }));
  `], { encoding: 'utf8' });
  assert.deepEqual(JSON.parse(out), {
    keys: ['FactboxError', 'prerender', 'render', 'version'], version: manifest.version,
    name: 'FactboxError', code: 'bad-element', isError: true,
  });
});

test('the ES module renders in Chromium: a box drawn, a broken document rejected with problems', async () => {
  const { context, page, errors } = await open(browser, `${server.url}/app.html`);
  const r = await page.evaluate(async () => {
    const { render, FactboxError } = await import('/pkg/factbox.js');
    const box = await render(document.getElementById('a'), {
      version: 1, locale: 'en',
      boxes: [{ id: 'r', kind: 'bar', title: 'Rank', ranks: true, bars: [{ label: 'A', value: 3 }, { label: 'B', value: 1 }] }],
    });
    const bad = await render(document.getElementById('b'), '{"version": 1, "boxes": [{"id": "x", "kind": "pie"}]}', { quiet: true })
      .then(() => null, (e) => ({ isError: e instanceof FactboxError, codes: e.problems.map((p) => p.code) }));
    return { state: box.state, kind: box.kind, bad };
  });
  assert.deepEqual(r, { state: 'ready', kind: 'bar', bad: { isError: true, codes: ['unknown-kind'] } });
  assert.deepEqual(errors, []);
  await context.close();
});
