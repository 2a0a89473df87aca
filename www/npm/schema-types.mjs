// `node www/npm/schema-types.mjs SCHEMA` prints TypeScript declarations of the JSON
// document (FactboxDocument, FactboxBox and one interface per box kind) from the JSON
// Schema that `make schema` writes from src/spec.rs: the types and the schema have one
// source. Only the shapes that schema uses are handled; anything else is an error here,
// not a silent `any`.
import fs from 'node:fs';

const schema = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const defs = schema.$defs;
const name = (ref) => {
  const n = ref.replace('#/$defs/', '');
  return n === 'AnyBox' ? 'FactboxBox' : n.replace(/Schema$/, '');
};
const doc = (text, indent) => (text
  ? `${indent}/** ${text.replace(/\*\//g, '*\\/').split('\n').join(`\n${indent} * `)} */\n`
  : '');

function type(s) {
  if (s.$ref) return name(s.$ref);
  if (s.anyOf || s.oneOf) return (s.anyOf || s.oneOf).map(type).join(' | ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  const types = Array.isArray(s.type) ? s.type : [s.type];
  return types.map((t) => {
    switch (t) {
      case 'string': return 'string';
      case 'number': case 'integer': return 'number';
      case 'boolean': return 'boolean';
      case 'null': return 'null';
      // A range, `[low, high]`: a tuple of exactly its length.
      case 'array': return s.minItems != null && s.minItems === s.maxItems && s.minItems <= 4
        ? `[${Array(s.minItems).fill(type(s.items)).join(', ')}]`
        : `Array<${type(s.items)}>`;
      case 'object': return object(s, '  ');
      default: throw new Error(`schema-types: no TypeScript for ${JSON.stringify(s)}`);
    }
  }).join(' | ');
}

function object(s, indent) {
  const required = new Set(s.required || []);
  const lines = Object.entries(s.properties || {}).map(([key, p]) => {
    const k = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : JSON.stringify(key);
    return `${doc(p.description, indent)}${indent}${k}${required.has(key) ? '' : '?'}: ${type(p)};`;
  });
  return `{\n${lines.join('\n')}\n${indent.slice(2)}}`;
}

let out = '// Written by `make pkg` from schema/factbox-v1.schema.json; do not edit.\n\n';
out += `${doc(schema.description, '')}export interface FactboxDocument ${object(schema, '  ')}\n\n`;
for (const [key, s] of Object.entries(defs)) {
  const n = name(`#/$defs/${key}`);
  if (key === 'AnyBox') {
    const kinds = s.allOf.map((c) => name(c.then.$ref));
    out += `/** Any box: its \`kind\` says which. */\nexport type FactboxBox = ${kinds.join(' | ')};\n\n`;
  } else if (s.type === 'object' || s.properties) {
    out += `${doc(s.description, '')}export interface ${n} ${object(s, '  ')}\n\n`;
  } else {
    out += `${doc(s.description, '')}export type ${n} = ${type(s)};\n\n`;
  }
}
process.stdout.write(out);
