// factbox for bundlers and Node: the same API as the script tag's window.factbox.
// Importing it touches no DOM (server-side rendering may import it); render() needs a
// browser. The wasm beside this file is found the way Vite and webpack 5 both understand;
// it is the editors' build (every message), so both engines are the one file.
const WASM_URL = new URL('./factbox_bg.wasm', import.meta.url);
const EDITOR_URL = WASM_URL;
// Browsers fetch every URL (see head-node.js for Node).
const readLocal = null;
const baseUrl = () => document.baseURI;
