// A box never says what its data does not, checked as a reader meets it: a rank history
// is drawn with its best year highest and keeps its last label on a phone; a rank worse
// than its target is never "met"; numbers print as written and short units stay with
// them; and a broken box shows readers a neutral notice, editors the full message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, open, root } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const shots = path.join(root, 'target', 'screenshots', 'truth');
fs.mkdirSync(shots, { recursive: true });

async function ready(page, sel) {
  await page.waitForFunction((s) => document.querySelector(s)?.getAttribute('data-factbox-state') === 'ready', sel, { timeout: 15000 });
}

/** The centre, in the drawing's own pixels, of the emphasis the shown drawing has on. */
function changed(page, sel) {
  return page.locator(sel).evaluate((el) => {
    const svg = [...el.shadowRoot.querySelectorAll('svg.fb-svg')].find((s) => s.getBoundingClientRect().width > 0);
    const on = [...svg.querySelectorAll('.fb-m.fb-on')];
    if (!on.length) return null;
    const b = on[0].getBBox();
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  });
}

/** Steps through a chart's marks with the keyboard; for each, the tooltip's text and where
 *  the emphasised mark is drawn. */
async function walk(page, sel, count) {
  const canvas = page.locator(sel).locator('svg.fb-svg:visible');
  await canvas.focus();
  const marks = [];
  for (let k = 0; k < count; k++) {
    if (k > 0) await page.keyboard.press('ArrowRight');
    const tip = await page.locator(sel).evaluate((el) => el.shadowRoot.querySelector('.fb-tip')?.textContent.replace(/\s+/g, ' ').trim());
    marks.push({ tip, at: await changed(page, sel) });
  }
  await canvas.blur();
  return marks;
}

for (const width of [360, 1280]) {
  for (const scheme of ['light', 'dark']) {
    test(`a rank history at ${width}px, ${scheme}: best year highest, last label kept`, async () => {
      const { context, page, errors } = await open(browser, `${server.url}/test/truth.html`, {
        viewport: { width, height: 900 }, deviceScaleFactor: 2, colorScheme: scheme,
      });
      await ready(page, '#rank-history');
      const marks = await walk(page, '#rank-history', 6);
      const years = ['2014', '2016', '2018', '2020', '2022', '2024'];
      const ranks = [99, 89, 88, 86, 101, 71];
      marks.forEach((m, k) => {
        assert.ok(m.tip.includes(years[k]) && m.tip.includes(`hạng ${ranks[k]}`), `${k}: ${m.tip}`);
        assert.ok(m.at, `mark ${k} is drawn`);
      });
      // Rank 1 is at the top: the smaller the rank, the higher the point.
      const ys = marks.map((m) => m.at.y);
      const order = [...ranks.keys()].sort((a, b) => ranks[a] - ranks[b]);
      for (let i = 1; i < order.length; i++) {
        assert.ok(ys[order[i]] > ys[order[i - 1]], `rank ${ranks[order[i]]} (y ${ys[order[i]]}) below rank ${ranks[order[i - 1]]} (y ${ys[order[i - 1]]})`);
      }
      // The last point's label ("hạng 71") is drawn above it, across the point.
      const last = marks[5].at;
      const label = await page.locator('#rank-history').evaluate((el) => {
        const svg = [...el.shadowRoot.querySelectorAll('svg.fb-svg')].find((s) => s.getBoundingClientRect().width > 0);
        const t = [...svg.querySelectorAll(':scope > text')].find((x) => x.textContent.replace(/\u00a0/g, ' ') === 'hạng 71');
        if (!t) return null;
        const b = t.getBBox();
        return { x0: b.x, x1: b.x + b.width, bottom: b.y + b.height, visible: getComputedStyle(t).fill !== 'none' };
      });
      await page.screenshot({ path: path.join(shots, `truth-${width}-${scheme}.png`), fullPage: true });
      assert.ok(label && label.visible, 'the last point is labelled');
      assert.ok(label.bottom <= last.y && label.x0 <= last.x + 8 && label.x1 >= last.x - 8, `label ${JSON.stringify(label)} above the point ${JSON.stringify(last)}`);
      // Its description speaks of ranks in their sense.
      const alt = await page.locator('#rank-history').evaluate((el) => el.shadowRoot.querySelector('svg.fb-svg').getAttribute('aria-label').replace(/\u00a0/g, ' '));
      assert.match(alt, /hạng cao nhất: 2024, hạng 71; hạng thấp nhất: 2022, hạng 101/);
      await page.screenshot({ path: path.join(shots, `truth-${width}-${scheme}.png`), fullPage: true });
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('a rank worse than its target is never called met, with or without a deadline', async () => {
  const { context, page, errors } = await open(browser, `${server.url}/test/truth.html`, { viewport: { width: 800, height: 900 } });
  const expected = {
    '#rank-target': ['not-met', '✗ Chưa đạt mục tiêu: hạng 86 so với mục tiêu hạng 70, còn cách 16 bậc'],
    '#rank-target-ahead': ['on-the-way', '→ Đang hướng tới mục tiêu hạng 70 (hạn 2025): hiện hạng 86, còn cách 16 bậc'],
    '#rank-target-missed': ['missed', '✗ Không đạt mục tiêu hạng 70 (hạn 2020): hạng 86, còn cách 16 bậc'],
  };
  for (const [sel, [standing, text]] of Object.entries(expected)) {
    await ready(page, sel);
    const status = await page.locator(sel).evaluate((el) => {
      const s = el.shadowRoot.querySelector('.fb-status');
      return { text: s.textContent.replace(/\u00a0/g, ' '), met: s.dataset.met, standing: s.dataset.standing };
    });
    assert.deepEqual(status, { text, met: 'false', standing }, sel);
    const all = await page.locator(sel).evaluate((el) => el.shadowRoot.textContent);
    assert.ok(!/Đạt mục tiêu|Target met/.test(all.replace(/Chưa đạt|Không đạt/g, '')), `${sel} never says met`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('numbers print as written; short units stay on the number\'s line, long ones wrap', async () => {
  const { context, page } = await open(browser, `${server.url}/test/truth.html`, { viewport: { width: 360, height: 900 } });
  await page.locator('#score').scrollIntoViewIfNeeded();
  await ready(page, '#score');
  const figures = await page.locator('#score').evaluate((el) => [...el.shadowRoot.querySelectorAll('.fb-figure')].map((f) => {
    const n = f.querySelector('.fb-number').getBoundingClientRect();
    const u = f.querySelector('.fb-unit')?.getBoundingClientRect();
    const q = f.querySelector('.fb-qualifier')?.getBoundingClientRect();
    return {
      seen: f.querySelector('.fb-value span[aria-hidden]').textContent.replace(/\u00a0/g, ' '),
      // A unit is on the number's line when its box starts above the number's bottom.
      unitOnLine: u ? u.top < n.bottom - 4 : null,
      qualifierOnLine: q ? q.top < n.bottom - 4 : null,
    };
  }));
  assert.deepEqual(figures.map((f) => f.seen), [
    '0,8125 điểm', 'hạng 86/193', '31%', 'hơn 2.800 dịch vụ công trực tuyến toàn trình',
  ]);
  assert.equal(figures[0].unitOnLine, true, '0,8125 điểm on one line');
  assert.equal(figures[1].unitOnLine, true, '86/193 on one line');
  assert.equal(figures[1].qualifierOnLine, true, 'hạng 86 on one line');
  assert.equal(figures[2].unitOnLine, true, '31% on one line');
  assert.equal(figures[3].unitOnLine, false, 'a long unit wraps under its number');
  await page.locator('#score').screenshot({ path: path.join(shots, 'figures-360.png') });
  await context.close();
});

/** Chromium that resolves news.example to this machine: a published page's address. */
function launchPublished() {
  return launch(['--host-resolver-rules=MAP news.example 127.0.0.1']);
}

async function errorView(page, sel) {
  await page.waitForFunction((s) => document.querySelector(s)?.getAttribute('data-factbox-state') === 'error', sel, { timeout: 15000 });
  return page.locator(sel).evaluate((el) => ({
    text: el.shadowRoot.textContent.replace(/\s+/g, ' ').trim(),
    reader: !!el.shadowRoot.querySelector('.fb-error-reader'),
    retry: !!el.shadowRoot.querySelector('.fb-retry'),
  }));
}

test('readers of a published page see a neutral notice; editors previewing it see everything', async () => {
  const published = await launchPublished();
  try {
    const port = new URL(server.url).port;
    // A published page: the notice, in the page's language, with nothing from the JSON;
    // the console still has the full message.
    const { context, page, errors } = await open(published, `http://news.example:${port}/test/broken.html`);
    const broken = await errorView(page, '#broken');
    assert.deepEqual(broken, { text: 'Hộp số liệu này hiện không hiển thị được.', reader: true, retry: false });
    assert.ok(!broken.text.includes('titel') && !broken.text.includes('bí mật'));
    assert.ok(errors.some((e) => e.includes('unknown field `titel`: did you mean `title`?')), errors.join('\n'));
    // A failure that may pass keeps its "Try again" button for readers.
    const offline = await errorView(page, '#offline');
    assert.deepEqual(offline, { text: 'Hộp số liệu này hiện không hiển thị được.Thử lại', reader: true, retry: true });
    await ready(page, '#good');
    await page.screenshot({ path: path.join(shots, 'reader-notice.png'), fullPage: true });
    await context.close();

    // The same page with ?factbox-debug: the editors' view.
    const debug = await open(published, `http://news.example:${port}/test/broken.html?factbox-debug`);
    const full = await errorView(debug.page, '#broken');
    assert.equal(full.reader, false);
    assert.match(full.text, /không có trường `titel`: có phải ý bạn là `title`\?/);
    assert.match(full.text, /độc giả chỉ thấy: “Hộp số liệu này hiện không hiển thị được.”/);
    await debug.context.close();

    // A CMS preview marks its template with data-factbox-debug.
    const preview = await open(published, `http://news.example:${port}/test/broken.html`);
    await preview.page.evaluate(() => {
      document.documentElement.setAttribute('data-factbox-debug', '');
      const el = document.querySelector('#broken');
      el.replaceWith(el.cloneNode(true));
    });
    assert.equal((await errorView(preview.page, '#broken')).reader, false);
    await preview.context.close();
  } finally {
    await published.close();
  }
  // On this machine (localhost) editors are assumed; data-factbox-debug="off" shows the
  // readers' view, to check it before publishing.
  const { context, page } = await open(browser, `${server.url}/test/broken.html`);
  assert.equal((await errorView(page, '#broken')).reader, false);
  await page.evaluate(() => {
    document.documentElement.setAttribute('data-factbox-debug', 'off');
    const el = document.querySelector('#broken');
    el.replaceWith(el.cloneNode(true));
  });
  assert.equal((await errorView(page, '#broken')).reader, true);
  await context.close();
});
