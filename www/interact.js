/* factbox interaction: makes a box interactive from its markup alone, the same whether the
   wasm has just written it or `factbox render` prerendered it into the page (then no wasm
   is loaded at all): tooltips by mouse and touch, the keyboard stepping from mark to mark,
   the legend's toggles, the image download. Everything it needs is in the markup: each
   chart drawing (`svg.fb-svg`, one per layout width, the one shown chosen by container
   queries) holds its marks as `g.fb-m` elements with `data-i` (the datum), `data-hit` (the
   region that selects it: x y w h), `data-at` (where the tooltip points) and `data-tip`
   (its lines), in the drawing's own pixels; the emphasis inside each shows with `fb-on`.
   Built into factbox.js (and the npm module) inside one function scope with api.js, whose
   `engineFor` (the wasm, loaded on demand) the legend and the image use. */

var TIP_GAP = 10;      // px between a tooltip and the mark it points at, above it
var TIP_BELOW = 18;    // px from the mark to a tooltip placed below it (no room above)
var TABLE_CHUNK = 100; // rows a live table adds per idle moment: about 3 ms each
var IMAGE_SCALE = 2;   // the PNG has twice the CSS pixels: sharp when shared or printed
var showing = new Map();  // drawing -> its tooltip, while it has an active mark

// The marks of a drawing, read once from its markup.
function marksOf(svg) {
  if (!svg.__fb) {
    var list = [];
    var order = [];
    var gs = svg.querySelectorAll('.fb-m');
    for (var k = 0; k < gs.length; k++) {
      var g = gs[k];
      var i = Number(g.getAttribute('data-i'));
      list.push({
        i: i, g: g,
        hit: g.getAttribute('data-hit').split(' ').map(Number),
        at: g.getAttribute('data-at').split(' ').map(Number),
        tip: g.getAttribute('data-tip').split('\n')
      });
      if (order.indexOf(i) < 0) order.push(i);
    }
    svg.__fb = { list: list, order: order, active: null };
  }
  return svg.__fb;
}

// The drawing's scale on screen: shown at its container's width, made for data-width.
function zoomOf(svg) {
  var w = Number(svg.getAttribute('width'));
  return w > 0 ? svg.getBoundingClientRect().width / w : 1;
}

// The mark under a pointer: of those whose region holds the point, the one whose anchor
// is nearest (a line chart's points at one date share a vertical band).
function markAt(svg, e) {
  var r = svg.getBoundingClientRect();
  var z = zoomOf(svg);
  var x = (e.clientX - r.left) / z;
  var y = (e.clientY - r.top) / z;
  var best = null;
  var bestD = Infinity;
  marksOf(svg).list.forEach(function (m) {
    var h = m.hit;
    if (x >= h[0] && x < h[0] + h[2] && y >= h[1] && y < h[1] + h[3]) {
      var d = (m.at[0] - x) * (m.at[0] - x) + (m.at[1] - y) * (m.at[1] - y);
      if (d < bestD) { bestD = d; best = m.i; }
    }
  });
  return best;
}

// Makes datum `i` (or none) the active mark of `svg`: its emphasis shown, the tooltip
// written and placed, in the same frame as the event.
function activate(svg, tip, i) {
  var state = marksOf(svg);
  if (state.active === i) return;
  state.active = i;
  if (i === null) showing.delete(svg);
  else showing.set(svg, tip);
  var first = null;
  state.list.forEach(function (m) {
    var on = m.i === i;
    m.g.classList.toggle('fb-on', on);
    if (on && !first) first = m;
  });
  if (!first) {
    tip.hidden = true;
    return;
  }
  tip.replaceChildren();
  first.tip.forEach(function (line, n) {
    var el = document.createElement(n ? 'span' : 'strong');
    el.textContent = line;
    tip.appendChild(el);
  });
  tip.hidden = false;
  var chart = tip.parentNode.getBoundingClientRect();
  var r = svg.getBoundingClientRect();
  var z = zoomOf(svg);
  var ax = r.left - chart.left + first.at[0] * z;
  var ay = r.top - chart.top + first.at[1] * z;
  var w = tip.offsetWidth;
  var h = tip.offsetHeight;
  var left = Math.min(Math.max(ax - w / 2, 0), Math.max(chart.width - w, 0));
  // Above the mark when there is room, else below it; never outside the chart.
  var top = ay - h - TIP_GAP >= 0 ? ay - h - TIP_GAP : Math.min(ay + TIP_BELOW, Math.max(chart.height - h, 0));
  tip.style.left = left + 'px';
  tip.style.top = top + 'px';
}

function isMouse(e) { return e.pointerType === 'mouse'; }

// One chart's drawings: focusable, with pointer and key handlers, and its tooltip.
function attachChart(chart) {
  var tip = document.createElement('div');
  tip.className = 'fb-tip';
  tip.setAttribute('role', 'status');
  tip.setAttribute('aria-live', 'polite');
  tip.hidden = true;
  chart.appendChild(tip);
  var svgs = chart.querySelectorAll('svg.fb-svg');
  for (var k = 0; k < svgs.length; k++) {
    (function (svg) {
      svg.setAttribute('tabindex', '0');
      svg.addEventListener('pointermove', function (e) { if (isMouse(e)) activate(svg, tip, markAt(svg, e)); });
      svg.addEventListener('pointerleave', function (e) {
        if (isMouse(e) && svg.getRootNode().activeElement !== svg) activate(svg, tip, null);
      });
      // A tap (or click) shows the tapped mark's tooltip, or hides it off the marks.
      svg.addEventListener('pointerdown', function (e) { activate(svg, tip, markAt(svg, e)); });
      svg.addEventListener('keydown', function (e) {
        var state = marksOf(svg);
        var order = state.order;
        var at = order.indexOf(state.active);
        var last = order.length - 1;
        var next;
        switch (e.key) {
          case 'ArrowRight': case 'ArrowDown': next = at < 0 ? 0 : Math.min(at + 1, last); break;
          case 'ArrowLeft': case 'ArrowUp': next = at < 0 ? 0 : Math.max(at - 1, 0); break;
          case 'Home': next = 0; break;
          case 'End': next = last; break;
          case 'Escape': activate(svg, tip, null); return;
          default: return;
        }
        e.preventDefault();
        activate(svg, tip, order.length ? order[next] : null);
      });
      svg.addEventListener('focus', function () {
        var state = marksOf(svg);
        if (state.active === null && state.order.length) activate(svg, tip, state.order[0]);
      });
      svg.addEventListener('blur', function () { activate(svg, tip, null); });
    })(svgs[k]);
  }
  return tip;
}

function boxIdOf(figure) {
  var title = figure.querySelector('.fb-title');
  return title ? title.id.replace(/^fb-title-/, '') : '';
}

// Whether the box shows dark now: its theme attribute (on it or an ancestor), else the
// reader's colour scheme.
function darkOf(host) {
  var themed = host.closest('[data-factbox-theme]');
  var theme = themed && themed.getAttribute('data-factbox-theme');
  if (theme === 'dark' || theme === 'light') return theme === 'dark';
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

// The whole box as a PNG, from the editors' engine's image of it (an SVG) drawn on a
// canvas at twice its size, offered as a download named after the box.
function downloadImage(host, figure) {
  var id = boxIdOf(figure);
  var width = Math.max(figure.clientWidth, 280);
  return engineFor(host, true).then(function (doc) {
    var svg = doc.image(id, width, darkOf(host));
    if (!svg) throw new Error('no image for #' + id);
    return new Promise(function (resolve, reject) {
      var img = new Image();
      img.onload = function () {
        var canvas = document.createElement('canvas');
        canvas.width = Math.round(img.width * IMAGE_SCALE);
        canvas.height = Math.round(img.height * IMAGE_SCALE);
        canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
        var a = document.createElement('a');
        a.href = canvas.toDataURL('image/png');
        a.download = id + '.png';
        a.click();
        resolve();
      };
      img.onerror = function () { reject(new Error('the image could not be drawn')); };
      img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
    });
  }).catch(function (e) { console.error('factbox: image failed', e); });
}

// A legend button switches its series on or off: the chart is laid out again without the
// series switched off (the axis fits what is shown), by the wasm, loaded then.
function toggleSeries(host, figure, buttons, button) {
  button.setAttribute('aria-pressed', button.getAttribute('aria-pressed') === 'false' ? 'true' : 'false');
  var hidden = [];
  buttons.forEach(function (b, k) { if (b.getAttribute('aria-pressed') === 'false') hidden.push(k); });
  return engineFor(host, false).then(function (doc) {
    var chart = figure.querySelector('.fb-chart');
    chart.innerHTML = doc.drawings(boxIdOf(figure), new Uint32Array(hidden));
    attachChart(chart);
  }).catch(function (e) { console.error('factbox: the legend could not redraw the chart', e); });
}

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

/* Makes every box in `root` (an element's shadow root) interactive. Safe to call again
   after the root's content was replaced. */
function attach(root, host) {
  var figures = root.querySelectorAll('figure.fb');
  for (var f = 0; f < figures.length; f++) {
    (function (figure) {
      var chart = figure.querySelector('.fb-chart');
      if (chart) attachChart(chart);
      var table = figure.querySelector('.fb-table');
      if (table) attachTable(table);
      var buttons = Array.prototype.slice.call(figure.querySelectorAll('.fb-legend-item'));
      buttons.forEach(function (b) {
        b.addEventListener('click', function () { toggleSeries(host, figure, buttons, b); });
      });
      var image = figure.querySelector('.fb-action[data-fb-later]');
      if (image) {
        image.removeAttribute('data-fb-later');
        image.removeAttribute('tabindex');
        image.addEventListener('click', function () { downloadImage(host, figure); });
      }
      // A sanitizer that drops data: URLs (DOMPurify's defaults) leaves the CSV link
      // with no address: hidden rather than a link that does nothing.
      var csv = figure.querySelector('a.fb-action[download]');
      if (csv && !csv.getAttribute('href') && !figure.querySelector('[data-fb-rest]')) csv.hidden = true;
    })(figures[f]);
  }
}

// A tap anywhere outside a box hides its tooltip: one listener for the page, which looks
// only at the drawings showing one. Events from inside a shadow root reach the window
// retargeted to its host, so the target says whether it was that box.
if (typeof window !== 'undefined') {
  window.addEventListener('pointerdown', function (e) {
    showing.forEach(function (tip, svg) {
      var host = svg.getRootNode().host;
      if (!svg.isConnected) showing.delete(svg);
      else if (e.target !== host) activate(svg, tip, null);
    });
  });
}
