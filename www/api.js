/* factbox's JavaScript API: render(element, document | text | URL, options) -> Promise<Box>,
   the same on window.factbox (script tag) and in the npm package; and what is under it:
   fetching a file (one request per file, size limit, timeout, retry), starting the wasm
   (again after a trap), and turning the wasm's problems into a FactboxError.
   Built inside one function scope after wasm-bindgen's glue (newGlue), the constants of
   src/page.rs (MAX_BYTES, WORDS, VERSION...) and WASM_URL. No eval, no inline handlers, no
   HTML from data. */


var TIMEOUT_SECONDS = 20;

// ---------------------------------------------------------------------------------------
// Errors as data.

/* Thrown (as a rejection) when a box cannot be shown: `problems` are
   { id, path, line, column, code, message }, `code` stable across versions. */
var FactboxError = class FactboxError extends Error {
  constructor(problems) {
    super(problems.map(function (p) { return p.message; }).join('\n'));
    this.name = 'FactboxError';
    this.problems = problems;
  }
};

// A problem found outside any document (a bad argument, a freed box, a wasm that cannot run).
function problem(code, message) {
  return { id: null, path: '', line: null, column: null, code: code, message: message };
}

function usage(code, message) {
  return new FactboxError([problem(code, message)]);
}

// ---------------------------------------------------------------------------------------
// The wasm: compiled once, while it downloads, and instantiated with fresh glue (newGlue)
// whenever the instance before has trapped.

var compiled = null;
var wasmReady = null;
function startWasm() {
  if (!compiled) {
    var bytes = function () {
      return fetch(WASM_URL).then(function (r) { return r.arrayBuffer(); }).then(WebAssembly.compile);
    };
    compiled = typeof WebAssembly.compileStreaming === 'function'
      // A server that does not send application/wasm: compile from the bytes.
      ? WebAssembly.compileStreaming(fetch(WASM_URL)).catch(bytes)
      : bytes();
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

// ---------------------------------------------------------------------------------------
// What each element shows.

var handles = new WeakMap();      // element -> Mounted (the wasm handle)
var generations = new WeakMap();  // element -> number, so a stale load never overwrites
var asked = new WeakMap();        // element -> { job, opts }, to do it again (retry, trap)
var mounted = new Set();          // every element with a box, to move after a trap
var files = new Map();            // absolute URL -> Promise<string>

// A trap while the wasm builds or draws a box in its own frame (not inside a call from
// here) reaches the page as an uncaught error; the box being worked on is marked (the
// BUSY property of src/web/schedule.rs).
if (typeof window !== 'undefined') {
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
}

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
      var again = asked.get(other);
      if (again) show(other, again.job, again.opts);
    }
  });
}

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
// src/page.rs, asked here only for the message written when the wasm cannot run.
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
  var opts = (asked.get(el) || {}).opts || {};
  var root = el.shadowRoot || (el.attachShadow ? el.attachShadow({ mode: 'open' }) : el);
  if (opts.errors === 'none') {
    root.replaceChildren();
  } else {
    var p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = text;
    root.replaceChildren(p);
  }
  el.setAttribute('data-factbox-state', 'error');
  el.dispatchEvent(new CustomEvent('factbox:error', {
    bubbles: true, composed: true, detail: { errors: [text], problems: [problem('internal', text)] }
  }));
  if (!opts.quiet) console.error('factbox:', error);
}

// Hands the element to the wasm, which builds and draws it in turn with every other box
// of the page (its one scheduler, src/web/schedule.rs). Resolves with the handle, or null
// when the element was given something else meanwhile or the wasm could not run.
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
// does the same again (a failed request is not cached).
function retryButton(el) {
  var button = el.shadowRoot && el.shadowRoot.querySelector('.fb-retry');
  if (button) {
    button.addEventListener('click', function () {
      var again = asked.get(el);
      if (again) show(el, again.job, again.opts);
    });
  }
}

/* Shows `job` in `el`: { text, pick, source } (a document's text), { url, pick, source }
   (a file to fetch) or { missing: true } (an embed with no data). `opts` are the API's
   options, normalised (see `options`). Resolves with the wasm handle, or null. */
function show(el, job, opts) {
  var gen = (generations.get(el) || 0) + 1;
  generations.set(el, gen);
  asked.set(el, { job: job, opts: opts });
  el.setAttribute('data-factbox-state', 'loading');
  var wasmOptions = { errors: opts.errors, quiet: opts.quiet };
  if (job.missing) {
    return settle(el, gen, function (wb) { return wb.fail(el, 'nodata', '', 0, 0, wasmOptions); });
  }
  if (job.url === undefined) {
    return settle(el, gen, function (wb) {
      return wb.render(el, job.text, job.pick, job.source, opts.lazy, wasmOptions);
    });
  }
  if (job.url === null) {
    return settle(el, gen, function (wb) { return wb.fail(el, 'network', job.source, 0, 0, wasmOptions); });
  }
  startWasm();  // compile the wasm while the JSON downloads
  return loadFile(job.url, opts.timeout).then(
    function (text) {
      return settle(el, gen, function (wb) {
        return wb.render(el, text, job.pick, job.source, opts.lazy, wasmOptions);
      });
    },
    function (e) {
      return settle(el, gen, function (wb) {
        return wb.fail(el, e.code || 'network', e.url || job.url, e.status || 0, e.amount || opts.timeout, wasmOptions);
      });
    }
  );
}

// A file's address as an embed writes it (`data/boxes.json#id`) -> the job.
function fileJob(address, pick) {
  var url;
  try {
    url = new URL(address, document.baseURI);
  } catch (e) {
    return { url: null, source: address };
  }
  var id = url.hash ? decodeURIComponent(url.hash.slice(1)) : null;
  url.hash = '';
  return { url: url.href, pick: pick != null ? pick : id, source: address };
}

// ---------------------------------------------------------------------------------------
// The public API.

// The options of `render`, checked; a wrong one is a usage error, not a silent default.
function options(o) {
  o = o == null ? {} : o;
  if (typeof o !== 'object') throw usage('bad-options', 'factbox.render: options must be an object');
  if (o.errors != null && o.errors !== 'box' && o.errors !== 'none') {
    throw usage('bad-options', 'factbox.render: errors must be "box" or "none", not ' + JSON.stringify(o.errors));
  }
  if (o.lang != null && o.lang !== 'vi' && o.lang !== 'en') {
    throw usage('bad-options', 'factbox.render: lang must be "vi" or "en", not ' + JSON.stringify(o.lang));
  }
  var seconds = o.timeout == null ? TIMEOUT_SECONDS : Number(o.timeout);
  if (!(seconds >= 1 && seconds <= 120)) {
    throw usage('bad-options', 'factbox.render: timeout must be 1 to 120 seconds');
  }
  return {
    id: o.id == null ? null : String(o.id),
    lazy: o.lazy === true,
    errors: o.errors === 'none' ? 'none' : 'box',
    quiet: o.quiet === true,
    lang: o.lang || null,
    timeout: seconds,
    signal: o.signal || null
  };
}

// What `render` was given -> the job: a URL object or an address to fetch, JSON text, or
// a document object.
function jobOf(input, id) {
  if (typeof URL === 'function' && input instanceof URL) return fileJob(input.href, id);
  if (typeof input === 'string') {
    // JSON text starts with `{` (a document); anything else is a file's address.
    return /^\s*[{[]/.test(input) ? { text: input, pick: id, source: null } : fileJob(input, id);
  }
  if (input && typeof input === 'object') {
    var text;
    try {
      text = JSON.stringify(input);
    } catch (e) {
      throw usage('bad-document', 'factbox.render: the document cannot be written as JSON (' + e.message + ')');
    }
    return { text: text, pick: id, source: null };
  }
  throw usage('bad-document', 'factbox.render: give a document object, its JSON text, or its URL');
}

// Resolves when the box in `el` is drawn; rejects with a FactboxError when it shows an
// error instead: the wasm says which by an event from the element.
function settled(el, handle, lang) {
  return new Promise(function (resolve, reject) {
    var done = function (e) {
      if (e.target !== el) return;  // a box nested inside this one
      el.removeEventListener('factbox:ready', done);
      el.removeEventListener('factbox:error', done);
      if (e.type === 'factbox:ready') resolve();
      else reject(new FactboxError(lang && handles.get(el) === handle ? handle.problems(lang) : e.detail.problems));
    };
    el.addEventListener('factbox:ready', done);
    el.addEventListener('factbox:error', done);
    var state = handle.state();
    if (state !== 'loading') done({ target: el, type: 'factbox:' + state, detail: { problems: handle.problems(lang || undefined) } });
  });
}

/* A box on the page: what `render` resolves with. */
var Box = class Box {
  constructor(element) {
    this.element = element;
    this._freed = false;
  }
  /* 'loading' (a lazy chart not yet near the viewport), 'ready', 'error', or 'freed'. */
  get state() {
    if (this._freed) return 'freed';
    return this.element.getAttribute('data-factbox-state') || 'loading';
  }
  /* The kinds of the boxes shown, e.g. 'bar' ('figures line' for a file of two). */
  get kind() {
    var h = !this._freed && handles.get(this.element);
    return h ? h.kind() : '';
  }
  /* Shows another document (object, text or URL) in the same element. */
  update(input, opts) {
    if (this._freed) return Promise.reject(usage('freed', 'factbox: this box was freed'));
    return draw(this, input, opts);
  }
  /* Removes the box: the element is left empty. Safe to call twice. */
  free() {
    if (this._freed) return;
    this._freed = true;
    var el = this.element;
    generations.set(el, (generations.get(el) || 0) + 1);  // a load still under way is dropped
    release(el);
    mounted.delete(el);
    asked.delete(el);
    if (el.shadowRoot) el.shadowRoot.replaceChildren();
    el.removeAttribute('data-factbox-state');
    el.removeAttribute('data-factbox-kind');
  }
};
if (typeof Symbol === 'function' && Symbol.dispose) {
  Box.prototype[Symbol.dispose] = function () { this.free(); };
}

var boxes = new WeakMap();  // element -> its Box, so that update keeps one Box per element

function draw(box, input, o) {
  return new Promise(function (resolve, reject) {
    var opts = options(o);
    var job = jobOf(input, opts.id);
    var el = box.element;
    if (opts.signal && opts.signal.aborted) throw opts.signal.reason;
    if (opts.signal) {
      opts.signal.addEventListener('abort', function () {
        box.free();
        reject(opts.signal.reason);
      }, { once: true });
    }
    show(el, job, opts).then(function (handle) {
      if (!handle) {
        if (box._freed) throw usage('freed', 'factbox: this box was freed');
        if (el.getAttribute('data-factbox-state') === 'error') {
          throw usage('internal', el.shadowRoot ? el.shadowRoot.textContent : 'factbox could not start');
        }
        throw usage('superseded', 'factbox: the element was given another document before this one was shown');
      }
      return settled(el, handle, opts.lang);
    }).then(function () { resolve(box); }, reject);
  });
}

/* Renders `input` (a document object, its JSON text, or its URL) into `element`. */
function render(element, input, o) {
  if (typeof Element !== 'function' || !(element instanceof Element)) {
    return Promise.reject(usage('bad-element', 'factbox.render: the first argument must be an element, not ' + (element === null ? 'null' : typeof element)));
  }
  var box = boxes.get(element);
  if (!box || box._freed) {
    box = new Box(element);
    boxes.set(element, box);
  }
  return draw(box, input, o);
}

/* The boxes of `input` (a document object, its JSON text, or its URL) written ahead of
   time, byte for byte as `factbox render` writes them: Promise<[{id, html, svg}]>.
   Options: id, src (the data URL the snippet points at; by default the URL given, else
   the JSON goes inline), inline, theme ('auto' | 'light' | 'dark'), lang, width (the
   image's, 280-1400, default 640), script (the URL of factbox.js). Rejects with a
   FactboxError when the document or any box is broken. */
function prerender(input, o) {
  return new Promise(function (resolve) {
    o = o == null ? {} : o;
    if (typeof o !== 'object') throw usage('bad-options', 'factbox.prerender: options must be an object');
    if (o.theme != null && o.theme !== 'auto' && o.theme !== 'light' && o.theme !== 'dark') {
      throw usage('bad-options', 'factbox.prerender: theme must be "auto", "light" or "dark", not ' + JSON.stringify(o.theme));
    }
    if (o.lang != null && o.lang !== 'vi' && o.lang !== 'en') {
      throw usage('bad-options', 'factbox.prerender: lang must be "vi" or "en", not ' + JSON.stringify(o.lang));
    }
    var width = o.width == null ? IMAGE_WIDTH.fallback : Number(o.width);
    if (!(width >= IMAGE_WIDTH.min && width <= IMAGE_WIDTH.max)) {
      throw usage('bad-options', 'factbox.prerender: width must be ' + IMAGE_WIDTH.min + ' to ' + IMAGE_WIDTH.max + ' pixels');
    }
    var job = jobOf(input, o.id == null ? null : String(o.id));
    var src = o.inline === true ? null : (o.src != null ? String(o.src) : (job.source || null));
    var wasmOptions = {
      data: src, theme: o.theme || 'auto', lang: o.lang || undefined, width: width,
      script: o.script != null ? String(o.script) : undefined
    };
    if (job.url === null) throw usage('bad-document', 'factbox.prerender: ' + job.source + ' is not a URL');
    var text = job.url === undefined ? Promise.resolve(job.text) : loadFile(job.url, TIMEOUT_SECONDS);
    resolve(Promise.all([text, startWasm()]).then(function (got) {
      try {
        return got[1].prerender(got[0], job.pick, wasmOptions);
      } catch (problems) {
        throw Array.isArray(problems) ? new FactboxError(problems) : problems;
      }
    }));
  });
}

