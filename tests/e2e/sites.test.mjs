// A developer's path, end to end: a tiny Astro, Eleventy and Next.js site (tests/sites/,
// their dependencies installed by `make setup-sites`) with factbox installed from the
// packed tarball, no shim and no configuration. Each is built; its pages hold the boxes
// (readable with JavaScript off), and one hydrate (Astro: the module in the page's script;
// Next.js: a client component; Eleventy: the script-tag build from the package) makes them
// interactive with no layout
// shift and no wasm. And Vite's dev server draws a live box with the README's one line.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, open, sendFile, root } from './helpers.mjs';

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'pkg', 'package.json'), 'utf8'));
const tarball = path.join(root, 'target', `factbox-${manifest.version}.tgz`);
const sites = path.join(root, 'target', 'sites');
const shots = path.join(root, 'target', 'screenshots', 'e2e');
const data = path.join(root, 'www', 'data', 'egov-vn.json');
let browser;

// The site's sources as committed (its node_modules, installed by make, kept), the demo's
// data, and factbox from the tarball.
function prepare(name, dataDir) {
  const dir = path.join(sites, name);
  assert.ok(fs.existsSync(path.join(dir, 'node_modules')), `run make setup-sites first (${dir})`);
  fs.cpSync(path.join(root, 'tests', 'sites', name), dir, { recursive: true });
  fs.mkdirSync(path.join(dir, dataDir), { recursive: true });
  fs.copyFileSync(data, path.join(dir, dataDir, 'egov-vn.json'));
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--offline', tarball], { cwd: dir, stdio: 'ignore' });
  return dir;
}

function serveDir(dir) {
  return serve({ route: (url, res) => {
    let p = decodeURIComponent(url.pathname);
    if (p.endsWith('/')) p += 'index.html';
    const file = path.join(dir, p);
    if (!file.startsWith(dir)) return false;
    sendFile(res, file);
    return true;
  } });
}

before(async () => { browser = await launch(); fs.mkdirSync(shots, { recursive: true }); });
after(async () => { await browser?.close(); });

// The built page: with JavaScript off, the boxes are there (title, chart); with it, one
// hydrate takes them over: ready, a tooltip by keyboard, the same heights, no wasm.
async function checkSite(url, name) {
  const off = await open(browser, url, { javaScriptEnabled: false, viewport: { width: 1000, height: 900 } });
  const still = await off.page.$$eval('[data-factbox]', (els) => els.map((el) => ({
    title: el.shadowRoot?.querySelector('.fb-title')?.textContent || '',
    charts: el.shadowRoot ? el.shadowRoot.querySelectorAll('svg.fb-svg').length : 0,
    height: Math.round(el.getBoundingClientRect().height),
  })));
  assert.equal(still.length, 3, `${name}: three boxes in the HTML`);
  for (const b of still) assert.ok(b.title.length > 10 && b.height > 150, `${name}: ${JSON.stringify(b)}`);
  assert.ok(still.some((b) => b.charts > 0), `${name}: a chart drawn without JavaScript`);
  await off.context.close();

  const on = await open(browser, 'about:blank', { viewport: { width: 1000, height: 900 } });
  const wasm = [];
  on.page.on('request', (r) => { if (new URL(r.url()).pathname.endsWith('.wasm')) wasm.push(r.url()); });
  await on.page.goto(url);
  await on.page.waitForFunction(() => [...document.querySelectorAll('[data-factbox]')]
    .every((e) => e.getAttribute('data-factbox-state') === 'ready'));
  const heights = await on.page.$$eval('[data-factbox]', (els) => els.map((e) => Math.round(e.getBoundingClientRect().height)));
  assert.deepEqual(heights, still.map((b) => b.height), `${name}: no layout shift`);
  const chart = on.page.locator('[data-factbox$="#co-so-du-lieu"]');
  await chart.locator('svg.fb-svg:visible').focus();
  await on.page.keyboard.press('ArrowRight');
  const tip = await chart.evaluate((el) => {
    const t = el.shadowRoot.querySelector('.fb-tip');
    return t && !t.hidden ? t.textContent : '';
  });
  assert.match(tip, /triệu/, `${name}: a tooltip by keyboard`);
  // And by the mouse: hovering the first bar shows its label and value.
  await on.page.keyboard.press('Escape');
  await chart.locator('svg.fb-svg:visible').hover({ position: { x: 300, y: 20 } });
  const hovered = await chart.evaluate((el) => {
    const t = el.shadowRoot.querySelector('.fb-tip');
    return t && !t.hidden ? t.textContent : '';
  });
  assert.match(hovered, /Bảo hiểm: người có thẻ BHYT/, `${name}: a tooltip by the mouse`);
  await on.page.mouse.move(0, 0);
  await on.page.screenshot({ path: path.join(shots, `site-${name}.png`) });
  assert.deepEqual(wasm, [], `${name}: no wasm for prerendered boxes`);
  assert.deepEqual(on.errors, [], name);
  await on.context.close();
}

test('Astro: astro build prerenders in Node from the tarball, and the page\'s hydrate() takes the boxes over', async () => {
  const dir = prepare('astro', 'public/data');
  fs.rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
  execFileSync(path.join(dir, 'node_modules', '.bin', 'astro'), ['build'], {
    cwd: dir, stdio: 'ignore', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const html = fs.readFileSync(path.join(dir, 'dist', 'index.html'), 'utf8');
  assert.equal((html.match(/<template shadowrootmode="open">/g) || []).length, 3);
  assert.doesNotMatch(html, /<script src="factbox\.js"/, 'snippets made without their script tag');
  const server = await serveDir(path.join(dir, 'dist'));
  try {
    await checkSite(`${server.url}/`, 'astro');
  } finally {
    await server.close();
  }
});

test('Eleventy: a shortcode prerenders from the tarball, and the package\'s script-tag build hydrates the boxes', async () => {
  const dir = prepare('eleventy', 'data');
  fs.rmSync(path.join(dir, '_site'), { recursive: true, force: true });
  execFileSync(path.join(dir, 'node_modules', '.bin', 'eleventy'), ['--quiet'], { cwd: dir, stdio: 'ignore' });
  const html = fs.readFileSync(path.join(dir, '_site', 'index.html'), 'utf8');
  assert.equal((html.match(/<script src="\/factbox\/factbox\.js" defer="">/g) || []).length, 3);
  assert.ok(fs.readdirSync(path.join(dir, '_site', 'factbox')).some((f) => /^factbox_bg\.[0-9a-f]{12}\.wasm$/.test(f)));
  const server = await serveDir(path.join(dir, '_site'));
  try {
    await checkSite(`${server.url}/`, 'eleventy');
  } finally {
    await server.close();
  }
});

test('Next.js: a server component prerenders from the tarball at build time (static export), a client component hydrates', async () => {
  const dir = prepare('next', 'public/data');
  fs.rmSync(path.join(dir, 'out'), { recursive: true, force: true });
  fs.rmSync(path.join(dir, '.next'), { recursive: true, force: true });
  execFileSync(path.join(dir, 'node_modules', '.bin', 'next'), ['build'], {
    cwd: dir, stdio: 'ignore', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  const html = fs.readFileSync(path.join(dir, 'out', 'index.html'), 'utf8');
  assert.equal((html.match(/<template shadowrootmode="open">/g) || []).length, 3);
  const server = await serveDir(path.join(dir, 'out'));
  try {
    await checkSite(`${server.url}/`, 'next');
  } finally {
    await server.close();
  }
});

// Vite's dev server, started in `app`: resolves with the state the page's render reached.
async function viteDev(dir, app) {
  const vite = path.join(dir, 'node_modules', '.bin', 'vite');
  fs.rmSync(path.join(app, 'node_modules'), { recursive: true, force: true });
  const child = spawn(vite, ['--host', '127.0.0.1', '--port', '0', '--force'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`vite did not start: ${out}`)), 30000);
      child.stdout.on('data', (d) => {
        out += d;
        // eslint-disable-next-line no-control-regex
        const m = out.replace(/\x1b\[[0-9;]*m/g, '').match(/http:\/\/127\.0\.0\.1:\d+\//);
        if (m) { clearTimeout(timer); resolve(m[0]); }
      });
      child.on('exit', (code) => reject(new Error(`vite exited ${code}: ${out}`)));
    });
    const { context, page } = await open(browser, url);
    await page.waitForFunction(() => document.body.dataset.state, null, { timeout: 30000 });
    const state = await page.evaluate(() => document.body.dataset.state);
    const charts = await page.$eval('#box', (el) => (el.shadowRoot ? el.shadowRoot.querySelectorAll('svg.fb-svg').length : 0));
    await context.close();
    return { state, charts };
  } finally {
    child.kill();
  }
}

test('Vite\'s dev server: without the README\'s one line the error names it; with it, a live box is drawn', async () => {
  const dir = prepare('astro', 'public/data');
  const app = path.join(dir, 'vite-app');
  fs.mkdirSync(app, { recursive: true });
  fs.writeFileSync(path.join(app, 'index.html'), `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>vite dev</title><link rel="icon" href="data:,"></head>
<body><div id="box"></div><script type="module">
import { render } from 'factbox';
render(document.getElementById('box'), ${JSON.stringify(fs.readFileSync(data, 'utf8'))}, { id: 'co-so-du-lieu', quiet: true })
  .then((b) => { document.body.dataset.state = b.state; }, (e) => { document.body.dataset.state = 'failed: ' + e.message; });
</script></body></html>`);
  // Vite pre-bundles the package into node_modules/.vite/deps/, where its wasm is not.
  fs.rmSync(path.join(app, 'vite.config.js'), { force: true });
  const bare = await viteDev(dir, app);
  assert.match(bare.state, /^failed: .*is not the wasm \(HTTP 200, text\/html\).*optimizeDeps: \{ exclude: \["factbox"\] \}/);
  fs.writeFileSync(path.join(app, 'vite.config.js'), "export default { optimizeDeps: { exclude: ['factbox'] } };\n");
  assert.deepEqual(await viteDev(dir, app), { state: 'ready', charts: 5 });
});
