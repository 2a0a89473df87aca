// The studio as a journalist uses it: tables pasted in Vietnamese and English formats
// become each of the six kinds; broken pastes and broken fields show their messages where
// they are; the snippet renders in a fresh page as the preview shows; keyboard only from
// paste to snippet; axe-clean; undo; a reload keeps the work; files open and download.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, open, root, differing } from './helpers.mjs';

let server;
let browser;
const shots = path.join(root, 'target', 'screenshots', 'e2e');
/** Fresh pages made by the tests, served at /made/<name>. */
const made = new Map();

before(async () => {
  server = await serve({
    route(url, res) {
      if (!url.pathname.startsWith('/made/')) return false;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(made.get(url.pathname.slice(6)) || '');
      return true;
    },
  });
  browser = await launch();
  fs.mkdirSync(shots, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function studio(options = {}) {
  const opened = await open(browser, `${server.url}/studio.html`, { viewport: { width: 1280, height: 900 }, ...options });
  await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await opened.page.waitForSelector('#studio:not([hidden])');
  return opened;
}

/** Puts `text` on the clipboard, as a spreadsheet's copy does (tab-separated). */
function copy(page, text) {
  return page.evaluate((text) => navigator.clipboard.writeText(text), text);
}

/** Pastes `text` into the paste box as a journalist does: copied, then Ctrl+V. */
async function paste(page, text) {
  await copy(page, text);
  const before = await page.evaluate(() => document.querySelector('#grid').textContent.length);
  await page.locator('#paste').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await page.waitForFunction((text) => document.querySelector('#paste').value === text
    && document.querySelectorAll('#grid tbody tr').length > 0, text);
  await page.waitForTimeout(50);
  return before;
}

/** Waits for both previews to settle; gives the article preview's state and text. */
async function settled(page) {
  await page.waitForFunction(() => document.getElementById('frames').getAttribute('aria-busy') === 'false');
  await page.waitForFunction(() => ['phone', 'article'].every((n) => {
    const s = document.getElementById('view-' + n).getAttribute('data-factbox-state');
    return s === 'ready' || s === 'error';
  }));
  await page.waitForTimeout(250);
  return page.evaluate(() => {
    const v = document.getElementById('view-article');
    return { state: v.getAttribute('data-factbox-state'), text: v.shadowRoot.textContent.replace(/\s+/g, ' ') };
  });
}

const kindChecked = (page) => page.$eval('#kinds input:checked', (i) => i.value);
const problemsShown = (page) => page.$$eval('#problems .problem:not(.note), #data-problems .problem:not(.note)', (ps) => ps.map((p) => p.textContent));

// Samples a newsroom would paste, written as spreadsheets copy them (tabs, the
// journalist's own number style), each with the kind it should suggest and what the box
// must then say, as written.
const SAMPLES = [
  {
    name: 'Vietnamese key figures with a qualifier, a scale word and a percentage',
    text: 'Tiết kiệm mỗi năm\tTài khoản đăng ký\tHồ sơ trực tuyến\nhơn 9.300 tỉ đồng\t16,4 triệu\t31%',
    kind: 'figures', title: 'Dịch vụ công trực tuyến', says: ['hơn 9.300 tỉ đồng', '16,4 triệu', '31%'],
  },
  {
    name: 'English scores with four places (trailing zero kept), in an English box',
    text: 'Country\tScore\nSingapore\t0.9150\nViet Nam\t0.6667\nThailand\t0.7565',
    kind: 'bar', title: 'E-government scores', locale: 'en', says: ['0.9150', '0.6667', 'Viet Nam'],
  },
  {
    name: 'ranks at two dates',
    text: 'Quốc gia\t2018\t2020\nThái Lan\t73\t57\nViệt Nam\t88\t86\nIndonesia\t107\t88',
    kind: 'rank-change', title: 'Thứ hạng Chính phủ điện tử', says: ['Việt Nam', '88', '86'],
  },
  {
    name: 'Vietnamese dates, day first, and thousands with dots',
    text: 'Ngày\tHồ sơ\n1/9/2024\t1.200\n8/9/2024\t1.350\n17/9/2024\t1.410\n24/9/2024\t1.575',
    kind: 'line', title: 'Hồ sơ nộp trực tuyến mỗi tuần', says: ['1.575'],
  },
  {
    name: 'an English table with the years across its header',
    text: 'Year\t2019\t2020\t2021\t2022\nViet Nam\t7.02\t2.91\t2.58\t8.02\nThailand\t2.2\t-6.1\t1.6\t2.5',
    kind: 'line', title: 'GDP growth', locale: 'en', says: ['Viet Nam', 'Thailand', '8.02'],
  },
  {
    name: 'parts and their total',
    text: 'Kết quả\tSố ca\nKhỏi bệnh\t2.200\nTử vong\t35\nĐang điều trị\t325\nTổng\t2.560',
    kind: 'share', title: 'Kết quả điều trị', says: ['Khỏi bệnh', '2.200', 'Đang điều trị'],
  },
  {
    name: 'a report\'s table with its title line above it (the title line titles the box)',
    text: 'Bảng 2: Kết quả điều trị COVID-19, đến 17/3/2021\nKết quả\tSố ca\nKhỏi bệnh\t2.186\nĐang điều trị\t339\nTử vong\t35\nTổng\t2.560',
    kind: 'share', title: null, says: ['Bảng 2: Kết quả điều trị COVID-19, đến 17/3/2021', '2.186', 'Tử vong'],
  },
  {
    name: 'English month names, from a sheet formatted "Jan 2024"',
    text: 'Month\tVisits\nJan 2024\t1,250\nFeb 2024\t1,410\nMar 2024\t1,380.5',
    kind: 'line', title: 'Portal visits', locale: 'en', says: ['1,380.5'],
  },
  {
    name: 'a percentage against its target, in English',
    text: 'Services at level 4\tTarget 2020\n31%\t30%',
    kind: 'progress', title: 'Online public services', locale: 'en', says: ['31%', '30%'],
  },
  // Estimates, forecasts, ranges and changes, each typed as an article writes it: read as
  // typed, never dropped, never moved into a unit.
  {
    name: 'an estimate, a forecast and a forecast range: 36 (ước tính), 45 (dự báo), 90–200 (dự báo)',
    text: 'Năm\tGMV\n2019\t12\n2021\t21\n2023\t30\n2024\t36 (ước tính)\n2025\t45 (dự báo)\n2030\t90–200 (dự báo)',
    kind: 'line', title: 'GMV', says: ['36 (ước tính)', '45 (dự báo)', '90–200 (dự báo)'], never: ['90 –200', '90 (dự báo)', '90 (ước tính)']
  },
  {
    name: 'a range typed with a hyphen: 90-200',
    text: 'Năm\tGMV\n2025\t45\n2030\t90-200',
    kind: 'line', title: 'GMV', says: ['90–200'], never: ['90-200', '90 -200'],
  },
  {
    name: 'a range with spaces and a percent sign: 13 – 14%',
    text: 'Tỷ trọng kinh tế số trong GDP\n13 – 14%',
    kind: 'figures', title: 'Kinh tế số', says: ['13–14%'], never: ['–14%%', ' –14'],
  },
  {
    name: 'a qualified range against a target: khoảng 13-14%',
    text: 'Tỷ trọng kinh tế số\tMục tiêu 2025\nkhoảng 13-14%\t20%',
    kind: 'progress', title: 'Kinh tế số', says: ['khoảng 13–14%', 'còn thiếu 6–7 điểm phần trăm'], never: ['20 –14', '7 –14'],
  },
  {
    name: 'a status before the number: ước tính 36 tỷ USD',
    text: 'GMV 2024\nước tính 36 tỷ USD',
    kind: 'figures', title: 'Kinh tế số', says: ['36 tỷ USD', 'ước tính', 'GMV 2024'], never: ['tỉ'],
  },
  {
    name: 'a change with its word: tăng 16%',
    text: 'Tăng trưởng GMV\ntăng 16%',
    kind: 'figures', title: 'Kinh tế số', says: ['+16%', 'Tăng trưởng GMV'],
  },
  {
    name: 'a change with its sign: +16%',
    text: 'Thay đổi\n+16%',
    kind: 'figures', title: 'Kinh tế số', says: ['+16%', 'Thay đổi'],
  },
  {
    name: 'a row of figures, none dropped: ước tính 36 tỷ USD, tăng 16%, khoảng 13-14%',
    text: 'GMV 2024\tTăng trưởng\tTỷ trọng GDP\nước tính 36 tỷ USD\ttăng 16%\tkhoảng 13-14%',
    kind: 'figures', title: 'Kinh tế số', says: ['36 tỷ USD', 'ước tính', 'Tăng trưởng', '+16%', 'Tỷ trọng GDP', 'khoảng 13–14%'],
  },
  {
    name: 'the spelling of the scale word typed: 36 tỷ stays tỷ',
    text: 'GMV\n36 tỷ',
    kind: 'figures', title: 'Kinh tế số', says: ['36 tỷ'], never: ['tỉ'],
  },
];

for (const s of SAMPLES) {
  test(`paste → ${s.kind}: ${s.name}`, async () => {
    const { context, page, errors } = await studio();
    if (s.locale) {
      await page.locator('.doc-settings summary').click();
      await page.selectOption('#f-locale', s.locale);
    }
    await paste(page, s.text);
    assert.equal(await kindChecked(page), s.kind, 'the suggested kind');
    if (s.title) await page.fill('#f-boxes-0-title', s.title);
    else assert.equal(await page.inputValue('#f-boxes-0-title'), s.says[0]);
    const shown = await settled(page);
    assert.equal(shown.state, 'ready', `${s.kind}: ${shown.text}`);
    const text = shown.text.replace(/\u00a0/g, ' ');
    for (const words of s.says) assert.ok(text.includes(words), `${s.kind}: "${words}" in ${text}`);
    for (const words of s.never || []) assert.ok(!text.includes(words), `${s.kind}: "${words}" must not be in ${text}`);
    assert.deepEqual(await problemsShown(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('what a cell says of its value survives a reload; the box\'s own language is chosen beside its preview', async () => {
  const { context, page, errors } = await studio();
  await paste(page, 'Tỷ trọng kinh tế số\tGMV 2024\nkhoảng 13-14%\t36 (ước tính)');
  await page.fill('#f-boxes-0-title', 'Kinh tế số');
  let shown = await settled(page);
  assert.ok(/khoảng 13–14%/.test(shown.text.replace(/\u00a0/g, ' ')), shown.text);
  // The qualifier and status are the cell's: the form shows them with the way to the cell.
  assert.ok(await page.locator('.field.from-table[data-path$="figures[0].qualifier"]').count() === 1);
  await page.waitForTimeout(800);
  await page.reload();
  await page.waitForSelector('#studio:not([hidden])');
  shown = await settled(page);
  const text = shown.text.replace(/\u00a0/g, ' ');
  assert.ok(text.includes('khoảng 13–14%') && text.includes('ước tính'), text);
  // The box alone in English; the file stays Vietnamese.
  await page.selectOption('#box-locale', 'en');
  shown = await settled(page);
  assert.ok(/estimate/.test(shown.text), shown.text);
  await page.locator('.doc-settings summary').click();
  assert.equal(await page.inputValue('#f-locale'), '');
  await page.click('#json-copy');
  const json = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  assert.equal(json.boxes[0].locale, 'en');
  assert.equal(json.locale, undefined, 'the file has no language of its own set');
  assert.deepEqual(json.boxes[0].figures[0].value, [13, 14]);
  assert.equal(json.boxes[0].figures[0].qualifier, 'khoảng');
  assert.equal(json.boxes[0].figures[1].status, 'estimate');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the form\'s value field takes a value as an article writes it: range, qualifier, status and unit to their fields', async () => {
  const { context, page, errors } = await studio();
  await page.check('#kinds input[value=progress]');
  await page.fill('#f-boxes-0-title', 'Kinh tế số');
  await page.fill('#f-boxes-0-label', 'tỷ trọng trong GDP');
  await page.fill('#f-boxes-0-value', 'khoảng 13-14% (ước tính)');
  await page.locator('#f-boxes-0-value').blur();
  for (const more of await page.locator('details.more').all()) await more.evaluate((d) => { d.open = true; });
  await page.fill('#f-boxes-0-target', '20');
  await page.locator('#f-boxes-0-target').blur();
  const shown = await settled(page);
  const text = shown.text.replace(/\u00a0/g, ' ');
  assert.equal(shown.state, 'ready', text);
  assert.ok(text.includes('khoảng 13–14% (ước tính)'), text);
  assert.ok(text.includes('6–7 điểm phần trăm'), text);
  await page.click('#json-copy');
  const json = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  const b = json.boxes[0];
  assert.deepEqual([b.value, b.qualifier, b.status, b.unit], [[13, 14], 'khoảng', 'estimate', '%']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a rank below its target is not "met", and a rank rise reads as a rise', async () => {
  const { context, page } = await studio();
  await paste(page, 'Xếp hạng\tMục tiêu\n86\t50');
  assert.equal(await kindChecked(page), 'progress');
  assert.equal(await page.isChecked('#f-boxes-0-ranks'), true, 'the title says ranks: lower is better');
  await page.fill('#f-boxes-0-title', 'Mục tiêu thứ hạng');
  let shown = await settled(page);
  assert.equal(shown.state, 'ready');
  assert.ok(!/đã đạt|vượt mục tiêu/i.test(shown.text), shown.text);
  // A rank the table does not call one: the studio says what it assumed and how to say
  // otherwise; once "ranks" is ticked the note goes and the box does not call it met.
  await page.uncheck('#f-boxes-0-ranks');
  await paste(page, 'Việt Nam\tMục tiêu\n86\t50');
  assert.equal(await kindChecked(page), 'progress');
  assert.match(await page.textContent('#data-problems'), /Hộp coi số cao hơn là tốt hơn/);
  await page.check('#f-boxes-0-ranks');
  await page.waitForFunction(() => !/Hộp coi số cao hơn/.test(document.querySelector('#data-problems').textContent));
  shown = await settled(page);
  assert.equal(shown.state, 'ready');
  assert.ok(!/đã đạt|vượt mục tiêu/i.test(shown.text), shown.text);
  await paste(page, 'Quốc gia\t2018\t2020\nViệt Nam\t88\t86');
  assert.equal(await kindChecked(page), 'rank-change');
  shown = await settled(page);
  assert.ok(/tăng 2 bậc|lên 2 bậc|\+2/.test(shown.text), shown.text);
  await context.close();
});

test('a click on a bar, a part or a line in the preview highlights it', async () => {
  const { context, page } = await studio();
  for (const text of ['Quốc gia\tĐiểm\nSingapore\t0,9150\nViệt Nam\t0,6667', 'Kết quả\tSố ca\nKhỏi bệnh\t2.200\nTử vong\t35',
    'Năm\tViệt Nam\tThái Lan\n2019\t7,02\t2,2\n2020\t2,91\t-6,1']) {
    await paste(page, text);
    await page.fill('#f-boxes-0-title', 'T');
    await settled(page);
    const highlighted = () => page.evaluate(() => (JSON.stringify(JSON.parse(localStorage.getItem('factbox-studio-v1')).doc.boxes[0]).match(/"highlight":true/g) || []).length);
    const canvas = await page.locator('#view-article svg.fb-svg:visible').first().boundingBox();
    // Down the chart's middle until a click lands on a mark.
    for (let y = canvas.y + 4; y < canvas.y + canvas.height && !(await highlighted()); y += 8) {
      await page.mouse.click(canvas.x + canvas.width * 0.3, y);
      await page.waitForTimeout(60);
    }
    assert.equal(await highlighted(), 1, text);
    await page.waitForFunction(() => /Đã làm nổi bật/.test(document.querySelector('#status').textContent));
  }
  await context.close();
});

test('the ambiguous 1.234: read the Vietnamese way with a note, the English way when chosen', async () => {
  const { context, page } = await studio();
  await paste(page, 'Tỉnh\tHồ sơ\nA\t1.234\nB\t2.500');
  await page.fill('#f-boxes-0-title', 'Hồ sơ');
  const note = await page.$eval('#data-problems', (e) => e.textContent);
  assert.match(note, /1\.234.*một nghìn hai trăm ba mươi tư/);
  let value = await page.evaluate(() => JSON.parse(localStorage.getItem('factbox-studio-v1')).doc.boxes[0].bars[0].value.$n);
  assert.equal(value, '1234');
  await page.selectOption('#style', 'en');
  value = await page.evaluate(() => JSON.parse(localStorage.getItem('factbox-studio-v1')).doc.boxes[0].bars[0].value.$n);
  assert.equal(value, '1.234');
  const shown = await settled(page);
  assert.ok(shown.text.includes('1,234'), shown.text);  // 1.234 in a Vietnamese box
  await context.close();
});

test('a broken paste and a broken field show their messages where they are', async () => {
  const { context, page } = await studio();
  await paste(page, 'Tỉnh\tĐiểm\nHà Nội\t87,5\nHuế\tn/a\nĐà Nẵng\t16.4');
  // Row 3 column B holds words among numbers; row 4 column B a number in the other style.
  assert.equal(await page.getAttribute('#cell-2-1', 'aria-invalid'), 'true');
  assert.equal(await page.getAttribute('#cell-3-1', 'aria-invalid'), 'true');
  assert.equal(await page.getAttribute('#cell-1-1', 'aria-invalid'), null);
  const describedBy = await page.getAttribute('#cell-3-1', 'aria-describedby');
  const said = await page.$eval(`#${describedBy}`, (e) => e.textContent);
  assert.match(said, /Hàng 4, cột B: .*16,4 thay cho 16\.4/);
  // The title left empty: the widget's message stands under the title field.
  const shown = await settled(page);
  assert.equal(shown.state, 'error');
  await page.waitForSelector('#f-boxes-0-title[aria-invalid="true"]');
  const under = await page.$eval('[data-path="boxes[0].title"] .field-problem[data-widget]', (e) => e.textContent);
  assert.match(under, /trống|empty/);
  // A rank of 0 is reported at the cell it was pasted in (the table is where values are
  // edited; the bar's group in the form shows the value with the way to its cell).
  await paste(page, 'Quốc gia\tHạng\nViệt Nam\t86\nLào\t0');
  await page.fill('#f-boxes-0-title', 'Hạng');
  await settled(page);
  await page.waitForSelector('#cell-2-1[aria-invalid="true"]');
  const message = await page.$eval('#cell-2-1', (c) => document.getElementById(c.getAttribute('aria-describedby')).textContent);
  assert.match(message, /bars\[1\]\.value|hạng|rank/i);
  assert.equal(await page.getAttribute('#cell-1-1', 'aria-invalid'), null);
  await page.locator('#problems .problem button').first().click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'cell-2-1');
  assert.match(await page.textContent('[data-path="boxes[0].bars[1].value"]'), /Sửa trong bảng: Hàng 3, cột B/);
  await context.close();
});

test('keyboard only: from paste to snippet', async () => {
  const { context, page } = await studio();
  const tabTo = async (id) => {
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((id) => document.activeElement?.id === id, id)) return;
    }
    assert.fail(`Tab never reached #${id}`);
  };
  await copy(page, 'Quốc gia\tHạng\nSingapore\t11\nViệt Nam\t86');
  await tabTo('paste');
  await page.keyboard.press('Control+V');
  await page.waitForSelector('#cell-2-1');
  // Typed rather than pasted, the table is read with the button after the box.
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('Quốc gia\tHạng\nSingapore\t11\nViệt Nam\t86\nLào\t107');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'read');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#cell-3-1');
  await tabTo('f-boxes-0-title');
  await page.keyboard.type('Việt Nam hạng 86');
  await tabTo('snippet-make');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#snippet').value.includes('data-factbox'));
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'snippet-copy');
  const status = await page.$eval('#status', (e) => e.textContent);
  assert.match(status, /Mã nhúng đã sẵn sàng/);
  await context.close();
});

test('the snippet, pasted into a fresh page with factbox.js, shows what the preview shows', async () => {
  const { context, page } = await studio();
  // Nothing the journalist pastes leaves the page: every request is to the studio's host.
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await paste(page, 'Quốc gia\tĐiểm\nSingapore\t0,9150\nViệt Nam\t0,6667\nThái Lan\t0,7565');
  await page.fill('#f-boxes-0-title', 'Điểm Chính phủ điện tử');
  await page.fill('#f-boxes-0-source', 'Liên Hợp Quốc');
  await settled(page);
  await page.click('#snippet-make');
  await page.waitForFunction(() => document.querySelector('#snippet').value.length > 0);
  const snippet = await page.$eval('#snippet', (e) => e.value);
  assert.match(snippet, /<script src="http:\/\/127\.0\.0\.1:\d+\/factbox\.js"/);
  assert.deepEqual(requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('blob:') && !u.startsWith('data:')), []);
  // With the data in a file the newsroom uploads, the snippet points at it.
  await page.check('input[name=where][value=file]');
  await page.fill('#src', 'https://news.example/data/bai-viet.json');
  await page.fill('#script', 'https://news.example/js/factbox.js');
  await page.click('#snippet-make');
  await page.waitForFunction(() => document.querySelector('#snippet').value.includes('news.example'));
  const linked = await page.$eval('#snippet', (e) => e.value);
  assert.match(linked, /data-factbox="https:\/\/news\.example\/data\/bai-viet\.json#hop-1"/);
  assert.ok(!linked.includes('application/json'), 'no inline data');
  assert.match(linked, /<script src="https:\/\/news\.example\/js\/factbox\.js"/);
  await page.mouse.move(0, 0);
  const preview = await page.locator('#view-article').screenshot();
  // The text a reader sees (a snippet carries its stylesheet in a <style>; a live box's
  // is adopted).
  const seen = (v) => [...v.shadowRoot.children].filter((c) => c.localName !== 'style').map((c) => c.textContent).join('').replace(/\s+/g, ' ');
  const previewText = await page.$eval('#view-article', seen);
  made.set('fresh.html', `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bài</title></head>
<body style="margin:0;padding:20px;background:#fff"><div style="width:640px">${snippet}</div></body></html>`);
  const fresh = await context.newPage();
  await fresh.setViewportSize({ width: 1280, height: 900 });
  await fresh.goto(`${server.url}/made/fresh.html`);
  await fresh.waitForFunction(() => document.querySelector('[data-factbox]')?.getAttribute('data-factbox-state') === 'ready');
  await fresh.waitForTimeout(300);
  const text = await fresh.$eval('[data-factbox]', seen);
  assert.equal(text, previewText);
  // The snippet's chart is its drawing for the nearest width, taken over at that drawing's
  // layout, scale and Arial-metric font (nothing moves on the reader's screen), so at
  // first its height may be a pixel apart and its labels in that font. Once the box is
  // laid out again (any resize), it is the preview's, pixel for pixel.
  const size = (png) => [png.readUInt32BE(16), png.readUInt32BE(20)];
  const first = await fresh.locator('[data-factbox]').screenshot();
  assert.equal(size(first)[0], size(preview)[0]);
  assert.ok(Math.abs(size(first)[1] - size(preview)[1]) <= 2, `heights ${size(first)} and ${size(preview)}`);
  for (const width of ['641px', '640px']) {
    await fresh.$eval('[data-factbox]', (v, width) => { v.parentElement.style.width = width; }, width);
    await fresh.waitForTimeout(300);
  }
  const shot = await fresh.locator('[data-factbox]').screenshot();
  fs.writeFileSync(path.join(shots, 'studio-snippet-fresh.png'), first);
  fs.writeFileSync(path.join(shots, 'studio-snippet-fresh-relaid.png'), shot);
  fs.writeFileSync(path.join(shots, 'studio-snippet-preview.png'), preview);
  // (Element screenshots round a fractional position: a pixel row apart at most.)
  assert.ok(Math.abs(size(shot)[1] - size(preview)[1]) <= 1, `heights ${size(shot)} and ${size(preview)}`);
  const shares = [];
  for (const shift of [-1, 0, 1]) shares.push((await differing(fresh, preview, shot, true, shift)).share);
  const share = Math.min(...shares);
  assert.ok(share < 0.005, `${(share * 100).toFixed(2)}% of pixels differ`);
  await context.close();
});

test('JSON, SVG and PNG downloads; an existing file opens with every box editable', async () => {
  const { context, page } = await studio();
  await page.setInputFiles('#file', path.join(root, 'www', 'data', 'egov-vn.json'));
  await page.waitForFunction(() => document.querySelectorAll('#box-list li').length === 13);
  await page.getByRole('button', { name: /Nhiều nước láng giềng tăng hạng/ }).click();
  assert.equal(await kindChecked(page), 'rank-change');
  const row = await page.$$eval('#grid tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('input')].map((i) => i.value)));
  assert.deepEqual(row[2], ['Việt Nam', '88', '86']);
  const shown = await settled(page);
  assert.equal(shown.state, 'ready');
  // The JSON downloaded is the file opened: every number as written.
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#json-download')]);
  const text = fs.readFileSync(await json.path(), 'utf8');
  const original = fs.readFileSync(path.join(root, 'www', 'data', 'egov-vn.json'), 'utf8');
  assert.deepEqual(JSON.parse(text), JSON.parse(original));
  for (const n of original.match(/: -?\d+\.\d*0\b/g) || []) assert.ok(text.includes(n), `${n} kept as written`);
  // Edit a rank in the table: the box follows.
  await page.fill('#cell-2-2', '80');
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('factbox-studio-v1') || '{}').doc?.boxes?.[6]?.items?.[1]?.to?.$n === '80', null, { timeout: 3000 }).catch(() => {});
  const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#svg-download')]);
  assert.equal(svg.suggestedFilename(), 'thay-doi-xep-hang.svg');
  assert.match(fs.readFileSync(await svg.path(), 'utf8'), /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('#png-download')]);
  const bytes = fs.readFileSync(await png.path());
  assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47]);
  assert.ok(bytes.readUInt32BE(16) >= 1200, 'a 2× image');
  await context.close();
});

test('opening a file never changes it, even a box whose table reads otherwise', async () => {
  const { context, page } = await studio();
  // "Tổng" alone would be read as the total of a share's table; this part is not.
  const doc = { version: 1, boxes: [{ id: 'co-cau', kind: 'share', title: 'Hồ sơ theo cơ quan',
    parts: [{ label: 'Tổng', value: 26.70 }, { label: 'Khác', value: 3 }], unit: '%' }] };
  const text = JSON.stringify(doc, null, 2).replace('26.7', '26.70');
  await page.setInputFiles('#file', { name: 'co-cau.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForFunction(() => document.querySelectorAll('#grid tbody tr').length > 0);
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#json-download')]);
  const written = fs.readFileSync(await json.path(), 'utf8');
  assert.deepEqual(JSON.parse(written), doc);
  assert.match(written, /"value": 26\.70/);
  await context.close();
});

test('a long table: the grid shows its first rows, the box all of them', async () => {
  const { context, page } = await studio();
  const rows = Array.from({ length: 3000 }, (_, i) => {
    const d = new Date(Date.UTC(2015, 0, 1) + i * 86400000);
    return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}\t${(1000 + (i % 97) * 3.5).toFixed(1).replace('.', ',')}`;
  });
  await paste(page, 'Ngày\tHồ sơ\n' + rows.join('\n'));
  assert.equal(await page.locator('#grid tbody tr').count(), 300);
  assert.match(await page.textContent('#grid-more'), /Đang hiện 300 trên 3\.001 hàng/);
  await page.getByRole('button', { name: 'Hiện thêm 300 hàng' }).click();
  assert.equal(await page.locator('#grid tbody tr').count(), 600);
  await page.fill('#f-boxes-0-title', 'Hồ sơ mỗi ngày');
  assert.equal((await settled(page)).state, 'ready');
  await page.keyboard.press('Tab');
  const points = await page.evaluate(() => JSON.parse(localStorage.getItem('factbox-studio-v1')).doc.boxes[0].series[0].points.length);
  assert.equal(points, 3000);
  await context.close();
});

test('a CSV file with semicolons and decimal commas', async () => {
  const { context, page } = await studio();
  await page.setInputFiles('#file', { name: 'bang.csv', mimeType: 'text/csv', buffer: Buffer.from('\ufeffTỉnh;Tỉ lệ (%)\nHà Nội;26,7\nHuế;31,2\n"Đà Nẵng; TP";29,05\n') });
  await page.waitForSelector('#cell-3-0');
  assert.equal(await page.inputValue('#cell-3-0'), 'Đà Nẵng; TP');
  assert.equal(await kindChecked(page), 'bar');
  await page.fill('#f-boxes-0-title', 'Tỉ lệ');
  const shown = await settled(page);
  assert.ok(shown.text.includes('29,05'), shown.text);
  await context.close();
});

test('an article of boxes: add, duplicate, reorder, delete; undo; a reload keeps the work', async () => {
  const { context, page } = await studio();
  await paste(page, 'Quốc gia\tHạng\nSingapore\t11\nViệt Nam\t86');
  await page.fill('#f-boxes-0-title', 'Một');
  await page.keyboard.press('Tab');
  await page.fill('#f-boxes-0-title', 'Hai');
  await page.keyboard.press('Tab');
  await page.click('#undo');
  assert.equal(await page.inputValue('#f-boxes-0-title'), 'Một');
  await page.click('#redo');
  assert.equal(await page.inputValue('#f-boxes-0-title'), 'Hai');
  await page.click('#box-dup');
  await page.click('#box-add');
  const ids = () => page.$$eval('#box-list .kind-name', (s) => s.map((x) => x.textContent.split(' · ')[1]));
  assert.deepEqual(await ids(), ['hop-1', 'hop-1-2', 'hop-3']);
  await page.click('#box-up');
  assert.deepEqual(await ids(), ['hop-1', 'hop-3', 'hop-1-2']);
  await page.click('#box-del');
  assert.deepEqual(await ids(), ['hop-1', 'hop-1-2']);
  // Highlight from the chart: a mark made active by the keyboard, then Enter.
  await page.locator('#box-list button').first().click();
  await settled(page);
  const canvas = page.locator('#view-article').locator('svg.fb-svg:visible').first();
  await canvas.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#grid button[aria-pressed="true"]');
  await page.waitForTimeout(800);
  await page.reload();
  await page.waitForSelector('#studio:not([hidden])');
  assert.deepEqual(await ids(), ['hop-1', 'hop-1-2']);
  assert.equal(await page.inputValue('#f-boxes-0-title'), 'Hai');
  assert.equal(await page.inputValue('#cell-2-1'), '86');
  assert.equal(await page.locator('#grid button[aria-pressed="true"]').count(), 1);
  assert.equal((await settled(page)).state, 'ready');
  await context.close();
});

test('two boxes with one id: the message is shown, and the page keeps working', async () => {
  const { context, page } = await studio();
  await paste(page, 'Quốc gia\tHạng\nSingapore\t11\nViệt Nam\t86');
  await page.fill('#f-boxes-0-title', 'Hạng');
  await page.click('#box-dup');
  await page.fill('#f-boxes-1-id', 'hop-1');
  await settled(page);
  const listed = await page.$eval('#problems', (e) => e.textContent);
  assert.match(listed, /hop-1/);
  // A message about a field of another box (no field of it on screen) found no place and
  // once froze the page; the page answers, and the id field of this box is marked.
  await page.click('#box-list li:first-child button');
  assert.equal(await page.inputValue('#f-boxes-0-title'), 'Hạng');
  await context.close();
});

test('a broken or older save: the studio starts anyway, keeping what it can', async () => {
  for (const [saved, boxes] of [
    ['{"doc": {', 1],
    [JSON.stringify({ lang: 'vi', current: 7, doc: { version: { $n: '1' }, boxes: [
      { id: 'a', kind: 'bar', title: 'A', bars: [{ label: 'x', value: { $n: '1' } }] },
      { id: 'b', kind: 'bar', title: 'B', bars: [{ label: 'y', value: { $n: '2' } }] }] }, grids: [[]] }), 2],
  ]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript((saved) => { if (!sessionStorage.getItem('done')) { localStorage.setItem('factbox-studio-v1', saved); sessionStorage.setItem('done', '1'); } }, saved);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}/studio.html`);
    await page.waitForSelector('#studio:not([hidden])');
    assert.equal(await page.locator('#box-list li').count(), boxes);
    await page.click('#row-add');
    await page.fill('#cell-0-0', 'z');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the studio in English, light and dark, at 1280 and 800 px: axe-clean; screenshots', async () => {
  for (const [scheme, width, lang] of [['light', 1280, 'vi'], ['dark', 1280, 'en'], ['light', 800, 'vi'], ['dark', 800, 'vi']]) {
    const { context, page, errors } = await studio({ colorScheme: scheme, viewport: { width, height: 1000 } });
    if (lang === 'en') await page.click('#lang');
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    await paste(page, 'Quốc gia\t2018\t2020\nThái Lan\t73\t57\nViệt Nam\t88\t86\nIndonesia\t107\t88');
    await page.fill('#f-boxes-0-title', lang === 'en' ? 'Neighbours climb faster' : 'Các nước láng giềng tăng hạng nhanh hơn');
    await settled(page);
    if (scheme === 'dark') {
      await page.click('#theme');
      await page.waitForFunction(() => document.getElementById('view-phone').getAttribute('data-factbox-theme') === 'dark');
      assert.equal(await page.getAttribute('#theme', 'aria-pressed'), 'true');
      await settled(page);
    }
    if (lang === 'en') assert.equal(await page.textContent('#read'), 'Read table');
    await page.addScriptTag({ path: path.join(root, 'node_modules', 'axe-core', 'axe.min.js') });
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
    });
    assert.deepEqual(violations, [], `${scheme} ${width} ${lang}`);
    await page.screenshot({ path: path.join(shots, `studio-${width}-${scheme}-${lang}.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the demo pages link to the studio', async () => {
  for (const [url, name] of [['/', 'Tạo hộp số liệu'], ['/en.html', 'Make a box']]) {
    const { context, page } = await open(browser, `${server.url}${url}`, { viewport: { width: 1280, height: 900 } });
    await page.getByRole('link', { name }).click();
    await page.waitForSelector('#studio:not([hidden])');
    assert.match(page.url(), /\/studio\.html$/);
    await context.close();
  }
});
