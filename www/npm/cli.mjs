#!/usr/bin/env node
// `npx factbox check|render`: the native command's two jobs for those who have no Rust,
// from the same wasm in Node (factbox.node.js). `render` writes the same snippets and SVG
// images, byte for byte; PNG images need a rasteriser, which the package does not carry
// (see USAGE).
import fs from 'node:fs';
import path from 'node:path';
import { check, prerender, FactboxError, version } from './factbox.node.js';

const USAGE = `factbox ${version}

  factbox check FILE... [--lang vi|en]
      Prints every problem as FILE:LINE:COLUMN: PATH: message and exits with 1 when any
      box is broken, 0 when all are good.

  factbox render FILE[#ID] --out DIR [--width PX] [--theme auto|light|dark]
                 [--lang vi|en] [--inline] [--script URL | --no-script] [--font FILE]...
                 [--utc-offset +HH:MM]
      Writes, for every box of FILE (or the one #ID names), DIR/ID.html (the embed
      snippet with the box prerendered inside it), DIR/ID.cms.html (the same for a CMS
      that strips templates, styles, SVG and scripts, as WordPress does for authors: its
      chart is ID.png beside FILE, which the native command writes) and DIR/ID.svg (the
      whole box as an image, --width CSS pixels wide, default 640).
      --inline    put the JSON inside the snippet (one paste, no file to host)
      --script    the URL of factbox.js in the snippet (default factbox.js)
      --no-script no script tag (the page imports the module and calls hydrate())
      --theme     auto (the reader's colour scheme, default) or a fixed one
      --lang      the language of boxes whose file does not say (default vi)
      --font      the site's font, a TTF/OTF file (repeatable: regular and bold): the
                  charts are laid out with its widths and name it first
      --utc-offset the clock of a live box's “updated” line, e.g. +07:00 (the default,
                  Vietnam's); the page writes the reader's own at its next read
      A box with live data ("data": {"url": …}) is written with its data as it is now,
      read once (check reads and checks it too).
      PNG images: the native command writes them too (cargo install factbox, or make in
      the repository); in a page, the box's image button saves one.
`;

class Usage extends Error {}

function value(args, i, flag) {
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Usage(`${flag} needs a value`);
  return v;
}

function place(file, p) {
  const at = p.line != null ? `${file}:${p.line}:${p.column}` : file;
  return p.path ? `${at}: ${p.path}: ${p.what}` : `${at}: ${p.what}`;
}

async function runCheck(args) {
  const files = [];
  let lang;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--lang') lang = value(args, i++, '--lang');
    else if (args[i].startsWith('--')) throw new Usage(`unknown option \`${args[i]}\``);
    else files.push(args[i]);
  }
  if (!files.length) throw new Usage('check needs at least one FILE');
  let good = true;
  for (const file of files) {
    let problems;
    try {
      problems = await check(file, lang ? { lang } : {});
    } catch (e) {
      if (!(e instanceof FactboxError)) throw e;
      problems = e.problems;
    }
    for (const p of problems) console.log(place(file, p));
    if (problems.length) good = false;
  }
  return good;
}

async function runRender(args) {
  let input;
  let out;
  const options = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    switch (a) {
      case '--out': out = value(args, i++, a); break;
      case '--width': options.width = Number(value(args, i++, a)); break;
      case '--theme': options.theme = value(args, i++, a); break;
      case '--lang': options.lang = value(args, i++, a); break;
      case '--inline': options.inline = true; break;
      case '--script': options.script = value(args, i++, a); break;
      case '--no-script': options.script = false; break;
      case '--font': (options.font = options.font || []).push(value(args, i++, a)); break;
      case '--utc-offset': options.utcOffset = value(args, i++, a); break;
      default:
        if (a.startsWith('--')) throw new Usage(`unknown option \`${a}\``);
        if (input !== undefined) throw new Usage(`one FILE at a time (got \`${input}\` and \`${a}\`)`);
        input = a;
    }
  }
  if (input === undefined) throw new Usage('render needs a FILE');
  if (out === undefined) throw new Usage('render needs --out DIR');
  const [file, id] = input.split('#');
  if (!fs.existsSync(file)) {
    console.log(`${file}: cannot read the file (no such file)`);
    return false;
  }
  if (id) options.id = decodeURIComponent(id);
  // The snippet points at the file as it was named, as the native command writes it.
  if (!options.inline) options.src = file;
  let boxes;
  try {
    boxes = await prerender(file, options);
  } catch (e) {
    if (!(e instanceof FactboxError)) throw e;
    // A font that cannot be read is said as it is; the document's problems with their place.
    for (const p of e.problems) console.log(p.code === 'bad-options' ? p.message : place(file, p));
    return false;
  }
  fs.mkdirSync(out, { recursive: true });
  for (const b of boxes) {
    fs.writeFileSync(path.join(out, `${b.id}.html`), b.html);
    fs.writeFileSync(path.join(out, `${b.id}.cms.html`), b.cms);
    fs.writeFileSync(path.join(out, `${b.id}.svg`), b.svg);
    console.error(`factbox: wrote ${b.id}.html, ${b.id}.cms.html, ${b.id}.svg`);
  }
  return true;
}

const [command, ...rest] = process.argv.slice(2);
try {
  let ok;
  if (command === 'check') ok = await runCheck(rest);
  else if (command === 'render') ok = await runRender(rest);
  else if (command === undefined || ['help', '--help', '-h'].includes(command)) {
    process.stdout.write(USAGE);
    ok = true;
  } else if (command === '--version' || command === '-V') {
    console.log(`factbox ${version}`);
    ok = true;
  } else {
    throw new Usage(`unknown command \`${command}\``);
  }
  process.exitCode = ok ? 0 : 1;
} catch (e) {
  if (e instanceof Usage || (e instanceof FactboxError && e.problems.every((p) => p.code === 'bad-options'))) {
    console.error(`factbox: ${e.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    throw e;
  }
}
