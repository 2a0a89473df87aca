// The field tables of www/docs/format.md, written from the JSON Schema (itself made from
// the Rust types by `make schema`), so that the documentation cannot drift from what
// factbox reads. Each table stands between
//   <!-- schema: Def -->            (a $defs entry, or "Document" for the top level)
//   <!-- schema: Def -common -->    (without the fields every box has)
//   <!-- schema: Def +common -->    (only those)
// and <!-- /schema -->.
//   node www/schema/doc-tables.mjs           rewrite the tables
//   node www/schema/doc-tables.mjs --check   exit 1 if they are not what the schema says
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(fs.readFileSync(path.join(here, 'factbox-v1.schema.json'), 'utf8'));
const doc = path.join(here, '..', 'docs', 'format.md');
// The fields of every box (the first kind's box head; a test below checks all kinds share them).
const COMMON = ['id', 'kind', 'title', 'subtitle', 'note', 'source', 'byline', 'as_of', 'locale', 'alt'];

// What a list of a $defs type is called in the tables (each has its own table below it).
const NAMES = { AnyBox: 'boxes', Figure: 'figures', Bar: 'bars', RankItem: 'items', Series: 'series',
  Point: 'points', Annotation: 'annotations', Part: 'parts', Column: 'columns', TableRow: 'rows' };
const def = (name) => (name === 'Document' ? schema : schema.$defs[name]);
const refName = (ref) => ref.replace('#/$defs/', '');

// What a value may be, in a few words: `"a" | "b"`, a number's range, a list's size, a
// text's length, a date's form, or the type a $ref names.
function values(p) {
  if (p.$ref) return values(def(refName(p.$ref))) || `see ${refName(p.$ref)}`;
  if (p.const !== undefined) return `\`${JSON.stringify(p.const)}\``;
  const alternatives = p.anyOf || p.oneOf;
  if (alternatives) {
    return alternatives.filter((a) => a.type !== 'null')
      .map((a) => (a.$ref ? (values(def(refName(a.$ref))) || refName(a.$ref)) : values(a))).join(', or ');
  }
  if (p.enum) return p.enum.filter((v) => v !== null).map((v) => `\`${JSON.stringify(v)}\``).join(' | ');
  const types = [].concat(p.type || []).filter((t) => t !== 'null');
  const t = types[0];
  const parts = [];
  if (t === 'array') {
    const item = p.items ? (p.items.$ref ? NAMES[refName(p.items.$ref)] || refName(p.items.$ref) : values(p.items)) : 'items';
    // Two numbers exactly: a range.
    if (p.minItems === 2 && p.maxItems === 2 && item === 'number') return 'a range `[low, high]`';
    const size = p.minItems != null && p.maxItems != null ? `${p.minItems}–${p.maxItems}`
      : p.maxItems != null ? `up to ${p.maxItems}` : p.minItems != null ? `at least ${p.minItems}` : '';
    parts.push(`list of ${size ? `${size} ` : ''}${item}`);
  } else if (t === 'string') {
    if (p.pattern && p.pattern.startsWith('^[0-9]{4}')) parts.push('date: `2024`, `2024-08` or `2024-08-31`');
    else parts.push('text');
    if (p.maxLength != null) parts.push(`≤ ${p.maxLength} characters`);
  } else if (t === 'integer' || t === 'number') {
    if (p.minimum != null && p.minimum === p.maximum) return `\`${p.minimum}\``;
    const range = p.minimum != null && p.maximum != null ? ` ${p.minimum}–${p.maximum}`
      : p.minimum != null ? ` ≥ ${p.minimum}` : p.exclusiveMinimum != null ? ` > ${p.exclusiveMinimum}` : '';
    parts.push(`${t === 'integer' ? 'whole number' : 'number'}${range}`);
  } else if (t === 'object') {
    parts.push('an object (below)');
  } else if (t) {
    parts.push(t === 'boolean' ? '`true` or `false`' : t);
  }
  return parts.join(', ');
}

function table(spec) {
  const [name, filter] = spec.trim().split(/\s+/);
  const d = def(name);
  if (!d || !d.properties) throw new Error(`doc-tables: no object ${name} in the schema`);
  const required = new Set(d.required || []);
  let fields = Object.keys(d.properties);
  if (filter === '-common') fields = fields.filter((f) => !COMMON.includes(f));
  if (filter === '+common') fields = COMMON.filter((f) => fields.includes(f));
  const cell = (s) => String(s).replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
  const rows = fields.map((f) => {
    const p = d.properties[f];
    return `| \`${f}\` | ${required.has(f) ? 'yes' : 'no'} | ${cell(values(p))} | ${cell(p.description || '')} |`;
  });
  return ['| field | required | value | meaning |', '|---|---|---|---|', ...rows].join('\n');
}

// Every box kind has the common fields.
for (const [k, d] of Object.entries(schema.$defs).filter(([k]) => /BoxSchema$/.test(k))) {
  for (const f of COMMON) if (!d.properties[f]) throw new Error(`doc-tables: ${k} has no ${f}`);
}

const text = fs.readFileSync(doc, 'utf8');
// A block may be empty (a new marker pair): the table then fills it.
const made = text.replace(/(<!-- schema: ([^>]+?) -->\n)[\s\S]*?(<!-- \/schema -->)/g,
  (_, open, spec, close) => `${open}${table(spec)}\n${close}`);
if (process.argv.includes('--check')) {
  if (made !== text) {
    console.error(`${doc}: the field tables differ from the schema; run node www/schema/doc-tables.mjs`);
    process.exit(1);
  }
} else {
  fs.writeFileSync(doc, made);
}
