// A table box as readers use it: a 34-province table (tests/fixtures/provinces.json: real
// names, made-up numbers) sorted by mouse and keyboard, searched without tones, paged with
// "Xem thêm", at 360 and 1280 px, light and dark, axe clean; prerendered, it works with no
// wasm and, with JavaScript off, shows every row.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, open, settleAll, root } from './helpers.mjs';

let server;
let browser;
let snippet;
before(async () => {
  // The prerendered snippet, made as a newsroom makes it: `factbox render`.
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'factbox-table-'));
  execFileSync(path.join(root, 'target', 'debug', 'factbox'),
    ['render', 'tests/fixtures/provinces.json', '--out', out, '--no-script'], { cwd: root, stdio: 'ignore' });
  snippet = fs.readFileSync(path.join(out, 'tinh-thanh.html'), 'utf8')
    .replace('data-factbox="tests/fixtures/provinces.json#', 'data-factbox="/fixtures/provinces.json#');
  fs.rmSync(out, { recursive: true, force: true });
  const page = `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>factbox: prerendered table</title>
<link rel="icon" href="data:,"></head><body><main><h1>Bảng</h1>${snippet}<p>Đoạn sau bảng.</p></main>
<script src="/factbox.js" defer></script></body></html>`;
  // The same page with the script taken out, as a CMS that strips scripts leaves it.
  const stripped = page.replace('<script src="/factbox.js" defer></script>', '');
  server = await serve({
    route: (url, res) => {
      const body = { '/test/table-prerendered.html': page, '/test/table-no-script.html': stripped }[url.pathname];
      if (!body) return false;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
      return true;
    },
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const BOX = '#provinces, [data-factbox$="#tinh-thanh"]';

/** The table's rows as the reader sees them: first cell and the rate, visible rows only. */
function visibleRows(page) {
  return page.locator(BOX).first().evaluate((host) => {
    const rows = host.shadowRoot.querySelectorAll('tbody tr');
    return [...rows].filter((r) => !r.hidden && r.offsetParent !== null).map((r) => ({
      name: r.cells[0].textContent,
      rate: r.cells[1].textContent,
      files: r.cells[2].textContent,
    }));
  });
}

const count = (page) => page.locator(BOX).first().locator('.fb-count').textContent();
const rate = (text) => Number(text.replace(/[^\d,]/g, '').replace(',', '.'));

async function axeViolations(page) {
  await page.addScriptTag({ path: path.join(root, 'node_modules', 'axe-core', 'axe.min.js') });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
}

for (const url of ['/test/table.html', '/test/table-prerendered.html']) {
  test(`a 34-province table pages with "Xem thêm" and sorts by mouse (${url})`, async () => {
    const { context, page, errors } = await open(browser, `${server.url}${url}`, { viewport: { width: 1280, height: 900 } });
    const wasm = [];
    page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
    await settleAll(page);
    const box = page.locator(BOX).first();
    let rows = await visibleRows(page);
    assert.equal(rows.length, 10);
    assert.equal(rows[0].name, 'Hà Nội', 'no sort asked for: as written');
    assert.equal(await count(page), 'Hiển thị 10/34 dòng');
    const more = box.locator('.fb-more');
    assert.equal(await more.textContent(), 'Xem thêm 10 dòng');
    await more.click();
    assert.equal((await visibleRows(page)).length, 20);
    await more.click();
    assert.equal(await more.textContent(), 'Xem thêm 4 dòng');
    await more.click();
    assert.equal((await visibleRows(page)).length, 34);
    assert.equal(await more.isVisible(), false, 'no more rows, no button');
    // The keyboard was on the button, which is gone: it goes on in the table.
    assert.equal(await box.evaluate((h) => h.shadowRoot.activeElement?.className), 'fb-table-scroll');
    // By name: A to Z as a Vietnamese dictionary has it, then Z to A.
    const byName = box.locator('thead button', { hasText: 'Tỉnh, thành phố' });
    await byName.click();
    rows = await visibleRows(page);
    assert.equal(rows[0].name, 'An Giang');
    const names = rows.map((r) => r.name);
    assert.ok(names.indexOf('Cà Mau') < names.indexOf('Cao Bằng') && names.indexOf('Cao Bằng') < names.indexOf('Cần Thơ'));
    assert.ok(names.indexOf('Đồng Tháp') < names.indexOf('Gia Lai'), 'đ right after d');
    assert.equal(await box.locator('th[aria-sort]').getAttribute('aria-sort'), 'ascending');
    await byName.click();
    assert.equal((await visibleRows(page))[0].name, 'Vĩnh Long');
    assert.equal(await box.locator('th[aria-sort]').getAttribute('aria-sort'), 'descending');
    // An empty cell goes last, whichever way its column is sorted.
    const byFiles = box.locator('thead button', { hasText: 'Hồ sơ' });
    await byFiles.click();
    rows = await visibleRows(page);
    assert.equal(rows.at(-1).name, 'Lạng Sơn');
    assert.equal(rows.at(-1).files, '–không có số liệu');
    await byFiles.click();
    assert.equal((await visibleRows(page)).at(-1).name, 'Lạng Sơn');
    if (url.includes('prerendered')) assert.deepEqual(wasm, [], 'a prerendered table needs no wasm');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the keyboard reaches every sort button and sorts best first, then reverses', async () => {
  const { context, page, errors } = await open(browser, `${server.url}/test/table.html`, { viewport: { width: 1280, height: 900 } });
  await settleAll(page);
  const box = page.locator(BOX);
  await box.locator('input[type=search]').focus();
  const focused = () => box.evaluate((h) => {
    const a = h.shadowRoot.activeElement;
    return a ? `${a.tagName.toLowerCase()}:${a.textContent}` : '';
  });
  await page.keyboard.press('Tab');
  assert.match(await focused(), /^div:/, 'the scrolling table takes the keyboard (arrow keys scroll it)');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'button:Tỉnh, thành phố');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'button:Tỉ lệ trực tuyến');
  // `better: higher`: the first press puts the highest rate first.
  await page.keyboard.press('Enter');
  let rates = (await visibleRows(page)).map((r) => rate(r.rate));
  assert.deepEqual(rates, [...rates].sort((a, b) => b - a));
  assert.equal(rates.length, 10);
  await page.keyboard.press('Space');
  rates = (await visibleRows(page)).map((r) => rate(r.rate));
  assert.deepEqual(rates, [...rates].sort((a, b) => a - b));
  // Ranks: best (1) first.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'button:Xếp hạng');
  await page.keyboard.press('Enter');
  assert.deepEqual((await box.evaluate((h) => [...h.shadowRoot.querySelectorAll('tbody tr:not([hidden]) td:last-child')].slice(0, 3).map((c) => c.textContent))),
    ['hạng\u00a01', 'hạng\u00a02', 'hạng\u00a03']);
  // Printed, every row shows, all 34 in the order sorted (the rows past the page are put
  // in order once the page is idle after the press).
  await page.evaluate(() => new Promise((done) => requestIdleCallback(done, { timeout: 5000 })));
  await page.emulateMedia({ media: 'print' });
  const printed = await box.evaluate((h) => [...h.shadowRoot.querySelectorAll('tbody tr')]
    .filter((r) => r.offsetParent !== null).map((r) => Number(r.cells[r.cells.length - 1].textContent.replace(/\D/g, ''))));
  assert.equal(printed.length, 34);
  assert.deepEqual(printed, [...printed].sort((a, b) => a - b));
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the search ignores case, tones and spaces, counts what it finds, and gives every row back', async () => {
  const { context, page, errors } = await open(browser, `${server.url}/test/table.html`, { viewport: { width: 1280, height: 900 } });
  await settleAll(page);
  const input = page.locator(BOX).locator('input[type=search]');
  for (const q of ['ha noi', 'HANOI', 'Hà Nội', 'hà nội']) {
    await input.fill(q);
    assert.deepEqual((await visibleRows(page)).map((r) => r.name), ['Hà Nội'], q);
    assert.equal(await count(page), '1/34 dòng khớp', q);
  }
  await input.fill('dak lak');
  assert.deepEqual((await visibleRows(page)).map((r) => r.name), ['Đắk Lắk']);
  await input.fill('đồng');
  assert.deepEqual((await visibleRows(page)).map((r) => r.name), ['Lâm Đồng', 'Đồng Nai', 'Đồng Tháp'], 'a word anywhere in the row');
  await input.fill('không có tỉnh này');
  assert.equal((await visibleRows(page)).length, 0);
  assert.equal(await count(page), '0/34 dòng khớp');
  await input.fill('');
  assert.equal((await visibleRows(page)).length, 10);
  assert.equal(await count(page), 'Hiển thị 10/34 dòng');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const width of [360, 1280]) {
  for (const scheme of ['light', 'dark']) {
    test(`at ${width} px, ${scheme}: the page never scrolls sideways, the first column stays, axe clean`, async () => {
      const { context, page, errors } = await open(browser, `${server.url}/test/table.html`, {
        viewport: { width, height: 800 }, colorScheme: scheme, deviceScaleFactor: 2,
      });
      await settleAll(page);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways page scroll');
      const box = page.locator(BOX);
      const scroller = box.locator('.fb-table-scroll');
      const wide = await scroller.evaluate((s) => s.scrollWidth > s.clientWidth);
      if (width === 360) {
        assert.ok(wide, 'on a phone the table scrolls inside the box');
        await scroller.evaluate((s) => { s.scrollLeft = 400; });
        const [first, edge] = await Promise.all([
          box.locator('tbody th').first().boundingBox(),
          scroller.boundingBox(),
        ]);
        assert.ok(Math.abs(first.x - edge.x) < 1, `the row names stay in view (${first.x} vs ${edge.x})`);
        await scroller.evaluate((s) => { s.scrollLeft = 0; });
      }
      fs.mkdirSync(path.join(root, 'target', 'screenshots'), { recursive: true });
      await box.screenshot({ path: path.join(root, 'target', 'screenshots', `table-${width}-${scheme}.png`) });
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('with JavaScript off the prerendered table shows every row, and its readable copy holds them too', async () => {
  const { context, page } = await open(browser, `${server.url}/test/table-prerendered.html`, {
    viewport: { width: 1280, height: 900 }, javaScriptEnabled: false,
  });
  const shown = await page.locator(BOX).evaluate((h) => [...h.shadowRoot.querySelectorAll('tbody tr')].filter((r) => r.offsetParent !== null).length);
  assert.equal(shown, 34);
  await context.close();
  // The plain version after the template (for sanitizers, RSS and e-mail).
  const plain = snippet.split('</template>')[1];
  assert.equal((plain.match(/<tr>/g) || []).length, 35);
  for (const name of ['Hà Nội', 'An Giang', 'TP Hồ Chí Minh']) assert.ok(plain.includes(name), name);
});

test('without its script a prerendered table shows its first page and a working "show all"', async () => {
  const { context, page, errors } = await open(browser, `${server.url}/test/table-no-script.html`, { viewport: { width: 1280, height: 900 } });
  const box = page.locator(BOX);
  await box.locator('.fb-table tbody tr').first().waitFor();
  assert.equal((await visibleRows(page)).length, 10, 'the first page, as the script would show it');
  const all = box.locator('.fb-more');
  assert.equal(await all.textContent(), 'Xem tất cả 34 dòng');
  await all.click();
  assert.equal((await visibleRows(page)).length, 34);
  assert.equal(await all.isVisible(), false);
  // And by keyboard: the checkbox inside the label takes Tab and Space.
  await page.reload();
  await box.locator('.fb-table tbody tr').first().waitFor();
  await box.locator('.fb-more input').focus();
  await page.keyboard.press('Space');
  assert.equal((await visibleRows(page)).length, 34);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a prerendered table taken over by a slow script moves nothing on the page', async () => {
  const { context, page, errors } = await open(browser, 'about:blank', { viewport: { width: 1280, height: 900 } });
  // factbox.js arrives a second after the page has painted, as on a slow connection.
  await page.route('**/factbox.js', async (route) => { await new Promise((r) => setTimeout(r, 1000)); await route.continue(); });
  await page.addInitScript(() => {
    window.__shifts = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${server.url}/test/table-prerendered.html`);
  const box = page.locator(BOX);
  await page.waitForFunction(() => document.querySelector('[data-factbox]').getAttribute('data-factbox-state') === 'ready');
  await page.waitForTimeout(300);
  assert.equal((await visibleRows(page)).length, 10);
  assert.equal(await box.locator('.fb-more').textContent(), 'Xem thêm 10 dòng');
  const shifts = await page.evaluate(() => window.__shifts);
  assert.ok(shifts < 0.001, `layout shift ${shifts}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a live table of 1,000 rows drawn a page first: sorted, searched and paged at once, over every row', async () => {
  const { context, page, errors } = await open(browser, `${server.url}/test/table.html`, { viewport: { width: 1280, height: 900 } });
  await settleAll(page);
  const result = await page.evaluate(async () => {
    const text = JSON.stringify({ version: 1, boxes: [{ id: 'big', kind: 'table', title: 'T',
      columns: [{ key: 'a', label: 'A' }, { key: 'b', label: 'B', unit: '%' }],
      rows: Array.from({ length: 1000 }, (_, i) => ({ a: `Hàng ${i}`, b: (i * 37) % 1000 })) }] });
    const out = {};
    const first = (el) => el.shadowRoot.querySelector('tbody tr:not(.fb-over) th').textContent;
    const rows = (el) => el.shadowRoot.querySelectorAll('tbody tr').length;
    const box = async () => {
      const el = document.createElement('div');
      document.querySelector('main').appendChild(el);
      await factbox.render(el, text, { lazy: false, quiet: true });
      return el;
    };
    // Each straight after the draw, before the rest has come in.
    let el = await box();
    out.drawn = rows(el);
    el.shadowRoot.querySelectorAll('thead button')[1].click();  // B, largest first
    out.sorted = { first: first(el), rows: rows(el), rest: el.shadowRoot.querySelector('[data-fb-rest]') !== null };
    el = await box();
    const input = el.shadowRoot.querySelector('input');
    input.value = 'hang 999';
    input.dispatchEvent(new Event('input'));
    out.found = { first: first(el), count: el.shadowRoot.querySelector('.fb-count').textContent };
    // Drawn before any column is sorted, its first page gets its ranks with the rest,
    // on the same rows; then sorting works on them as on the rest.
    el = await box();
    const table = el.shadowRoot.querySelector('.fb-table');
    const ranks = () => [].map.call(el.shadowRoot.querySelectorAll('tbody tr'), (r) => r.cells[1].getAttribute('data-v')).slice(0, 10);
    const onScreen = el.shadowRoot.querySelector('tbody tr');
    out.unranked = ranks();
    while (table.hasAttribute('data-fb-rest')) await new Promise((r) => setTimeout(r, 20));
    out.ranked = { ranks: ranks(), same: el.shadowRoot.querySelector('tbody tr') === onScreen, rows: rows(el) };
    el.shadowRoot.querySelectorAll('thead button')[1].click();
    out.ranked.first = first(el);
    el = await box();
    for (let k = 0; k < 3; k++) el.shadowRoot.querySelector('.fb-table-more button').click();
    out.paged = { shown: el.shadowRoot.querySelectorAll('tbody tr:not(.fb-over)').length, rows: rows(el),
      count: el.shadowRoot.querySelector('.fb-count').textContent };
    return out;
  });
  assert.equal(result.drawn, 10);
  // 999 × 37 % 1000 = 963 … the largest, 999, is row 27 (27 × 37 = 999).
  assert.deepEqual(result.sorted, { first: 'Hàng 27', rows: 1000, rest: false });
  assert.deepEqual(result.found, { first: 'Hàng 999', count: '1/1000 dòng khớp' });
  assert.deepEqual(result.unranked, Array(10).fill(null));
  // Column B holds 0 … 999 once each, so a row's rank is its value, i × 37 mod 1000.
  assert.deepEqual(result.ranked, { ranks: Array.from({ length: 10 }, (_, i) => String((i * 37) % 1000)),
    same: true, rows: 1000, first: 'Hàng 27' });
  assert.deepEqual(result.paged, { shown: 40, rows: 1000, count: 'Hiển thị 40/1000 dòng' });
  // The CSV pressed straight after the draw holds every row.
  const [download, before] = await Promise.all([page.waitForEvent('download'), page.evaluate(async () => {
    const el = document.createElement('div');
    document.querySelector('main').appendChild(el);
    await factbox.render(el, JSON.stringify({ version: 1, boxes: [{ id: 'c', kind: 'table', title: 'T',
      columns: [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }],
      rows: Array.from({ length: 1000 }, (_, i) => ({ a: `Hàng ${i}`, b: i })) }] }), { lazy: false, quiet: true });
    const link = el.shadowRoot.querySelector('a.fb-action');
    const state = { href: link.getAttribute('href'), hidden: link.hidden };
    link.click();
    return state;
  })]);
  assert.deepEqual(before, { href: '', hidden: false });
  const lines = fs.readFileSync(await download.path(), 'utf8').trim().split('\r\n');
  assert.equal(lines.length, 1001);
  assert.equal(lines[1000], 'Hàng 999,999');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the row limit, and ten and a hundred times it, in the page: drawn, or refused with one message', async () => {
  const { context, page, errors } = await open(browser, `${server.url}/test/table.html`, { viewport: { width: 1280, height: 900 } });
  await settleAll(page);
  const result = await page.evaluate(async () => {
    const doc = (n) => JSON.stringify({ version: 1, boxes: [{ id: 't', kind: 'table', title: 'T',
      columns: [{ key: 'a', label: 'A' }, { key: 'b', label: 'B', bars: true }, { key: 'c', label: 'C', heat: true }],
      rows: Array.from({ length: n }, (_, i) => ({ a: `Hàng ${i}`, b: i % 97, c: (i * 31) % 1000 })) }] });
    const out = {};
    for (const n of [2000, 20000, 200000]) {
      const el = document.createElement('div');
      document.querySelector('main').appendChild(el);
      try {
        await factbox.render(el, doc(n), { lazy: false, quiet: true });
        const table = el.shadowRoot.querySelector('.fb-table');
        const rows = () => el.shadowRoot.querySelectorAll('tbody tr').length;
        // Drawn with its first page; the rest come while the reader looks at it.
        out[n] = { first: rows(), count: el.shadowRoot.querySelector('.fb-count').textContent,
          more: el.shadowRoot.querySelector('.fb-table-more button').textContent };
        while (table.hasAttribute('data-fb-rest')) await new Promise((r) => setTimeout(r, 20));
        out[n].rows = rows();
        out[n].hidden = el.shadowRoot.querySelectorAll('tbody tr.fb-over').length;
      } catch (e) {
        out[n] = { codes: (e.problems || []).map((p) => p.code) };
      }
    }
    return out;
  });
  assert.deepEqual(result[2000], { first: 10, count: 'Hiển thị 10/2000 dòng', more: 'Xem thêm 10 dòng', rows: 2000, hidden: 1990 });
  assert.deepEqual(result[20000], { codes: ['too-many'] });
  assert.deepEqual(result[200000], { codes: ['file-too-large'] });
  // The province table beside them still works.
  await page.locator(BOX).locator('thead button').first().click();
  assert.equal((await visibleRows(page))[0].name, 'An Giang');
  assert.deepEqual(errors, []);
  await context.close();
});
