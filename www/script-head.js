/* The head of dist/factbox.js, the script tag's build: one copy per page, and the wasm
   beside the script (its content-hashed name written in by `make dist`). */
'use strict';
if (window.factbox && window.factbox.__loaded) {
  // A second copy of factbox.js on the page: the first one already watches everything.
  return;
}
var WASM_URL = new URL('factbox_bg.wasm', (document.currentScript && document.currentScript.src) || location.href);
