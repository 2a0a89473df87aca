// factbox for Node (and the server side of Astro, Eleventy, Vite SSR, Next.js): the same
// module as factbox.js, chosen by the package's "node" export condition, with local files
// read from the disk (Node's fetch cannot read file: URLs): the wasm beside this file,
// and documents given by path, relative to the working directory. Nothing to configure.
import { readFile } from 'node:fs/promises';
import { pathToFileURL, fileURLToPath } from 'node:url';
const WASM_URL = new URL('./factbox_bg.wasm', import.meta.url);
const EDITOR_URL = WASM_URL;
// file: URLs are read from the disk; anything else is fetched.
const readLocal = (url) => readFile(fileURLToPath(url));
const baseUrl = () => pathToFileURL(process.cwd() + '/').href;
