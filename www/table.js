/* factbox table interaction: a part of its own, loaded only by a page that shows a table
   box (factbox_table.<hash>.js beside factbox.js, which interact.js's tableOn fetches the
   first time a table is attached; built into the npm module and the studio's bundle), so
   that the other pages' readers do not download it (1.4 kB gzip). */

// `idle`: api.js's (runs a function when the page is idle). Returns attachTable.
function tableFactory(idle) {
var TABLE_CHUNK = 100; // rows a live table adds per idle moment: about 3 ms each

/* A table box: sorting by any column (its header's button: the first press as the button's
   data-first says, the next reverses), a search that ignores case, tones and spaces ("ha
   noi" and "hanoi" find "Hà Nội"), and pages of rows ("Xem thêm"). Every row is in the
   markup, shown until this runs; each cell's data-v is its rank in its column (the wasm
   ordered them, Vietnamese collation included), so sorting here compares numbers only.
   Equal ranks keep the order the rows were written in; empty cells go last either way. */
function foldText(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f\s]/g, '').replace(/\u0111/gi, 'd').toLowerCase();
}

function attachTable(box) {
  if (box.__fb) return;
  box.__fb = 1;
  var tbody = box.querySelector('tbody');
  var rows, folded, keys;
  var heads = [].slice.call(box.querySelectorAll('thead th'));
  var page = +box.getAttribute('data-page');
  var total = +box.getAttribute('data-rows');
  var input = box.querySelector('input');
  var count = box.querySelector('.fb-count');
  // The "all rows" checkbox of the markup becomes the "Xem thêm" button.
  var holder = box.querySelector('.fb-table-more');
  var more = holder && document.createElement('button');
  var col = -1, dir, query = '', shown = page || 1e9;
  // A box the wasm has just drawn holds its first page of rows (`data-fb-rest`): the rest
  // come from the wasm a chunk at a time while the reader looks at the first page, or all
  // at once as soon as the reader sorts, searches or asks for more.
  var rest = box.hasAttribute('data-fb-rest') && box.__fbRows;
  // Its CSV link's address comes with the rest, or when the link is pressed first.
  var csv = rest && box.closest('figure').querySelector('a.fb-action[download]');
  if (csv) csv.addEventListener('click', all);
  function adopt() {
    rows = [].slice.call(tbody.rows);
    rows.forEach(function (r, i) { r.__fbI = i; r.__fbOff = r.classList.contains('fb-over'); });
    keys = [];
    folded = null;
    list = rows;
  }
  // Its first page came without ranks (`data-v`), to be on screen sooner: they come with
  // the first chunk, which starts again at row 0 and whose first rows lend their ranks to
  // the rows on screen (the same elements stay: nothing on screen is replaced).
  var unranked = !!rest;
  function fill(upTo) {
    if (!rest) return;
    var have = tbody.rows.length;
    var got = '';
    try {
      if (unranked || have < total) got = rest(unranked ? 0 : have, upTo);
    } catch (e) {
      // The engine failed (a trap): the table keeps the rows it has.
      console.error('factbox:', e);
    }
    if (got && unranked) {
      var fresh = document.createElement('tbody');
      fresh.innerHTML = got;
      [].forEach.call(tbody.rows, function (row, i) {
        var from = fresh.rows[i];
        if (from) [].forEach.call(row.cells, function (cell, c) {
          var v = from.cells[c] && from.cells[c].getAttribute('data-v');
          if (v !== null && v !== undefined) cell.setAttribute('data-v', v);
        });
      });
      var newer = document.createDocumentFragment();
      [].slice.call(fresh.rows, have).forEach(function (row) { newer.appendChild(row); });
      tbody.appendChild(newer);
      unranked = false;
    } else if (got) tbody.insertAdjacentHTML('beforeend', got);
    if (!got || tbody.rows.length >= total) {
      rest = null;
      box.removeAttribute('data-fb-rest');
      if (csv) {
        csv.removeEventListener('click', all);
        try {
          csv.setAttribute('href', box.__fbCsv());
        } catch (e) {
          console.error('factbox:', e);
          csv.hidden = true;
        }
      }
      adopt();
    } else if (upTo < total) {
      idle(function () { fill(tbody.rows.length + TABLE_CHUNK); });
    }
  }
  function all() { fill(total); }
  adopt();
  if (rest) idle(function () { fill(tbody.rows.length + TABLE_CHUNK); });
  box.setAttribute('data-fb-on', '');
  // Each column's ranks, read from the markup once (Infinity: an empty cell, always last).
  function ranks(c) {
    return keys[c] || (keys[c] = rows.map(function (r) {
      var v = r.cells[c] && r.cells[c].getAttribute('data-v');
      return v === null || v === undefined ? Infinity : +v;
    }));
  }
  function texts() {
    // Until the rest of a live table's rows are in, the rows not there yet count too.
    var length = rest ? total : list.length;
    var n = Math.min(length, shown);
    if (count) {
      count.textContent = box.getAttribute(query ? 'data-found' : 'data-shown')
        .replace('{n}', query ? list.length : n).replace('{total}', total);
    }
    if (more) {
      more.parentNode.hidden = length <= n;
      more.textContent = box.getAttribute('data-more').replace('{n}', Math.min(page, length - n));
    }
    return n;
  }
  var list;
  function show(reset) {
    all();
    if (reset) shown = page || 1e9;
    list = rows.filter(function (r, i) {
      if (!query) return 1;
      folded = folded || rows.map(function (x) { return foldText(x.textContent); });
      return folded[i].indexOf(query) >= 0;
    });
    if (col >= 0) {
      var k = ranks(col);
      var sign = dir === 'ascending' ? 1 : -1;
      list.sort(function (a, b) {
        var x = k[a.__fbI], y = k[b.__fbI];
        return (x === y ? 0 : x === Infinity ? 1 : y === Infinity ? -1 : (x - y) * sign) || a.__fbI - b.__fbI;
      });
    }
    var n = texts();
    // A row not shown has the markup's class for it (`fb-over`); only the rows whose state
    // changes are touched, and the order only when it changed.
    list.forEach(function (r, i) { r.__fbOn = i < n; });
    rows.forEach(function (r) {
      if (r.__fbOff === !!r.__fbOn) r.classList.toggle('fb-over', r.__fbOff = !r.__fbOn);
      r.__fbOn = 0;
    });
    // The rows shown are put in their places at once, the others (hidden) once the page
    // is idle, so that printing, which shows every row, has them in order too: moving
    // 1,000 rows (in a fragment: 4 ms, one by one 11) and styling them again would
    // double the time from a press to the table sorted on screen.
    var from = rows.length - list.length;
    place(list.slice(0, n), 0);
    var moving = ++moves;
    idle(function () { if (moving === moves) place(list, from); });
  }
  var moves = 0;
  // Puts `these` rows in order from row `from` of the table on, if they are not already.
  function place(these, from) {
    if (these.some(function (r, i) { return tbody.rows[from + i] !== r; })) {
      var f = document.createDocumentFragment();
      these.forEach(function (r) { f.appendChild(r); });
      tbody.insertBefore(f, tbody.rows[from] || null);
    }
  }
  heads.forEach(function (th, c) {
    var b = th.querySelector('button');
    if (th.getAttribute('aria-sort')) { col = c; dir = th.getAttribute('aria-sort'); }
    b.disabled = 0;
    b.onclick = function () {
      dir = col === c ? (dir === 'ascending' ? 'descending' : 'ascending') : b.getAttribute('data-first');
      col = c;
      heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir);
      show();
    };
  });
  if (input) {
    input.disabled = 0;
    input.oninput = function () { query = foldText(input.value); show(1); };
  }
  if (more) {
    more.type = 'button';
    more.className = 'fb-more';
    holder.replaceChildren(more);
    more.onclick = function () {
      shown += page;
      show();
      // The button gone with the last page: the keyboard goes on in the table.
      if (more.parentNode.hidden) box.querySelector('[tabindex]').focus();
    };
  }
  // The rows past the first page are hidden by their class already: a table of 2,000
  // rows is taken over without touching one.
  texts();
  box.querySelectorAll('[data-fb-later]').forEach(function (e) { e.removeAttribute('data-fb-later'); });
}

return attachTable;
}
