/* factbox loader: finds every [data-factbox] element (also ones added later) and shows its
   box through the API of api.js (fetched once per file); publishes that API as
   window.factbox. Built into dist/factbox.js after the glue, the constants and api.js,
   inside one function scope, so the page gets one global. */

// Seconds to wait for a JSON file: `data-factbox-timeout` (1–120), else 20.
function timeoutOf(el) {
  var s = Number(el.getAttribute('data-factbox-timeout'));
  return s >= 1 && s <= 120 ? s : TIMEOUT_SECONDS;
}

// Charts draw when they come near the viewport, unless `data-factbox-lazy="false"`
// (for a box that must be drawn at once, e.g. before a screenshot or in a benchmark).
function lazyOf(el) {
  return el.getAttribute('data-factbox-lazy') !== 'false';
}

function inlineJson(el) {
  var scripts = el.querySelectorAll('script[type="application/json"]');
  for (var i = 0; i < scripts.length; i++) {
    if (scripts[i].parentElement === el) return scripts[i].textContent;
  }
  return null;
}

// An embed: `data-factbox="data/boxes.json#id"` (a file), or `data-factbox="#id"` / ""
// with the JSON inline in a <script type="application/json"> child.
function mount(el) {
  var attr = (el.getAttribute('data-factbox') || '').trim();
  var opts = options({ lazy: lazyOf(el), timeout: timeoutOf(el) });
  var job;
  if (attr === '' || attr.charAt(0) === '#') {
    var text = inlineJson(el);
    var pick = attr.length > 1 ? decodeURIComponent(attr.slice(1)) : null;
    job = text === null ? { missing: true } : { text: text, pick: pick, source: null };
  } else {
    job = fileJob(attr, null);
  }
  return show(el, job, opts);
}

// A prerendered box (`factbox render`) is already on screen, whole: it is taken over
// (tooltips, keys, downloads) only once the page has loaded and the box nears the
// viewport, so that loading the page costs nothing more than its HTML, and a box the
// reader never scrolls to costs nothing at all. Without IntersectionObserver, when the
// page is idle.
var waiting = new Map();  // element -> its start, until started
var near = null;
function later(el, start) {
  if (waiting.has(el)) return;
  var go = function () {
    if (!waiting.has(el)) return;
    waiting.delete(el);
    if (near) near.unobserve(el);
    start();
  };
  waiting.set(el, go);
  afterLoad(function () {
    if (!waiting.has(el)) return;
    if (typeof IntersectionObserver !== 'function') {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(go, { timeout: 4000 });
      else setTimeout(go, 200);
      return;
    }
    near = near || new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        var f = e.isIntersecting && waiting.get(e.target);
        if (f) f();
      });
    }, { rootMargin: NEAR_MARGIN });
    near.observe(el);
  });
}

function afterLoad(f) {
  if (document.readyState === 'complete') f();
  else window.addEventListener('load', f, { once: true });
}

function prerendered(el) {
  return el.shadowRoot !== null && el.hasAttribute('data-factbox-hash') && !mounted.has(el);
}

function scan(node) {
  if (node.nodeType !== 1) return;
  var found = node.hasAttribute('data-factbox') ? [node] : [];
  found.push.apply(found, node.querySelectorAll('[data-factbox]'));
  found.forEach(function (el) {
    if (prerendered(el)) later(el, function () { mount(el); });
    else mount(el);
  });
}

function forget(el) {
  waiting.delete(el);
  if (near) near.unobserve(el);
  release(el);
  generations.delete(el);
  mounted.delete(el);
  asked.delete(el);
}

function removed(node) {
  if (node.nodeType !== 1 || node.isConnected) return;
  forget(node);
  var inside = node.querySelectorAll('[data-factbox]');
  for (var i = 0; i < inside.length; i++) forget(inside[i]);
}

var observer = new MutationObserver(function (records) {
  records.forEach(function (r) {
    if (r.type === 'attributes') {
      if (r.target.isConnected && r.target.hasAttribute('data-factbox')) mount(r.target);
      return;
    }
    r.removedNodes.forEach(removed);
    r.addedNodes.forEach(function (n) { if (n.isConnected) scan(n); });
  });
});

function start() {
  scan(document.documentElement);
  observer.observe(document.documentElement, {
    childList: true, subtree: true, attributes: true, attributeFilter: ['data-factbox']
  });
}

window.factbox = { __loaded: true, version: VERSION, render: render, prerender: prerender, FactboxError: FactboxError };
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start);
} else {
  start();
}
