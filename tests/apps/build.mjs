// `node tests/apps/build.mjs`: the app of tests/apps, set up as a developer would after
// `npm install factbox` (the tarball of `make pkg` unpacked into its node_modules), then
// built by Vite (for the browser and, from src/ssr.js, for a server) and by webpack 5 with
// their defaults: target/apps/dist-vite, dist-ssr and dist-webpack. React and the
// bundlers come from the project's lock file.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
export const app = path.join(root, 'target', 'apps');

export async function buildApps() {
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'pkg', 'package.json'), 'utf8'));
  fs.rmSync(app, { recursive: true, force: true });
  const installed = path.join(app, 'node_modules', 'factbox');
  fs.mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', path.join(root, 'target', `factbox-${version}.tgz`), '-C', installed, '--strip-components=1']);
  for (const f of ['index.html', 'src', 'typed.ts', 'tsconfig.json']) {
    fs.cpSync(path.join(here, f), path.join(app, f), { recursive: true });
  }

  const vite = await import('vite');
  await vite.build({ root: app, logLevel: 'warn', build: { outDir: 'dist-vite', emptyOutDir: true } });
  await vite.build({ root: app, logLevel: 'warn', build: { ssr: 'src/ssr.js', outDir: 'dist-ssr', emptyOutDir: true } });

  const { default: webpack } = await import('webpack');
  const stats = await new Promise((resolve, reject) => {
    webpack({
      mode: 'production',
      context: app,
      entry: './src/main.js',
      output: { path: path.join(app, 'dist-webpack'), filename: 'main.js', clean: true },
    }, (err, s) => (err ? reject(err) : resolve(s)));
  });
  if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
  fs.writeFileSync(path.join(app, 'dist-webpack', 'index.html'),
    fs.readFileSync(path.join(app, 'index.html'), 'utf8').replace('./src/main.js', './main.js'));
  return app;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildApps();
  console.log(`built ${app}/dist-vite and dist-webpack`);
}
