// Build step (run by `make dist`, not shipped): gives the wasm's imports and exports short
// names, in the wasm and in wasm-bindgen's glue alike.
//
// wasm-bindgen names each import after the JS it calls plus a 16-digit hash, e.g.
// `__wbg_setAttribute_5cbd0e1ad1b5c3f9`, and every name is written twice: in the wasm's
// import section and in the glue's import object. The hashes do not compress, so the 140
// or so names cost every reader about 2 KB of gzip for nothing. Here they become `a`, `b`,
// … `ba`, …: the import section is rewritten (names are length-prefixed, so the section is
// re-encoded) and each name replaced in the glue, where it appears as a property key. The
// exports (`__wbindgen_export2`, `mounted_redraw`, … read as `wasm.name` by the glue) get
// the same treatment, but for `memory`, which tests read.
//
// Usage: node shorten-imports.mjs in.wasm in.js out.wasm out.js

import { readFileSync, writeFileSync } from "node:fs";

const [inWasm, inJs, outWasm, outJs] = process.argv.slice(2);
const wasm = readFileSync(inWasm);
let js = readFileSync(inJs, "utf8");

function readLeb(buf, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = buf[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

function name(text) {
  const bytes = Buffer.from(text, "utf8");
  return Buffer.concat([leb(bytes.length), bytes]);
}

// Short names in order: `_0` … `_9`, `_a` … `_z`, `_10` …, valid JS property names.
function shortName(i) {
  return "_" + i.toString(36);
}

const parts = [wasm.subarray(0, 8)];
let at = 8;
const renamed = new Map();
const exported = new Map();
while (at < wasm.length) {
  const id = wasm[at];
  const [size, bodyAt] = readLeb(wasm, at + 1);
  const end = bodyAt + size;
  if (id === 7) {
    parts.push(exportSection(bodyAt, end));
    at = end;
    continue;
  }
  if (id !== 2) {
    parts.push(wasm.subarray(at, end));
    at = end;
    continue;
  }
  // The import section: a count, then (module, field, description) per import.
  let p = bodyAt;
  const [count, afterCount] = readLeb(wasm, p);
  p = afterCount;
  const body = [leb(count)];
  for (let i = 0; i < count; i++) {
    const [moduleLen, moduleAt] = readLeb(wasm, p);
    const module = wasm.subarray(moduleAt, moduleAt + moduleLen).toString("utf8");
    const [fieldLen, fieldAt] = readLeb(wasm, moduleAt + moduleLen);
    const field = wasm.subarray(fieldAt, fieldAt + fieldLen).toString("utf8");
    p = fieldAt + fieldLen;
    // The description: a kind byte, then a type index (function), a table type, a memory
    // type or a global type.
    const kind = wasm[p];
    let q = p + 1;
    if (kind === 0) {
      q = readLeb(wasm, q)[1];
    } else if (kind === 1) {
      q += 1; // the element type
      const flags = wasm[q++];
      q = readLeb(wasm, q)[1];
      if (flags & 1) q = readLeb(wasm, q)[1];
    } else if (kind === 2) {
      const flags = wasm[q++];
      q = readLeb(wasm, q)[1];
      if (flags & 1) q = readLeb(wasm, q)[1];
    } else if (kind === 3) {
      q += 2; // value type and mutability
    } else {
      throw new Error(`unknown import kind ${kind} for ${field}`);
    }
    let newField = field;
    // Only the glue's own imports, whose names are its object's keys.
    if (module === "./factbox_bg.js" && js.includes(`${field}:`)) {
      newField = shortName(renamed.size);
      renamed.set(field, newField);
    }
    body.push(name(module), name(newField), wasm.subarray(p, q));
    p = q;
  }
  if (p !== end) throw new Error("the import section was not read to its end");
  const section = Buffer.concat(body);
  parts.push(Buffer.from([2]), leb(section.length), section);
  at = end;
}

// The export section: a count, then (name, kind byte, index) per export.
function exportSection(bodyAt, end) {
  let [count, p] = readLeb(wasm, bodyAt);
  const body = [leb(count)];
  for (let i = 0; i < count; i++) {
    const [len, nameAt] = readLeb(wasm, p);
    const field = wasm.subarray(nameAt, nameAt + len).toString("utf8");
    const q = readLeb(wasm, nameAt + len + 1)[1];
    let newField = field;
    if (field !== "memory") {
      newField = "e" + exported.size.toString(36);
      exported.set(field, newField);
    }
    body.push(name(newField), wasm.subarray(nameAt + len, q));
    p = q;
  }
  if (p !== end) throw new Error("the export section was not read to its end");
  const section = Buffer.concat(body);
  return Buffer.concat([Buffer.from([7]), leb(section.length), section]);
}

for (const [from, to] of exported) {
  const use = new RegExp(`\\bwasm\\.${from}\\b`, "g");
  js = js.replace(use, `wasm.${to}`);
}
// Another way of reaching an export, which would now miss it.
if (/\bwasm\[/.test(js)) throw new Error("the glue reads an export as wasm[…]");

for (const [from, to] of renamed) {
  const key = new RegExp(`\\b${from}:`, "g");
  const hits = js.match(key)?.length ?? 0;
  if (hits !== 1) throw new Error(`${from} is a key ${hits} times in the glue, not once`);
  js = js.replace(key, `${to}:`);
}

// factbox compiles each wasm itself (compileStreaming, while it downloads) and hands the
// glue the module to instantiate: `initSync({ module })`. The glue's own loader (its
// default export: fetching, streaming instantiation, a MIME fallback with its warning,
// the script's address) is never run; left out, about 300 B gzip less for every reader
// of a live box. Each piece must be found exactly once, or the glue has changed shape.
const trims = [
  [/\n    let script_src;\n    if \(typeof document !== 'undefined' && document\.currentScript !== null\) \{\n        script_src = [^\n]*\n    \}\n/g, '\n'],
  [/\n    async function __wbg_load\(module, imports\) \{\n[\s\S]*?\n    \}\n(?=\n    function initSync)/g, '\n'],
  [/\n    let __wbg_init_promise;\n    async function __wbg_init\(module_or_path\) \{\n[\s\S]*?\n    \}\n\n    async function __wbg_init_once\(module_or_path\) \{\n[\s\S]*?\n    \}\n(?=\n    return Object\.assign)/g, '\n'],
  [/return Object\.assign\(__wbg_init, \{ initSync \}, exports\);/g, 'return Object.assign({ initSync }, exports);'],
  // initSync is given `{ module }`, a compiled module: its other forms go too.
  [/\n        if \(module !== undefined\) \{\n            if \(Object\.getPrototypeOf\(module\) === Object\.prototype\) \{\n                \(\{module\} = module\)\n            \} else \{\n[^\n]*\n            \}\n        \}\n/g, '\n        ({ module } = module);\n'],
  [/\n        if \(!\(module instanceof WebAssembly\.Module\)\) \{\n            module = new WebAssembly\.Module\(module\);\n        \}\n/g, '\n'],
];
for (const [re, to] of trims) {
  const hits = js.match(re)?.length ?? 0;
  if (hits !== 1) throw new Error(`the glue's loader: ${re} found ${hits} times, not once`);
  js = js.replace(re, to);
}
if (/__wbg_init|__wbg_load|script_src/.test(js)) throw new Error("the glue still has its own loader");

writeFileSync(outWasm, Buffer.concat(parts));
writeFileSync(outJs, js);
console.log(`shortened ${renamed.size} import and ${exported.size} export names`);
