// factbox for bundlers and Node: the same API as the script tag's window.factbox.
// Importing it touches no DOM (server-side rendering may import it); render() needs a
// browser. The wasm beside this file is found the way Vite and webpack 5 both understand.
const WASM_URL = new URL('./factbox_bg.wasm', import.meta.url);
