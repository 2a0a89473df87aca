// The npm package (`make pkg`: pkg/ and its `npm pack` tarball) as a developer meets it:
// what the tarball holds, an import in plain Node that touches no DOM, and the ES module
// with its wasm in Chromium, served as a bundler would serve it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, open, sendFile, root } from './helpers.mjs';

// The demo file's boxes, counted from it.
const DEMO_BOXES = JSON.parse(fs.readFileSync(path.join(root, 'www', 'data', 'egov-vn.json'), 'utf8')).boxes.length;

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
    'package/LICENSE-APACHE', 'package/LICENSE-MIT', 'package/README.md', 'package/cli.mjs',
    'package/document.d.ts', 'package/factbox.d.ts', 'package/factbox.js', 'package/factbox.node.js',
    'package/factbox_bg.wasm', 'package/factbox_dev.wasm', 'package/factbox_editor.wasm', 'package/package.json', 'package/schema.json',
    // The script-tag build, for sites without a bundler, with its parts: the glue, live
    // data, a table's interaction, render and the image, the check of snippets.
    'package/script/factbox.js',
    ...fs.readdirSync(path.join(pkg, 'script')).filter((f) => /\.wasm$|^factbox_(live|glue|table|api|fresh)\.[0-9a-f]+\.js$/.test(f)).map((f) => `package/script/${f}`).sort(),
  ].sort());
  for (const part of [/^package\/script\/factbox_glue\.[0-9a-f]{12}\.js$/, /^package\/script\/factbox_live\.[0-9a-f]{12}\.js$/,
    /^package\/script\/factbox_table\.[0-9a-f]{12}\.js$/, /^package\/script\/factbox_api\.[0-9a-f]{12}\.js$/, /^package\/script\/factbox_fresh\.[0-9a-f]{12}\.js$/, /^package\/script\/factbox_bg\.[0-9a-f]{12}\.wasm$/]) {
    assert.equal(listed.filter((f) => part.test(f)).length, 1, String(part));
  }
  assert.equal(manifest.exports['.'].default, './factbox.js');
  // Node (and the server side of Astro, Eleventy, Vite SSR) gets the build that reads files.
  assert.equal(manifest.exports['.'].node, './factbox.node.js');
  assert.equal(manifest.bin.factbox, './cli.mjs');
  assert.equal(manifest.sideEffects, false);
  // The same size-optimised wasm as dist/'s: the readers' engine, which draws good boxes,
  // and the developers' (every message, and prerender with fonts), not a fourth build.
  const distWasm = (name) => fs.readFileSync(path.join(root, 'dist', fs.readdirSync(path.join(root, 'dist')).find((f) => new RegExp(`^${name}\\.[0-9a-f]+\\.wasm$`).test(f))));
  assert.ok(fs.readFileSync(path.join(pkg, 'factbox_bg.wasm')).equals(distWasm('factbox_bg')));
  assert.ok(fs.readFileSync(path.join(pkg, 'factbox_dev.wasm')).equals(distWasm('factbox_dev')));
  // The engine that reads live data is dist/'s editors' engine, fetched only for live boxes.
  const editors = fs.readdirSync(path.join(root, 'dist')).find((f) => /^factbox_editor\.[0-9a-f]+\.wasm$/.test(f));
  assert.ok(fs.readFileSync(path.join(pkg, 'factbox_editor.wasm')).equals(fs.readFileSync(path.join(root, 'dist', editors))));
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
    keys: ['FactboxError', 'check', 'hydrate', 'prerender', 'render', 'version'], version: manifest.version,
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

// A fresh project with the tarball installed, as a developer's would be.
function project() {
  const dir = fs.mkdtempSync(path.join(root, 'target', 'npm-project-'));
  fs.mkdirSync(path.join(dir, 'data'));
  fs.copyFileSync(path.join(root, 'www', 'data', 'egov-vn.json'), path.join(dir, 'data', 'egov-vn.json'));
  fs.writeFileSync(path.join(dir, 'package.json'), '{"name": "news-site", "private": true, "type": "module"}');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline',
    path.join(root, 'target', `factbox-${manifest.version}.tgz`)], { cwd: dir, stdio: 'ignore' });
  return dir;
}

test('a live box: npx factbox render reads its data as the native command does, byte for byte; check says a bad cell the same', () => {
  const dir = project();
  try {
    fs.writeFileSync(path.join(dir, 'data', 'live.json'), JSON.stringify({ version: 1, boxes: [{ id: 'ho-so', kind: 'bar',
      title: 'Tỉ lệ hồ sơ trực tuyến', unit: '%', data: { url: 'ho-so.csv', refresh: 60 },
      bars: [{ label: 'Hà Nội', value: 70, highlight: true }] }] }));
    fs.writeFileSync(path.join(dir, 'data', 'ho-so.csv'), '\ufeff"Tỉnh, thành phố",Tỉ lệ\r\nHà Nội,"78,5"\r\nHuế,"61,25"\r\n');
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1709251170' };
    const native = path.join(root, 'target', 'debug', 'factbox');
    execFileSync('npx', ['factbox', 'render', 'data/live.json', '--out', 'npm'], { cwd: dir, stdio: 'ignore', env });
    execFileSync(native, ['render', 'data/live.json', '--out', 'native'], { cwd: dir, stdio: 'ignore', env });
    for (const f of ['ho-so.html', 'ho-so.cms.html', 'ho-so.svg']) {
      assert.ok(fs.readFileSync(path.join(dir, 'npm', f)).equals(fs.readFileSync(path.join(dir, 'native', f))), f);
    }
    const snippet = fs.readFileSync(path.join(dir, 'npm', 'ho-so.html'), 'utf8');
    assert.ok(snippet.includes('61,25%'), 'the data as it is now');
    assert.ok(snippet.includes('<span>Cập nhật lúc 06:59 1/3/2024</span>'), 'read at SOURCE_DATE_EPOCH, on Vietnam\'s clock');
    fs.writeFileSync(path.join(dir, 'data', 'ho-so.csv'), 'Tỉnh,Tỉ lệ\r\nHà Nội,"78,5"\r\nHuế,chưa có\r\n');
    const run = (cmd) => {
      try {
        return { out: execFileSync(cmd[0], cmd.slice(1), { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }), code: 0 };
      } catch (e) {
        return { out: e.stdout, code: e.status };
      }
    };
    const npm = run(['npx', 'factbox', 'check', 'data/live.json']);
    assert.equal(npm.code, 1);
    assert.deepEqual(npm, run([native, 'check', 'data/live.json']));
    assert.match(npm.out, /^data\/live\.json: boxes\[0\]\.data\.url: ho-so\.csv: dòng 3, cột B \(“Tỉ lệ”\)/);
    const npmRender = run(['npx', 'factbox', 'render', 'data/live.json', '--out', 'again']);
    assert.equal(npmRender.code, 1);
    assert.ok(!fs.existsSync(path.join(dir, 'again', 'ho-so.html')), 'no snippet of data that cannot be read');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('plain Node, no shim: prerender() from a path, an object and text; check(); options that are not known reject', () => {
  const dir = project();
  try {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', `
      import { prerender, check } from 'factbox';
      import fs from 'node:fs';
      const byPath = await prerender('data/egov-vn.json');
      const doc = JSON.parse(fs.readFileSync('data/egov-vn.json', 'utf8'));
      const byObject = await prerender(doc, { id: 'tiet-kiem', script: false });
      const byText = await prerender(JSON.stringify(doc), { id: 'tiet-kiem', inline: true });
      const bad = await prerender('data/egov-vn.json', { widht: 600 }).catch((e) => e.problems[0]);
      const problems = await check('{"version": 1, "boxes": [{"id": "a", "kind": "bar", "title": "T", "bars": [{"label": "x", "value": "12%"}]}]}');
      const missing = await prerender('data/nothing.json').catch((e) => e.problems[0].code);
      console.log(JSON.stringify({
        boxes: byPath.length, src: byPath[0].html.slice(0, 40),
        noScript: !byObject[0].html.includes('<script src'), inline: byText[0].html.includes('<script type="application/json">'),
        bad: [bad.code, bad.message], good: (await check('data/egov-vn.json')).length,
        problem: [problems[0].code, problems[0].line, problems[0].column], missing,
      }));
    `], { encoding: 'utf8', cwd: dir });
    const r = JSON.parse(out);
    assert.equal(r.boxes, DEMO_BOXES);
    assert.equal(r.src, '<div data-factbox="data/egov-vn.json#tie');
    assert.ok(r.noScript && r.inline);
    assert.deepEqual(r.bad, ['bad-options', 'factbox.prerender: unknown option "widht" (the options are id, src, inline, theme, lang, width, script, font, utcOffset)']);
    assert.equal(r.good, 0);
    assert.deepEqual(r.problem, ['value-as-text', 1, 104]);
    assert.equal(r.missing, 'network');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('npx factbox render writes the native command\'s snippets and images byte for byte; npx factbox check its lines', () => {
  const dir = project();
  try {
    execFileSync('npx', ['factbox', 'render', 'data/egov-vn.json', '--out', 'npm'], { cwd: dir, stdio: 'ignore' });
    const native = path.join(root, 'target', 'debug', 'factbox');
    execFileSync(native, ['render', 'data/egov-vn.json', '--out', 'native'], { cwd: dir, stdio: 'ignore' });
    const written = fs.readdirSync(path.join(dir, 'npm')).sort();
    assert.equal(written.length, 3 * DEMO_BOXES, written.join());  // two snippets and an SVG each
    for (const f of written) {
      assert.ok(fs.readFileSync(path.join(dir, 'npm', f)).equals(fs.readFileSync(path.join(dir, 'native', f))), f);
    }
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"version": 1, "boxes": [{"id": "a", "kind": "bar", "title": "T",\n "bars": [{"label": "x", "value": "12%"}, {"label": "x", "value": 1}]}]}');
    const run = (cmd) => {
      try {
        return { out: execFileSync(cmd[0], cmd.slice(1), { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }), code: 0 };
      } catch (e) {
        return { out: e.stdout, code: e.status };
      }
    };
    const npm = run(['npx', 'factbox', 'check', 'bad.json', 'data/egov-vn.json']);
    const nat = run([native, 'check', 'bad.json', 'data/egov-vn.json']);
    assert.equal(npm.code, 1);
    assert.deepEqual(npm, nat);
    assert.equal(run(['npx', 'factbox', 'render', 'data/egov-vn.json', '--out', 'x', '--widht', '3']).code, 2);
    // The site's font, from Node as natively: the same drawings, byte for byte.
    const fonts = ['--font', '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf', '--font', '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf'];
    execFileSync('npx', ['factbox', 'render', 'data/egov-vn.json#co-so-du-lieu', '--out', 'npm-font', ...fonts], { cwd: dir, stdio: 'ignore' });
    execFileSync(native, ['render', 'data/egov-vn.json#co-so-du-lieu', '--out', 'native-font', ...fonts], { cwd: dir, stdio: 'ignore' });
    for (const f of ['co-so-du-lieu.html', 'co-so-du-lieu.svg']) {
      const made = fs.readFileSync(path.join(dir, 'npm-font', f));
      assert.ok(made.equals(fs.readFileSync(path.join(dir, 'native-font', f))), f);
      assert.ok(!made.equals(fs.readFileSync(path.join(dir, 'npm', f))), `${f}: laid out with the font`);
    }
    const notFont = run(['npx', 'factbox', 'render', 'data/egov-vn.json', '--out', 'y', '--font', 'bad.json']);
    assert.equal(notFont.code, 1);
    assert.match(notFont.out, /bad\.json: not a TrueType or OpenType font/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('hydrate(): snippets made without a script tag become interactive from the ES module, with no wasm', async () => {
  const { execFileSync: run } = await import('node:child_process');
  const snippets = JSON.parse(run(process.execPath, ['--input-type=module', '-e', `
    const { prerender } = await import(${JSON.stringify(path.join(pkg, 'factbox.node.js'))});
    // From the imported object, not the file's text: the hash is over the meaning, so the
    // snippets are not "stale" against the file the page fetches.
    const fs = await import('node:fs');
    const doc = JSON.parse(fs.readFileSync(${JSON.stringify(path.join(root, 'www', 'data', 'egov-vn.json'))}, 'utf8'));
    const boxes = await prerender(doc, { script: false, src: '/data/egov-vn.json' });
    console.log(JSON.stringify(boxes.filter((b) => ['tiet-kiem', 'co-so-du-lieu'].includes(b.id)).map((b) => b.html)));
  `], { encoding: 'utf8' }));
  const page = `<!doctype html><html lang="vi"><head><title>hydrate</title><link rel="icon" href="data:,"></head>
<body>${snippets.join('\n')}<script type="module">
import { hydrate } from '/pkg/factbox.js';
hydrate();
hydrate();  // again: nothing happens twice
window.__hydrated = true;
</script></body></html>`;
  const s = await serve({ route: (url, res) => {
    if (url.pathname === '/hydrate.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
      return true;
    }
    if (url.pathname.startsWith('/pkg/')) {
      sendFile(res, path.join(pkg, path.basename(url.pathname)));
      return true;
    }
    return false;
  } });
  const { context, page: p, errors } = await open(browser, 'about:blank');
  const wasm = [];
  const warnings = [];
  p.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
  p.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const fetched = p.waitForRequest((r) => r.url().endsWith('/data/egov-vn.json'));
  await p.goto(`${s.url}/hydrate.html`);
  await p.waitForFunction(() => window.__hydrated && [...document.querySelectorAll('[data-factbox]')]
    .every((e) => e.getAttribute('data-factbox-state') === 'ready'));
  const before = await p.$eval('[data-factbox$="#co-so-du-lieu"]', (el) => el.getBoundingClientRect().height);
  const drawing = p.locator('[data-factbox$="#co-so-du-lieu"]').locator('svg.fb-svg:visible');
  await drawing.focus();
  await p.keyboard.press('ArrowRight');
  const tip = await p.$eval('[data-factbox$="#co-so-du-lieu"]', (el) => {
    const t = el.shadowRoot.querySelector('.fb-tip');
    return t && !t.hidden ? t.textContent : '';
  });
  assert.notEqual(tip, '', 'a tooltip by keyboard');
  assert.equal(await p.$eval('[data-factbox$="#co-so-du-lieu"]', (el) => el.getBoundingClientRect().height), before, 'no layout shift');
  assert.equal(await p.$eval('[data-factbox$="#co-so-du-lieu"]', (el) => el.shadowRoot.querySelectorAll('.fb-tip').length), 1, 'attached once');
  // Once idle, the data is fetched and compared: the same meaning, nothing is redrawn.
  await fetched;
  await p.waitForTimeout(500);
  assert.deepEqual(warnings, []);
  assert.deepEqual(wasm, []);
  assert.deepEqual(errors, []);
  await context.close();
  await s.close();
});

test('the API does what its README says: unknown options reject, render\'s options hold for update, a failed box has a handle', async () => {
  const { context, page, errors } = await open(browser, `${server.url}/app.html`);
  const r = await page.evaluate(async () => {
    const { render } = await import('/pkg/factbox.js');
    const good = '{"version": 1, "locale": "en", "boxes": [{"id": "a", "kind": "bar", "title": "T", "bars": [{"label": "A", "value": 3}]}]}';
    const half = '{"version": 1, "locale": "en", "boxes": [{"id": "a", "kind": "bar", "title": "T", "bars": [{"label": "A", "value": 3}]}, {"id": "b", "kind": "pie"}]}';
    const typo = await render(document.getElementById('a'), good, { qiuet: true }).catch((e) => [e.problems[0].code, e.message]);
    // quiet given to render holds for update: the broken update logs nothing.
    const logged = [];
    const error = console.error;
    console.error = (...a) => logged.push(a.join(' '));
    const box = await render(document.getElementById('a'), good, { quiet: true });
    const failed = await box.update(half).catch((e) => e);
    console.error = error;
    const held = failed.box === box && box.state;
    failed.box.free();
    return { typo, logged, held, freed: box.state, codes: failed.problems.map((p) => p.code) };
  });
  assert.deepEqual(r.typo, ['bad-options', 'factbox.render: unknown option "qiuet" (the options are id, lazy, errors, quiet, lang, timeout, signal)']);
  assert.deepEqual(r.logged, []);
  assert.equal(r.held, 'error');
  assert.equal(r.freed, 'freed');
  assert.deepEqual(r.codes, ['unknown-kind']);
  assert.deepEqual(errors, []);
  await context.close();
});
