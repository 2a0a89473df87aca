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
