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
import { serve, launch, open, root } from './helpers.mjs';

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
  const names = fs.readdirSync(snippets).filter((n) => n.endsWith('.html')).sort();
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
