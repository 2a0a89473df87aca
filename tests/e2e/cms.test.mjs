// A snippet survives a CMS: every demo snippet (`factbox render`, as make dist writes them
// to target/prerendered/) passed through DOMPurify with its defaults, as CMSs clean pasted
// HTML, then served in an article. DOMPurify strips `shadowrootmode` and every script, so
// the box's template stays inert: without JavaScript a reader gets the plain version
// beside it (src/plain.rs: title, figures, the chart as a drawing, its data, source); with
// factbox.js on the page, the template is attached and the box is whole and interactive,
// without the wasm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, open, settleAll, root } from './helpers.mjs';

const snippets = path.join(root, 'target', 'prerendered');
const shots = path.join(root, 'target', 'screenshots', 'e2e');
const built = new Map();  // path -> HTML, served by the route below
let server;
let browser;

before(async () => {
  server = await serve({ route: (url, res) => {
    if (url.pathname === '/purify.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(fs.readFileSync(path.join(root, 'node_modules', 'dompurify', 'dist', 'purify.js')));
      return true;
    }
    if (!built.has(url.pathname)) return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(built.get(url.pathname));
    return true;
  } });
  browser = await launch();
  fs.mkdirSync(shots, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// The demo's snippets, each sanitized by DOMPurify 3 with its default configuration.
async function sanitized() {
  const names = fs.readdirSync(snippets).filter((n) => n.endsWith('.html') && !n.endsWith('.cms.html')).sort();
  assert.ok(names.length >= 12, `the demo's snippets in ${snippets}`);
  const raw = names.map((n) => fs.readFileSync(path.join(snippets, n), 'utf8'));
  const { context, page } = await open(browser, `${server.url}/index.html`);
  await page.addScriptTag({ url: `${server.url}/purify.js` });
  const clean = await page.evaluate((list) => list.map((s) => window.DOMPurify.sanitize(s)), raw);
  await context.close();
  for (const c of clean) {
    assert.doesNotMatch(c, /shadowrootmode|<script/, 'DOMPurify removed what it removes');
    assert.match(c, /<template>/);
  }
  return clean;
}

function article(boxes, script) {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>CMS</title><link rel="icon" href="data:,">
<style>body{font:18px/1.5 Georgia,serif;max-width:40rem;margin:0 auto;padding:1rem}</style></head>
<body><h1>Bài viết</h1>${boxes.map((b) => `<p>Đoạn văn.</p>${b}`).join('\n')}
${script ? '<script src="factbox.js" defer></script>' : ''}</body></html>`;
}

test('DOMPurify-cleaned snippets: without JavaScript every box reads as its plain version, title, figures and chart', async () => {
  const clean = await sanitized();
  built.set('/cms-nojs.html', article(clean, false));
  for (const width of [360, 1280]) {
    const { context, page, errors } = await open(browser, `${server.url}/cms-nojs.html`, {
      javaScriptEnabled: false, viewport: { width, height: 900 },
    });
    const boxes = await page.$$eval('[data-factbox]', (els) => els.map((el) => {
      const plain = el.querySelector(':scope > .factbox-plain');
      const svg = plain && plain.querySelector('svg');
      const r = svg && svg.getBoundingClientRect();
      return {
        shadow: el.shadowRoot !== null,
        visible: plain !== null && plain.checkVisibility(),
        title: plain && plain.querySelector('strong').textContent,
        text: plain && plain.innerText,
        figures: plain ? plain.querySelectorAll('li').length : 0,
        chart: r ? { w: r.width, h: r.height, right: r.right } : null,
        // A table box's plain version is its table, whole (in a box of its own width).
        table: plain && plain.querySelector(':scope > div > table')
          ? { rows: plain.querySelectorAll(':scope > div > table > tbody > tr').length,
            right: plain.querySelector(':scope > div').getBoundingClientRect().right }
          : null,
        template: el.querySelector('template')?.content.querySelector('figure.fb .fb-title')?.textContent,
      };
    }));
    assert.equal(boxes.length, clean.length);
    for (const b of boxes) {
      assert.equal(b.shadow, false, 'the template stays inert');
      assert.ok(b.visible, `${b.template}: the plain version is shown`);
      assert.equal(b.title, b.template, 'the same title as the box');
      assert.ok(b.figures > 0 || b.chart || b.table?.rows > 0, `${b.title}: figures, a chart or a table`);
      if (b.table) assert.ok(b.table.right <= width, `${b.title}: the table scrolls within the ${width} px column`);
      if (b.chart) {
        assert.ok(b.chart.w > 200 && b.chart.h > 40, `${b.title}: the drawing is shown (${b.chart.w}×${b.chart.h})`);
        assert.ok(b.chart.right <= width, `${b.title}: the drawing fits the ${width} px column`);
      }
    }
    // A figures box's numbers, as the box writes them.
    const tk = boxes.find((b) => /tiết kiệm/i.test(b.title) && b.figures > 0);
    assert.match(tk.text, /\d+\.\d{3}/, tk.text);
    await page.screenshot({ path: path.join(shots, `cms-nojs-${width}.png`), fullPage: width === 360 });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('DOMPurify-cleaned snippets: with factbox.js each box is attached whole and interactive, with no wasm', async () => {
  const clean = await sanitized();
  built.set('/cms.html', article(clean, true));
  const { context, page, errors } = await open(browser, 'about:blank', { viewport: { width: 1280, height: 900 } });
  const wasm = [];
  page.on('request', (r) => { if (/\.wasm$/.test(new URL(r.url()).pathname)) wasm.push(r.url()); });
  await page.goto(`${server.url}/cms.html`);
  await page.waitForFunction(() => [...document.querySelectorAll('[data-factbox]')]
    .every((e) => e.getAttribute('data-factbox-state') === 'ready'));
  const boxes = await page.$$eval('[data-factbox]', (els) => els.map((el) => ({
    figure: el.shadowRoot?.querySelector('figure.fb') !== null,
    plainShown: el.querySelector(':scope > .factbox-plain').checkVisibility(),
    drawing: [...el.shadowRoot.querySelectorAll('svg.fb-svg, .fb-table table')].some((s) => s.getBoundingClientRect().width > 300),
    kind: el.getAttribute('data-factbox-kind'),
    // DOMPurify drops the CSV link's data: URL: the link is hidden, not dead.
    deadLinks: [...el.shadowRoot.querySelectorAll('a.fb-action')]
      .filter((a) => !a.getAttribute('href') && a.checkVisibility()).length,
  })));
  for (const b of boxes) {
    assert.ok(b.figure, 'attached from the template');
    assert.equal(b.plainShown, false, 'the plain version is hidden once the box is attached');
    if (b.kind !== 'figures') assert.ok(b.drawing, `${b.kind}: its drawing is shown`);
    assert.equal(b.deadLinks, 0, `${b.kind}: no link that goes nowhere`);
  }
  // Interactive as a prerendered box is: a mark's tooltip by keyboard.
  const drawing = page.locator('[data-factbox][data-factbox-kind="bar"]').first().locator('svg.fb-svg:visible');
  await drawing.scrollIntoViewIfNeeded();
  await drawing.focus();
  await page.keyboard.press('ArrowRight');
  const tip = await page.locator('[data-factbox][data-factbox-kind="bar"]').first().evaluate((el) => {
    const t = el.shadowRoot.querySelector('.fb-tip');
    return t && !t.hidden ? t.textContent : '';
  });
  assert.notEqual(tip, '', 'a tooltip on the second mark');
  await page.screenshot({ path: path.join(shots, 'cms-js-1280.png') });
  assert.deepEqual(wasm, [], 'no wasm for boxes that are in the page');
  assert.deepEqual(errors, []);
  await context.close();
});

// WordPress, for authors without `unfiltered_html` (wp_kses_post, from Debian's WordPress
// package: make setup-wordpress): it removes <template>, <style>, <svg> and <script> but
// keeps their text, so the template snippet would leave its stylesheet and its chart's
// labels as loose words. The `.cms.html` snippet (the element, the plain version with the
// chart as its PNG, no script) passes through unchanged; the site loads factbox.js (as a
// theme or plugin does), which draws each box live from its data file.
const wordpress = path.join(root, 'target', 'wordpress', 'usr', 'share', 'wordpress');
const kses = (html) => execFileSync('php', [path.join(root, 'tests', 'cms', 'kses.php'), wordpress], { input: html, encoding: 'utf8' });

test('WordPress: the template snippet leaks its styles as text; the .cms.html snippet passes whole, reads without JavaScript and is drawn live with it', async () => {
  const leaked = kses(fs.readFileSync(path.join(snippets, 'xep-hang-asean.html'), 'utf8'));
  assert.match(leaked, /:host\{all:initial/, 'what WordPress leaves of a template: its stylesheet as text');
  const ids = JSON.parse(fs.readFileSync(path.join(root, 'www', 'data', 'egov-vn.json'), 'utf8')).boxes.map((b) => b.id);
  const cms = ids.map((id) => fs.readFileSync(path.join(snippets, `${id}.cms.html`), 'utf8'));
  const filtered = cms.map(kses);
  filtered.forEach((f, k) => assert.equal(f, cms[k], `${ids[k]}: WordPress keeps the .cms.html snippet as it is`));
  // The images, beside the data file as the snippet expects them.
  const pngs = (url, res) => {
    const m = url.pathname.match(/^\/data\/([a-z0-9-]+)\.png$/);
    if (!m) return false;
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end(fs.readFileSync(path.join(snippets, `${m[1]}.png`)));
    return true;
  };
  const wp = await serve({ route: (url, res) => {
    if (pngs(url, res)) return true;
    if (!built.has(url.pathname)) return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(built.get(url.pathname));
    return true;
  } });
  try {
    built.set('/wp-nojs.html', article(filtered, false));
    built.set('/wp.html', article(filtered, true));
    for (const width of [360, 1280]) {
      const { context, page, errors } = await open(browser, `${wp.url}/wp-nojs.html`, { javaScriptEnabled: false, viewport: { width, height: 900 } });
      const boxes = await page.$$eval('[data-factbox]', (els) => els.map((el) => ({
        title: el.querySelector('strong')?.textContent,
        text: el.innerText,
        images: [...el.querySelectorAll('img')].map((i) => ({ ok: i.complete && i.naturalWidth > 0, right: i.getBoundingClientRect().right, alt: i.alt.length })),
        rows: el.querySelectorAll('table tbody tr').length,
      })));
      assert.equal(boxes.length, ids.length);
      for (const b of boxes) {
        assert.ok(b.title && b.title.length > 10, 'the title');
        assert.doesNotMatch(b.text, /\{|:host|fb-/, `${b.title}: no stylesheet or class names as text`);
        assert.ok(b.rows > 0 || b.text.match(/\d/), `${b.title}: its numbers`);
        for (const i of b.images) {
          assert.ok(i.ok, `${b.title}: its chart's image loads`);
          assert.ok(i.right <= width, `${b.title}: the image fits the ${width} px column`);
          assert.ok(i.alt > 40, `${b.title}: the image says what the chart shows`);
        }
      }
      assert.equal(boxes.filter((b) => b.images.length).length, 9, 'every chart as its image');
      await page.screenshot({ path: path.join(shots, `wordpress-nojs-${width}.png`), fullPage: width === 360 });
      assert.deepEqual(errors, []);
      await context.close();
    }
    const { context, page, errors } = await open(browser, `${wp.url}/wp.html`, { viewport: { width: 1280, height: 900 } });
    await settleAll(page);
    const states = await page.$$eval('[data-factbox]', (els) => els.map((e) => [e.getAttribute('data-factbox-state'), !!e.shadowRoot?.querySelector('figure.fb'), e.querySelector('.factbox-plain').checkVisibility()]));
    assert.ok(states.every(([s, figure, plainShown]) => s === 'ready' && figure && !plainShown), JSON.stringify(states));
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await wp.close();
  }
});
