// factbox for bundlers and Node: the same API as the script tag's window.factbox.
// Importing it touches no DOM (server-side rendering may import it); render() needs a
// browser. The wasm files beside this one are found the way Vite and webpack 5 both
// understand: the readers' engine (factbox_bg.wasm), which draws good boxes, and the
// developers' (factbox_dev.wasm: every message, prerender with fonts), which a page fetches
// only when a box fails, an image is asked for, or prerender() or check() is called. An
// app's readers download what the script tag's readers download.
const WASM_URL = new URL('./factbox_bg.wasm', import.meta.url);
const EDITOR_URL = new URL('./factbox_dev.wasm', import.meta.url);
// What to do when a wasm file is not served as it should be.
const WASM_HELP = 'Serve factbox_bg.wasm beside factbox.js; with Vite, add optimizeDeps: { exclude: ["factbox"] } to vite.config.';
// The readers' engines of one kind are the script tag's (a bundler's app has one engine).
const KIND_FILES = {};
const KIND_SETS = {};
// Live data is read by the editors' engine with its reader (the script tag's), a file of
// its own: only a page with a box that reads live data fetches it.
const LIVE_ENGINE_URL = new URL('./factbox_editor.wasm', import.meta.url);
// Browsers fetch every URL (see head-node.js for Node).
const readLocal = null;
const baseUrl = () => document.baseURI;
// The live data part is built into this module (liveFactory, www/live.js), and so are a
// table's interaction (tableFactory, www/table.js), render and the image download
// (apiFactory, www/render.js) and the check of snippets (freshFactory, www/fresh.js).
const liveCode = () => Promise.resolve(liveFactory);
const tableCode = () => Promise.resolve(tableFactory);
const apiCode = () => Promise.resolve(apiFactory);
const freshCode = () => Promise.resolve(freshFactory);
// So is wasm-bindgen's glue (newGlue).
const glueCode = () => Promise.resolve(newGlue);
