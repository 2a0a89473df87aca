/* factbox live data: boxes whose values are read from a URL (`"data": {"url", "refresh"}`, a
   published spreadsheet's CSV, a CSV on the site, a JSON API) and read again every
   `refresh` seconds while the article is open, the tab visible and the box near the
   screen. The editors' engine reads the data into the document (src/live.rs: the studio's
   sheet reader) and checks it; the box is then drawn as any other. A read that fails (no
   network, an error status, a web page instead of data, a cell the box cannot take) never
   blanks a box: the last good one stays, its "updated" line marked out of date; editors
   also see the exact cause under it, and the console says it. */

// `k`: the functions of api.js this part uses (see liveParts there). Returns { show, stop }.
function liveFactory(k) {
var startWasm = k.startWasm, docOf = k.docOf, settle = k.settle, shown = k.shown, taken = k.taken;
var told = k.told, generations = k.generations, editorView = k.editorView, baseUrl = k.baseUrl;
var fetchText = k.fetchText;

var living = new Map();  // element -> its live state, while it reads live data
var liveObserver = null;
var BACKOFF_MAX = 8;      // after errors the wait doubles, up to 8 times `refresh`…
var BACKOFF_CAP = 3600;   // …and no longer than an hour (unless `refresh` is longer)

// The boxes of `text` (those `job` picks) with live data at an address the page may read:
// `https:`, or on the page's own origin (a path, resolved from the JSON file's address or,
// for JSON in the page, from the page's). Others are left to the box's checks, which say
// what is wrong with the address.
function liveSources(text, job) {
  if (text.indexOf('"data"') < 0) return [];
  var doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return [];
  }
  var out = [];
  (doc && Array.isArray(doc.boxes) ? doc.boxes : []).forEach(function (b) {
    var d = b && b.data;
    if (!d || typeof d.url !== 'string' || typeof b.id !== 'string') return;
    if (job.pick && b.id !== job.pick) return;
    var url;
    try {
      url = new URL(d.url.trim(), job.url || baseUrl());
    } catch (e) {
      return;
    }
    if (url.protocol !== 'https:' && url.origin !== location.origin) return;
    out.push({ id: b.id, url: url.href, refresh: Number(d.refresh) || 0 });
  });
  return out;
}

// Starts reading `el`'s live data (the first read shows the box), and keeps it read;
// resolves with what was shown. Undefined when no box of `text` (as `job` picks) has
// live data at an address the page may read: the caller shows it as any other.
function showLive(el, gen, job, opts, view, text, lang) {
  var sources = liveSources(text, job);
  if (!sources.length) return undefined;
  stopLive(el);
  var every = 0;
  sources.forEach(function (s) {
    if (s.refresh > 0 && (!every || s.refresh < every)) every = s.refresh;
  });
  var state = {
    el: el, gen: gen, job: job, opts: opts, view: view, text: text, lang: lang,
    sources: sources, every: every, fails: 0, timer: 0, near: true, waiting: false, good: null
  };
  living.set(el, state);
  if (every && typeof IntersectionObserver === 'function') {
    liveObserver = liveObserver || new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        var s = living.get(e.target);
        if (!s) return;
        s.near = e.isIntersecting;
        if (s.near && s.waiting) tick(s);
      });
    }, { rootMargin: '100% 0px' });
    liveObserver.observe(el);
  }
  return readLive(state).then(function (got) {
    schedule(state);
    return got;
  });
}

function stopLive(el) {
  var state = living.get(el);
  if (!state) return;
  clearTimeout(state.timer);
  living.delete(el);
  if (liveObserver) liveObserver.unobserve(el);
}

// The next read, `refresh` seconds on (longer after errors).
function schedule(state) {
  clearTimeout(state.timer);
  if (!state.every || living.get(state.el) !== state) return;
  var wait = state.every * Math.min(BACKOFF_MAX, Math.pow(2, state.fails));
  if (state.fails) wait = Math.min(wait, Math.max(state.every, BACKOFF_CAP));
  state.timer = setTimeout(function () { tick(state); }, wait * 1000);
}

// A read that is due: made now, or, while the tab is hidden or the box far off-screen,
// when it is seen again (no request meanwhile).
function tick(state) {
  var el = state.el;
  if (living.get(el) !== state) return;
  if (!el.isConnected || generations.get(el) !== state.gen) {
    stopLive(el);
    return;
  }
  if (document.hidden || !state.near) {
    state.waiting = true;
    return;
  }
  state.waiting = false;
  readLive(state).then(function () { schedule(state); });
}

document.addEventListener('visibilitychange', function () {
  if (document.hidden) return;
  living.forEach(function (state) { if (state.waiting) tick(state); });
});

// Reads every live source of the element, the data read into the document by the
// editors' engine; shows the result, or keeps the last good box marked out of date.
function readLive(state) {
  var el = state.el;
  var reads = state.sources.map(function (s) {
    return fetchText(s.url, state.opts.timeout, true).then(function (data) {
      return { s: s, data: data };
    }, function (e) {
      return { s: s, error: e };
    });
  });
  return Promise.all([Promise.all(reads), startWasm('live')]).then(function (all) {
    var wb = all[1];
    var merged = state.text;
    var faults = [];
    all[0].forEach(function (r) {
      if (r.error) {
        var e = r.error;
        var said = wb.fail(e.code || 'network', e.url || r.s.url, e.status || 0, e.amount || state.opts.timeout, state.view);
        faults.push({ id: r.s.id, url: r.s.url, code: e.code || 'network', status: e.status || 0,
          message: said.problems.length ? said.problems[0].message : String(e.code) });
        return;
      }
      var m;
      try {
        m = wb.merge(merged, r.s.id, r.data, state.lang);
      } catch (err) {
        m = { faults: [{ code: 'internal', message: String(err && err.message || err) }] };
      }
      if (m && m.faults) {
        m.faults.forEach(function (f) {
          faults.push({ id: r.s.id, url: r.s.url, code: f.code, line: f.line || null, column: f.column || null,
            message: r.s.url + ': ' + f.message });
        });
      } else if (m && typeof m.text === 'string') {
        merged = m.text;
      }
    });
    if (living.get(el) !== state || generations.get(el) !== state.gen) return null;
    var now = { now: Date.now(), offset: -new Date().getTimezoneOffset() };
    if (!faults.length) {
      state.fails = 0;
      return presentLive(state, merged, now);
    }
    state.fails += 1;
    if (!state.opts.quiet) {
      faults.forEach(function (f) { console.error('factbox: live data of #' + f.id + ': ' + f.message); });
    }
    // No good box yet (neither read nor prerendered): the document's own values, said to
    // be possibly out of date.
    var first = !state.good && !taken.has(el) ? presentLive(state, state.text, { unread: true }) : Promise.resolve(shown.get(el) || null);
    return first.then(function (got) {
      markStale(el, faults);
      // A box is on screen (the last good one, or its own values): it is ready.
      if (el.shadowRoot && el.shadowRoot.querySelector('figure.fb')) el.setAttribute('data-factbox-state', 'ready');
      return got;
    });
  });
}

// Shows `text` (the document with its data read in) in the element, unless it is what
// it shows already: then only the "updated" line changes, so a reader reading it (a
// tooltip open, a table sorted, the keyboard on a bar) loses nothing.
function presentLive(state, text, extra) {
  var el = state.el;
  var view = Object.assign({}, state.view, extra);
  if (text === state.good && el.shadowRoot && extra.now) {
    return startWasm('live').then(function (wb) {
      var got = docOf(wb, text, state.lang).show(state.job.pick, view);
      var t = document.createElement('template');
      t.innerHTML = got.html;
      var fresh = t.content.querySelectorAll('.fb-live');
      el.shadowRoot.querySelectorAll('.fb-live').forEach(function (line, i) {
        if (fresh[i]) line.replaceWith(fresh[i]);
      });
      el.shadowRoot.querySelectorAll('.fb-live-cause').forEach(function (c) { c.remove(); });
      told(el, 'ready', got);
      return got;
    });
  }
  if (extra.now) state.good = text;
  return settle(el, state.gen, state.opts, function (wb) {
    return docOf(wb, text, state.lang).show(state.job.pick, view);
  }, 'live');
}

// Marks the live boxes whose data failed as possibly out of date (their "updated" line
// shows its other wording, which says when they were last read); editors also see why,
// under it.
function markStale(el, faults) {
  var root = el.shadowRoot;
  if (!root) return;
  var editor = editorView(el);
  var ids = [];
  faults.forEach(function (f) { if (ids.indexOf(f.id) < 0) ids.push(f.id); });
  ids.forEach(function (id) {
    var title = root.getElementById ? root.getElementById('fb-title-' + id) : null;
    var figure = title ? title.closest('figure') : root.querySelector('figure.fb');
    var line = figure && figure.querySelector('.fb-live');
    if (!line) return;
    line.classList.add('fb-stale');
    var old = figure.querySelector('.fb-live-cause');
    if (old) old.remove();
    if (editor) {
      var cause = document.createElement('p');
      cause.className = 'fb-live-cause';
      cause.textContent = faults.filter(function (f) { return f.id === id; })
        .map(function (f) { return f.message; }).join(' · ');
      line.after(cause);
    }
  });
  el.dispatchEvent(new CustomEvent('factbox:stale', {
    bubbles: true, composed: true,
    detail: { problems: faults.map(function (f) {
      return { id: f.id, path: '', line: f.line || null, column: f.column || null, code: f.code, message: f.message, url: f.url, status: f.status || 0 };
    }) }
  }));
}

return {
  show: function (el, gen, job, opts, view, text, lang) {
    var started = showLive(el, gen, job, opts, view, text, lang);
    return started === undefined ? Promise.resolve(undefined) : started;
  },
  stop: stopLive
};
}
