/* factbox's check of a prerendered snippet against its data: a part of its own in the
   script tag's build (factbox_fresh.<hash>.js beside factbox.js, fetched once a page of
   prerendered boxes is idle), so that pages of live boxes do not download it; built into
   the npm module and the studio's bundle. */

// Given the functions and state of api.js this part uses, in this order (api.js's
// `fresh` part passes them). Returns checkFresh.
function freshFactory(embedJob, asked, loadFile, timeoutOf, mayBeLive, mount) {

// A document's meaning as one text (src/canonical.rs writes the same): an object passed
// as text, or the file reformatted, hashes the same. Text that is not JSON stays as it is.
function canonicalText(t) {
  try {
    return JSON.stringify(JSON.parse(t));
  } catch (e) {
    return t;
  }
}

// A document's content hash, as `factbox render` writes it in `data-factbox-hash`:
// 64-bit FNV-1a over its UTF-8 bytes, in hex (src/prerender.rs), computed in 32-bit
// halves (the prime is 2^40 + 0x1b3).
function contentHash(text) {
  var bytes = new TextEncoder().encode(text);
  var hi = 0xcbf29ce4;
  var lo = 0x84222325;
  for (var i = 0; i < bytes.length; i++) {
    lo = (lo ^ bytes[i]) >>> 0;
    var p = lo * 0x1b3;
    hi = (Math.imul(hi, 0x1b3) + Math.floor(p / 4294967296) + (lo << 8)) >>> 0;
    lo = p >>> 0;
  }
  return (hi + 0x100000000).toString(16).slice(1) + (lo + 0x100000000).toString(16).slice(1);
}

// A snippet shows what it was made from. Once the page has loaded and is idle, its data
// (the file, fetched once for all its boxes, or the JSON inside it) is hashed and compared
// with the snippet's: data changed since (a correction) is shown from the data, with the
// engine loaded for it then, and the console says the snippet is stale. If the file
// cannot be fetched, the snippet stays as it is.
var hashes = new Map();  // text -> its content hash
return function checkFresh(el) {
  var job = embedJob(el);
  if (job.missing || job.url === null || !el.isConnected || asked.has(el)) return;
  var text = job.url ? loadFile(job.url, timeoutOf(el)) : Promise.resolve(job.text);
  text.then(function (t) {
    if (!hashes.has(t)) hashes.set(t, contentHash(canonicalText(t)));
    if (asked.has(el) || !el.isConnected) return;
    // A box with live data is read live from here (the snippet was its data as it was).
    if (mayBeLive(t)) {
      mount(el);
      return;
    }
    var hash = el.getAttribute('data-factbox-hash');
    if (hashes.get(t) === hash) return;
    console.warn('factbox: this prerendered snippet is stale: ' + (job.source || 'the inline JSON')
      + ' has changed since it was made (data-factbox-hash="' + hash + '"), so the box is shown'
      + ' from the data. Make the snippet again with `factbox render`.');
    mount(el);
  }, function () { /* the snippet stays as it was made */ });
};
}
