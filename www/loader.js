/* factbox loader: finds every [data-factbox] element (also ones added later): a prerendered
   one is made interactive as it is (interact.js), any other is shown through the API of
   api.js (its file fetched once, the wasm loaded then); publishes that API as
   window.factbox. Built into dist/factbox.js after the glue, the constants and api.js,
   inside one function scope, so the page gets one global. */

// Seconds to wait for a JSON file: `data-factbox-timeout` (1–120), else 20.
function timeoutOf(el) {
  var s = Number(el.getAttribute('data-factbox-timeout'));
  return s >= 1 && s <= 120 ? s : TIMEOUT_SECONDS;
}

// A box is built when it comes near the viewport, unless `data-factbox-lazy="false"`
// (for a box that must be shown at once, e.g. before a screenshot or in a benchmark).
function lazyOf(el) {
  return el.getAttribute('data-factbox-lazy') !== 'false';
}

// An embed (see embedJob) shown through the API.
function mount(el) {
  return show(el, embedJob(el), options({ lazy: lazyOf(el), timeout: timeoutOf(el) }));
}

// A prerendered box (`factbox render`) is already on screen, whole: the interaction layer
// attaches to its markup as it is (tooltips, keys, table, CSV), with no wasm and no fetch;
// only the legend and the image download, if pressed, load the engine and the file.
var taken = new WeakSet();
function prerendered(el) {
  return el.shadowRoot !== null && el.hasAttribute('data-factbox-hash')
    && el.shadowRoot.querySelector('figure.fb') !== null && !asked.has(el);
}

function takeOver(el) {
  if (taken.has(el)) return;
  taken.add(el);
  attach(el.shadowRoot, el);
  var kinds = [];
  el.shadowRoot.querySelectorAll('figure.fb').forEach(function (f) {
    var k = f.getAttribute('data-kind');
    if (kinds.indexOf(k) < 0) kinds.push(k);
  });
  el.setAttribute('data-factbox-kind', kinds.join(' '));
  el.setAttribute('data-factbox-state', 'ready');
  queueMicrotask(function () {
    el.dispatchEvent(new CustomEvent('factbox:ready', { bubbles: true, composed: true }));
  });
  afterLoad(function () { idle(function () { checkFresh(el); }); });
}

// A snippet shows what it was made from. Once the page has loaded and is idle, its data
// (the file, fetched once for all its boxes, or the JSON inside it) is hashed and compared
// with the snippet's: data changed since (a correction) is shown from the data, with the
// engine loaded for it then, and the console says the snippet is stale. If the file
// cannot be fetched, the snippet stays as it is.
var hashes = new Map();  // text -> its content hash
function checkFresh(el) {
  var job = embedJob(el);
  if (job.missing || job.url === null || !el.isConnected || asked.has(el)) return;
  var text = job.url ? loadFile(job.url, timeoutOf(el)) : Promise.resolve(job.text);
  text.then(function (t) {
    if (!hashes.has(t)) hashes.set(t, contentHash(t));
    var hash = el.getAttribute('data-factbox-hash');
    if (hashes.get(t) === hash || asked.has(el) || !el.isConnected) return;
    console.warn('factbox: this prerendered snippet is stale: ' + (job.source || 'the inline JSON')
      + ' has changed since it was made (data-factbox-hash="' + hash + '"), so the box is shown'
      + ' from the data. Make the snippet again with `factbox render`.');
    mount(el);
  }, function () { /* the snippet stays as it was made */ });
}

function afterLoad(f) {
  if (document.readyState === 'complete') f();
  else window.addEventListener('load', f, { once: true });
}

function idle(f) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(f, { timeout: 4000 });
  else setTimeout(f, 200);
}

function scan(node) {
  if (node.nodeType !== 1) return;
  var found = node.hasAttribute('data-factbox') ? [node] : [];
  found.push.apply(found, node.querySelectorAll('[data-factbox]'));
  found.forEach(function (el) {
    if (prerendered(el)) takeOver(el);
    else mount(el);
  });
}

function forget(el) {
  release(el);
  generations.delete(el);
  asked.delete(el);
  taken.delete(el);
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
