// factbox for bundlers and Node: the same API as the script tag's window.factbox.
// Importing it touches no DOM (server-side rendering may import it); render() needs a
// browser. The wasm beside this file is found the way Vite and webpack 5 both understand;
// it is the editors' build (every message), so both engines are the one file.
const WASM_URL = new URL('./factbox_bg.wasm', import.meta.url);
const EDITOR_URL = WASM_URL;
// Live data is read by the editors' engine with its reader (the script tag's), a file of
// its own: only a page with a box that reads live data fetches it.
const LIVE_ENGINE_URL = new URL('./factbox_editor.wasm', import.meta.url);
// Browsers fetch every URL (see head-node.js for Node).
const readLocal = null;
const baseUrl = () => document.baseURI;
// The live data part is built into this module (liveFactory, www/live.js).
const liveCode = () => Promise.resolve(liveFactory);
// So is wasm-bindgen's glue (newGlue).
const glueCode = () => Promise.resolve(newGlue);
