# factbox: `make demo` builds and serves the demo; `make test` runs every test.
# Both install what they need on a fresh machine, idempotently (see `make setup`).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PORT ?= 8000
WASM_BINDGEN_VERSION := 0.2.130
CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CARGO_BIN):$(PATH)
STAMP := target/.stamps

.PHONY: help install setup setup-rust setup-browser setup-npm setup-fonts setup-fuzz dist pkg demo test \
        test-native test-wasm test-e2e test-fuzz fuzz bench lint schema golden clean setup-sites setup-wordpress

help:
	@echo "make demo    build dist/ and serve it at http://127.0.0.1:$(PORT)"
	@echo "make test    run every test: native, wasm in Chromium, end-to-end"
	@echo "make dist    build the static site dist/ (factbox.js, wasm, demo, data, schema)"
	@echo "make install the factbox command (check, render) into ~/.cargo/bin"
	@echo "make pkg     build the npm package in pkg/ (wasm-pack, with TypeScript types)"
	@echo "make schema  regenerate www/schema/ from the Rust types"
	@echo "make golden  regenerate the golden SVGs and PNGs in tests/golden/"
	@echo "make fuzz    fuzz parse → validate → layout → SVG for FUZZ_SECONDS (default 600)"
	@echo "make bench   benchmarks (native criterion, browser vs Chart.js) into BENCHMARKS.md"

## Set-up: each step is skipped when already done.
setup: setup-rust setup-browser setup-npm setup-fonts

setup-rust:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@rustup component list --installed | grep -q '^rust-src' || rustup component add rust-src
	@command -v wasm-pack >/dev/null || cargo install wasm-pack --locked
	@# Without --locked: the CLI's lock file names a crate version the registry lacks.
	@[ "$$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" = "$(WASM_BINDGEN_VERSION)" ] || \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)

setup-browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver; \
	fi

setup-npm: node_modules/.package-lock.json

# WordPress's sanitizer for tests/e2e/cms.test.mjs: PHP, and WordPress's own kses.php
# from Debian's package, unpacked into target/ (not installed: no web server, no
# database), once.
WORDPRESS := target/wordpress/usr/share/wordpress/wp-includes/kses.php
setup-wordpress: $(WORDPRESS)

$(WORDPRESS):
	@command -v php >/dev/null || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y php-cli; }
	mkdir -p target/wordpress
	cd target/wordpress && rm -f wordpress_*.deb && \
	  { apt-get download wordpress || { apt-get update && apt-get download wordpress; }; } && \
	  dpkg -x wordpress_*.deb .
	@touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# cargo-fuzz drives libFuzzer through rustc's -Z flags. This machine has only a stable
# toolchain, so RUSTC_BOOTSTRAP=1 lets it accept them; without a nightly's sanitizer
# runtimes the fuzzer runs without AddressSanitizer (-s none), which costs little here: the
# crate has no unsafe code, and what the fuzzer hunts is panics, NaN and shapes out of place.
FUZZ := cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz
FUZZ_SECONDS ?= 600
FUZZ_ARGS = -dict=pipeline.dict -max_len=20000 -max_total_time=$(1)

setup-fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

## Build.
# The `factbox` command (src/bin/factbox.rs), native, in the dev profile: the release
# profile is tuned for the wasm's size (opt-level z, LTO), which would only slow it.
FACTBOX := target/debug/factbox
$(FACTBOX): $(shell find src -name '*.rs' -o -name '*.css') Cargo.toml | setup-fonts
	cargo build --quiet --bin factbox

# `make install`: the `factbox` command on the PATH (~/.cargo/bin), as `cargo install` does.
install: setup-fonts
	cargo install --locked --path . --bin factbox

# The command's images are drawn with Liberation Sans 2 (Arial's metrics, every Vietnamese
# letter; SIL Open Font Licence) and DejaVu Sans for the few symbols it lacks: Debian's
# packages, installed once.
setup-fonts:
	@if [ ! -d /usr/share/fonts/truetype/liberation2 ] || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y fonts-liberation2 fonts-dejavu-core; \
	fi

# dist/: the static folder a newsroom uploads. factbox.js is one classic script:
# wasm-bindgen's no-modules glue and our loader, wrapped in one function so that the page
# gets a single global (window.factbox) and two copies of the script do not collide, then
# minified (every reader downloads it; the readable sources are www/loader.js and the glue
# in target/).
WASM_OUT := target/wasm-nomodules
# The kinds of box (src/spec.rs's KINDS; tests/kinds.rs checks this list against it): each
# has a readers' engine of its own, factbox_bg_<kind>.<hash>.wasm, that a page whose boxes
# are all of that kind fetches instead of the whole readers' engine (src/kinds.rs).
KINDS := figures bar rank-change line share progress table
# Readers' engines for sets of kinds, for a page whose boxes are of several of them: the
# smallest engine that draws every kind a page shows is the one it fetches (www/api.js,
# engineOfKinds). `charts`, every kind but the table (which pages of charts seldom have):
# measured, 105.8 kB gzip against the whole engine's 118.7 (2026-12-07).
SETS := charts
SET_charts := figures bar rank-change line share progress
EDITOR_OUT := target/wasm-editor
DEV_OUT := target/wasm-dev
STUDIO_OUT := target/wasm-studio
WASM_OPT_FEATURES := --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue
# The passes after --reorder-locals, measured 2026-12-07 (gzip -9): 1.1-1.4 KB less per
# engine (charts 106.6 -> 105.4 kB, line 74.5 -> 73.1, figures 55.6 -> 54.6). Dead
# arguments removed, then functions that became the same merged once more.
WASM_OPT_PASSES := --duplicate-function-elimination --remove-unused-module-elements \
  --strip-debug --strip-producers --optimize-instructions --vacuum --coalesce-locals --reorder-locals \
  --dae-optimizing --remove-unused-brs --rse --merge-blocks --precompute-propagate \
  --duplicate-function-elimination --optimize-stack-ir
# How our own scripts are minified (not wasm-bindgen's glue, not the studio's bundle):
# unsafe_arrows writes `function (x) {…}` as `x => …` where the function uses neither
# `this` nor `arguments` (none of ours is called with `new`): 56 B less gzip for
# factbox.js, 10 for the table's part (measured 2026-12-07); the studio's grew, so not it.
TERSER := node_modules/.bin/terser --compress passes=2,unsafe_arrows --mangle --ecma 2019
# For the sets' features (kind-a,kind-b) and factbox.js's KIND_SETS ({"charts":["figures",…]}).
comma := ,
space := $(subst ,, )
KIND_SETS_JSON := {$(subst $(space),$(comma),$(foreach s,$(SETS),"$(s)":[$(subst $(space),$(comma),$(patsubst %,"%",$(SET_$(s))))]))}
VERSION := $(shell grep -m1 '^version' Cargo.toml | cut -d'"' -f2)

# The widget's wasm is built with the standard library compiled for it (build-std, from
# rustup's rust-src), so that std too is optimised for size, and panics abort at once
# without their messages, locations and formatter (the library denies panicking code, and
# the loader recovers from a trap). That is 4.7 KB less gzip for every reader. These flags
# are unstable; RUSTC_BOOTSTRAP=1 lets the stable toolchain accept them, as for fuzzing.
# Only the release wasm is built so; the tests of the crate run on plain stable.
# The wasm is optimised for size (Cargo.toml's release profile is for speed, natively).
WASM_SIZE := CARGO_PROFILE_RELEASE_OPT_LEVEL=z
WASM_RUSTFLAGS := -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none
WASM_BUILD_STD := -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size

# Three builds of the one facade (src/web/mod.rs), the same exports and glue: the readers'
# (`kinds` only: no messages, image or prerender; and the same for each kind alone, which a
# page whose boxes are all of one kind fetches instead); the editors' (`editor`: messages and
# the image, and `live`: the reader of live data), which factbox.js fetches only when a box
# fails, an image is asked for or a box has live data; and
# the developers' (`dev`, the default: also prerender with fonts), for the npm package
# and the studio's script.
dist: setup-rust setup-npm $(FACTBOX)
	$(WASM_SIZE) RUSTC_BOOTSTRAP=1 RUSTFLAGS="$(WASM_RUSTFLAGS)" wasm-pack build --release --target no-modules \
	  --out-dir $(WASM_OUT) --out-name factbox --no-pack . $(WASM_BUILD_STD) --no-default-features --features kinds
	@# The readers' engine of each kind: 10-15 s each, the standard library built once.
	for k in $(KINDS); do \
	  $(WASM_SIZE) RUSTC_BOOTSTRAP=1 RUSTFLAGS="$(WASM_RUSTFLAGS)" wasm-pack --quiet build --release --target no-modules \
	    --out-dir target/wasm-kind-$$k --out-name factbox --no-pack . $(WASM_BUILD_STD) --no-default-features \
	    --features kind-$$k || exit 1; \
	done
	$(foreach s,$(SETS),$(WASM_SIZE) RUSTC_BOOTSTRAP=1 RUSTFLAGS="$(WASM_RUSTFLAGS)" wasm-pack --quiet build --release \
	  --target no-modules --out-dir target/wasm-kind-$(s) --out-name factbox --no-pack . $(WASM_BUILD_STD) \
	  --no-default-features --features $(subst $(space),$(comma),$(patsubst %,kind-%,$(SET_$(s))));)
	$(WASM_SIZE) RUSTC_BOOTSTRAP=1 RUSTFLAGS="$(WASM_RUSTFLAGS)" wasm-pack build --release --target no-modules \
	  --out-dir $(EDITOR_OUT) --out-name factbox --no-pack . $(WASM_BUILD_STD) --no-default-features --features editor,live
	$(WASM_SIZE) RUSTC_BOOTSTRAP=1 RUSTFLAGS="$(WASM_RUSTFLAGS)" wasm-pack build --release --target no-modules \
	  --out-dir $(DEV_OUT) --out-name factbox --no-pack . $(WASM_BUILD_STD) --no-default-features --features dev
	rm -rf dist
	mkdir -p dist
	cp -r www/. dist/
	@# Build scripts and the README's pictures are not for newsrooms to upload.
	rm -rf dist/docs dist/loader.js dist/api.js dist/dev-api.js dist/interact.js dist/live.js dist/table.js dist/render.js dist/fresh.js dist/script-head.js dist/npm dist/shorten-imports.mjs dist/precompress.mjs dist/prerender-page.mjs dist/img
	@# The demo article again, its boxes prerendered by the `factbox` command (static-first:
	@# on screen before any script, taken over by factbox.js). Run from www/ so that the
	@# snippets point at data/… as the page does.
	rm -rf target/prerendered
	cd www && ../$(FACTBOX) render data/egov-vn.json --out ../target/prerendered 2>/dev/null
	cd www && ../$(FACTBOX) render data/kinh-te-so.json --out ../target/prerendered 2>/dev/null
	node www/prerender-page.mjs www/index.html target/prerendered dist/prerendered.html
	node www/prerender-page.mjs www/kinh-te-so.html target/prerendered dist/kinh-te-so-prerendered.html
	@# Short import names in the wasm and the glue (see www/shorten-imports.mjs): -3.9 KB gzip.
	node www/shorten-imports.mjs $(WASM_OUT)/factbox_bg.wasm $(WASM_OUT)/factbox.js \
	  target/factbox_bg.short.wasm target/factbox.glue.js
	node www/shorten-imports.mjs $(EDITOR_OUT)/factbox_bg.wasm $(EDITOR_OUT)/factbox.js \
	  target/factbox_editor.short.wasm target/factbox.editor-glue.js
	node www/shorten-imports.mjs $(DEV_OUT)/factbox_bg.wasm $(DEV_OUT)/factbox.js \
	  target/factbox_dev.short.wasm target/factbox.dev-glue.js
	@# One glue for all three: the builds must import and export the same names.
	cmp target/factbox.glue.js target/factbox.editor-glue.js
	cmp target/factbox.glue.js target/factbox.dev-glue.js
	for k in $(KINDS) $(SETS); do \
	  node www/shorten-imports.mjs target/wasm-kind-$$k/factbox_bg.wasm target/wasm-kind-$$k/factbox.js \
	    target/factbox_bg_$$k.short.wasm target/factbox.$$k-glue.js >/dev/null && \
	  cmp target/factbox.glue.js target/factbox.$$k-glue.js && \
	  node_modules/.bin/wasm-opt $(WASM_OPT_FEATURES) $(WASM_OPT_PASSES) \
	    target/factbox_bg_$$k.short.wasm -o target/factbox_bg_$$k.wasm || exit 1; \
	done
	@# Only binaryen passes that shrink the gzip, each measured: -Oz makes the file 8% smaller
	@# raw but about 7 KB larger gzipped (it reorders and inlines functions, which
	@# compresses worse); so do --reorder-functions (+3.8 KB), --local-cse (+2.1 KB) and
	@# --merge-similar-functions (+0.4 KB).
	node_modules/.bin/wasm-opt $(WASM_OPT_FEATURES) $(WASM_OPT_PASSES) \
	  target/factbox_bg.short.wasm -o target/factbox_bg.wasm
	node_modules/.bin/wasm-opt $(WASM_OPT_FEATURES) $(WASM_OPT_PASSES) \
	  target/factbox_editor.short.wasm -o target/factbox_editor.wasm
	node_modules/.bin/wasm-opt $(WASM_OPT_FEATURES) $(WASM_OPT_PASSES) \
	  target/factbox_dev.short.wasm -o target/factbox_dev.wasm
	@# The loader's limits, page rules and words, from src/page.rs (one source for both).
	cargo run --quiet --example loader_constants > target/loader-constants.js
	@# Each wasm gets a content-hashed name (factbox_bg.<hash>.wasm), so a server may cache
	@# it forever; factbox.js, whose address journalists paste, names them and stays short-lived.
	@# The live data part (www/live.js): its own file, loaded only by a page with a box that
	@# reads live data, registering itself for factbox.js to take. wasm-bindgen's glue is a
	@# part of its own too (factbox_glue.<hash>.js, 2.6 kB gzip), fetched with the wasm: only
	@# a box drawn in the page needs it, and a page of prerendered boxes then loads 8.7 kB of
	@# code where it loaded 11.2 kB (the npm module keeps it inline: target/factbox.newglue.js).
	{ echo "(function () {"; echo "'use strict';"; cat www/live.js; \
	  echo "window.__factboxLive = liveFactory;"; echo "})();"; } > target/factbox.live.js
	$(TERSER) target/factbox.live.js \
	  --preamble "/*! factbox $(VERSION) live data | MIT OR Apache-2.0 */" --output target/factbox_live.js
	@# Three more parts the same way, each loaded only by the pages that use it (the npm
	@# module and the studio's bundle have them built in): a table's interaction (www/table.js,
	@# for a page with a table box), factbox.render and the image download (www/render.js,
	@# for a page that calls render, which embeds never do, or a reader who asks for an
	@# image), and the check of prerendered snippets against their data (www/fresh.js, for a
	@# page that has some, once it is idle). Together 2.4 kB gzip off factbox.js. They carry
	@# no licence line of their own (factbox.js, which loads them, has it): 50 B gzip each.
	{ echo "(function () {"; echo "'use strict';"; cat www/table.js; \
	  echo "window.__factboxTable = tableFactory;"; echo "})();"; } > target/factbox.table.js
	$(TERSER) target/factbox.table.js \
	  --output target/factbox_table.js
	{ echo "(function () {"; echo "'use strict';"; cat www/render.js; \
	  echo "window.__factboxApi = apiFactory;"; echo "})();"; } > target/factbox.api.js
	$(TERSER) target/factbox.api.js \
	  --output target/factbox_api.js
	{ echo "(function () {"; echo "'use strict';"; cat www/fresh.js; \
	  echo "window.__factboxFresh = freshFactory;"; echo "})();"; } > target/factbox.fresh.js
	$(TERSER) target/factbox.fresh.js \
	  --output target/factbox_fresh.js
	@hash=$$(sha256sum target/factbox_bg.wasm | cut -c1-12); \
	  lhash=$$(sha256sum target/factbox_live.js | cut -c1-12); \
	  cp target/factbox_live.js dist/factbox_live.$$lhash.js; \
	  thash=$$(sha256sum target/factbox_table.js | cut -c1-12); \
	  cp target/factbox_table.js dist/factbox_table.$$thash.js; \
	  ahash=$$(sha256sum target/factbox_api.js | cut -c1-12); \
	  cp target/factbox_api.js dist/factbox_api.$$ahash.js; \
	  fhash=$$(sha256sum target/factbox_fresh.js | cut -c1-12); \
	  cp target/factbox_fresh.js dist/factbox_fresh.$$fhash.js; \
	  ehash=$$(sha256sum target/factbox_editor.wasm | cut -c1-12); \
	  dhash=$$(sha256sum target/factbox_dev.wasm | cut -c1-12); \
	  cp target/factbox_bg.wasm dist/factbox_bg.$$hash.wasm; \
	  kinds=""; for k in $(KINDS) $(SETS); do khash=$$(sha256sum target/factbox_bg_$$k.wasm | cut -c1-12); \
	    cp target/factbox_bg_$$k.wasm dist/factbox_bg_$$k.$$khash.wasm; \
	    sed -i "s/factbox_bg_$$k\.wasm/factbox_bg_$$k.$$khash.wasm/g" dist/*.html; \
	    kinds="$$kinds\"$$k\":\"$$khash\","; done; \
	  cp target/factbox_editor.wasm dist/factbox_editor.$$ehash.wasm; \
	  cp target/factbox_dev.wasm dist/factbox_dev.$$dhash.wasm; \
	  { echo "function newGlue() {"; cat target/factbox.glue.js; echo; echo "return wasm_bindgen; }"; } \
	    > target/factbox.newglue.js; \
	  { echo "(function () {"; echo "'use strict';"; cat target/factbox.newglue.js; \
	    echo "window.__factboxGlue = newGlue;"; echo "})();"; } > target/factbox.glue-part.js; \
	  node_modules/.bin/terser target/factbox.glue-part.js --compress passes=2 --mangle --ecma 2019 \
	    --preamble "/*! factbox $(VERSION) wasm-bindgen glue | MIT OR Apache-2.0 */" --output target/factbox_glue.js; \
	  ghash=$$(sha256sum target/factbox_glue.js | cut -c1-12); \
	  cp target/factbox_glue.js dist/factbox_glue.$$ghash.js; \
	  sed -i -e "s/factbox_bg\.wasm/factbox_bg.$$hash.wasm/g" -e "s/factbox_glue\.js/factbox_glue.$$ghash.js/g" dist/*.html; \
	  cat target/loader-constants.js www/api.js www/interact.js > target/factbox.core.js; \
	  { echo "(function () {"; sed -e "s/factbox_bg\.wasm/factbox_bg.$$hash.wasm/g" \
	      -e "s|var KIND_FILES = {};|var KIND_FILES = {$${kinds%,}};|" -e 's|var KIND_SETS = {};|var KIND_SETS = $(KIND_SETS_JSON);|' \
	      -e "s/factbox_live\.js/factbox_live.$$lhash.js/g" -e "s/factbox_glue\.js/factbox_glue.$$ghash.js/g" \
	      -e "s/factbox_table\.js/factbox_table.$$thash.js/g" -e "s/factbox_api\.js/factbox_api.$$ahash.js/g" \
	      -e "s/factbox_fresh\.js/factbox_fresh.$$fhash.js/g" \
	      -e "s/factbox_live_engine\.wasm/factbox_editor.$$ehash.wasm/g" \
	      -e "s/factbox_editor\.wasm/factbox_editor.$$ehash.wasm/g" www/script-head.js; \
	    cat target/factbox.core.js www/loader.js; echo "})();"; } > target/factbox.full.js; \
	  { echo "(function () {"; sed -e "s/factbox_bg\.wasm/factbox_bg.$$hash.wasm/g" \
	      -e "s|var KIND_FILES = {};|var KIND_FILES = {$${kinds%,}};|" -e 's|var KIND_SETS = {};|var KIND_SETS = $(KIND_SETS_JSON);|' \
	      -e "s/factbox_live\.js/factbox_live.$$lhash.js/g" -e "s/factbox_glue\.js/factbox_glue.$$ghash.js/g" \
	      -e "s/factbox_live_engine\.wasm/factbox_editor.$$ehash.wasm/g" \
	      -e "s/factbox_editor\.wasm/factbox_dev.$$dhash.wasm/g" www/script-head.js; \
	    cat target/factbox.core.js www/table.js www/render.js www/fresh.js www/dev-api.js www/loader.js; \
	    echo "window.factbox.prerender = prerender; window.factbox.check = check;"; \
	    echo "})();"; } > target/factbox.studio.js
	@# The glue is wrapped in a factory (newGlue) so that the loader can start a fresh wasm
	@# instance, with fresh glue state, after a trap.
	@# Two compress passes: 60 B less gzip than one (measured 2026-12-07), a third adds nothing.
	$(TERSER) target/factbox.full.js \
	  --preamble "/*! factbox $(VERSION) | MIT OR Apache-2.0 */" --output dist/factbox.js
	@# The studio's copy: the same, with the developers' API (prerender, check) and engine
	@# (factbox_dev: prerender with fonts) that readers' pages leave out; only studio.html
	@# loads it.
	node_modules/.bin/terser target/factbox.studio.js --compress passes=2 --mangle --ecma 2019 \
	  --preamble "/*! factbox $(VERSION) (studio) | MIT OR Apache-2.0 */" --output dist/factbox-studio.js
	@# The studio (dist/studio.html): its own wasm, the `studio` feature, which has the
	@# studio's exports instead of the widget's (readers never download it). Its own target
	@# directory, so that this build and the widget's (other flags) do not undo each other.
	$(WASM_SIZE) CARGO_TARGET_DIR=target/studio wasm-pack build --release --target web --out-dir $(STUDIO_OUT) \
	  --out-name factbox_studio --no-pack . -- --features studio
	cp $(STUDIO_OUT)/factbox_studio.js $(STUDIO_OUT)/factbox_studio_bg.wasm dist/studio/
	@# Precompressed .gz (zopfli) and .br beside each file, for servers that send them.
	node www/precompress.mjs dist
	@echo "dist/: the editors' engine $$(cd dist && ls factbox_editor.*.wasm) $$(stat -c %s target/factbox_editor.wasm) B (gzip -9 $$(gzip -9c target/factbox_editor.wasm | wc -c)), fetched only when a box fails or an image is asked for"
	@js=$$(gzip -9c dist/factbox.js | wc -c); wasm=$$(gzip -9c target/factbox_bg.wasm | wc -c); \
	  glue=$$(gzip -9c target/factbox_glue.js | wc -c); \
	  zjs=$$(stat -c %s dist/factbox.js.gz); zwasm=$$(stat -c %s dist/factbox_bg.*.wasm.gz); \
	  zglue=$$(stat -c %s dist/factbox_glue.*.js.gz); \
	  echo "dist/: factbox.js $$(stat -c %s dist/factbox.js) B (gzip -9 $$js, zopfli $$zjs): a prerendered page's code"; \
	  echo "dist/: live boxes add $$(cd dist && ls factbox_glue.*.js) (gzip -9 $$glue, zopfli $$zglue) and $$(cd dist && ls factbox_bg.*.wasm) $$(stat -c %s target/factbox_bg.wasm) B (gzip -9 $$wasm, zopfli $$zwasm): gzip -9 $$((js + glue + wasm)) B, zopfli $$((zjs + zglue + zwasm)) B"

## The npm package, from the same wasm and glue as dist/ (the size-optimised build) and the
## same API (www/api.js), as an ES module: pkg/, and `npm pack` of it into target/.
pkg: dist
	rm -rf pkg
	mkdir -p pkg
	@# The readers' wasm draws good boxes, as the script tag's does; the developers' (every
	@# message, prerender with fonts) is fetched only for a failed box, an image,
	@# prerender() or check().
	cp target/factbox_bg.wasm pkg/factbox_bg.wasm
	cp target/factbox_dev.wasm pkg/factbox_dev.wasm
	@# The engine that reads live data, fetched only by a page with a live box.
	cp target/factbox_editor.wasm pkg/factbox_editor.wasm
	@# The same glue, constants and API as dist/factbox.js (target/factbox.core.js), as a module.
	cat www/npm/head.js target/factbox.newglue.js target/factbox.core.js www/live.js www/table.js www/render.js www/fresh.js www/dev-api.js www/npm/foot.js > pkg/factbox.js
	@# The same for Node (the "node" export condition): local files read from the disk.
	cat www/npm/head-node.js target/factbox.newglue.js target/factbox.core.js www/live.js www/table.js www/render.js www/fresh.js www/dev-api.js www/npm/foot.js > pkg/factbox.node.js
	cp www/npm/factbox.d.ts www/npm/README.md www/npm/cli.mjs LICENSE-MIT LICENSE-APACHE pkg/
	cp www/schema/factbox-v1.schema.json pkg/schema.json
	@# The script-tag build too, for sites without a bundler (it hydrates by itself).
	mkdir -p pkg/script
	cp dist/factbox.js dist/factbox_bg.*.wasm dist/factbox_bg_*.wasm dist/factbox_editor.*.wasm dist/factbox_live.*.js dist/factbox_glue.*.js dist/factbox_table.*.js dist/factbox_api.*.js dist/factbox_fresh.*.js pkg/script/
	node www/npm/schema-types.mjs www/schema/factbox-v1.schema.json > pkg/document.d.ts
	sed "s/@VERSION@/$(VERSION)/" www/npm/package.json > pkg/package.json
	cd pkg && npm pack --silent --pack-destination ../target >/dev/null
	@echo "pkg/: factbox.js $$(gzip -9c pkg/factbox.js | wc -c) B gzip -9, factbox_bg.wasm $$(gzip -9c pkg/factbox_bg.wasm | wc -c) B gzip -9 (factbox_dev.wasm $$(gzip -9c pkg/factbox_dev.wasm | wc -c) B, for failures, images, prerender and check); target/factbox-$(VERSION).tgz"

demo: dist
	@echo "factbox demo: http://127.0.0.1:$(PORT)/"
	cd dist && python3 -m http.server $(PORT) --bind 127.0.0.1

schema:
	UPDATE_SCHEMA=1 cargo test --test schema
	node www/schema/doc-tables.mjs

golden:
	UPDATE_GOLDEN=1 cargo test --test golden --test render --test table

## Tests.
test: setup test-native test-fuzz test-wasm test-e2e

# A short fuzz run in every `make test`; `make fuzz` runs longer. A crash stops it and
# leaves the input in fuzz/artifacts/pipeline/ (copy it to fuzz/regressions/).
test-fuzz: setup-fuzz
	mkdir -p fuzz/corpus
	$(FUZZ) run -s none pipeline corpus seeds -- $(call FUZZ_ARGS,30)

fuzz: setup-fuzz
	mkdir -p fuzz/corpus
	$(FUZZ) run -s none pipeline corpus seeds -- $(call FUZZ_ARGS,$(FUZZ_SECONDS))

test-native: lint
	cargo test --all-targets
	cargo test --doc

lint:
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
	@# The readers' build (the kinds only; one kind, as each kind's engine is) and the
	@# editors' (`editor` without `dev`).
	cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features kinds -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features kind-bar -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features editor,live -- -D warnings
	@# The studio's build (its wasm face instead of the widget's).
	cargo clippy --target wasm32-unknown-unknown --all-targets --features studio -- -D warnings
	@# The field tables of www/docs/format.md are the schema's (make schema rewrites them).
	node www/schema/doc-tables.mjs --check

# Only tests/web.rs (the widget's glue) and tests/studio_web.rs (the studio's, built with
# its feature) run in the browser; the other test files are native.
test-wasm: setup-rust setup-browser
	CHROMEDRIVER=/usr/bin/chromedriver wasm-pack test --headless --chrome -- --test web
	CHROMEDRIVER=/usr/bin/chromedriver wasm-pack test --headless --chrome -- --test studio_web --features studio

test-e2e: dist pkg setup-browser setup-sites setup-wordpress
	node --test tests/e2e/

# The framework sites of tests/e2e/sites.test.mjs (Astro, Eleventy): their sources copied
# to target/sites/, their dependencies installed from the lock files once (again only when
# a lock file changes); the test installs factbox from the packed tarball into them.
SITES := astro eleventy next
setup-sites: $(foreach s,$(SITES),target/sites/$(s)/node_modules/.package-lock.json)

target/sites/%/node_modules/.package-lock.json: tests/sites/%/package-lock.json
	mkdir -p target/sites/$*
	cp -r tests/sites/$*/. target/sites/$*/
	cd target/sites/$* && npm ci --no-audit --no-fund
	@touch $@

## Benchmarks: criterion for the native pipeline, then the browser benchmark against
## Chart.js (BENCH_RUNS runs per page size, alternating), both written to BENCHMARKS.md.
BENCH_RUNS ?= 5

# Lighthouse only for `make bench` (146 packages that `make test` does not need), in its
# own folder, at the version that runs on Node 20.
LIGHTHOUSE := target/lighthouse/node_modules/.bin/lighthouse

$(LIGHTHOUSE):
	npm i -E lighthouse@12.2.3 --prefix target/lighthouse --no-audit --no-fund

bench: dist pkg setup-browser $(LIGHTHOUSE)
	cargo bench --bench pipeline
	node benches/lighthouse.mjs --runs $(BENCH_RUNS)
	node benches/vite-bytes.mjs
	node benches/report.mjs --runs $(BENCH_RUNS)

clean:
	rm -rf target/wasm-* dist pkg
