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
// The engine that reads live data: the editors' (`make dist` names it).
var LIVE_ENGINE_URL = new URL('factbox_live_engine.wasm', BASE_URL);
// The live data part (www/live.js), loaded by a page with a box that reads live data.
var LIVE_URL = new URL('factbox_live.js', BASE_URL);
var liveLoading = null;
function liveCode() {
  return liveLoading || (liveLoading = new Promise(function (resolve, reject) {
    var s = document.createElement('script');
    s.src = LIVE_URL;
    s.onload = function () {
      var made = window.__factboxLive;
      delete window.__factboxLive;
      if (made) resolve(made);
      else reject(new Error('factbox: ' + LIVE_URL + ' is not the live data part'));
    };
    s.onerror = function () {
      liveLoading = null;
      reject(new Error('factbox: could not load ' + LIVE_URL));
    };
    document.head.appendChild(s);
  }));
}
// In a page every URL is fetched (the npm build for Node reads file: URLs from the disk).
var readLocal = null;
function baseUrl() { return document.baseURI; }
