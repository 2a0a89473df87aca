// The footer's downloads and printing, as a reader uses them: "Tải dữ liệu" saves the
// box's data as CSV (right for each kind), "Tải ảnh" saves the whole box as a PNG (title,
// chart and source, at twice the width on screen), and printing draws every chart
// sharper and light on white paper, then restores the screen drawing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, open, settleAll, root } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const box = (id) => `[data-factbox$="#${id}"]`;

async function download(page, sel, text) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(sel).locator(`.fb-action:text-is("${text}")`).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

test('"Tải dữ liệu" saves each kind\'s data as CSV with plain numbers', async () => {
  const { context, page, errors } = await open(browser, `${server.url}/index.html`, { acceptDownloads: true });
  await settleAll(page);
  const bar = await download(page, box('xep-hang-asean'), 'Tải dữ liệu');
  assert.equal(bar.name, 'xep-hang-asean.csv');
  const text = bar.bytes.toString('utf8');
  assert.ok(text.startsWith('\ufeffNhãn,Tiền tố,Hạng,Đơn vị\r\n'), text.slice(0, 60));
  assert.match(text, /\r\nViệt Nam,,86,/);

  const line = (await download(page, box('tai-khoan'), 'Tải dữ liệu')).bytes.toString('utf8');
  const rows = line.trimEnd().split('\r\n');
  assert.match(rows[0], /^\ufeffThời điểm,/);
  // Dates as the JSON writes them, values unscaled: 16,4 triệu is 16400000.
  assert.ok(rows.some((r) => /^2024-0\d(-\d\d)?,/.test(r)), rows.join(' | '));
  assert.ok(!line.includes('triệu'), 'no scale words in the numbers');

  const rank = (await download(page, box('thay-doi-xep-hang'), 'Tải dữ liệu')).bytes.toString('utf8');
  assert.match(rank, /^\ufeffNhãn,Hạng \d{4},Hạng \d{4},Số bậc tăng\r\n/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Tải ảnh" saves the whole box as a PNG at twice its width', async () => {
  const { context, page, errors } = await open(browser, `${server.url}/index.html`, {
    acceptDownloads: true, viewport: { width: 800, height: 900 },
  });
  await settleAll(page);
  for (const id of ['xep-hang-asean', 'tiet-kiem']) {
    const width = await page.locator(box(id)).evaluate((el) => el.shadowRoot.querySelector('figure').clientWidth);
    const png = await download(page, box(id), 'Tải ảnh');
    assert.equal(png.name, `${id}.png`);
    assert.equal(png.bytes.subarray(1, 4).toString('latin1'), 'PNG');
    const w = png.bytes.readUInt32BE(16);
    const h = png.bytes.readUInt32BE(20);
    assert.equal(w, width * 2, 'twice the box width');
    assert.ok(h > 200, `tall enough for title, body and source: ${h}`);
    fs.mkdirSync(path.join(root, 'target', 'screenshots'), { recursive: true });
    fs.writeFileSync(path.join(root, 'target', 'screenshots', `export-${id}.png`), png.bytes);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('printing shows every chart as vector drawings in the light theme, whatever the screen\'s', async () => {
  const { context, page, errors } = await open(browser, `${server.url}/index.html`, {
    colorScheme: 'dark', viewport: { width: 900, height: 700 },
  });
  await settleAll(page);
  const sel = box('covid-19');
  const state = () => page.locator(sel).evaluate((el) => ({
    svg: el.shadowRoot.querySelectorAll('svg.fb-svg').length,
    // The colour the box's light-dark() background resolves to.
    bg: getComputedStyle(el.shadowRoot.querySelector('figure')).backgroundColor,
    ink: getComputedStyle([...el.shadowRoot.querySelectorAll('svg.fb-svg text')][0]).fill,
  }));
  const screen = await state();
  assert.equal(screen.bg, 'rgb(28, 31, 36)');
  await page.emulateMedia({ media: 'print' });
  const printing = await state();
  assert.equal(printing.svg, 5);
  // On paper the box has no background (print CSS) and dark ink.
  assert.equal(printing.bg, 'rgba(0, 0, 0, 0)');
  assert.equal(printing.ink, 'rgb(31, 35, 40)', 'dark text on paper');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10000);
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(await state(), screen);
  assert.deepEqual(errors, []);
  await context.close();
});

test('figures are read as one number, with the change in words', async () => {
  const { context, page } = await open(browser, `${server.url}/index.html`);
  await settleAll(page);
  const heard = await page.locator(box('tiet-kiem')).evaluate((el) =>
    [...el.shadowRoot.querySelectorAll('.fb-sr')].map((s) => s.textContent.replace(/\u00a0/g, ' ')));
  assert.ok(heard.includes('hơn 9300 tỉ đồng mỗi năm'), heard.join(' | '));
  const hidden = await page.locator(box('tiet-kiem')).evaluate((el) =>
    el.shadowRoot.querySelector('.fb-number').closest('[aria-hidden]') !== null);
  assert.ok(hidden, 'the styled number is hidden from screen readers, which hear .fb-sr');
  await context.close();
});
