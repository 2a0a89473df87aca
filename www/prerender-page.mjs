// Writes a page whose boxes are prerendered: each `<div data-factbox="FILE#ID"></div>` of
// the page given is replaced by the element of `factbox render`'s DIR/ID.html (the box
// inside it), and the page's own script tag stays; the wasm's preload goes. `make dist` makes dist/prerendered.html
// (the demo article, static-first) with it.
//
//   node www/prerender-page.mjs PAGE SNIPPETS_DIR OUT
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [page, dir, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node www/prerender-page.mjs PAGE SNIPPETS_DIR OUT');
  process.exit(2);
}
let count = 0;
const html = readFileSync(page, 'utf8')
  // The boxes are on the page already: the widget is not needed before they are near the
  // viewport (or the page is idle), so its wasm and glue are not preloaded with the page.
  .replace(/\n *<link rel="preload"[^>]*\.wasm"[^>]*>/, '')
  .replace(/\n *<link rel="preload"[^>]*factbox_glue\.js"[^>]*>/, '')
  .replace(
  /<div data-factbox="[^"#]*#([^"]+)"><\/div>/g,
  (_, id) => {
    count++;
    // The snippet is the element, then its script tag on a line of its own.
    const snippet = readFileSync(join(dir, `${id}.html`), 'utf8');
    return snippet.slice(0, snippet.lastIndexOf('\n<script'));
  }
);
if (count === 0) {
  console.error(`${page}: no [data-factbox] element to prerender`);
  process.exit(1);
}
writeFileSync(out, html);
console.log(`${out}: ${count} boxes prerendered`);
