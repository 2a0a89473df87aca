/* factbox loader: finds every [data-factbox] element (also ones added later), fetches its
   JSON once per file, and hands the text to the wasm, which validates and draws.
   Built into dist/factbox.js after wasm-bindgen's glue, inside one function scope, so the
   page gets one global: window.factbox. No eval, no inline handlers, no HTML from data. */
'use strict';

var TIMEOUT_SECONDS = 20;
var scriptUrl = (document.currentScript && document.currentScript.src) || location.href;

if (window.factbox && window.factbox.__loaded) {
  // A second copy of factbox.js on the page: the first one already watches everything.
  return;
}

// The wasm is compiled once, while it downloads (compileStreaming), and instantiated with
// fresh glue (newGlue) whenever the instance before has trapped.
var compiled = null;
var wasmReady = null;
function startWasm() {
  if (!compiled) {
    var wasmUrl = new URL('factbox_bg.wasm', scriptUrl);
    compiled = (typeof WebAssembly.compileStreaming === 'function'
      ? WebAssembly.compileStreaming(fetch(wasmUrl)).catch(function () {
        // A server that does not send application/wasm: compile from the bytes.
        return fetch(wasmUrl).then(function (r) { return r.arrayBuffer(); }).then(WebAssembly.compile);
      })
      : fetch(wasmUrl).then(function (r) { return r.arrayBuffer(); }).then(WebAssembly.compile));
    compiled.catch(function () { compiled = null; });
  }
  if (!wasmReady) {
    var glue = newGlue();
    wasmReady = compiled.then(function (module) {
      return glue({ module_or_path: module });
    }).then(function () { return glue; });
    wasmReady.catch(function () { wasmReady = null; });
  }
  return wasmReady;
}

// A trap while the wasm builds or draws a box in its own frame (not inside a call from
// here) reaches the page as an uncaught error; the box being worked on is marked (the
// BUSY property of src/web/schedule.rs).
window.addEventListener('error', function (e) {
  if (!(e.error instanceof WebAssembly.RuntimeError)) return;
  var culprit = null;
  mounted.forEach(function (el) { if (el.__factboxBusy) culprit = el; });
  if (!culprit) return;
  delete culprit.__factboxBusy;
  handles.delete(culprit);
  fallback(culprit, e.error.message, true);
  recover(culprit, e.error);
});

// Every element with a box, to move them onto a new instance after a trap.
var mounted = new Set();

// A trap (a Rust panic, or any wasm RuntimeError) leaves that instance's state unknown:
// the box that hit it shows an error, and every other box is rendered again on a new
// instance, so one bad box never takes the page's others down with it.
function recover(el, error) {
  console.error('factbox: the wasm instance trapped; starting a new one', error);
  wasmReady = null;
  mounted.forEach(function (other) {
    // Only boxes that were shown: a box that trapped stays an error (two such boxes must
    // not restart each other forever).
    if (other !== el && other.isConnected && handles.has(other)) {
      handles.delete(other);  // its handle belongs to the dead instance
      mount(other);
    }
  });
}

var handles = new WeakMap();      // element -> Mounted (the wasm handle)
var generations = new WeakMap();  // element -> number, so a stale load never overwrites
var files = new Map();            // absolute URL -> Promise<string>

function LoadError(code, url, status) {
  this.code = code;
  this.url = url;
  this.status = status || 0;
}

function fetchText(url, seconds) {
  var controller = typeof AbortController === 'function' ? new AbortController() : null;
  var timer = setTimeout(function () { if (controller) controller.abort(); }, seconds * 1000);
  var timedOut = function () { return controller && controller.signal.aborted; };
  return fetch(url, { signal: controller ? controller.signal : undefined, credentials: 'same-origin' })
    .catch(function () { throw new LoadError(timedOut() ? 'timeout' : 'network', url); })
    .then(function (res) {
      if (!res.ok) throw new LoadError('http', url, res.status);
      // A file larger than factbox reads is refused before it is downloaded.
      var size = Number(res.headers.get('content-length'));
      if (size > MAX_BYTES) {
        if (controller) controller.abort();
        var e = new LoadError('toolarge', url);
        e.amount = Math.ceil(size / 1024);
        throw e;
      }
      var type = res.headers.get('content-type') || '';
      return res.text().then(function (text) {
        if (/html/i.test(type) && /^\s*</.test(text)) throw new LoadError('notjson', url);
        return text;
      });
    })
    .catch(function (e) {
      if (e instanceof LoadError) throw e;
      throw new LoadError(timedOut() ? 'timeout' : 'network', url);
    })
    .finally(function () { clearTimeout(timer); });
}

// One request per file, however many boxes use it; a failed request is not remembered,
// so adding the element again (or a retry) tries again.
function loadFile(url, seconds) {
  var p = files.get(url);
  if (!p) {
    p = fetchText(url, seconds);
    files.set(url, p);
    p.catch(function () { files.delete(url); });
  }
  return p;
}

function release(el) {
  var h = handles.get(el);
  if (h) {
    handles.delete(el);
    try { h.free(); } catch (e) { /* already freed */ }
  }
}

// Whether whoever looks at `el` should see full error messages: the rule of
// src/page.rs (its constants are written above this script by `make dist`), asked here
// only for the message written when the wasm cannot run.
function editorView(el) {
  var marked = el.closest('[' + DEBUG_ATTRIBUTE + ']');
  if (marked) return DEBUG_OFF.indexOf(marked.getAttribute(DEBUG_ATTRIBUTE).trim()) < 0;
  return (location.search + location.hash).indexOf(DEBUG_FLAG) >= 0
    || LOCAL_HOSTS.indexOf(location.hostname) >= 0 || location.protocol === 'file:';
}

// Shown only when the wasm itself cannot run, so it cannot write the message itself:
// readers get the same neutral notice as for any broken box, editors the reason, in the
// widget's words (WORDS, from src/page.rs).
function fallback(el, error, trapped) {
  var lang = (el.closest('[lang]') || document.documentElement).getAttribute('lang') || '';
  var words = WORDS[lang.toLowerCase().indexOf(ENGLISH_PREFIX) === 0 ? 'en' : 'vi'];
  var text = !editorView(el) ? words.unavailable
    : trapped ? words.title + ': ' + words.internal.replace('%s', error) + '. ' + words.report
    : words.title + ': ' + words.noStart + ' (' + error + ').';
  var root = el.shadowRoot || (el.attachShadow ? el.attachShadow({ mode: 'open' }) : el);
  var p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = text;
  root.replaceChildren(p);
  el.setAttribute('data-factbox-state', 'error');
  el.dispatchEvent(new CustomEvent('factbox:error', { bubbles: true, composed: true, detail: { errors: [text] } }));
  console.error('factbox:', error);
}

// Hands the element to the wasm, which builds and draws it in turn with every other box
// of the page (its one scheduler, src/web/schedule.rs).
function settle(el, gen, make) {
  return startWasm().then(function (wb) {
    if (generations.get(el) !== gen) return null;
    release(el);
    var handle;
    try {
      handle = make(wb);
    } catch (e) {
      handles.delete(el);
      var trapped = e instanceof WebAssembly.RuntimeError;
      fallback(el, e && e.message ? e.message : String(e), trapped);
      if (trapped) recover(el, e);
      return null;
    }
    handles.set(el, handle);
    mounted.add(el);
    retryButton(el);
    return handle;
  }, function (e) {
    if (generations.get(el) === gen) fallback(el, e && e.message ? e.message : String(e));
    return null;
  });
}

// The error box of a failed download has a "Thử lại" / "Try again" button; pressing it
// loads the file again (a failed request is not cached).
function retryButton(el) {
  var button = el.shadowRoot && el.shadowRoot.querySelector('.fb-retry');
  if (button) button.addEventListener('click', function () { mount(el); });
}

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

function mount(el) {
  var gen = (generations.get(el) || 0) + 1;
  generations.set(el, gen);
  el.setAttribute('data-factbox-state', 'loading');
  var attr = (el.getAttribute('data-factbox') || '').trim();
  if (attr === '' || attr.charAt(0) === '#') {
    var text = inlineJson(el);
    var pick = attr.length > 1 ? decodeURIComponent(attr.slice(1)) : null;
    return settle(el, gen, function (wb) {
      return text === null
        ? wb.fail(el, 'nodata', '', 0, 0)
        : wb.render(el, text, pick, null, lazyOf(el));
    });
  }
  var url;
  try {
    url = new URL(attr, document.baseURI);
  } catch (e) {
    return settle(el, gen, function (wb) { return wb.fail(el, 'network', attr, 0, 0); });
  }
  var pickId = url.hash ? decodeURIComponent(url.hash.slice(1)) : null;
  url.hash = '';
  startWasm();  // compile the wasm while the JSON downloads
  var seconds = timeoutOf(el);
  return loadFile(url.href, seconds).then(
    function (text) {
      return settle(el, gen, function (wb) { return wb.render(el, text, pickId, attr, lazyOf(el)); });
    },
    function (e) {
      return settle(el, gen, function (wb) {
        return wb.fail(el, e.code || 'network', e.url || url.href, e.status || 0, e.amount || seconds);
      });
    }
  );
}

function scan(node) {
  if (node.nodeType !== 1) return;
  if (node.hasAttribute('data-factbox')) mount(node);
  var inside = node.querySelectorAll('[data-factbox]');
  for (var i = 0; i < inside.length; i++) mount(inside[i]);
}

function forget(node) {
  if (node.nodeType !== 1 || node.isConnected) return;
  release(node);
  generations.delete(node);
  mounted.delete(node);
  var inside = node.querySelectorAll('[data-factbox]');
  for (var i = 0; i < inside.length; i++) {
    release(inside[i]);
    generations.delete(inside[i]);
    mounted.delete(inside[i]);
  }
}

var observer = new MutationObserver(function (records) {
  records.forEach(function (r) {
    if (r.type === 'attributes') {
      if (r.target.isConnected && r.target.hasAttribute('data-factbox')) mount(r.target);
      return;
    }
    r.removedNodes.forEach(forget);
    r.addedNodes.forEach(function (n) { if (n.isConnected) scan(n); });
  });
});

function start() {
  scan(document.documentElement);
  observer.observe(document.documentElement, {
    childList: true, subtree: true, attributes: true, attributeFilter: ['data-factbox']
  });
}

window.factbox = {
  __loaded: true,
  version: null,
  /* Renders `data` (JSON text or an object) into `element`. Resolves with the element when
     the box is shown; rejects with an Error listing the problems when the box shows an
     error instead. */
  render: function (element, data, options) {
    var gen = (generations.get(element) || 0) + 1;
    generations.set(element, gen);
    var text = typeof data === 'string' ? data : JSON.stringify(data);
    var pick = options && options.id ? String(options.id) : null;
    return settle(element, gen, function (wb) {
      return wb.render(element, text, pick, null, false);
    }).then(function (handle) {
      if (!handle) throw new Error('factbox: the box could not be shown');
      return settled(element, handle);
    });
  }
};

// Resolves with `el` when its box is drawn, rejects when it shows an error instead: the
// wasm says which by an event from the element (factbox:ready, factbox:error).
function settled(el, handle) {
  return new Promise(function (resolve, reject) {
    var done = function (e) {
      if (e.target !== el) return;  // a box nested inside this one
      el.removeEventListener('factbox:ready', done);
      el.removeEventListener('factbox:error', done);
      if (e.type === 'factbox:ready') resolve(el);
      else reject(new Error(e.detail.errors.join('\n')));
    };
    el.addEventListener('factbox:ready', done);
    el.addEventListener('factbox:error', done);
    var state = handle.state();
    if (state !== 'loading') done({ target: el, type: 'factbox:' + state, detail: { errors: handle.errors() } });
  });
}
startWasm().then(function (wb) { window.factbox.version = wb.version(); }, function () {});
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start);
} else {
  start();
}
