/* factbox studio: from a spreadsheet to a published box without writing JSON.

   The page is plain HTML; this module keeps the studio's state (the factbox document, and
   for each box the table it was made from), draws the editor from it, and saves it in
   localStorage. What needs judgement is Rust (studio/factbox_studio.js, the `studio`
   build): reading pasted tables and numbers, suggesting a kind, building the box, the
   form's fields and help, writing the JSON. The previews, snippets and images are the
   readers' widget itself (factbox-studio.js: factbox.js with prerender and check), so what
   the studio shows is what an article shows.

   Numbers in the document are objects {$n: "26.70"}, so that no digit written is lost
   on the way through JavaScript (see src/studio/doc.rs). */

import init, * as engine from './factbox_studio.js';

/* Every word the studio's page says, in both languages (the engine's messages are Rust's). */
const WORDS = {
  vi: {
    skip: 'Đến phần dữ liệu', studio: 'studio', tagline: 'Từ bảng tính đến hộp số liệu, không cần viết JSON.',
    undo: 'Hoàn tác', redo: 'Làm lại', switch: 'English', demo: 'Trang minh hoạ', boxes: 'Các hộp trong bài',
    add: 'Thêm hộp', duplicate: 'Nhân bản', up: 'Lên', down: 'Xuống', delete: 'Xoá', settings: 'Cài đặt chung của tệp',
    data: 'Dữ liệu', 'paste-label': 'Dán bảng từ Excel, Google Sheets hoặc LibreOffice',
    'paste-help': 'Chọn các ô trong bảng tính, sao chép (Ctrl+C), bấm vào ô dưới đây và dán (Ctrl+V). Số viết kiểu Việt (9.300; 26,7; 31%; 16,4 triệu) hay kiểu Anh (9,300; 26.7) đều được.',
    read: 'Đọc bảng', open: 'Mở tệp CSV hoặc JSON', style: 'Kiểu số', 'style-auto': 'Tự nhận biết',
    'style-vi': 'Kiểu Việt: 9.300,5', 'style-en': 'Kiểu Anh: 9,300.5', 'row-add': 'Thêm hàng', 'col-add': 'Thêm cột',
    kind: 'Loại hộp', fields: 'Nội dung', 'fields-help': 'Trường có dấu * là bắt buộc. Mỗi trường có lời giải thích ngay dưới nó.',
    preview: 'Xem trước', dark: 'Nền tối', 'preview-help': 'Bấm vào một thanh hay một phần để làm nổi bật nó.',
    phone: 'Điện thoại, 360 px', article: 'Trong bài, 640 px', out: 'Lấy hộp', 'data-where': 'Số liệu của mã nhúng',
    inline: 'Nằm trong mã nhúng (chỉ cần dán một lần)', file: 'Ở tệp JSON tại địa chỉ:', src: 'Địa chỉ tệp JSON',
    snippet: 'Tạo mã nhúng', 'copy-snippet': 'Sao chép mã nhúng', 'snippet-label': 'Mã nhúng (dán vào ô HTML của bài viết)',
    'json-download': 'Tải tệp JSON', 'json-copy': 'Sao chép JSON', svg: 'Tải ảnh SVG', png: 'Tải ảnh PNG',
    untitled: '(chưa có tiêu đề)', row: 'Hàng', cell: 'Hàng {r}, cột {c}', header: 'tiêu đề cột',
    'row-delete': 'Xoá hàng {r}', highlight: 'Làm nổi bật hàng {r}', suggested: 'gợi ý', suggestion: 'Gợi ý: {why}',
    'go-field': 'Đến trường', 'go-cell': 'Đến ô', empty: 'Dán một bảng ở bước 1 để bắt đầu.',
    'item-add': 'Thêm', 'item-delete': 'Xoá mục này', more: 'Thêm tuỳ chọn', 'source-text': 'Tên nguồn', 'source-url': 'Liên kết (không bắt buộc)',
    'texts-help': 'Mỗi dòng một nhãn.', default: '(mặc định)', copied: 'Đã sao chép.', saved: 'Đã tải xuống {f}.',
    'snippet-ready': 'Mã nhúng đã sẵn sàng: {n} ký tự.', 'snippet-broken': 'Chưa tạo được mã nhúng: hộp còn lỗi (xem bước 4).',
    opened: 'Đã mở {f}: {n} hộp.', 'read-done': 'Đã đọc bảng: {r} hàng, {c} cột. Loại gợi ý: {k}.', undone: 'Đã hoàn tác.', redone: 'Đã làm lại.',
    'box-added': 'Đã thêm hộp {n}.', 'box-deleted': 'Đã xoá hộp.', 'box-moved': 'Đã chuyển hộp đến vị trí {n}.',
    'highlighted': 'Đã làm nổi bật {l}.', 'unhighlighted': 'Đã bỏ làm nổi bật {l}.', 'style-read': 'Đọc số theo {s}.',
    'style-name-vi': 'kiểu Việt', 'style-name-en': 'kiểu Anh', 'no-box': 'Tệp không có hộp nào.',
    'item': 'Mục {n}', actions: 'Thao tác', caption: 'tiêu đề bảng',
    'rows-shown': 'Đang hiện {n} trên {all} hàng; hộp dùng tất cả.', 'rows-more': 'Hiện thêm {n} hàng',
    script: 'Địa chỉ của factbox.js', 'script-help': 'Nơi toà soạn đặt factbox.js. Mặc định là factbox.js bên cạnh trang studio này.',
    'unit-elsewhere': 'Đơn vị “{u}” là của cả biểu đồ: ghi nó ở trường Đơn vị của hộp.',
    'box-lang-label': 'Ngôn ngữ của hộp này:', 'box-lang-file': 'như cả tệp ({l})', 'lang-vi': 'tiếng Việt', 'lang-en': 'tiếng Anh', 'edit-in-table': 'Sửa trong bảng: {cell}',
    kinds: {
      figures: ['Con số chính', 'Một đến sáu con số lớn'], bar: ['Biểu đồ thanh', 'Một giá trị cho mỗi nhãn'],
      'rank-change': ['Thay đổi thứ hạng', 'Hạng lúc đầu và lúc sau'], line: ['Biểu đồ đường', 'Giá trị theo thời gian'],
      share: ['Cơ cấu', 'Các phần của một tổng'], progress: ['Tiến độ', 'Một giá trị so với mục tiêu'],
      table: ['Bảng', 'Nhiều cột, bạn đọc sắp xếp và tìm được']
    }
  },
  en: {
    skip: 'Skip to the data', studio: 'studio', tagline: 'From a spreadsheet to a fact box, without writing JSON.',
    undo: 'Undo', redo: 'Redo', switch: 'Tiếng Việt', demo: 'Demo page', boxes: 'Boxes in the article',
    add: 'Add box', duplicate: 'Duplicate', up: 'Up', down: 'Down', delete: 'Delete', settings: 'File settings',
    data: 'Data', 'paste-label': 'Paste a table from Excel, Google Sheets or LibreOffice',
    'paste-help': 'Select the cells in your spreadsheet, copy (Ctrl+C), click the box below and paste (Ctrl+V). Vietnamese numbers (9.300; 26,7; 31%; 16,4 triệu) and English ones (9,300; 26.7) both work.',
    read: 'Read table', open: 'Open a CSV or JSON file', style: 'Numbers', 'style-auto': 'Detect',
    'style-vi': 'Vietnamese: 9.300,5', 'style-en': 'English: 9,300.5', 'row-add': 'Add row', 'col-add': 'Add column',
    kind: 'Kind of box', fields: 'Content', 'fields-help': 'Fields marked * are required. Each field is explained right under it.',
    preview: 'Preview', dark: 'Dark', 'preview-help': 'Click a bar or a part to highlight it.',
    phone: 'Phone, 360 px', article: 'In the article, 640 px', out: 'Get the box', 'data-where': 'The snippet’s data',
    inline: 'Inside the snippet (paste once, nothing to upload)', file: 'In a JSON file at:', src: 'JSON file address',
    snippet: 'Make the snippet', 'copy-snippet': 'Copy the snippet', 'snippet-label': 'Embed snippet (paste into the article’s HTML block)',
    'json-download': 'Download JSON', 'json-copy': 'Copy JSON', svg: 'Download SVG', png: 'Download PNG',
    untitled: '(no title yet)', row: 'Row', cell: 'Row {r}, column {c}', header: 'column title',
    'row-delete': 'Delete row {r}', highlight: 'Highlight row {r}', suggested: 'suggested', suggestion: 'Suggested: {why}',
    'go-field': 'Go to field', 'go-cell': 'Go to cell', empty: 'Paste a table in step 1 to begin.',
    'item-add': 'Add', 'item-delete': 'Delete this item', more: 'More options', 'source-text': 'Source name', 'source-url': 'Link (optional)',
    'texts-help': 'One label per line.', default: '(default)', copied: 'Copied.', saved: 'Downloaded {f}.',
    'snippet-ready': 'The snippet is ready: {n} characters.', 'snippet-broken': 'No snippet yet: the box has problems (see step 4).',
    opened: 'Opened {f}: {n} boxes.', 'read-done': 'Table read: {r} rows, {c} columns. Suggested kind: {k}.', undone: 'Undone.', redone: 'Redone.',
    'box-added': 'Box {n} added.', 'box-deleted': 'Box deleted.', 'box-moved': 'Box moved to position {n}.',
    'highlighted': '{l} highlighted.', 'unhighlighted': '{l} no longer highlighted.', 'style-read': 'Numbers read {s}.',
    'style-name-vi': 'the Vietnamese way', 'style-name-en': 'the English way', 'no-box': 'The file has no boxes.',
    'item': 'Item {n}', actions: 'Actions', caption: 'table title',
    'rows-shown': 'Showing {n} of {all} rows; the box uses them all.', 'rows-more': 'Show {n} more rows',
    script: 'Address of factbox.js', 'script-help': 'Where the newsroom keeps factbox.js. By default, the factbox.js next to this studio page.',
    'unit-elsewhere': 'The unit “{u}” is the whole chart’s: write it in the box’s Unit field.',
    'box-lang-label': 'This box’s language:', 'box-lang-file': 'the file’s ({l})', 'lang-vi': 'Vietnamese', 'lang-en': 'English', 'edit-in-table': 'Edit in the table: {cell}',
    kinds: {
      figures: ['Key figures', 'One to six large numbers'], bar: ['Bar chart', 'A value for each label'],
      'rank-change': ['Rank change', 'An earlier and a later rank'], line: ['Line chart', 'Values over time'],
      share: ['Share', 'Parts of a whole'], progress: ['Progress', 'A value against a target'],
      table: ['Table', 'Several columns readers can sort and search']
    }
  }
};
const KINDS = ['figures', 'bar', 'rank-change', 'line', 'share', 'progress', 'table'];
/* The lists a box's table fills; the form edits their items' other fields. */
const DATA_LISTS = ['figures', 'bars', 'items', 'series', 'parts', 'columns', 'rows'];
/* Fields every kind shares, shown first; the rest under "more options" unless required. */
const MAIN = ['title', 'subtitle', 'source', 'unit', 'label', 'target_label', 'from_date', 'to_date', 'as_of', 'target_date', 'ranks', 'better'];
/* The order a journalist fills a box in: words first, then the data, then the footer. */
const ORDER = ['title', 'subtitle', 'label', 'value', 'qualifier', 'target', 'target_label', 'target_date',
  'from_date', 'to_date', ...DATA_LISTS, 'unit', 'ranks', 'out_of', 'better', 'source', 'byline', 'as_of',
  'note', 'alt', 'id'];
const byOrder = (a, b) => {
  const rank = (f) => { const k = ORDER.indexOf(f.name); return k < 0 ? ORDER.length : k; };
  return rank(a) - rank(b);
};
const STORE = 'factbox-studio-v1';
/* How many rows of a table the grid shows at first, and how many more at each ask. */
const GRID_ROWS = 300;
let gridShown = GRID_ROWS;

const $ = (sel) => document.querySelector(sel);
const el = (tag, attrs, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const k of kids) if (k != null) e.append(k);
  return e;
};
const fillIn = (text, vars) => text.replace(/\{(\w+)\}/g, (_, k) => vars[k]);
const N = (text) => ({ $n: String(text) });
const isNum = (v) => v && typeof v === 'object' && typeof v.$n === 'string';

let state, form, past = [], future = [], saved = '', pending = 0;
const forms = {};       // the form's description, per language (it never changes)
let info = [];          // per box, not saved: the last fill's flags, suggestion and style
let problems = [];      // the widget's problems with the current box
const views = { phone: null, article: null };

function w(key, vars) {
  const t = WORDS[state.lang][key] ?? WORDS.vi[key] ?? key;
  return vars ? fillIn(t, vars) : t;
}
function say(text) {
  const s = $('#status');
  s.textContent = '';
  requestAnimationFrame(() => { s.textContent = text; });
}

/* ---- State, persistence and undo ---- */

function newBox(n) {
  return { id: (state && state.lang === 'en' ? 'box-' : 'hop-') + n, kind: 'figures', title: '' };
}
function fresh() {
  return {
    lang: 'vi', style: 'auto', current: 0, where: 'inline', src: 'factbox.json', dark: false,
    doc: { version: N(1), boxes: [newBox(1)] }, grids: [[]], kinds: [null]
  };
}
function restore() {
  try {
    const s = JSON.parse(localStorage.getItem(STORE));
    if (s && s.doc && Array.isArray(s.doc.boxes) && s.doc.boxes.length && Array.isArray(s.grids)) {
      // Every box with its table and chosen kind (a save from an older studio may lack some).
      s.grids = s.doc.boxes.map((_, i) => (Array.isArray(s.grids[i]) ? s.grids[i] : []));
      s.kinds = s.doc.boxes.map((_, i) => (Array.isArray(s.kinds) ? s.kinds[i] ?? null : null));
      s.current = Math.min(Math.max(0, s.current | 0), s.doc.boxes.length - 1);
      // And every setting, the defaults standing in for what is missing or unknown.
      const base = fresh();
      if (!['vi', 'en'].includes(s.lang)) s.lang = base.lang;
      if (!['auto', 'vi', 'en'].includes(s.style)) s.style = base.style;
      if (!['inline', 'file'].includes(s.where)) s.where = base.where;
      if (typeof s.src !== 'string') s.src = base.src;
      return { ...base, ...s };
    }
  } catch (e) { /* a broken save: start afresh */ }
  return null;
}
function snapshot() { return JSON.stringify(state); }
function save() {
  try { localStorage.setItem(STORE, saved); } catch (e) { /* private mode or full: the work stays on the page */ }
}
/* Records the current state as one step to undo. Typing records once it pauses. */
function commit() {
  clearTimeout(pending);
  pending = 0;
  const now = snapshot();
  if (now === saved) return;
  past.push(saved);
  if (past.length > 200) past.shift();
  future = [];
  saved = now;
  save();
  undoButtons();
}
function commitSoon() {
  clearTimeout(pending);
  pending = setTimeout(commit, 700);
}
function undoButtons() {
  $('#undo').disabled = past.length === 0;
  $('#redo').disabled = future.length === 0;
}
function travel(from, to, word) {
  if (pending) commit();
  if (!from.length) return;
  to.push(saved);
  saved = from.pop();
  state = JSON.parse(saved);
  save();
  info = [];
  refillAll();
  renderAll();
  undoButtons();
  say(w(word));
}
const undo = () => travel(past, future, 'undone');
const redo = () => travel(future, past, 'redone');

/* ---- The engine ---- */

function box() { return state.doc.boxes[state.current]; }
function style() { return state.style !== 'auto' ? state.style : (info[state.current]?.style || state.lang); }

/* Remakes box `i` from its table (the kind chosen, else the suggested one). */
function refill(i) {
  const grid = state.grids[i];
  if (!grid || !grid.length) { info[i] = null; return; }
  const r = engine.fill(state.doc.boxes[i], grid, { style: state.style, lang: state.lang, kind: state.kinds[i], billion: state.doc.billion_word || null });
  state.doc.boxes[i] = r.box;
  // "36 tỷ" stays "tỷ": the file's spelling of the scale word is the one typed.
  if (r.billionWord && !state.doc.billion_word) state.doc.billion_word = r.billionWord;
  info[i] = r;
}
function refillAll() { state.doc.boxes.forEach((_, i) => refill(i)); }
/* While the journalist types in the table: the box follows once the typing pauses. */
let refillTimer = 0;
function refillSoon() {
  clearTimeout(refillTimer);
  refillTimer = setTimeout(() => {
    refill(state.current);
    renderKinds();
    renderForm();
    renderFlags();
    preview();
  }, 150);
}

function docText() { return engine.write(state.doc); }

/* ---- Drawing the page ---- */

function renderWords() {
  document.documentElement.lang = state.lang;
  for (const e of document.querySelectorAll('[data-w]')) e.textContent = w(e.dataset.w);
  $('#lang').lang = state.lang === 'vi' ? 'en' : 'vi';
  $('#style').value = state.style;
  $('#src').value = state.src;
  $('#script').value = state.script || defaultScript();
  for (const r of document.querySelectorAll('input[name=where]')) r.checked = r.value === state.where;
  $('#theme').setAttribute('aria-pressed', String(state.dark));
  $('#preview').classList.toggle('dark', state.dark);
}

function renderAll() {
  form = forms[state.lang] ??= engine.form(state.lang);
  renderWords();
  renderBoxList();
  renderDocFields();
  renderGrid();
  renderKinds();
  renderForm();
  preview();
}

function renderBoxList() {
  const list = $('#box-list');
  list.replaceChildren(...state.doc.boxes.map((b, i) => el('li', {},
    el('button', {
      type: 'button', 'aria-current': i === state.current ? 'true' : null,
      onclick: () => { commit(); state.current = i; gridShown = GRID_ROWS; commit(); renderAll(); }
    }, (b.title || w('untitled')), el('span', { class: 'kind-name', text: (WORDS[state.lang].kinds[b.kind] || [b.kind])[0] + ' · ' + b.id })))));
  $('#box-up').disabled = state.current === 0;
  $('#box-down').disabled = state.current === state.doc.boxes.length - 1;
  $('#box-del').disabled = state.doc.boxes.length === 1;
}

/* The table of the current box: every cell an input; the first row is the header when
   the engine found one. */
function renderGrid() {
  const grid = state.grids[state.current] || [];
  const r = info[state.current];
  const width = Math.max(2, ...grid.map((row) => row.length));
  const table = $('#grid');
  const letters = (c) => String.fromCharCode(65 + (c % 26)) + (c >= 26 ? Math.floor(c / 26) : '');
  const head = el('tr', {}, el('th', { class: 'num' }, el('span', { class: 'visually-hidden', text: w('row') })),
    ...Array.from({ length: width }, (_, c) => el('th', { scope: 'col', text: letters(c) })),
    el('th', {}, el('span', { class: 'visually-hidden', text: w('actions') })));
  const canHighlight = ['bar', 'rank-change', 'share'].includes(box().kind);
  // A long table shows its first rows (thousands of inputs would freeze the page); the box
  // uses every row.
  const shown = Math.min(grid.length, gridShown);
  const rows = grid.slice(0, shown).map((row, ri) => {
    const isHead = r && r.headerRow === ri;
    const isCaption = r && r.caption && ri === 0;
    const cells = Array.from({ length: width }, (_, c) => {
      const id = 'cell-' + ri + '-' + c;
      // (Marked invalid by markProblems, through renderFlags below.)
      const input = el('input', {
        type: 'text', id, value: row[c] ?? '', spellcheck: 'false',
        'aria-label': w('cell', { r: ri + 1, c: letters(c) }) + (isHead ? ' (' + w('header') + ')' : isCaption ? ' (' + w('caption') + ')' : ''),
        'data-row': ri, 'data-col': c
      });
      input.addEventListener('input', () => {
        const g = state.grids[state.current];
        while (g[ri].length <= c) g[ri].push('');
        g[ri][c] = input.value;
        refillSoon();
        commitSoon();
      });
      input.addEventListener('change', () => {
        clearTimeout(refillTimer);
        refill(state.current);
        renderGrid();
        renderKinds();
        renderForm();
        preview();
        commit();
        focusCell(ri, c);
      });
      input.addEventListener('keydown', (e) => {
        const moves = { ArrowUp: -1, ArrowDown: 1, Enter: 1 };
        if (moves[e.key] && !e.altKey && !e.shiftKey) {
          e.preventDefault();
          focusCell(ri + moves[e.key], c);
        }
      });
      return el('td', {}, input);
    });
    const label = row.find((t) => t && t.trim()) || '';
    const item = canHighlight && !isHead ? itemByLabel(label) : null;
    const acts = el('td', { class: 'acts' },
      item ? el('button', {
        type: 'button', 'aria-pressed': String(!!item.highlight), title: w('highlight', { r: ri + 1 }),
        'aria-label': w('highlight', { r: ri + 1 }), onclick: () => toggleHighlight(label)
      }, '★') : null,
      el('button', {
        type: 'button', title: w('row-delete', { r: ri + 1 }), 'aria-label': w('row-delete', { r: ri + 1 }),
        onclick: () => { state.grids[state.current].splice(ri, 1); refill(state.current); commit(); renderAll(); }
      }, '×'));
    return el('tr', { class: isHead ? 'head' : isCaption ? 'caption' : null }, el('th', { class: 'num', scope: 'row', text: String(ri + 1) }), ...cells, acts);
  });
  table.replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
  const more = $('#grid-more');
  more.hidden = shown === grid.length;
  if (!more.hidden) {
    more.replaceChildren(w('rows-shown', { n: shown, all: engine.written(String(grid.length), style()) }), ' ',
      el('button', { type: 'button', onclick: () => { gridShown += GRID_ROWS; renderGrid(); focusCell(shown, 0); } }, w('rows-more', { n: GRID_ROWS })));
  }
  renderFlags();
}
function focusCell(r, c) {
  const input = document.getElementById('cell-' + r + '-' + c);
  if (input) input.focus();
}

/* The engine's messages about the table, each linked to its cell. */
function renderFlags() {
  const r = info[state.current];
  const list = $('#data-problems');
  // A direction the table left open stops needing a word once the form gives one.
  const b = box();
  const flags = ((r && r.flags) || []).filter((f) => !(f.code === 'direction-assumed' && (b.ranks || b.better)));
  const items = flags.map((f) => {
    const where = f.row != null ? w('cell', { r: f.row + 1, c: String.fromCharCode(65 + f.col) }) + ': ' : '';
    const p = el('p', { class: 'problem' + (f.note ? ' note' : ''), id: f.row != null ? 'flag-' + f.row + '-' + f.col : null }, where + f.message);
    if (f.row != null) p.append(el('button', { type: 'button', onclick: () => focusCell(f.row, f.col) }, w('go-cell')));
    return p;
  });
  if (r && state.style === 'auto' && r.styleFrom === 'marks') {
    items.unshift(el('p', { class: 'problem note' }, w('style-read', { s: w('style-name-' + r.style) })));
  }
  list.replaceChildren(...items);
  markProblems();
}

function renderKinds() {
  const r = info[state.current];
  const current = box().kind;
  $('#suggestion').textContent = r ? w('suggestion', { why: r.suggested.why }) : '';
  const group = $('#kinds');
  const had = group.contains(document.activeElement) ? document.activeElement.value : null;
  group.replaceChildren(...KINDS.map((k) => {
    const [name, what] = WORDS[state.lang].kinds[k];
    const input = el('input', { type: 'radio', name: 'kind', value: k, checked: k === current });
    input.addEventListener('change', () => {
      state.kinds[state.current] = k;
      if (state.grids[state.current].length) refill(state.current);
      else state.doc.boxes[state.current] = engine.fill(box(), [], { kind: k, lang: state.lang }).box;
      commit();
      renderBoxList();
      renderGrid();
      renderKinds();
      renderForm();
      preview();
      const again = group.querySelector('input[value="' + k + '"]');
      if (again) again.focus();
    });
    return el('label', {}, input, el('span', {}, name,
      r && r.suggested.kind === k ? el('span', { class: 'suggested', text: w('suggested') }) : null,
      el('span', { class: 'what', text: what })));
  }));
  if (had) group.querySelector('input[value="' + had + '"]')?.focus();
}

/* ---- The form, drawn from the engine's description of the schema ---- */

function fieldsOf(def) { return (form.defs[def] || []).slice().sort(byOrder); }

/* The grid cell a value of the current box came from, as [row, col], if it did. */
function placeOf(path) {
  const r = info[state.current];
  const prefix = 'boxes[' + state.current + '].';
  return r && r.places && path.startsWith(prefix) ? r.places[path.slice(prefix.length)] || null : null;
}
const cellName = ([r, c]) => w('cell', { r: r + 1, c: String.fromCharCode(65 + c) });

/* One input for field `f` of `obj`, at JSON path `path`. `done` runs after a change. */
function fieldEl(f, obj, path, done) {
  const id = 'f-' + path.replace(/[^\w]+/g, '-');
  const helpId = id + '-help';
  const cell = placeOf(path);
  if (cell) {
    // A value the table gives is edited in the table (one place for each value): here it
    // is shown, with the way to its cell.
    // As the cell has it ("16,4 triệu"), not as the JSON does (16400000).
    const written = (state.grids[state.current][cell[0]] || [])[cell[1]];
    const v = obj[f.name];
    const shown = written != null ? written.trim() : isNum(v) ? engine.written(v.$n, style()) : Array.isArray(v) ? v.map((x) => (isNum(x) ? engine.written(x.$n, style()) : '')).join('–') : (v ?? '');
    return el('div', { class: 'field from-table', 'data-path': path },
      el('span', { class: 'label', text: f.label }),
      el('span', { class: 'value', text: String(shown) }),
      el('button', { type: 'button', id, onclick: () => focusCell(cell[0], cell[1]) }, w('edit-in-table', { cell: cellName(cell) })));
  }
  const wrap = el('div', { class: 'field' + (f.type === 'flag' ? ' flag' : ''), 'data-path': path });
  const label = f.label + (f.required ? ' *' : '');
  const help = el('p', { class: 'help', id: helpId, text: f.help });
  const set = (v) => {
    if (v === undefined || v === '' || (Array.isArray(v) && !v.length)) delete obj[f.name];
    else obj[f.name] = v;
    done();
  };
  const text = (input) => {
    input.addEventListener('input', () => set(input.value === '' ? undefined : input.value));
    input.addEventListener('change', commit);
    return input;
  };
  const common = { id, 'aria-describedby': helpId, 'aria-required': f.required ? 'true' : null };
  switch (f.type) {
    case 'flag': {
      const box = el('input', { ...common, type: 'checkbox', checked: obj[f.name] === true });
      box.addEventListener('change', () => { set(box.checked ? true : undefined); commit(); });
      wrap.append(el('label', { for: id }, box, label), help);
      return wrap;
    }
    case 'choice': {
      const select = el('select', common, el('option', { value: '', text: w('default') }),
        ...f.choices.map((c) => el('option', { value: c, text: c, selected: obj[f.name] === c })));
      select.addEventListener('change', () => { set(select.value || undefined); commit(); });
      wrap.append(el('label', { for: id, text: label }), select, help);
      return wrap;
    }
    case 'amount': {
      // One number or a range, typed as an article writes it ("khoảng 13–14%",
      // "36 (ước tính)", "+16%"): each part goes to its own field, none is dropped.
      const v = obj[f.name];
      const one = (x) => (isNum(x) ? (/^-?\d+(\.\d+)?$/.test(x.$n) ? engine.written(x.$n, style()) : x.$n) : '');
      const shown = Array.isArray(v) ? v.map(one).join('–') : one(v);
      const input = el('input', { ...common, type: 'text', inputmode: 'decimal', value: shown, spellcheck: 'false' });
      const note = el('p', { class: 'field-problem', hidden: true });
      const has = (name) => fieldsOf(defOf(path)).some((x) => x.name === name);
      input.addEventListener('input', () => {
        const t = input.value.trim();
        note.hidden = true;
        if (!t) return set(undefined);
        const r = engine.number(t, style(), state.lang);
        if (r.n != null) {
          if (r.qualifier && has('qualifier')) obj.qualifier = r.qualifier;
          if (r.status && has('status')) obj.status = r.status;
          if (r.signed && has('signed')) obj.signed = true;
          // A unit typed with the value is the value's when it has one (a figure); else it
          // is the chart's, set once under Đơn vị: said here, not dropped unsaid.
          if (r.unit && has('unit')) obj.unit = r.unit;
          else if (r.unit && box().unit !== r.unit) {
            note.textContent = w('unit-elsewhere', { u: r.unit });
            note.hidden = false;
          }
          set(r.high != null ? [N(r.n), N(r.high)] : N(r.n));
        } else {
          // Kept as typed: the box reports it, and the message shows here.
          note.textContent = r.error || '';
          note.hidden = !r.error;
          set(N(t));
        }
      });
      input.addEventListener('change', () => { commit(); renderForm(); });
      wrap.append(el('label', { for: id, text: label }), input, note, help);
      return wrap;
    }
    case 'number':
    case 'whole': {
      const v = obj[f.name];
      const shown = isNum(v) ? (/^-?\d+(\.\d+)?$/.test(v.$n) ? engine.written(v.$n, style()) : v.$n) : '';
      const input = el('input', { ...common, type: 'text', inputmode: f.type === 'whole' ? 'numeric' : 'decimal', value: shown, spellcheck: 'false' });
      const note = el('p', { class: 'field-problem', hidden: true });
      input.addEventListener('input', () => {
        const t = input.value.trim();
        note.hidden = true;
        if (!t) return set(undefined);
        const r = engine.number(t, style(), state.lang);
        if (r.n != null && (f.type === 'number' || /^\d+$/.test(r.n))) {
          // "hơn 9.300" typed into a value: the word is the value's qualifier.
          if (r.qualifier && f.name === 'value' && fieldsOf(defOf(path)).some((x) => x.name === 'qualifier')) obj.qualifier = r.qualifier;
          set(N(r.n));
        } else {
          // Kept as typed: the box reports it, and the message shows here.
          note.textContent = r.error || '';
          note.hidden = !r.error;
          set(N(t));
        }
      });
      input.addEventListener('change', commit);
      wrap.append(el('label', { for: id, text: label }), input, note, help);
      return wrap;
    }
    case 'source': {
      const v = obj[f.name];
      const t = typeof v === 'string' ? v : (v && v.text) || '';
      const u = (v && typeof v === 'object' && v.url) || '';
      const a = el('input', { ...common, type: 'text', value: t, 'aria-label': f.label + ': ' + w('source-text') });
      const b = el('input', { id: id + '-url', type: 'url', value: u, 'aria-label': f.label + ': ' + w('source-url'), 'aria-describedby': helpId, placeholder: 'https://…', 'data-path': path + '.url' });
      const change = () => set(a.value || b.value ? (b.value ? { text: a.value, url: b.value } : a.value) : undefined);
      a.addEventListener('input', change);
      b.addEventListener('input', change);
      a.addEventListener('change', commit);
      b.addEventListener('change', commit);
      wrap.append(el('span', { class: 'label', text: label }), el('div', { class: 'pair' }, a, b), help);
      return wrap;
    }
    case 'texts': {
      const area = el('textarea', { ...common, rows: 2, spellcheck: 'false' });
      area.value = (obj[f.name] || []).join('\n');
      area.addEventListener('input', () => set(area.value.split('\n').map((s) => s.trim()).filter(Boolean)));
      area.addEventListener('change', commit);
      help.textContent = f.help + ' ' + w('texts-help');
      wrap.append(el('label', { for: id, text: label }), area, help);
      return wrap;
    }
    case 'object': {
      const sub = obj[f.name] && typeof obj[f.name] === 'object' ? obj[f.name] : {};
      const fs = el('fieldset', { 'data-path': path, 'aria-describedby': helpId }, el('legend', { text: label }), help);
      const sync = () => {
        if (Object.keys(sub).length) obj[f.name] = sub; else delete obj[f.name];
        done();
      };
      for (const g of fieldsOf(f.def)) fs.append(fieldEl(g, sub, path + '.' + g.name, sync));
      return fs;
    }
    case 'list':
      return listEl(f, obj, path, done);
    default: {
      const input = text(el('input', { ...common, type: 'text', value: obj[f.name] ?? '', spellcheck: f.type === 'date' || f.name === 'id' ? 'false' : null }));
      if (f.type === 'date') input.placeholder = '2024-08';
      wrap.append(el('label', { for: id, text: label }), input, help);
      return wrap;
    }
  }
}

/* The definition of the object at `path` (for a number's qualifier next to it). */
function defOf(path) {
  const m = path.match(/\.(\w+)\[\d+\]\.value$/);
  const list = m && fieldsOf(form.kinds[box().kind]).find((f) => f.name === m[1]);
  return list ? list.def : form.kinds[box().kind];
}

/* A list of objects: each item a collapsible group of its fields. The table's lists
   (figures, bars…) get their items from the table; other lists (annotations) can be
   added to and deleted from here. */
function listEl(f, obj, path, done) {
  const items = Array.isArray(obj[f.name]) ? obj[f.name] : [];
  const fromTable = DATA_LISTS.includes(f.name);
  const fs = el('fieldset', { 'data-path': path }, el('legend', { text: f.label + (f.required ? ' *' : '') }), el('p', { class: 'help', text: f.help }));
  items.forEach((item, k) => {
    const name = item.label || item.name || item.date || '';
    const details = el('details', { class: 'item', 'data-path': path + '[' + k + ']' }, el('summary', { text: w('item', { n: k + 1 }) + (name ? ': ' + name : '') }));
    for (const g of fieldsOf(f.def)) {
      if (g.name === 'points') continue;  // a series' points are its column of the table
      details.append(fieldEl(g, item, path + '[' + k + '].' + g.name, done));
    }
    if (!fromTable) {
      details.append(el('button', { type: 'button', onclick: () => { items.splice(k, 1); if (!items.length) delete obj[f.name]; commit(); renderForm(); preview(); } }, w('item-delete')));
    }
    fs.append(details);
  });
  if (!fromTable) {
    fs.append(el('button', { type: 'button', onclick: () => { obj[f.name] = items; items.push({}); commit(); renderForm(); preview(); } }, w('item-add') + ': ' + f.label));
  }
  return fs;
}

function renderForm() {
  const b = box();
  const root = $('#box-fields');
  const focused = document.activeElement && root.contains(document.activeElement) ? document.activeElement.id : null;
  const openItems = [...root.querySelectorAll('details[open]')].map((d) => d.dataset.path);
  const fields = fieldsOf(form.kinds[b.kind]);
  const base = 'boxes[' + state.current + ']';
  const after = () => { renderBoxListSoon(); renderFlags(); preview(); commitSoon(); };
  const main = fields.filter((f) => f.required || MAIN.includes(f.name));
  const more = fields.filter((f) => !main.includes(f));
  const moreBox = el('details', { class: 'more', 'data-path': base + '#more' }, el('summary', { text: w('more') }));
  for (const f of more) moreBox.append(fieldEl(f, b, base + '.' + f.name, after));
  root.replaceChildren(...main.map((f) => fieldEl(f, b, base + '.' + f.name, after)), moreBox);
  for (const d of root.querySelectorAll('details')) if (openItems.includes(d.dataset.path)) d.open = true;
  if (focused) document.getElementById(focused)?.focus();
  markProblems();
}
let listTimer = 0;
function renderBoxListSoon() { clearTimeout(listTimer); listTimer = setTimeout(renderBoxList, 300); }

function renderDocFields() {
  const root = $('#doc-fields');
  const after = () => { preview(); commitSoon(); };
  root.replaceChildren(...form.document.filter((f) => !['boxes', 'version', '$schema'].includes(f.name)).map((f) => fieldEl(f, state.doc, f.name, after)));
}

/* ---- Preview, and the widget's messages at their fields ---- */

let previewTimer = 0;
let previewRound = 0, previewScheduled = false;
/* Redraws the previews soon; `aria-busy` on them says a redraw is on its way. */
function preview() {
  clearTimeout(previewTimer);
  $('#frames').setAttribute('aria-busy', 'true');
  previewScheduled = true;
  previewTimer = setTimeout(drawPreview, 120);
}

/* Which language the box is in (the file's, or its own), with the way to change it. */
function renderBoxLang(b) {
  // This box's own language, next to its preview: the file's stays as it is.
  const fileCode = (state.doc.locale || 'vi').slice(0, 2) === 'en' ? 'en' : 'vi';
  const own = b.locale ? (b.locale.slice(0, 2) === 'en' ? 'en' : 'vi') : '';
  const had = document.activeElement && document.activeElement.id === 'box-locale';
  const select = el('select', { id: 'box-locale' },
    el('option', { value: '', text: w('box-lang-file', { l: w('lang-' + fileCode) }), selected: own === '' }),
    el('option', { value: 'vi', text: w('lang-vi'), selected: own === 'vi' }),
    el('option', { value: 'en', text: w('lang-en'), selected: own === 'en' }));
  select.addEventListener('change', () => {
    const bx = box();
    if (select.value === '') delete bx.locale;
    else bx.locale = select.value === 'en' ? 'en' : 'vi-VN';
    commit();
    renderForm();
    preview();
  });
  $('#box-lang').replaceChildren(el('label', { for: 'box-locale', text: w('box-lang-label') }), ' ', select);
  if (had) select.focus();
}

function drawPreview() {
  const round = ++previewRound;
  previewScheduled = false;
  const b = box();
  renderBoxLang(b);
  const text = docText();
  const locale = (b.locale || state.doc.locale || 'vi').slice(0, 2);
  const empty = !state.grids[state.current]?.length && !hasData(b);
  let failed = null;
  const jobs = Object.entries(views).map(([name, view]) => {
    const host = document.getElementById('view-' + name);
    host.lang = locale;
    if (state.dark) host.setAttribute('data-factbox-theme', 'dark'); else host.setAttribute('data-factbox-theme', 'light');
    if (empty) { host.textContent = ''; if (view) view.free(); views[name] = null; return Promise.resolve(); }
    return window.factbox.render(host, text, { id: b.id, lang: state.lang, quiet: true }).then((made) => { views[name] = made; }, (e) => {
      if (e && e.problems) failed = e.problems;
    });
  });
  Promise.all(jobs).then(() => {
    // A preview the journalist has typed past says nothing (its render was superseded,
    // which is no problem of theirs): the newer one says what is wrong, if anything.
    if (round !== previewRound) return;
    if (!previewScheduled) $('#frames').setAttribute('aria-busy', 'false');
    problems = failed || [];
    if (empty) {
      $('#problems').replaceChildren(el('p', { class: 'problem note', text: w('empty') }));
      markProblems();
      return;
    }
    renderProblems();
  });
}
function hasData(b) { return DATA_LISTS.some((k) => Array.isArray(b[k]) && b[k].length) || b.value != null; }

/* The field a problem's path leads to: the table's cell the value came from, else the
   field of the path itself, else its nearest parent shown. */
function fieldFor(path) {
  const root = $('#studio');
  for (let p = path; p;) {
    const cell = placeOf(p);
    const input = cell && document.getElementById('cell-' + cell[0] + '-' + cell[1]);
    if (input) return input;
    const found = root.querySelector('[data-path="' + CSS.escape(p) + '"]');
    if (found) return found;
    // Up one step (`boxes[0].bars[1].value` → `boxes[0].bars[1]`), until none is left.
    const up = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    if (up === p) break;
    p = up;
  }
  return null;
}
function renderProblems() {
  const list = $('#problems');
  list.replaceChildren(...problems.map((p, k) => {
    const target = fieldFor(p.path);
    const item = el('p', { class: 'problem', id: 'problem-' + k }, p.message);
    if (target) item.append(el('button', { type: 'button', onclick: () => reveal(target) }, w('go-field')));
    return item;
  }));
  markProblems();
}
function reveal(target) {
  for (let d = target.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
  const input = target.matches('input, select, textarea') ? target : target.querySelector('input, select, textarea');
  (input || target).scrollIntoView({ block: 'center' });
  if (input) input.focus();
}
/* Each message also stands under its field, and the field is marked invalid. */
function markProblems() {
  const root = $('#studio');
  for (const n of root.querySelectorAll('.field-problem[data-widget]')) n.remove();
  for (const n of root.querySelectorAll('[data-widget-invalid]')) { n.removeAttribute('aria-invalid'); n.removeAttribute('data-widget-invalid'); }
  // The table's cells: marked by the engine's flags first, then by the widget's messages.
  const flags = (info[state.current] && info[state.current].flags) || [];
  for (const input of root.querySelectorAll('#grid input')) {
    const f = flags.find((x) => !x.note && x.row === +input.dataset.row && x.col === +input.dataset.col);
    if (f) { input.setAttribute('aria-invalid', 'true'); input.setAttribute('aria-describedby', 'flag-' + f.row + '-' + f.col); }
    else { input.removeAttribute('aria-invalid'); input.removeAttribute('aria-describedby'); }
  }
  problems.forEach((p, k) => {
    const target = fieldFor(p.path);
    if (target && target.closest('#grid')) {
      // A cell of the table: marked, and described by the message above the preview.
      target.setAttribute('aria-invalid', 'true');
      target.setAttribute('data-widget-invalid', '');
      target.setAttribute('aria-describedby', 'problem-' + k);
      return;
    }
    if (!target || !target.closest('#box-fields, #doc-fields')) return;
    const id = 'widget-problem-' + k;
    const note = el('p', { class: 'field-problem', 'data-widget': '', id, text: p.message });
    const input = target.matches('input, select, textarea') ? target : target.querySelector('input, select, textarea');
    if (target.matches('details')) target.querySelector('summary').after(note); else target.append(note);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('data-widget-invalid', '');
      input.setAttribute('aria-describedby', (input.getAttribute('aria-describedby') || '') + ' ' + id);
    }
  });
}

/* ---- Highlight by a row of the table or a mark of the chart ---- */

function listOf(b) { return b.bars || b.items || b.parts || b.series || null; }
function itemByLabel(label) {
  const list = listOf(box());
  return list ? list.find((x) => (x.label ?? x.name) === label) : null;
}
function toggleHighlight(label) {
  const item = itemByLabel(label);
  if (!item) return false;
  if (item.highlight) delete item.highlight; else item.highlight = true;
  const b = box();
  if (Array.isArray(b.highlight)) {
    b.highlight = b.highlight.filter((l) => l !== label);
    if (!b.highlight.length) delete b.highlight;
  }
  commit();
  renderGrid();
  renderForm();
  preview();
  say(w(item.highlight ? 'highlighted' : 'unhighlighted', { l: label }));
  return true;
}
/* A click on a chart makes a mark active and shows its tooltip: its first line names it. */
function pickFromChart(host) {
  setTimeout(() => {
    const tip = host.shadowRoot && [...host.shadowRoot.querySelectorAll('.fb-tip')].find((t) => !t.hidden);
    if (!tip) return;
    // Its first line is the mark's label, or for a line chart "series — date".
    const first = (tip.querySelector('strong') || tip).textContent.trim();
    for (const name of [first, first.split(' — ')[0]]) if (toggleHighlight(name)) return;
  }, 30);
}

/* ---- Data in ---- */

function readGrid(grid, what) {
  gridShown = GRID_ROWS;
  state.grids[state.current] = grid;
  state.kinds[state.current] = null;
  refill(state.current);
  commit();
  renderAll();
  const r = info[state.current];
  if (r) say(w('read-done', { r: grid.length, c: Math.max(0, ...grid.map((x) => x.length)), k: WORDS[state.lang].kinds[r.kind][0] }) + (what ? ' ' + what : ''));
}
function readPaste() {
  const text = $('#paste').value;
  if (!text.trim()) return;
  readGrid(engine.paste(text, false));
}
function openText(name, text) {
  if (/\.json$/i.test(name) || /^\s*\{/.test(text)) {
    const r = engine.open(text, state.lang);
    if (r.error) {
      problems = [{ path: '', message: name + ': ' + r.error }];
      renderProblems();
      say(r.error);
      return;
    }
    const doc = r.doc;
    const boxes = Array.isArray(doc.boxes) ? doc.boxes : (doc.kind ? [doc] : []);
    if (!boxes.length) { say(w('no-box')); return; }
    if (!doc.boxes) { state.doc = { version: N(1), boxes }; } else state.doc = doc;
    const st = style();
    state.grids = state.doc.boxes.map((b) => engine.tableOf(b, st, state.lang));
    state.kinds = state.doc.boxes.map((b) => b.kind);
    state.current = 0;
    info = [];
    // Opening a file never changes it: a box its table would not give back exactly (a
    // shape the studio does not know) stays as it was until its table is edited.
    state.doc.boxes.forEach((b, i) => {
      const before = engine.write(b);
      refill(i);
      if (engine.write(state.doc.boxes[i]) !== before) state.doc.boxes[i] = b;
    });
    commit();
    renderAll();
    say(w('opened', { f: name, n: state.doc.boxes.length }));
    return;
  }
  readGrid(engine.paste(text, true));
}

/* ---- The article's boxes ---- */

function uniqueId(base) {
  const ids = new Set(state.doc.boxes.map((b) => b.id));
  let n = state.doc.boxes.length + 1, id = base;
  while (ids.has(id)) id = base.replace(/-\d+$/, '') + '-' + (n++);
  return id;
}
function insertBox(b, grid, kind) {
  const at = state.current + 1;
  state.doc.boxes.splice(at, 0, b);
  state.grids.splice(at, 0, grid);
  state.kinds.splice(at, 0, kind);
  info.splice(at, 0, null);
  state.current = at;
  refill(at);
  commit();
  renderAll();
  say(w('box-added', { n: at + 1 }));
  $('#paste').focus();
}
function move(by) {
  const i = state.current, j = i + by;
  if (j < 0 || j >= state.doc.boxes.length) return;
  for (const list of [state.doc.boxes, state.grids, state.kinds, info]) [list[i], list[j]] = [list[j], list[i]];
  state.current = j;
  commit();
  renderAll();
  say(w('box-moved', { n: j + 1 }));
  $(by < 0 ? '#box-up' : '#box-down').focus();
}

/* ---- Out ---- */

function download(name, blob) {
  const a = el('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  say(w('saved', { f: name }));
}
function copy(text) {
  return navigator.clipboard.writeText(text).then(() => say(w('copied')), () => {
    const t = el('textarea', {});
    t.value = text;
    document.body.append(t);
    t.select();
    document.execCommand('copy');
    t.remove();
    say(w('copied'));
  });
}
function defaultScript() { return new URL('factbox.js', location.href).href; }
function fileName() {
  const src = state.src.trim() || 'factbox.json';
  return src.split('/').pop().split('?')[0] || 'factbox.json';
}
function made() {
  const opts = { id: box().id, script: (state.script || '').trim() || defaultScript() };
  if (state.where === 'inline') opts.inline = true; else opts.src = state.src.trim() || 'factbox.json';
  return window.factbox.prerender(docText(), opts).then((list) => list[0]);
}
function makeSnippet() {
  return made().then((p) => {
    $('#snippet').value = p.html;
    $('#snippet-copy').disabled = false;
    say(w('snippet-ready', { n: p.html.length }));
    return p;
  }, (e) => {
    $('#snippet').value = '';
    $('#snippet-copy').disabled = true;
    problems = (e && e.problems) || problems;
    renderProblems();
    say(w('snippet-broken'));
    throw e;
  });
}
function svgOf() {
  return made().then((p) => p.svg);
}
function pngOf(svg) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    img.onload = () => {
      const c = document.createElement('canvas');
      c.width = img.naturalWidth * 2;
      c.height = img.naturalHeight * 2;
      const g = c.getContext('2d');
      g.fillStyle = '#ffffff';
      g.fillRect(0, 0, c.width, c.height);
      g.drawImage(img, 0, 0, c.width, c.height);
      URL.revokeObjectURL(url);
      c.toBlob((b) => (b ? resolve(b) : reject(new Error('png'))), 'image/png');
    };
    img.onerror = reject;
    img.src = url;
  });
}

/* ---- Wiring ---- */

function wire() {
  $('#paste').addEventListener('paste', () => setTimeout(readPaste, 0));
  $('#read').addEventListener('click', readPaste);
  $('#file').addEventListener('change', (e) => {
    const f = e.target.files && e.target.files[0];
    if (f) f.text().then((t) => openText(f.name, t));
    e.target.value = '';
  });
  $('#style').addEventListener('change', (e) => {
    state.style = e.target.value;
    refill(state.current);
    commit();
    renderAll();
  });
  $('#row-add').addEventListener('click', () => {
    const g = state.grids[state.current];
    g.push(Array.from({ length: Math.max(2, ...g.map((r) => r.length)) }, () => ''));
    gridShown = Math.max(gridShown, g.length);
    commit();
    renderGrid();
    focusCell(g.length - 1, 0);
  });
  $('#col-add').addEventListener('click', () => {
    const g = state.grids[state.current];
    if (!g.length) g.push(['', '']);
    const width = Math.max(...g.map((r) => r.length));
    for (const r of g) { while (r.length < width) r.push(''); r.push(''); }
    commit();
    renderGrid();
    focusCell(0, width);
  });
  $('#box-add').addEventListener('click', () => {
    const b = newBox(state.doc.boxes.length + 1);
    b.id = uniqueId(b.id);
    insertBox(b, [], null);
  });
  $('#box-dup').addEventListener('click', () => {
    const copyOf = JSON.parse(JSON.stringify(box()));
    copyOf.id = uniqueId(copyOf.id + '-2');
    insertBox(copyOf, JSON.parse(JSON.stringify(state.grids[state.current])), state.kinds[state.current]);
  });
  $('#box-up').addEventListener('click', () => move(-1));
  $('#box-down').addEventListener('click', () => move(1));
  $('#box-del').addEventListener('click', () => {
    if (state.doc.boxes.length === 1) return;
    const i = state.current;
    for (const list of [state.doc.boxes, state.grids, state.kinds, info]) list.splice(i, 1);
    state.current = Math.min(i, state.doc.boxes.length - 1);
    commit();
    renderAll();
    say(w('box-deleted'));
    $('#box-list button[aria-current]').focus();
  });
  $('#undo').addEventListener('click', undo);
  $('#redo').addEventListener('click', redo);
  document.addEventListener('keydown', (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z') return;
    const t = e.target;
    // Inside a text field the browser's own undo comes first.
    if (t.matches && t.matches('input[type=text], input:not([type]), textarea')) return;
    e.preventDefault();
    if (e.shiftKey) redo(); else undo();
  });
  $('#lang').addEventListener('click', () => {
    state.lang = state.lang === 'vi' ? 'en' : 'vi';
    refillAll();
    commit();
    renderAll();
    $('#lang').focus();
  });
  $('#theme').addEventListener('click', () => { state.dark = !state.dark; commit(); renderWords(); preview(); });
  for (const r of document.querySelectorAll('input[name=where]')) r.addEventListener('change', () => { state.where = r.value; commit(); });
  $('#src').addEventListener('input', (e) => { state.src = e.target.value; commitSoon(); });
  $('#script').addEventListener('input', (e) => { state.script = e.target.value.trim() === defaultScript() ? '' : e.target.value; commitSoon(); });
  $('#snippet-make').addEventListener('click', () => makeSnippet().catch(() => {}));
  $('#snippet-copy').addEventListener('click', () => copy($('#snippet').value));
  $('#json-download').addEventListener('click', () => download(fileName(), new Blob([docText()], { type: 'application/json' })));
  $('#json-copy').addEventListener('click', () => copy(docText()));
  $('#svg-download').addEventListener('click', () => svgOf().then((svg) => download(box().id + '.svg', new Blob([svg], { type: 'image/svg+xml' })), () => say(w('snippet-broken'))));
  $('#png-download').addEventListener('click', () => svgOf().then(pngOf).then((png) => download(box().id + '.png', png), () => say(w('snippet-broken'))));
  for (const name of Object.keys(views)) {
    const host = document.getElementById('view-' + name);
    host.addEventListener('click', () => pickFromChart(host));
    host.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') pickFromChart(host); });
  }
}

async function start() {
  await init();
  state = restore() || fresh();
  saved = snapshot();
  info = [];
  refillAll();
  wire();
  $('#studio').hidden = false;
  renderAll();
  undoButtons();
}

start();
