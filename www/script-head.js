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
// In a page every URL is fetched (the npm build for Node reads file: URLs from the disk).
var readLocal = null;
function baseUrl() { return document.baseURI; }
