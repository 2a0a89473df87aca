/* The developers' part of the API, in the npm package only (the script tag's build leaves
   it out: every reader of every article would download it): prerender() writes boxes
   ahead of time, check() lists a document's problems. Both use the editors' engine.
   Built after api.js, in its scope. */

var PRERENDER_OPTIONS = ['id', 'src', 'inline', 'theme', 'lang', 'width', 'script', 'font', 'utcOffset'];

// The text of a job for prerender and check: a file that cannot be read rejects with a
// FactboxError whose problem says why (the editors' engine writes it, as for a box).
function textOf(job, fn) {
  if (job.url === null) return Promise.reject(usage('bad-document', 'factbox.' + fn + ': ' + job.source + ' is not a URL'));
  if (job.url === undefined) return Promise.resolve(job.text);
  return loadFile(job.url, TIMEOUT_SECONDS).catch(function (e) {
    if (!(e instanceof LoadError)) throw e;
    if (e.local) throw usage('network', 'factbox.' + fn + ': cannot read ' + job.source + ' (' + e.local + ')');
    return startWasm(true).then(function (wb) {
      var got = wb.fail(e.code, e.url || job.url, e.status || 0, e.amount || TIMEOUT_SECONDS,
        { editor: true, errors: 'box', source: job.source, lang: 'en' });
      throw new FactboxError(got.problems);
    });
  });
}

/* The problems of `input` (a document object, its JSON text, or its URL; in Node a file's
   path): Promise<problem[]>, empty when every box is good, with the editors' engine (every
   message, with its line and column), in `lang` if asked. */
function check(input, o) {
  return new Promise(function (resolve) {
    o = o == null ? {} : o;
    if (typeof o !== 'object') throw usage('bad-options', 'factbox.check: options must be an object');
    known(o, ['lang'], 'check');
    if (o.lang != null && o.lang !== 'vi' && o.lang !== 'en') {
      throw usage('bad-options', 'factbox.check: lang must be "vi" or "en", not ' + JSON.stringify(o.lang));
    }
    var job = jobOf(input, null);
    resolve(Promise.all([textOf(job, 'check'), startWasm(true)]).then(function (got) {
      var lang = o.lang || 'vi';
      var doc = new got[1].Doc(got[0], lang);
      var problems;
      try {
        var shown = doc.show(null, { editor: true, errors: 'box', source: job.source || null, lang: lang });
        problems = shown.problems.map(function (p) {
          return o.lang && p[o.lang] ? Object.assign({}, p, { message: p[o.lang] }) : p;
        });
      } finally {
        doc.free();
      }
      // A good document's live data, read now and checked as the page will.
      if (problems.length) return problems;
      return withLiveData(got[0], job, lang).then(function () { return []; }, function (e) {
        if (e instanceof FactboxError) return e.problems;
        throw e;
      });
    }));
  });
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
    known(o, PRERENDER_OPTIONS, 'prerender');
    if (o.script != null && o.script !== false && typeof o.script !== 'string') {
      throw usage('bad-options', 'factbox.prerender: script must be the URL of factbox.js, or false for none');
    }
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
    var offset = o.utcOffset == null ? VIETNAM_OFFSET : utcOffsetOf(o.utcOffset);
    if (offset === null) {
      throw usage('bad-options', 'factbox.prerender: utcOffset must be "+HH:MM" or "-HH:MM", e.g. "+07:00", or minutes');
    }
    var job = jobOf(input, o.id == null ? null : String(o.id));
    var src = o.inline === true ? null : (o.src != null ? String(o.src) : (job.source || null));
    var wasmOptions = {
      data: src, theme: o.theme || 'auto', lang: o.lang || undefined, width: width,
      // false: no script tag (a page that loads the module itself and calls hydrate()).
      script: o.script === false ? '' : o.script != null ? o.script : undefined
    };
    resolve(Promise.all([textOf(job, 'prerender'), startWasm(true), fontsOf(o.font)]).then(function (got) {
      return withLiveData(got[0], job, o.lang || 'vi').then(function (live) {
        got[0] = live.text;
        if (live.now != null) {
          wasmOptions.now = live.now;
          wasmOptions.utcOffset = offset;
        }
        return got;
      });
    }).then(function (got) {
      if (got[2].length) wasmOptions.font = got[2];
      try {
        return got[1].prerender(got[0], job.pick, wasmOptions);
      } catch (problems) {
        if (typeof problems === 'string') throw usage('bad-options', 'factbox.prerender: ' + problems);
        throw Array.isArray(problems) ? new FactboxError(problems) : problems;
      }
    }));
  });
}

// Vietnam's clock (UTC+7), in minutes: a live box's "updated" line unless `utcOffset` says
// another (as `factbox render --utc-offset`).
var VIETNAM_OFFSET = 420;

// `+07:00`, `-03:30`, `+7` or a number of minutes -> minutes from UTC; null if neither.
function utcOffsetOf(v) {
  if (typeof v === 'number') return v >= -840 && v <= 840 && Math.round(v) === v ? v : null;
  var m = /^([+-])(\d{1,2})(?::(\d{2}))?$/.exec(String(v).trim());
  if (!m || +m[2] > 14 || +(m[3] || 0) > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (+m[2] * 60 + +(m[3] || 0));
}

// The document `text` with the values of its live boxes (`"data": {"url"}`; those `job`
// picks) read from their data once, as `factbox render` does: a path from the JSON
// file's folder (in Node, from the disk), or an https:// address. Resolves with
// { text, now } (now: when it was read, for the "updated" line; SOURCE_DATE_EPOCH where a
// build sets it), or { text } for a document without live boxes; rejects with a
// FactboxError saying what is wrong with the data, at its row and column.
function withLiveData(text, job, lang) {
  if (!/"data"\s*:/.test(text)) return Promise.resolve({ text: text });
  var doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return Promise.resolve({ text: text });
  }
  var sources = [];
  (doc && Array.isArray(doc.boxes) ? doc.boxes : []).forEach(function (b, i) {
    if (!b || !b.data || typeof b.data.url !== 'string' || typeof b.id !== 'string') return;
    if (job.pick && b.id !== job.pick) return;
    sources.push({ id: b.id, index: i, address: b.data.url.trim() });
  });
  if (!sources.length) return Promise.resolve({ text: text });
  var epoch = typeof process !== 'undefined' && process.env && Number(process.env.SOURCE_DATE_EPOCH);
  var now = epoch > 0 ? epoch * 1000 : Date.now();
  var failed = function (s, message, code) {
    return new FactboxError([{ id: s.id, path: 'boxes[' + s.index + '].data.url', line: null, column: null,
      code: code, message: s.address + ': ' + message, what: s.address + ': ' + message }]);
  };
  var reads = sources.map(function (s) {
    var url;
    try {
      url = new URL(s.address, job.url || baseUrl());
    } catch (e) {
      return Promise.reject(failed(s, 'not an address', 'bad-data-url'));
    }
    if (url.protocol !== 'https:' && !local(url) && url.origin !== (job.url ? new URL(job.url).origin : null)) {
      return Promise.reject(failed(s, 'must be https:// or a path beside the document', 'bad-data-url'));
    }
    var read = local(url) ? readLocal(url).then(function (b) { return new TextDecoder().decode(b); })
      : fetchText(url.href, TIMEOUT_SECONDS, true);
    return read.then(function (data) { return { s: s, data: data }; }, function (e) {
      throw failed(s, 'cannot read it (' + (e && (e.local || e.code || e.message) || e) + (e && e.status ? ' ' + e.status : '') + ')', 'data-unread');
    });
  });
  return Promise.all([Promise.all(reads), startWasm('live')]).then(function (got) {
    var merged = text;
    var problems = [];
    got[0].forEach(function (r) {
      var m = got[1].merge(merged, r.s.id, r.data, lang);
      if (m && m.faults) {
        m.faults.forEach(function (f) {
          // line and column: the data's (its row and column), said in the message too.
          problems.push({ id: r.s.id, path: 'boxes[' + r.s.index + '].data.url', line: null,
            column: null, dataLine: f.line || null, dataColumn: f.column || null, code: f.code,
            message: r.s.address + ': ' + f.message, what: r.s.address + ': ' + f.message });
        });
      } else if (m && typeof m.text === 'string') {
        merged = m.text;
      }
    });
    if (problems.length) throw new FactboxError(problems);
    return { text: merged, now: now };
  });
}

// The `font` option: the site's font files (a path in Node, a URL, or their bytes; one or
// a list, e.g. regular and bold) -> [{ name, bytes }] for the wasm (src/fontfile.rs).
function fontsOf(font) {
  if (font == null) return Promise.resolve([]);
  var list = Array.isArray(font) ? font : [font];
  return Promise.all(list.map(function (f) {
    if (f instanceof Uint8Array) return { name: 'font', bytes: f };
    if (f instanceof ArrayBuffer) return { name: 'font', bytes: new Uint8Array(f) };
    if (typeof f !== 'string' && !(typeof URL === 'function' && f instanceof URL)) {
      throw usage('bad-options', 'factbox.prerender: font must be a font file\'s path or URL, or its bytes');
    }
    var url = new URL(String(f), baseUrl());
    var bytes = local(url) ? readLocal(url)
      : fetch(url).then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.arrayBuffer();
      });
    return Promise.resolve(bytes).then(function (b) {
      return { name: String(f), bytes: new Uint8Array(b.buffer ? b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) : b) };
    }, function (e) {
      throw usage('bad-options', 'factbox.prerender: cannot read the font ' + f + ' (' + (e && e.message) + ')');
    });
  }));
}
