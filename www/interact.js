/* factbox interaction: makes a box interactive from its markup alone, the same whether the
   wasm has just written it or `factbox render` prerendered it into the page (then no wasm
   is loaded at all): tooltips by mouse and touch, the keyboard stepping from mark to mark,
   the legend's toggles, the image download (the legend's redraw and the image in
   www/render.js, a part loaded when needed). Everything it needs is in the markup: each
   chart drawing (`svg.fb-svg`, one per layout width, the one shown chosen by container
   queries) holds its marks as `g.fb-m` elements with `data-i` (the datum), `data-hit` (the
   region that selects it: x y w h), `data-at` (where the tooltip points) and `data-tip`
   (its lines), in the drawing's own pixels; the emphasis inside each shows with `fb-on`.
   Built into factbox.js (and the npm module) inside one function scope with api.js. */

var TIP_GAP = 10;      // px between a tooltip and the mark it points at, above it
var TIP_BELOW = 18;    // px from the mark to a tooltip placed below it (no room above)
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


/* A table box's interaction (sorting, searching, pages of rows) is www/table.js, a part
   of its own: `tableOn` attaches it to a table, at once when the part is in (as in the
   npm module, which has it built in), else once it has come, and then returns a promise
   of that (the box is "ready" then). Until then the table is whole and readable, its
   buttons and search field disabled (as the markup has them). The part is asked for as
   soon as a page is known to show a table (tables.soon(): a document or an embed that
   names one), so that it has mostly come by the time the table is drawn. */
var tables = part(typeof tableFactory === 'function' ? tableFactory : null, tableCode, function (made) {
  return made(idle);
});
function tableOn(box) {
  if (tables.now()) return tables.now()(box);
  return tables.later().then(function (attachTable) {
    if (box.isConnected) attachTable(box);
  }, said);
}

/* Makes every box in `root` (an element's shadow root) interactive. Safe to call again
   after the root's content was replaced. */
function attach(root, host) {
  var waits = [];
  var figures = root.querySelectorAll('figure.fb');
  for (var f = 0; f < figures.length; f++) {
    (function (figure) {
      var chart = figure.querySelector('.fb-chart');
      if (chart) attachChart(chart);
      var table = figure.querySelector('.fb-table');
      if (table) waits.push(tableOn(table));
      var buttons = Array.prototype.slice.call(figure.querySelectorAll('.fb-legend-item'));
      // A legend button switches its series on or off at once; the chart is laid out
      // again without the series switched off (the axis fits what is shown) by the wasm,
      // through www/render.js, whose part is asked for as soon as the pointer or the
      // keyboard reaches the button, so that it has mostly come by the press.
      buttons.forEach(function (b) {
        b.addEventListener('click', function () {
          b.setAttribute('aria-pressed', b.getAttribute('aria-pressed') === 'false' ? 'true' : 'false');
          var hidden = [];
          buttons.forEach(function (x, k) { if (x.getAttribute('aria-pressed') === 'false') hidden.push(k); });
          api.later().then(function (p) { return p.redraw(host, figure, hidden); }, said);
        });
        b.addEventListener('pointerenter', api.soon);
        b.addEventListener('focus', api.soon);
      });
      var image = figure.querySelector('.fb-action[data-fb-later]');
      if (image) {
        image.removeAttribute('data-fb-later');
        image.removeAttribute('tabindex');
        image.addEventListener('click', function () {
          api.later().then(function (p) { return p.downloadImage(host, figure); }, said);
        });
      }
      // A sanitizer that drops data: URLs (DOMPurify's defaults) leaves the CSV link
      // with no address: hidden rather than a link that does nothing.
      var csv = figure.querySelector('a.fb-action[download]');
      if (csv && !csv.getAttribute('href') && !figure.querySelector('[data-fb-rest]')) csv.hidden = true;
    })(figures[f]);
  }
  // What is still on its way (a table's part): the box is whole once it has come.
  waits = waits.filter(Boolean);
  return waits.length ? Promise.all(waits) : null;
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
