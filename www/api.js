/* factbox's JavaScript API: render(element, document | text | URL, options) -> Promise<Box>,
   the same on window.factbox (script tag) and in the npm package; and what is under it:
   fetching a file (one request per file, size limit, timeout, retry), starting the wasm
   (again after a trap), and turning the wasm's problems into a FactboxError.
   Built inside one function scope after the constants of src/page.rs (MAX_BYTES, WORDS,
   VERSION...) and a head that says where the parts are (WASM_URL, glueCode(): wasm-bindgen's
   glue, liveCode()). No eval, no inline handlers, no
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

// An error said in the console, as factbox's.
function said(e) {
  console.error('factbox:', e && e.message ? e.message : e);
}

// A problem found outside any document (a bad argument, a freed box, a wasm that cannot run).
function problem(code, message) {
  return { id: null, path: '', line: null, column: null, code: code, message: message };
}

function usage(code, message) {
  return new FactboxError([problem(code, message)]);
}

// ---------------------------------------------------------------------------------------
// The wasm: a pure function from a document to a box's markup (src/web/mod.rs). Two
// builds of it: the readers' (WASM_URL), and the editors' (EDITOR_URL: messages, the
// image download, prerender), fetched only when a box fails or an image is asked for. In
// the npm package both are the editors' build. Each is compiled once, while it downloads,
// and instantiated with fresh glue (newGlue, from glueCode()) whenever the instance before has trapped.
// The script tag's readers' engine also comes as one engine per kind of box (KIND_FILES,
// named by `make dist`; src/kinds.rs), for documents whose boxes are all of one kind
// (see readersEngine).

var engines = {};  // URL -> { compiled, ready, docs }
// `which`: nothing for the readers' engine, a kind's name for that kind's readers' engine,
// true for the editors', 'live' for the one that reads live data (the editors' engine of
// the script tag; a file of its own in the npm package, whose editors' engine is the
// developers').
function startWasm(which) {
  var url = which === 'live' ? LIVE_ENGINE_URL : which === true ? EDITOR_URL : engineUrl(which);
  var e = engines[url] || (engines[url] = { compiled: null, ready: null, docs: new Map() });
  if (!e.compiled) {
    var bytes = function () {
      return fetch(url).then(wasmBytes).then(WebAssembly.compile);
    };
    e.compiled = local(url) ? readLocal(url).then(WebAssembly.compile)
      : typeof WebAssembly.compileStreaming === 'function'
      // A server that does not send application/wasm: compile from the bytes.
      ? WebAssembly.compileStreaming(fetch(url)).catch(bytes)
      : bytes();
    e.compiled.catch(function () { e.compiled = null; });
  }
  if (!e.ready) {
    var glue = null;
    // The glue (a part of its own in the script tag's build) loads while the wasm does.
    e.ready = Promise.all([e.compiled, glueCode()]).then(function (got) {
      glue = got[1]();
      // Instantiated at once: the module is compiled (www/shorten-imports.mjs left the
      // glue's own loader out).
      glue.initSync({ module: got[0] });
    }).then(function () {
      // The stylesheet of every box this engine draws (an engine of one kind has only its
      // kind's rules), made once and adopted by every shadow root it draws.
      if (!e.sheet && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
        e.sheet = new CSSStyleSheet();
        e.sheet.replaceSync(glue.style() + LIVE_CSS);
      }
      glue.engine = e;
      return glue;
    });
    e.ready.catch(function () { e.ready = null; });
  }
  return e.ready;
}
var failSheet = null;
// The address of a readers' engine: a kind's or a set's by its name, else the whole one.
function engineUrl(name) {
  return name ? new URL('factbox_bg_' + name + '.' + KIND_FILES[name] + '.wasm', BASE_URL).href : WASM_URL;
}

// The readers' engine for the boxes of `text` that the page shows (`picks`: their ids, or
// null for every box): the smallest that draws their kinds (see engineOfKinds): the engine
// of their kind when they are all of one kind, about 60% of the whole readers' engine (a
// bar chart's 70 kB gzip against 120), else a set's (`charts`: every kind but the
// table, 107 kB), else the whole.
// An engine that runs already draws every box it can, so that a page fetches no engine
// twice over; a page of documents each of one kind, but of different kinds, fetches each
// kind's, unless its embeds name their kinds (see startNamed). A document that is not JSON goes to the whole engine, which says what is wrong;
// one over KIND_PARSE_BYTES (read here by JSON.parse first) to the engine its embeds
// named (`hinted`, see hintedEngine), else the whole. One whose kinds were misread draws
// all the same, with the editors' engine (a kind's engine refuses other kinds:
// kind-not-built).
var KIND_PARSE_BYTES = 256 * 1024;
function readersEngine(text, picks, hinted) {
  if (!KIND_LIST.length || engines[WASM_URL]) return undefined;
  if (text.length > KIND_PARSE_BYTES) return hinted;
  return engineOfKinds(kindsShown(text, picks));
}
// The engine for boxes of these kinds, by its name (undefined: the whole one): one that
// runs already and draws them all, else the first built that does. KIND_FILES lists the
// kinds' engines first, then the sets' from the smallest (the Makefile's SETS).
function engineOfKinds(kinds) {
  if (!kinds.length || engines[WASM_URL]) return undefined;
  var names = Object.keys(KIND_FILES).filter(function (name) {
    var has = KIND_SETS[name] || [name];
    return kinds.every(function (k) { return has.indexOf(k) >= 0; });
  });
  return names.filter(function (name) { return engines[engineUrl(name)]; })[0] || names[0];
}
// The kinds of the boxes of `text` that `picks` names (all, for null), each once.
function kindsShown(text, picks) {
  var kinds = [];
  boxKinds(text).forEach(function (b) {
    if ((!picks || picks.has(b[0])) && kinds.indexOf(b[1]) < 0) kinds.push(b[1]);
  });
  return kinds;
}
// Each box's [id, kind] in a document, read once however many boxes of the page show it
// (the last DOCS_KEPT documents); none for a text that is not JSON.
var boxKindsRead = new Map();
function boxKinds(text) {
  var got = boxKindsRead.get(text);
  if (got) return got;
  got = [];
  try {
    var doc = JSON.parse(text);
    (doc && Array.isArray(doc.boxes) ? doc.boxes : []).forEach(function (b) {
      if (b) got.push([String(b.id), b.kind]);
    });
  } catch (e) { /* not JSON: the whole engine, which says what is wrong */ }
  if (boxKindsRead.size >= DOCS_KEPT) boxKindsRead.delete(boxKindsRead.keys().next().value);
  boxKindsRead.set(text, got);
  return got;
}
// The kinds that have an engine of their own (not the sets).
var KIND_LIST = Object.keys(KIND_FILES).filter(function (name) { return !KIND_SETS[name]; });
// The engine the page preloads (`<link rel="preload">` naming it, as the demo pages do):
// the whole one (undefined), also where there are no other engines (the npm module), a
// kind's or a set's by its name, or null for none. Read once (a page's preloads are in
// its head): every embed asks, and a page of 200 would build 1,800 addresses.
var preloads = null;
function preloaded() {
  if (!KIND_LIST.length) return undefined;
  if (!preloads) {
    var hrefs = [].map.call(document.querySelectorAll('link[rel=preload]'), function (l) { return l.href; });
    preloads = [undefined].concat(Object.keys(KIND_FILES)).filter(function (name) {
      return hrefs.indexOf(String(engineUrl(name))) >= 0;
    }).concat(null);
  }
  return preloads[0];
}
// The ids of the boxes of `job`'s document that the page shows (null: every box).
function picksOf(job) {
  if (job.url && wanted.has(job.url)) return wanted.get(job.url);
  return job.pick == null ? null : new Set([job.pick]);
}
// Each document's boxes the page's embeds show (URL -> Set of ids, or null for all), for
// readersEngine: known for every embed by the time the first document arrives.
var wanted = new Map();
function want(url, pick, kinds) {
  if (!wanted.has(url)) wanted.set(url, new Set());
  var ids = wanted.get(url);
  if (pick == null) wanted.set(url, null);
  else if (ids) ids.add(pick);
  // The kinds its embeds name: null once one names none.
  var h = hinted.get(url);
  hinted.set(url, kinds && h !== null ? (h || []).concat(kinds) : null);
}

// An embed may name the kind of box it shows, as `factbox render`'s CMS snippet and the
// README's embed do: `data-factbox-kind="bar"` (several, space-separated, for an embed of
// a whole document). When every embed of a document names its kinds, the engine for them
// starts as the first of them comes near the viewport, while the JSON downloads, rather
// than once the JSON is in and read: a round trip earlier. The JSON still decides which
// engine draws (a wrong name costs the reader the engine it named, and the console says
// so); only a document too big to read twice (KIND_PARSE_BYTES) is drawn by the engine
// named. After the first draw the attribute is factbox's own (it says what is shown),
// so it is read only from an embed not yet shown (see mount).
var hinted = new Map();  // URL -> the kinds named, or null
var named = new Set();   // the URLs whose embeds' names have been acted on
// The engine the embeds of `url` named (undefined: the whole one), or null when one of
// them named none or a word that is no kind.
function hintedEngine(url) {
  var h = hinted.get(url);
  return h && h.every(function (k) { return KIND_LIST.indexOf(k) >= 0; }) ? engineOfKinds(h) : null;
}
// Starts the engine `url`'s embeds named, once, unless its text is in already: the one
// for every kind the page's embeds name (two kinds' engines are more than one that draws
// both).
function startNamed(url) {
  if (named.has(url)) return;
  named.add(url);
  if (hintedEngine(url) === null || engines[WASM_URL]) return;
  var kinds = [];
  hinted.forEach(function (h, other) {
    if (hintedEngine(other) === null) return;
    h.forEach(function (k) { if (kinds.indexOf(k) < 0) kinds.push(k); });
  });
  startWasm(engineOfKinds(kinds));
}
// Says, once per embed, that what it named is not what its document holds.
function checkNamed(job, text) {
  if (!job.kinds || text.length > KIND_PARSE_BYTES) return;
  var is = kindsShown(text, job.pick == null ? null : new Set([job.pick])).sort().join(' ');
  var said = job.kinds.sort().join(' ');
  if (is && is !== said) console.warn('factbox: ' + job.source + ' is ' + is + ', not data-factbox-kind="' + said + '"');
}

// Whether `url` is read from the disk (Node) rather than fetched.
function local(url) {
  return readLocal !== null && String(url).indexOf('file:') === 0;
}

// The bytes of a fetched wasm, or an error that says what came instead and what to do
// (WASM_HELP, each build's own: a dev server that rewrites the npm module's asset URLs,
// Vite's dependency pre-bundling, answers with its HTML page).
function wasmBytes(res) {
  return res.arrayBuffer().then(function (buf) {
    var head = new Uint8Array(buf, 0, Math.min(4, buf.byteLength));
    if (head.length === 4 && head[0] === 0 && head[1] === 0x61 && head[2] === 0x73 && head[3] === 0x6d) return buf;
    throw new Error('factbox: ' + res.url + ' is not the wasm (HTTP ' + res.status + ', '
      + (res.headers.get('content-type') || 'no content type') + '). ' + WASM_HELP);
  });
}
// Live boxes only: a box far from the viewport is not laid out or painted until it comes
// near (its height meanwhile the last it had, or an estimate), so that a page of many
// boxes lays out only what is on screen. (Snippets do without: their height is never
// estimated, so that a prerendered page shifts nothing.)
var LIVE_CSS = '.fb{content-visibility:auto;contain-intrinsic-size:auto ' + ESTIMATED_HEIGHT + 'px}';
// The stylesheet of failure views, from the editors' engine, made once.
function failureSheet(wb) {
  if (!failSheet) {
    failSheet = new CSSStyleSheet();
    failSheet.replaceSync(wb.failure_style());
  }
  return failSheet;
}

// A trap (a Rust panic, or any wasm RuntimeError) leaves that instance's state unknown:
// the next call starts a new one. Boxes already shown are markup and stay as they are.
function restart(wb, error) {
  console.error('factbox: the wasm instance trapped; starting a new one', error);
  var e = wb.engine;
  if (e) {
    e.ready = null;
    e.docs = new Map();
  }
}

var DOCS_KEPT = 16;
// The document `text` read and checked once by engine `wb`, for every box that shows it;
// the last DOCS_KEPT documents are kept (their wasm memory freed after that).
function docOf(wb, text, lang) {
  var docs = wb.engine.docs;
  var key = lang + ':' + text;
  var doc = docs.get(key);
  if (doc) {
    docs.delete(key);
  } else {
    doc = new wb.Doc(text, lang);
    if (docs.size >= DOCS_KEPT) {
      var oldest = docs.keys().next().value;
      docs.get(oldest).free();
      docs.delete(oldest);
    }
  }
  docs.set(key, doc);
  return doc;
}

// ---------------------------------------------------------------------------------------
// The page's one queue of boxes to build: run in tasks of at most BUDGET_MS each, so that
// a page of 200 boxes never blocks the main thread; each box is one call to the wasm and
// one innerHTML.

var BUDGET_MS = 10;
var queue = [];
var pumping = false;
// The next task, by a message to ourselves: nested timeouts are held back 4 ms each by
// the browser, which a page of 200 boxes would wait about 90 times.
// Made on first use: importing the module (in Node, for server-side rendering) must not
// open a port, which would keep the process alive.
var channel = null;
function nextTask() {
  if (typeof MessageChannel !== 'function') return setTimeout(pump, 0);
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = pump;
  }
  channel.port2.postMessage(null);
}
function enqueue(job) {
  queue.push(job);
  if (!pumping) {
    pumping = true;
    nextTask();
  }
}
function pump() {
  var until = performance.now() + BUDGET_MS;
  while (queue.length && performance.now() < until) queue.shift()();
  if (queue.length) nextTask();
  else pumping = false;
}

// ---------------------------------------------------------------------------------------
// What each element shows.

// The JSON inside an embed, in a <script type="application/json"> child.
function inlineJson(el) {
  var scripts = el.querySelectorAll('script[type="application/json"]');
  for (var i = 0; i < scripts.length; i++) {
    if (scripts[i].parentElement === el) return scripts[i].textContent;
  }
  return null;
}

var shown = new WeakMap();        // element -> what it shows (Shown, see put)
var generations = new WeakMap();  // element -> number, so a stale load never overwrites
var asked = new WeakMap();        // element -> { job, opts }, to do it again (retry)
var files = new Map();            // absolute URL -> Promise<string>

function LoadError(code, url, status) {
  this.code = code;
  this.url = url;
  this.status = status || 0;
}

// `fresh`: a live box's data (www/live.js): never from the browser's cache, and what came
// is the data reader's to judge (a web page is named as such there, with its fix).
function fetchText(url, seconds, fresh) {
  if (local(url)) {
    return readLocal(url).then(function (buf) {
      if (buf.length > MAX_BYTES) {
        var big = new LoadError('toolarge', url);
        big.amount = Math.ceil(buf.length / 1024);
        throw big;
      }
      return new TextDecoder().decode(buf);
    }, function (e) {
      var failed = new LoadError('network', url);
      failed.local = e && e.message;  // e.g. ENOENT: no such file or directory, open '…'
      throw failed;
    });
  }
  var controller = typeof AbortController === 'function' ? new AbortController() : null;
  var timer = setTimeout(function () { if (controller) controller.abort(); }, seconds * 1000);
  var timedOut = function () { return controller && controller.signal.aborted; };
  return fetch(url, { signal: controller ? controller.signal : undefined, credentials: 'same-origin',
    cache: fresh ? 'no-store' : 'default' })
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
        // Sent without its length (compressed, chunked): refused once it is known.
        if (text.length > MAX_BYTES) {
          var big = new LoadError('toolarge', url);
          big.amount = Math.ceil(text.length / 1024);
          throw big;
        }
        if (!fresh && /html/i.test(type) && /^\s*</.test(text)) throw new LoadError('notjson', url);
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
  stopLive(el);
  unreserve(el);
  shown.delete(el);
  if (nearing.delete(el)) nearObserver.unobserve(el);
}

// A box not yet drawn holds the height of a typical one, so that the article under it
// moves little when it comes (layout shift); an element the page has given a height of
// its own, or that shows a box already, keeps what it has.
var reserved = new WeakSet();
function reserve(el) {
  if (shown.has(el) || reserved.has(el) || el.shadowRoot || el.style.minHeight || el.style.height
    || el.querySelector(':scope > .factbox-plain')) return;
  reserved.add(el);
  el.style.minHeight = ESTIMATED_HEIGHT + 'px';
}

function unreserve(el) {
  if (!reserved.delete(el)) return;
  el.style.removeProperty('min-height');
  if (el.getAttribute('style') === '') el.removeAttribute('style');
}

// Whether whoever looks at `el` should see full error messages (editors previewing a
// page) or a short notice (readers of the published page): the rule of src/page.rs.
function editorView(el) {
  var marked = el.closest('[' + DEBUG_ATTRIBUTE + ']');
  if (marked) return DEBUG_OFF.indexOf(marked.getAttribute(DEBUG_ATTRIBUTE).trim()) < 0;
  return (location.search + location.hash).indexOf(DEBUG_FLAG) >= 0
    || LOCAL_HOSTS.indexOf(location.hostname) >= 0 || location.protocol === 'file:';
}

// Shown only when the wasm itself cannot run, so it cannot write the message itself:
// readers get the same neutral notice as for any broken box, editors the reason, in the
// widget's words (WORDS, from src/page.rs).
var reasons = new WeakMap();  // element -> why the wasm could not show it, for render()
function fallback(el, error, trapped) {
  reasons.set(el, error);
  var lang = (el.closest('[lang]') || document.documentElement).getAttribute('lang') || '';
  var words = WORDS[lang.toLowerCase().indexOf(ENGLISH_PREFIX) === 0 ? 'en' : 'vi'];
  var text = !editorView(el) ? words.unavailable
    : trapped ? words.title + ': ' + words.internal.replace('%s', error) + '. ' + words.report
    : words.title + ': ' + words.noStart + ' (' + error + ').';
  var opts = (asked.get(el) || {}).opts || {};
  if (keeps(el)) {
    unreserve(el);
    if (!opts.quiet) console.error('factbox:', error);
    told(el, 'error', { problems: [problem('internal', text)] });
    return;
  }
  var root = el.shadowRoot || (el.attachShadow ? el.attachShadow({ mode: 'open' }) : el);
  if (opts.errors === 'none') {
    root.replaceChildren();
  } else {
    var p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = text;
    root.replaceChildren(p);
  }
  unreserve(el);
  el.setAttribute('data-factbox-state', 'error');
  el.dispatchEvent(new CustomEvent('factbox:error', {
    bubbles: true, composed: true, detail: { errors: [text], problems: [problem('internal', text)] }
  }));
  if (!opts.quiet) console.error('factbox:', error);
}

// The language of the page around `el`, for messages written before the document's is
// known and for boxes whose document does not say.
function pageLang(el) {
  var lang = (el.closest('[lang]') || document.documentElement).getAttribute('lang') || '';
  return lang.toLowerCase().indexOf(ENGLISH_PREFIX) === 0 ? 'en' : 'vi';
}

// Puts what the wasm wrote into `el`: the markup into its shadow root, made interactive;
// its state on the element and, in a microtask, a factbox:ready or factbox:error event.
function put(el, got, opts) {
  if (got.failed && keeps(el)) {
    if (!opts.quiet) got.log.forEach(function (line) { if (line) console.error(line); });
    told(el, 'error', got);
    return got;
  }
  var root = el.shadowRoot || el.attachShadow({ mode: 'open' });
  var sheet = got.engineSheet;
  if (sheet) root.adoptedStyleSheets = got.failed && got.sheet ? [sheet, got.sheet] : [sheet];
  root.innerHTML = got.html;
  if (!sheet) {
    // No constructable stylesheets: the stylesheet as an element, first.
    var style = document.createElement('style');
    style.textContent = got.style;
    root.prepend(style);
  }
  if (got.rows) {
    root.querySelectorAll('[data-fb-rest]').forEach(function (t) {
      var id = t.getAttribute('data-fb-rest');
      t.__fbRows = function (from, to) { return got.rows(id, from, to); };
      t.__fbCsv = function () { return got.csv(id); };
    });
  }
  var coming = attach(root, el);
  if (got.kinds) el.setAttribute('data-factbox-kind', got.kinds);
  else el.removeAttribute('data-factbox-kind');
  if (!opts.quiet) got.log.forEach(function (line) { if (line) console.error(line); });
  var button = root.querySelector('.fb-retry');
  if (button) {
    // "Thử lại" / "Try again" after a failed download does the same again (a failed
    // request is not cached).
    button.addEventListener('click', function () {
      var again = asked.get(el);
      if (again) show(el, again.job, again.opts);
    });
  }
  shown.set(el, got);
  unreserve(el);
  // A table is ready once its interaction has come (see tableOn).
  var done = function () {
    if (shown.get(el) === got) told(el, got.failed ? 'error' : 'ready', got);
    return got;
  };
  return coming ? coming.then(done) : done();
}

// Sets the element's state and says so (factbox:ready, factbox:error).
function told(el, state, got) {
  el.setAttribute('data-factbox-state', state);
  queueMicrotask(function () {
    el.dispatchEvent(new CustomEvent('factbox:' + state, {
      bubbles: true, composed: true,
      detail: state === 'error' ? { errors: got.problems.map(function (p) { return p.message; }), problems: got.problems } : null
    }));
  });
}

// A failure never makes a box worse for readers: a prerendered box (taken over) or a
// snippet's plain version (src/plain.rs) stays on screen when the data or the engine
// fails; the console says why. Editors see the failure.
function keeps(el) {
  if (editorView(el)) return false;
  if (taken.has(el)) return true;
  var plain = el.querySelector(':scope > .factbox-plain');
  return plain !== null && !el.shadowRoot;
}

// Runs `make(wb)` with the readers' engine (or the editors', when the readers' one wrote
// a failure without its words), in the page's queue, and puts the result into `el`.
// `prepare(wb)`, if given, runs as a job of its own before it: reading the document, the
// longest call of a page's first box (the wasm compiles each function at its first call),
// so that it and the box's drawing are not one task over 50 ms.
// Resolves with what was shown, or null when the element was given something else
// meanwhile or the wasm could not run.
function settle(el, gen, opts, make, engine, prepare) {
  return startWasm(engine).then(function (wb) {
    return new Promise(function (resolve) {
      var early = null;
      // What it throws is thrown again by the box's job, which says it.
      if (prepare) enqueue(function () { try { prepare(wb); } catch (e) { early = e; } });
      enqueue(function () {
        if (generations.get(el) !== gen) return resolve(null);
        var got;
        try {
          if (early) throw early;
          got = make(wb);
        } catch (e) {
          var trap = e instanceof WebAssembly.RuntimeError;
          if (trap) restart(wb, e);
          fallback(el, e && e.message ? e.message : String(e), trap);
          return resolve(null);
        }
        if (got.failed && !got.messages) {
          // Its words are in the editors' engine, fetched now.
          return resolve(settle(el, gen, opts, make, true));
        }
        var sheet = got.engineSheet = wb.engine.sheet || null;
        got.style = sheet ? '' : wb.style() + (got.failed ? wb.failure_style() : '');
        if (got.failed && sheet) got.sheet = failureSheet(wb);
        resolve(put(el, got, opts));
      });
    });
  }, function (e) {
    if (generations.get(el) === gen) fallback(el, e && e.message ? e.message : String(e));
    return null;
  });
}

/* Shows `job` in `el`: { text, pick, source } (a document's text), { url, pick, source }
   (a file to fetch) or { missing: true } (an embed with no data). `opts` are the API's
   options, normalised (see `options`). Resolves with what was shown, or null. */
function show(el, job, opts) {
  var gen = (generations.get(el) || 0) + 1;
  generations.set(el, gen);
  asked.set(el, { job: job, opts: opts });
  el.setAttribute('data-factbox-state', 'loading');
  reserve(el);
  var view = { editor: editorView(el), errors: opts.errors, source: job.source, lang: pageLang(el) };
  var failed = function (code, url, status, amount) {
    return settle(el, gen, opts, function (wb) { return wb.fail(code, url || '', status || 0, amount || 0, view); }, true);
  };
  if (job.missing) return failed('nodata');
  if (job.url === null) return failed('network', job.source);
  var lang = opts.lang || view.lang;
  // A lazy box waits to come near the viewport before it is first shown; one that shows
  // something already is shown again at once.
  var near = whenNear(el, opts.lazy && !shown.has(el));
  var draw = function (text) {
    return near.then(function () {
      if (generations.get(el) !== gen) return null;
      var picks = picksOf(job);
      // A table among the boxes the page shows from it: its interaction comes while the
      // box is drawn (a document too big to read twice: if it may have one).
      if (text.length > KIND_PARSE_BYTES ? text.indexOf('"table"') >= 0
        : kindsShown(text, picks).indexOf('table') >= 0) tables.soon();
      var normally = function () {
        return settle(el, gen, opts, function (wb) {
        var got = docOf(wb, text, lang).show(job.pick, view);
        // A paged table comes with its first page of rows: the rest when asked for.
        got.rows = function (id, from, to) { return docOf(wb, text, lang).rows(id, from, to); };
        got.csv = function (id) { return docOf(wb, text, lang).csv(id); };
        return got;
        }, readersEngine(text, picks, job.url ? hintedEngine(job.url) : null), function (wb) { docOf(wb, text, lang); });
      };
      if (!mayBeLive(text)) return normally();
      return showLive(el, gen, job, opts, view, text, lang).then(function (got) {
        return got === undefined ? normally() : got;
      }, function (e) {
        // The live part could not be loaded: the box's own values, as without it.
        if (!opts.quiet) said(e);
        return normally();
      });
    });
  };
  if (job.url === undefined) return draw(job.text);
  want(job.url, job.pick, job.kinds);
  // The readers' engine compiles while the JSON downloads when it is the one the page
  // will use: without engines per kind, or when the page preloads one (the demo pages do:
  // the whole engine where their document has every kind, the `charts` one where it has
  // no table); so does the engine the embeds name (see hintedEngine), once the first of
  // them is near. Otherwise which engine is known only from the JSON.
  var early = preloaded();
  if (early !== null) startWasm(early);
  else near.then(function () { startNamed(job.url); });
  if (job.kinds && job.kinds.indexOf('table') >= 0) tables.soon();
  return loadFile(job.url, opts.timeout).then(function (text) {
    named.add(job.url);
    if (!opts.quiet) checkNamed(job, text);
    return draw(text);
  }, function (e) {
    return failed(e.code || 'network', e.url || job.url, e.status, e.amount || opts.timeout);
  });
}

// ---------------------------------------------------------------------------------------
// Live data (www/live.js): a box whose values are read from a URL (`"data": {"url",
// "refresh"}`). Its code is a part of its own, loaded only by a page that has such a box:
// by the script tag, as factbox_live.<hash>.js beside factbox.js (LIVE_URL); built into
// the npm module. `liveCode()` resolves with its functions, given the ones of this file
// it uses.

var live = null;  // the live part, once loaded

// Whether `text` may have a box with live data (a `"data":` field): only then is the
// live part loaded, which reads the document to know.
function mayBeLive(text) {
  return /"data"\s*:/.test(text);
}

function liveParts() {
  return {
    startWasm: startWasm, docOf: docOf, settle: settle, shown: shown, taken: taken,
    told: told, generations: generations, editorView: editorView, baseUrl: baseUrl,
    fetchText: fetchText
  };
}

// Shows `text` in `el` through the live part when a box of it (as `job` picks) has live
// data; resolves with null (nothing done) when none has.
function showLive(el, gen, job, opts, view, text, lang) {
  return liveCode().then(function (made) {
    live = live || made(liveParts());
    return live.show(el, gen, job, opts, view, text, lang);
  });
}

function stopLive(el) {
  if (live) live.stop(el);
}

// Resolves at once, or with `lazy` when `el` comes near the viewport: one observer for
// the page's boxes.
var nearing = new Map();  // element -> resolve, while it waits
var nearObserver = null;
function whenNear(el, lazy) {
  if (!lazy || typeof IntersectionObserver !== 'function') return Promise.resolve();
  return new Promise(function (resolve) {
    nearObserver = nearObserver || new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        var go = e.isIntersecting && nearing.get(e.target);
        if (go) {
          nearing.delete(e.target);
          nearObserver.unobserve(e.target);
          go();
        }
      });
    }, { rootMargin: NEAR_MARGIN });
    nearing.set(el, resolve);
    nearObserver.observe(el);
  });
}

// The job of an embed: `data-factbox="data/boxes.json#id"` (a file), or `data-factbox="#id"`
// / "" with the JSON inline in a <script type="application/json"> child.
function embedJob(el) {
  var attr = (el.getAttribute('data-factbox') || '').trim();
  if (attr === '' || attr.charAt(0) === '#') {
    var text = inlineJson(el);
    var pick = attr.length > 1 ? decodeURIComponent(attr.slice(1)) : null;
    return text === null ? { missing: true } : { text: text, pick: pick, source: null };
  }
  return fileJob(attr, null);
}


// A file's address as an embed writes it (`data/boxes.json#id`) -> the job.
function fileJob(address, pick) {
  var url;
  try {
    url = new URL(address, baseUrl());
  } catch (e) {
    return { url: null, source: address };
  }
  var id = url.hash ? decodeURIComponent(url.hash.slice(1)) : null;
  url.hash = '';
  return { url: url.href, pick: pick != null ? pick : id, source: address };
}

// ---------------------------------------------------------------------------------------
// Embeds on the page: prerendered snippets taken over, the others shown live (hydrate).

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
  var job = embedJob(el);
  // What the page's author wrote, not what factbox wrote after a first draw.
  if (job.url && !asked.has(el) && el.getAttribute('data-factbox-kind')) {
    job.kinds = el.getAttribute('data-factbox-kind').trim().split(/\s+/);
  }
  // The options render's would be (www/render.js), from the element's attributes (read
  // and checked by lazyOf and timeoutOf).
  return show(el, job, {
    id: null, lazy: lazyOf(el), errors: 'box', quiet: false, lang: null, timeout: timeoutOf(el), signal: null
  });
}

// A prerendered box (`factbox render`) is already on screen, whole: the interaction layer
// attaches to its markup as it is (tooltips, keys, table, CSV), with no wasm and no fetch;
// only the legend and the image download, if pressed, load the engine and the file.
var taken = new WeakSet();
function prerendered(el) {
  if (!el.hasAttribute('data-factbox-hash') || asked.has(el)) return false;
  if (!el.shadowRoot) attachSnippet(el);
  return el.shadowRoot !== null && el.shadowRoot.querySelector('figure.fb') !== null;
}

// A snippet whose shadow root was never attached: its `<template shadowrootmode>` lost
// the attribute to a sanitizer (DOMPurify's defaults strip it), or the snippet came in
// through innerHTML, which does not attach declarative shadow roots. Its template still
// holds the box: attached now, it hides the plain version beside it (src/plain.rs).
function attachSnippet(el) {
  var t = el.firstElementChild;
  if (!t || t.localName !== 'template' || !t.content.querySelector('figure.fb')) return;
  el.attachShadow({ mode: 'open' }).appendChild(t.content.cloneNode(true));
}

function takeOver(el) {
  if (taken.has(el)) return;
  taken.add(el);
  // Attached as a job of the page's queue, a box a job, not in the task that runs this
  // script: that task is also the end of the page's parsing and its first layout, long
  // already (traced on the demo article: attaching its 13 boxes there was 10-15 ms of it).
  enqueue(function () { attachTaken(el); });
}
function attachTaken(el) {
  // Shown from its data meanwhile (render, or a stale snippet), or no longer in the page.
  if (asked.has(el) || !taken.has(el) || !el.shadowRoot) return;
  var coming = attach(el.shadowRoot, el);
  var kinds = [];
  el.shadowRoot.querySelectorAll('figure.fb').forEach(function (f) {
    var k = f.getAttribute('data-kind');
    if (kinds.indexOf(k) < 0) kinds.push(k);
  });
  el.setAttribute('data-factbox-kind', kinds.join(' '));
  // Ready at once, or once a table's interaction has come (see tableOn), unless shown
  // from its data meanwhile (a stale snippet).
  var ready = function () { if (!asked.has(el)) told(el, 'ready'); };
  if (coming) coming.then(ready);
  else ready();
  afterLoad(function () { idle(function () { freshCheck(el); }); });
}

// A snippet's check against its data, once the page is idle (www/fresh.js, a part: only
// pages of prerendered boxes load it), given what of this file it uses, in the order of
// freshFactory's parameters. If it cannot be loaded, the snippet stays as it was made.
var fresh = part(typeof freshFactory === 'function' ? freshFactory : null, freshCode, function (made) {
  return made(embedJob, asked, loadFile, timeoutOf, mayBeLive, mount);
});
function freshCheck(el) {
  fresh.later().then(function (check) { check(el); }, function () {});
}

function afterLoad(f) {
  if (document.readyState === 'complete') f();
  else window.addEventListener('load', f, { once: true });
}

function idle(f) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(f, { timeout: 4000 });
  else setTimeout(f, 200);
}

// `data-factbox-theme` on any ancestor (e.g. <html>) sets the colour scheme of the boxes
// inside that do not set their own: one rule for the page, added once. (The boxes'
// colours follow their colour scheme: src/web/style.css.)
var THEME_CSS = '[data-factbox-theme="dark"] [data-factbox]:not([data-factbox-theme]){color-scheme:dark}'
  + '[data-factbox-theme="light"] [data-factbox]:not([data-factbox-theme]){color-scheme:light}';
var themed = false;
function themeRules() {
  if (themed || typeof document === 'undefined') return;
  themed = true;
  if (typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype && document.adoptedStyleSheets) {
    var s = new CSSStyleSheet();
    s.replaceSync(THEME_CSS);
    document.adoptedStyleSheets = document.adoptedStyleSheets.concat([s]);
  } else {
    var style = document.createElement('style');
    style.textContent = THEME_CSS;
    document.head.appendChild(style);
  }
}

/* Makes every box in `root` (a document or an element, itself included) what it should
   be: a prerendered snippet interactive as it is (no wasm, no fetch), any other embed
   shown from its data. Safe to call again: a box is taken over once. */
function hydrate(root) {
  root = root == null ? document : root;
  themeRules();
  var found = root.nodeType === 1 && root.hasAttribute('data-factbox') ? [root] : [];
  found.push.apply(found, root.querySelectorAll('[data-factbox]'));
  found.forEach(function (el) {
    if (taken.has(el) || asked.has(el)) return;
    if (prerendered(el)) takeOver(el);
    else mount(el);
  });
}

// ---------------------------------------------------------------------------------------
// The public API.

// An option the function does not know is a mistake (a typo would otherwise be a silent
// default): rejected, naming the ones it knows.
function known(o, names, fn) {
  Object.keys(o).forEach(function (k) {
    if (names.indexOf(k) < 0) {
      throw usage('bad-options', 'factbox.' + fn + ': unknown option ' + JSON.stringify(k)
        + ' (the options are ' + names.join(', ') + ')');
    }
  });
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

// A part of factbox.js (www/table.js, render.js, fresh.js): its factory built in
// (`builtIn`: the npm module, the studio's bundle) or fetched (`code`: the script tag, see
// loadPart), made once by `make`, which gives it what of this file it uses. `now()` is
// the part if it is here, `later()` a promise of it, `soon()` asks for it ahead of its use.
function part(builtIn, code, make) {
  var made = null;
  var now = function () {
    if (!made && builtIn) made = make(builtIn);
    return made;
  };
  var later = function () {
    return now() ? Promise.resolve(made) : code().then(function (f) { return made = made || make(f); });
  };
  return { now: now, later: later, soon: function () { later().catch(function () { /* said when used */ }); } };
}

// `factbox.render`, the image download and a legend's redraw (www/render.js), given what
// of this file they use, in the order of apiFactory's parameters.
var api = part(typeof apiFactory === 'function' ? apiFactory : null, apiCode, function (made) {
  return made(show, jobOf, usage, known, FactboxError, shown, generations, release, asked, reasons,
    themeRules, TIMEOUT_SECONDS, boxIdOf, attachChart, embedJob, loadFile, startWasm,
    readersEngine, picksOf, docOf, pageLang);
});
function render(element, input, o) {
  // Where the part is built in, the element shows "loading" before this returns.
  if (api.now()) return api.now().render(element, input, o);
  return api.later().then(function (p) { return p.render(element, input, o); });
}


