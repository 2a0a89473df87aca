// The table benchmark's document and page, shared by `benches/report.mjs` (make bench) and
// `benches/ab.mjs` (two builds side by side), so that both measure the same thing.
import { open } from '../tests/e2e/helpers.mjs';

/** A table box of `n` rows × 6 columns: text, a percentage with bars, a count, ranks
 *  with heat colours, a region, a signed change. */
export function tableDoc(n) {
  const rows = Array.from({ length: n }, (_, i) => ({
    tinh: `Tỉnh số ${i}`, ty_le: ((i * 37) % 100) + (i % 10) / 10, ho_so: (i * 7919) % 100000,
    hang: i + 1, vung: `Vùng ${i % 6}`, doi: (i % 21) - 10,
  }));
  return JSON.stringify({ version: 1, boxes: [{ id: 't', kind: 'table', title: 'Bảng',
    columns: [{ key: 'tinh', label: 'Tỉnh' }, { key: 'ty_le', label: 'Tỉ lệ', unit: '%', bars: true },
      { key: 'ho_so', label: 'Hồ sơ' }, { key: 'hang', label: 'Hạng', ranks: true, heat: true },
      { key: 'vung', label: 'Vùng' }, { key: 'doi', label: 'Thay đổi', signed: true }],
    rows }] });
}

/** A fresh page at `url` (one that loads factbox.js), with the wasm started: a one-row
 *  table drawn and removed, so that what is measured next is a table's draw, not the
 *  engine's download and compilation. */
export async function openTablePage(browser, url) {
  const opened = await open(browser, url, { viewport: { width: 1280, height: 900 } });
  await opened.page.waitForFunction(() => window.factbox && window.factbox.render);
  await opened.page.evaluate(async () => {
    const warm = document.createElement('div');
    document.body.appendChild(warm);
    await factbox.render(warm, '{"version": 1, "boxes": [{"id": "w", "kind": "table", "title": "W", "columns": [{"key": "a", "label": "A"}], "rows": [{"a": "x"}]}]}', { lazy: false });
    warm.remove();
  });
  return opened;
}
