// `node benches/vite-bytes.mjs`: the bytes factbox adds to an app built by Vite from the
// npm tarball (`make pkg`): a minimal app that renders one box, against the same app
// without factbox; every emitted file, raw and gzip -9. Writes target/bench/vite.json,
// which benches/report.mjs puts into BENCHMARKS.md.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { build } from 'vite';
import { root } from '../tests/e2e/helpers.mjs';

const { version } = JSON.parse(fs.readFileSync(path.join(root, 'pkg', 'package.json'), 'utf8'));
const work = path.join(root, 'target', 'bench', 'vite');
fs.rmSync(work, { recursive: true, force: true });
const installed = path.join(work, 'node_modules', 'factbox');
fs.mkdirSync(installed, { recursive: true });
execFileSync('tar', ['-xzf', path.join(root, 'target', `factbox-${version}.tgz`), '-C', installed, '--strip-components=1']);

const apps = {
  without: "document.getElementById('box').textContent = 'Hạng 71';\n",
  with: "import { render } from 'factbox';\n"
    + "render(document.getElementById('box'), { version: 1, boxes: [{ id: 'r', kind: 'bar', title: 'Hạng', ranks: true, bars: [{ label: 'Việt Nam', value: 71 }] }] });\n",
};
const sizes = {};
for (const [name, code] of Object.entries(apps)) {
  const dir = path.join(work, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="box"></div><script type="module" src="./main.js"></script>\n');
  fs.writeFileSync(path.join(dir, 'main.js'), code);
  await build({ root: dir, logLevel: 'warn', build: { outDir: 'dist', emptyOutDir: true } });
  const files = fs.readdirSync(path.join(dir, 'dist', 'assets')).map((f) => {
    const bytes = fs.readFileSync(path.join(dir, 'dist', 'assets', f));
    return { file: f.replace(/-[\w-]{8}\./, '.'), raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
  });
  sizes[name] = files;
}
const sum = (files, k) => files.reduce((s, f) => s + f[k], 0);
const out = {
  vite: JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'vite', 'package.json'), 'utf8')).version,
  sizes,
  added: { raw: sum(sizes.with, 'raw') - sum(sizes.without, 'raw'), gzip: sum(sizes.with, 'gzip') - sum(sizes.without, 'gzip') },
};
fs.mkdirSync(path.join(root, 'target', 'bench'), { recursive: true });
fs.writeFileSync(path.join(root, 'target', 'bench', 'vite.json'), JSON.stringify(out, null, 1));
console.log(`factbox adds ${out.added.raw} B raw, ${out.added.gzip} B gzip -9 to a Vite ${out.vite} app`);
