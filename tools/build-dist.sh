#!/usr/bin/env bash
# Builds dist/: the static folder a newsroom uploads. factbox.js is one classic script:
# wasm-bindgen's no-modules glue and our loader, wrapped in one function so that the page
# gets a single global (window.factbox) and two copies of the script do not collide.
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/wasm-nomodules
wasm-pack build --release --target no-modules --out-dir "$out" --out-name factbox --no-pack

rm -rf dist
mkdir -p dist
cp -r www/. dist/
rm -f dist/loader.js
{
  echo "(function () {"
  cat "$out/factbox.js"
  echo
  cat www/loader.js
  echo "})();"
} > target/factbox.full.js
# Minified: every reader downloads it. The readable source is www/loader.js and the glue
# in target/; the licence comment is kept.
node_modules/.bin/terser target/factbox.full.js --compress --mangle --ecma 2019 \
  --preamble "/*! factbox $(grep -m1 '^version' Cargo.toml | cut -d'"' -f2) | MIT OR Apache-2.0 */" \
  --output dist/factbox.js
cp "$out/factbox_bg.wasm" dist/factbox_bg.wasm

raw_js=$(stat -c %s dist/factbox.js)
raw_wasm=$(stat -c %s dist/factbox_bg.wasm)
gz_js=$(gzip -9c dist/factbox.js | wc -c)
gz_wasm=$(gzip -9c dist/factbox_bg.wasm | wc -c)
echo "dist/: factbox.js ${raw_js} B (gzip ${gz_js}), factbox_bg.wasm ${raw_wasm} B (gzip ${gz_wasm}), widget total gzip $((gz_js + gz_wasm)) B"
