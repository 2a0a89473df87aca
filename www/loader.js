/* factbox loader: hydrates every [data-factbox] element (also ones added later; see
   hydrate in api.js): a prerendered one is made interactive as it is (interact.js), any
   other is shown through the API (its file fetched once, the wasm loaded then); publishes
   that API as window.factbox. Built into dist/factbox.js after the glue, the constants and api.js,
   inside one function scope, so the page gets one global. */

function scan(node) {
  if (node.nodeType === 1) hydrate(node);
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

window.factbox = { __loaded: true, version: VERSION, render: render, hydrate: hydrate, FactboxError: FactboxError };
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start);
} else {
  start();
}
