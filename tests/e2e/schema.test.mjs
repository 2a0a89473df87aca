// The published JSON Schema accepts every example document and rejects typical mistakes,
// checked with an independent validator (ajv), as a newsroom's tooling would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { root } from './helpers.mjs';

const schema = JSON.parse(fs.readFileSync(path.join(root, 'www/schema/factbox-v1.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

function examples() {
  const files = [];
  for (const dir of ['www/data', 'tests/fixtures']) {
    for (const f of fs.readdirSync(path.join(root, dir))) {
      if (f.endsWith('.json')) files.push(path.join(root, dir, f));
    }
  }
  return files;
}

test('every example document validates against the schema', () => {
  const files = examples();
  assert.ok(files.length >= 2);
  for (const file of files) {
    const ok = validate(JSON.parse(fs.readFileSync(file, 'utf8')));
    assert.ok(ok, `${file}: ${JSON.stringify(validate.errors, null, 1)}`);
  }
});

test('the schema rejects a misspelt field, a string number and an unknown kind', () => {
  const box = { id: 'a', kind: 'figures', title: 'T', figures: [{ value: 1, label: 'x' }] };
  const doc = (b) => ({ version: 1, boxes: [b] });
  assert.ok(validate(doc(box)));
  assert.ok(!validate(doc({ ...box, titel: 'x' })));
  assert.ok(!validate(doc({ ...box, figures: [{ value: '9.300', label: 'x' }] })));
  assert.ok(!validate(doc({ ...box, kind: 'pie' })));
  assert.ok(!validate({ version: 2, boxes: [box] }));
});

// An editor shows the errors of the box's own kind only: one misspelt field of a bar box
// is one problem (and the missing field it stands for), not twenty from the other kinds.
test('a misspelt field gives the errors of its own kind only', () => {
  const doc = { version: 1, boxes: [{ id: 'b', kind: 'bar', titel: 'Hạng', bars: [{ label: 'A', value: 1 }] }] };
  assert.equal(validate(doc), false);
  const errors = validate.errors.filter((e) => e.keyword !== 'if');
  assert.ok(errors.length <= 2, JSON.stringify(validate.errors, null, 1));
  assert.ok(errors.some((e) => e.params.additionalProperty === 'titel'));
  assert.ok(errors.some((e) => e.params.missingProperty === 'title'));
});

// Ids and dates are checked as they are typed, with the forms factbox reads.
test('ids and dates have the patterns factbox reads', () => {
  const box = (fields) => ({ version: 1, boxes: [{ id: 'a', kind: 'figures', title: 'T', figures: [{ value: 1, label: 'x' }], ...fields }] });
  assert.ok(validate(box({ as_of: '2024-08' })));
  for (const id of ['xep-hang-2020', 'a_1', 'A']) assert.ok(validate(box({ id })), id);
  for (const id of ['xếp hạng 2020', 'a b', '', 'x'.repeat(65)]) assert.ok(!validate(box({ id })), id);
  for (const date of ['2020', '2024-08', '2024-08-31', '2024-02-29']) assert.ok(validate(box({ as_of: date })), date);
  for (const date of ['17/9/2024', '8/2024', '2024-8', '2024-13', '2024-08-32', '20', '2024-08-1']) {
    assert.ok(!validate(box({ as_of: date })), date);
  }
});

// A live data address and refresh are checked as factbox checks them (src/validate.rs).
test('a live data address is https or a path on the site, read every 30 s to a day', () => {
  const box = (data) => ({ version: 1, boxes: [{ id: 'a', kind: 'bar', title: 'T', bars: [{ label: 'A', value: 1 }], data }] });
  for (const url of ['https://docs.google.com/spreadsheets/d/e/x/pub?output=csv', 'data/ho-so.csv', '/so-lieu/a.csv', 'ho-so.csv?v=2']) {
    assert.ok(validate(box({ url })), url);
  }
  for (const url of ['http://example.org/a.csv', 'javascript:alert(1)', '//example.org/a.csv', 'data:text/csv,a', 'https://', '', 'a b.csv']) {
    assert.ok(!validate(box({ url })), url);
  }
  assert.ok(validate(box({ url: 'a.csv', refresh: 30 })));
  assert.ok(validate(box({ url: 'a.csv', refresh: 86400 })));
  for (const refresh of [0, 5, 29, 86401, 1.5]) assert.ok(!validate(box({ url: 'a.csv', refresh })), String(refresh));
  assert.ok(!validate(box({ link: 'a.csv' })));
});

// Every document of the bad-input table (tests/bad_input.rs writes them to
// target/bad-input.json when `cargo test` runs, which `make test` does first) goes through
// the schema. Which of them an editor catches while the journalist types is recorded in
// tests/schema-catches.txt: a syntax error (the editor's JSON check), a schema error, or
// only factbox's own check. A change of the schema that catches less fails here;
// `UPDATE_SCHEMA_CATCHES=1` rewrites the record.
test('the schema is run on every bad-input document and what it catches is recorded', () => {
  const table = path.join(root, 'target/bad-input.json');
  assert.ok(fs.existsSync(table), 'run `cargo test --test bad_input` first (make test does)');
  const rows = JSON.parse(fs.readFileSync(table, 'utf8'));
  const lines = rows.map((row) => {
    let doc;
    try {
      doc = JSON.parse(row.text);
    } catch {
      return `syntax   ${row.name}`;
    }
    return `${validate(doc) ? 'factbox' : 'schema '}  ${row.name}`;
  });
  const counts = { syntax: 0, schema: 0, factbox: 0 };
  for (const l of lines) counts[l.split(' ')[0]] += 1;
  const text = [
    '# Which documents of the bad-input table (tests/bad_input.rs) an editor catches while',
    '# the journalist types: `syntax` (the editor\'s JSON check), `schema` (the published',
    '# JSON Schema), `factbox` (only factbox\'s own check: rules no schema can state, such as',
    '# a total or a date that does not exist). Written by tests/e2e/schema.test.mjs.',
    `# ${rows.length} documents: ${counts.syntax} syntax, ${counts.schema} schema, ${counts.factbox} factbox only.`,
    ...lines,
    '',
  ].join('\n');
  const record = path.join(root, 'tests/schema-catches.txt');
  if (process.env.UPDATE_SCHEMA_CATCHES) fs.writeFileSync(record, text);
  assert.equal(text, fs.readFileSync(record, 'utf8'), 'the schema catches other documents than recorded: UPDATE_SCHEMA_CATCHES=1 to record');
  // Among what no syntax check sees, the schema catches most.
  assert.ok(counts.schema > counts.factbox, JSON.stringify(counts));
});
