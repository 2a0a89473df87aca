// Takes screenshots of the demo pages at phone and desktop widths, light and dark, into
// target/screenshots/, for a person to look at. Run after `make dist`:
//   node tests/e2e/screenshots.mjs [page.html ...]
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, open, settleAll, root } from './helpers.mjs';

const outDir = path.join(root, 'target', 'screenshots');
fs.mkdirSync(outDir, { recursive: true });
const pages = process.argv.slice(2).length ? process.argv.slice(2) : ['index.html', 'en.html'];
const server = await serve();
const browser = await launch();
try {
  for (const name of pages) {
    for (const [label, width] of [['360', 360], ['1280', 1280]]) {
      for (const scheme of ['light', 'dark']) {
        const { context, page, errors } = await open(browser, `${server.url}/${name}`, {
          viewport: { width, height: 900 }, deviceScaleFactor: 2, colorScheme: scheme,
        });
        await settleAll(page);
        const file = path.join(outDir, `${path.basename(name, '.html')}-${label}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file, errors.length ? `errors: ${errors.join(' | ')}` : '');
        // Each box on its own, at full resolution, to read the details.
        const boxes = page.locator('[data-factbox]');
        for (let i = 0; i < (await boxes.count()); i++) {
          await boxes.nth(i).screenshot({ path: file.replace(/\.png$/, `-box${i}.png`) });
        }
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
