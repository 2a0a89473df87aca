// Build step (run by `make dist`, not shipped): writes a `.gz` and a `.br` beside every
// text and wasm file of dist/, for servers that send precompressed files (nginx
// `gzip_static` and `brotli_static`, Apache's MultiViews, most static hosts and CDNs).
//
// The `.gz` is made by zopfli: the same gzip format every browser reads, about 5% smaller
// than `gzip -9` because zopfli searches much longer for matches, which is affordable once
// per build but not per request. The `.br` is brotli at its highest quality (11), which
// servers compressing per request seldom use either.
//
// Usage: node precompress.mjs dist

import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, extname } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import zopfli from "@gfx/zopfli";

const COMPRESSIBLE = new Set([".js", ".wasm", ".html", ".css", ".json", ".svg"]);
// Below this, compression saves less than the headers it costs.
const MIN_BYTES = 1024;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const written = [];
for (const file of files(process.argv[2])) {
  if (!COMPRESSIBLE.has(extname(file))) continue;
  const body = readFileSync(file);
  if (body.length < MIN_BYTES) continue;
  const gz = await zopfli.gzipAsync(body, { numiterations: 15 });
  const br = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  writeFileSync(`${file}.gz`, gz);
  writeFileSync(`${file}.br`, br);
  written.push(file);
}
console.log(`precompressed ${written.length} files (.gz by zopfli, .br by brotli 11)`);
