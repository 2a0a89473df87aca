/* The head of dist/factbox.js, the script tag's build: one copy per page, and the wasm
   beside the script (their content-hashed names written in by `make dist`): the readers'
   engine, and the editors' one (messages, image), fetched only when needed. */
'use strict';
if (window.factbox && window.factbox.__loaded) {
  // A second copy of factbox.js on the page: the first one already watches everything.
  return;
}
var BASE_URL = (document.currentScript && document.currentScript.src) || location.href;
var WASM_URL = new URL('factbox_bg.wasm', BASE_URL);
var EDITOR_URL = new URL('factbox_editor.wasm', BASE_URL);
// What to do when a wasm file is not served as it should be.
var WASM_HELP = 'Upload every factbox_* file of dist/ beside factbox.js.';
// The readers' engine of each kind of box: the content hash of factbox_bg_<kind>.<hash>.wasm,
// by the kind's name (`make dist` writes them in): a page whose boxes are all of one kind
// fetches that one instead of the whole. The same for the engines of sets of kinds
// (factbox_bg_<set>.<hash>.wasm), whose kinds KIND_SETS gives by the set's name.
var KIND_FILES = {};
var KIND_SETS = {};
// The engine that reads live data: the editors' (`make dist` names it).
var LIVE_ENGINE_URL = new URL('factbox_live_engine.wasm', BASE_URL);
// The parts fetched only when needed, each a script that leaves one function on window
// for this file to take: wasm-bindgen's glue (newGlue), which only a box drawn in the page
// needs (a prerendered page never loads it); the live data part (www/live.js), which
// only a page with a box that reads live data needs; a table's interaction (www/table.js),
// for a page with a table box; factbox.render and the image download (www/render.js), for
// a page that calls it or a reader who asks for an image; and the check of prerendered
// snippets against their data (www/fresh.js), for a page that has some.
var GLUE_URL = new URL('factbox_glue.js', BASE_URL);
var LIVE_URL = new URL('factbox_live.js', BASE_URL);
var TABLE_URL = new URL('factbox_table.js', BASE_URL);
var API_URL = new URL('factbox_api.js', BASE_URL);
var FRESH_URL = new URL('factbox_fresh.js', BASE_URL);
var parts = {};
function loadPart(url, name) {
  return parts[name] || (parts[name] = new Promise(function (resolve, reject) {
    var s = document.createElement('script');
    s.src = url;
    s.onload = function () {
      var made = window[name];
      delete window[name];
      if (made) resolve(made);
      else reject(new Error('factbox: ' + url + ' is not the part of factbox it should be'));
    };
    s.onerror = function () {
      delete parts[name];
      reject(new Error('factbox: could not load ' + url + ': upload it beside factbox.js,'
        + ' with the other factbox_* files of dist/'));
    };
    document.head.appendChild(s);
  }));
}
function glueCode() { return loadPart(GLUE_URL, '__factboxGlue'); }
function liveCode() { return loadPart(LIVE_URL, '__factboxLive'); }
function tableCode() { return loadPart(TABLE_URL, '__factboxTable'); }
function apiCode() { return loadPart(API_URL, '__factboxApi'); }
function freshCode() { return loadPart(FRESH_URL, '__factboxFresh'); }
// In a page every URL is fetched (the npm build for Node reads file: URLs from the disk).
var readLocal = null;
function baseUrl() { return document.baseURI; }
