// Broken data and failed loads: each box shows a clear error in place, in the page's
// language, and the good boxes beside it still render.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, open, root } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function settled(page, selector) {
  await page.waitForFunction((s) => {
    const st = document.querySelector(s)?.getAttribute('data-factbox-state');
    return st === 'ready' || st === 'error';
  }, selector, { timeout: 15000 });
  return page.locator(selector).getAttribute('data-factbox-state');
}

/** The message lines of an error box, without the excerpt. */
function errorText(page, selector) {
  return page.locator(selector).evaluate((el) =>
    [...el.shadowRoot.querySelectorAll('.fb-error-list li')].map((li) =>
      [...li.childNodes].filter((n) => !(n.classList && n.classList.contains('fb-error-excerpt')))
        .map((n) => n.textContent).join('').replace(/\s+/g, ' ').trim()));
}

test('a page of good and broken boxes: each broken one explains itself, the good ones render', async () => {
  const { context, page, errors } = await open(browser, `${server.url}/test/mixed.html`, {
    viewport: { width: 900, height: 1200 },
  });
  const expected = {
    '#typo': /boxes\[0\], dòng 5, cột 43: không có trường `titel`: có phải ý bạn là `title`\?/,
    '#string-number': /boxes\[0\]\.figures\[0\]\.value, dòng 1, cột 99: số phải viết không có dấu ngoặc kép .*viết 9300 thay cho "9\.300"/,
    '#missing': /không tìm thấy tệp dữ liệu \(lỗi 404\): http:\/\/127\.0\.0\.1:\d+\/data\/khong-co\.json/,
    '#server-error': /máy chủ trả lỗi 500/,
    '#html-page': /trả về một trang web \(HTML\), không phải tệp JSON/,
    '#wrong-id': /tệp không có hộp nào với id “tiet-kiem-2024”: có phải ý bạn là #tiet-kiem\?/,
    '#no-server': /không tải được http:\/\/127\.0\.0\.1:9\/du-lieu\.json/,
    '#empty': /cần địa chỉ tệp JSON, hoặc một thẻ <script type="application\/json"> bên trong/,
  };
  for (const [sel, pattern] of Object.entries(expected)) {
    assert.equal(await settled(page, sel), 'error', sel);
    const texts = await errorText(page, sel);
    assert.equal(texts.length, 1, `${sel}: ${texts}`);
    assert.match(texts[0], pattern, sel);
    // The error box is visible where the fact box would be, not a blank space.
    const h = await page.locator(sel).evaluate((el) => el.getBoundingClientRect().height);
    assert.ok(h > 40, `${sel} is visible (${h}px)`);
  }
  for (const sel of ['#good', '#good-2', '#inline-pick']) {
    await page.locator(sel).scrollIntoViewIfNeeded();
    assert.equal(await settled(page, sel), 'ready', sel);
  }
  // `data-factbox="#hai"` picks one box of inline JSON.
  const titles = await page.locator('#inline-pick').evaluate((el) =>
    [...el.shadowRoot.querySelectorAll('.fb-title')].map((t) => t.textContent));
  assert.deepEqual(titles, ['Hai']);
  // An excerpt of the broken line, with a caret, helps find the mistake.
  const excerpt = await page.locator('#typo').evaluate((el) => el.shadowRoot.querySelector('.fb-error-excerpt')?.textContent);
  assert.match(excerpt, /"titel": "Tiết kiệm",\n\s+\^/);
  // Developers get each problem in the console, too.
  assert.ok(errors.some((e) => e.includes('unknown field `titel`')), errors.join('\n'));
  await page.screenshot({ path: path.join(root, 'target', 'screenshots', 'e2e', 'mixed.png'), fullPage: true });
  await context.close();
});

test('boxes added later are rendered, and removing them frees their handles', async () => {
  const { context, page, errors } = await open(browser, `${server.url}/test/dynamic.html`);
  await page.evaluate(() => {
    for (let i = 0; i < 5; i++) {
      const d = document.createElement('div');
      d.className = 'later';
      d.setAttribute('data-factbox', '/data/egov-vn.json#xep-hang-asean');
      document.getElementById('main').append(d);
    }
  });
  // Charts far below the fold are drawn when a reader scrolls near them.
  for (const d of await page.locator('.later').all()) {
    await d.scrollIntoViewIfNeeded();
  }
  await page.waitForFunction(() => [...document.querySelectorAll('.later')]
    .every((d) => d.getAttribute('data-factbox-state') === 'ready'));
  // Changing the attribute re-renders the box with the new data.
  await page.locator('.later').first().evaluate((d) => d.setAttribute('data-factbox', '/data/egov-vn.json#tiet-kiem'));
  await page.waitForFunction(() => document.querySelector('.later').getAttribute('data-factbox-kind') === 'figures');
  await page.evaluate(() => document.querySelectorAll('.later').forEach((d) => d.remove()));
  // Re-adding one after removal works again (nothing stale is left behind).
  await page.evaluate(() => {
    const d = document.createElement('div');
    d.id = 'again';
    d.setAttribute('data-factbox', '/data/egov-vn.json#tiet-kiem');
    document.getElementById('main').append(d);
  });
  assert.equal(await settled(page, '#again'), 'ready');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the JS API renders objects and text, and rejects with the problems', async () => {
  const { context, page, errors } = await open(browser, `${server.url}/test/dynamic.html`);
  await page.waitForFunction(() => window.factbox && window.factbox.version);
  const result = await page.evaluate(async () => {
    const el = document.createElement('div');
    document.body.append(el);
    await window.factbox.render(el, {
      version: 1, locale: 'en',
      boxes: [{ id: 'a', kind: 'figures', title: 'Savings', figures: [{ value: 9300, unit: 'billion VND', label: 'a year', qualifier: 'over' }] }],
    });
    const ok = el.shadowRoot.querySelector('.fb-number').textContent;
    const bad = document.createElement('div');
    document.body.append(bad);
    let message = null;
    try {
      await window.factbox.render(bad, '{"version": 1, "boxes": [{"id": "b", "kind": "bar", "title": "x", "bars": []}]}');
    } catch (e) {
      message = e.message;
    }
    return { ok, message, version: window.factbox.version };
  });
  assert.equal(result.ok, '9,300');
  assert.match(result.message, /boxes\[0\]\.bars, line 1, column 75: the list is empty: at least 1 needed/);
  assert.match(result.version, /^\d+\.\d+\.\d+$/);
  // The rejected render logs to the console for developers: that is expected here.
  assert.ok(errors.every((e) => e.includes('factbox')), errors.join('\n'));
  await context.close();
});

test('two copies of factbox.js on one page do not conflict', async () => {
  const { context, page, errors } = await open(browser, `${server.url}/test/twice.html`);
  assert.equal(await settled(page, '#a'), 'ready');
  assert.equal(await settled(page, '#b'), 'ready');
  const counts = await page.evaluate(() => [
    document.querySelector('#a').shadowRoot.querySelectorAll('.fb').length,
    document.querySelector('#b').shadowRoot.querySelectorAll('.fb').length,
  ]);
  assert.deepEqual(counts, [1, 1]);
  assert.deepEqual(errors, []);
  await context.close();
});
