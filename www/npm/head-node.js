// factbox for Node (and the server side of Astro, Eleventy, Vite SSR, Next.js): the same
// module as factbox.js, chosen by the package's "node" export condition, with local files
// read from the disk (Node's fetch cannot read file: URLs): the wasm beside this file,
// and documents given by path, relative to the working directory. Nothing to configure.
import { readFile } from 'node:fs/promises';
import { pathToFileURL, fileURLToPath } from 'node:url';
// A bundler may rewrite those URLs into its own asset addresses (Next.js's server build:
// "/_next/static/media/…", which Node cannot read): then the package's own files, found
// from this module's place (a name the bundler does not take for an asset). Node runs
// prerender() and check(), with the developers' engine; the readers' is the browser's.
const packaged = (bundled, name) => bundled.protocol === 'file:' ? bundled
  : new URL(['.', name].join('/'), import.meta.url);
const WASM_URL = packaged(new URL('./factbox_bg.wasm', import.meta.url), 'factbox_bg.wasm');
const EDITOR_URL = packaged(new URL('./factbox_dev.wasm', import.meta.url), 'factbox_dev.wasm');
// What to do when a wasm file is not served as it should be.
const WASM_HELP = 'Serve factbox_bg.wasm beside factbox.js; with Vite, add optimizeDeps: { exclude: ["factbox"] } to vite.config.';
// The readers' engines of one kind are the script tag's (a bundler's app has one engine).
const KIND_FILES = {};
const KIND_SETS = {};
// Live data is read in pages, not in Node: the editors' engine beside this file.
const LIVE_ENGINE_URL = new URL('./factbox_editor.wasm', import.meta.url);
// file: URLs are read from the disk; anything else is fetched.
const readLocal = (url) => readFile(fileURLToPath(url));
const baseUrl = () => pathToFileURL(process.cwd() + '/').href;
// The live data part is built into this module (liveFactory, www/live.js), and so are a
// table's interaction (tableFactory, www/table.js), render and the image download
// (apiFactory, www/render.js) and the check of snippets (freshFactory, www/fresh.js).
const liveCode = () => Promise.resolve(liveFactory);
const tableCode = () => Promise.resolve(tableFactory);
const apiCode = () => Promise.resolve(apiFactory);
const freshCode = () => Promise.resolve(freshFactory);
// So is wasm-bindgen's glue (newGlue).
const glueCode = () => Promise.resolve(newGlue);
