/* What a page needs only now and then: factbox's public API, `factbox.render` and the Box
   it resolves with (for a page whose own code calls it: embeds, which every reader's page
   has, never do), a box's image download (when a reader asks for it) and a legend's
   redraw (when a reader switches a series off or on). A part of its
   own in the script tag's build (factbox_api.<hash>.js beside factbox.js, fetched the
   first time either is used); built into the npm module and the studio's bundle. */

// Given the functions and state of api.js (and interact.js) this part uses, in this order
// (api.js's `api` part passes them; as parameters, their names cost no bytes). Returns
// { render, downloadImage, redraw }.
function apiFactory(show, jobOf, usage, known, FactboxError, shown, generations, release, asked,
  reasons, themeRules, TIMEOUT_SECONDS, boxIdOf, attachChart, embedJob, loadFile, startWasm,
  readersEngine, picksOf, docOf, pageLang) {
var IMAGE_SCALE = 2;   // the PNG has twice the CSS pixels: sharp when shared or printed

// The document an element shows, read by the readers' engine (or the editors'), for what
// the interaction layer asks of a box after it is shown: the legend's redraw, the image.
// A prerendered box loads the engine only then.
function engineFor(el, editor) {
  var job = (asked.get(el) || {}).job || embedJob(el);
  if (job.text == null && !job.url) return Promise.reject(new Error('no document for this box'));
  var text = job.url ? loadFile(job.url, TIMEOUT_SECONDS) : Promise.resolve(job.text);
  return text.then(function (t) {
    return startWasm(editor || readersEngine(t, picksOf(job))).then(function (wb) {
      return docOf(wb, t, pageLang(el));
    });
  });
}

// A legend's press (www/interact.js): the chart drawn again without the series `hidden`
// (their indexes).
function redraw(host, figure, hidden) {
  return engineFor(host, false).then(function (doc) {
    var chart = figure.querySelector('.fb-chart');
    chart.innerHTML = doc.drawings(boxIdOf(figure), new Uint32Array(hidden));
    attachChart(chart);
  }).catch(function (e) { console.error('factbox: the legend could not redraw the chart', e); });
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


// The options of `render`, checked; a wrong one is a usage error, not a silent default.
var RENDER_OPTIONS = ['id', 'lazy', 'errors', 'quiet', 'lang', 'timeout', 'signal'];

function options(o) {
  o = o == null ? {} : o;
  if (typeof o !== 'object') throw usage('bad-options', 'factbox.render: options must be an object');
  known(o, RENDER_OPTIONS, 'render');
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

// Resolves when the box in `el` is shown; rejects with a FactboxError when it shows an
// error instead, its messages in `lang` if asked.
function settled(got, lang) {
  if (!got.failed) return Promise.resolve();
  return Promise.reject(new FactboxError(got.problems.map(function (p) {
    return lang && p[lang] ? Object.assign({}, p, { message: p[lang] }) : p;
  })));
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
    var got = !this._freed && shown.get(this.element);
    return got ? got.kinds : '';
  }
  /* Shows another document (object, text or URL) in the same element. */
  update(input, opts) {
    if (this._freed) return Promise.reject(usage('freed', 'factbox: this box was freed'));
    // The options given to render hold, but for its signal (that call's own); those
    // given here change them.
    var held = Object.assign({}, this._options);
    delete held.signal;
    return draw(this, input, opts == null ? held : Object.assign(held, opts));
  }
  /* Removes the box: the element is left empty. Safe to call twice. */
  free() {
    if (this._freed) return;
    this._freed = true;
    var el = this.element;
    generations.set(el, (generations.get(el) || 0) + 1);  // a load still under way is dropped
    release(el);
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
    box._options = o == null ? {} : Object.assign({}, o);
    var job = jobOf(input, opts.id);
    var el = box.element;
    if (opts.signal && opts.signal.aborted) throw opts.signal.reason;
    if (opts.signal) {
      opts.signal.addEventListener('abort', function () {
        box.free();
        reject(opts.signal.reason);
      }, { once: true });
    }
    show(el, job, opts).then(function (got) {
      if (!got) {
        if (box._freed) throw usage('freed', 'factbox: this box was freed');
        if (el.getAttribute('data-factbox-state') === 'error') {
          throw usage('internal', reasons.get(el) || 'factbox could not start');
        }
        throw usage('superseded', 'factbox: the element was given another document before this one was shown');
      }
      return settled(got, opts.lang);
    }).then(function () { resolve(box); }, function (e) {
      // The element holds a box (or its failure) either way: the handle to free it.
      if (e instanceof FactboxError) e.box = box;
      reject(e);
    });
  });
}

/* Renders `input` (a document object, its JSON text, or its URL) into `element`. */
function render(element, input, o) {
  if (typeof Element !== 'function' || !(element instanceof Element)) {
    return Promise.reject(usage('bad-element', 'factbox.render: the first argument must be an element, not ' + (element === null ? 'null' : typeof element)));
  }
  themeRules();
  var box = boxes.get(element);
  if (!box || box._freed) {
    box = new Box(element);
    boxes.set(element, box);
  }
  return draw(box, input, o);
}

return { render: render, downloadImage: downloadImage, redraw: redraw };
}
