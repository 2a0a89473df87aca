// The JavaScript API as a developer uses it on a page with the script tag:
// window.factbox.render(element, document | text | URL, options) -> Promise<Box>,
// FactboxError with problems as data, the Box's lifecycle, the page's control over errors,
// the console and the element's visibility.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const BAR = { version: 1, locale: 'en', boxes: [{ id: 'b', kind: 'bar', title: 'Ranks', bars: [{ label: 'A', value: 3 }, { label: 'B', value: 5 }] }] };

async function page() {
  const opened = await open(browser, `${server.url}/test/dynamic.html`);
  await opened.page.waitForFunction(() => window.factbox && window.factbox.render);
  return opened;
}

test('render resolves with a Box once the chart is drawn; update and free keep their promises', async () => {
  const { context, page: p, errors } = await page();
  const r = await p.evaluate(async (bar) => {
    const el = document.createElement('div');
    document.getElementById('main').append(el);
    const box = await window.factbox.render(el, bar);
    const first = { state: box.state, kind: box.kind, drawn: el.shadowRoot.querySelectorAll('svg.fb-svg').length === 5 };
    const same = await box.update({ version: 1, locale: 'en', boxes: [{ id: 'f', kind: 'figures', title: 'F', figures: [{ value: 2, label: 'two' }] }] });
    const updated = { same: same === box, kind: box.kind, text: el.shadowRoot.querySelector('.fb-number').textContent };
    box.free();
    box.free();  // idempotent
    const freed = { state: box.state, empty: el.shadowRoot.childNodes.length, attr: el.getAttribute('data-factbox-state') };
    const after = await box.update(bar).then(() => 'resolved', (e) => `${e.name} ${e.problems[0].code}`);
    return { first, updated, freed, after, version: window.factbox.version, disposable: typeof box[Symbol.dispose] };
  }, BAR);
  assert.deepEqual(r.first, { state: 'ready', kind: 'bar', drawn: true });
  assert.deepEqual(r.updated, { same: true, kind: 'figures', text: '2' });
  assert.deepEqual(r.freed, { state: 'freed', empty: 0, attr: null });
  assert.equal(r.after, 'FactboxError freed');
  assert.match(r.version, /^\d+\.\d+\.\d+$/);
  assert.equal(r.disposable, 'function');
  assert.deepEqual(errors, []);
  await context.close();
});

test('problems come as data: path, line, column, a stable code, the message in the language asked', async () => {
  const { context, page: p } = await page();
  const r = await p.evaluate(async () => {
    const el = document.createElement('div');
    document.getElementById('main').append(el);
    const caught = [];
    for (const [input, opts] of [
      ['{"version": 1,\n "boxes": [}', { lang: 'en' }],
      ['{"version": 1, "boxes": [{"id": "b", "kind": "bar", "title": "x", "bars": []}]}', { lang: 'vi' }],
    ]) {
      try {
        await window.factbox.render(el, input, opts);
        caught.push('resolved');
      } catch (e) {
        caught.push({ name: e.name, isError: e instanceof window.factbox.FactboxError, message: e.message, problems: e.problems });
      }
    }
    return caught;
  });
  assert.equal(r[0].name, 'FactboxError');
  assert.equal(r[0].isError, true);
  assert.deepEqual(r[0].problems.map((p) => [p.code, p.line, p.column]), [['syntax', 2, 12]]);
  assert.match(r[0].problems[0].message, /line 2, column 12: a JSON value is needed here/);
  assert.deepEqual(r[1].problems.map((p) => [p.id, p.path, p.code]), [['b', 'boxes[0].bars', 'too-few']]);
  assert.match(r[1].problems[0].message, /danh sách/);
  assert.equal(r[1].message, r[1].problems[0].message);
  await context.close();
});

test('bad arguments reject, never throw; a URL loads like an embed; an abort frees the box', async () => {
  const { context, page: p } = await page();
  const r = await p.evaluate(async () => {
    const el = document.createElement('div');
    document.getElementById('main').append(el);
    const outcome = (f) => {
      let promise;
      try { promise = f(); } catch (e) { return Promise.resolve('threw ' + e.message); }
      return promise.then(() => 'resolved', (e) => (e.problems ? e.problems[0].code : e.name));
    };
    const circular = { version: 1 };
    circular.self = circular;
    return {
      nullElement: await outcome(() => window.factbox.render(null, '{}')),
      circular: await outcome(() => window.factbox.render(el, circular)),
      badOption: await outcome(() => window.factbox.render(el, '{}', { errors: 'silent' })),
      missing: await outcome(() => window.factbox.render(el, '/data/nope.json')),
      url: await outcome(() => window.factbox.render(el, new URL('/data/egov-en.json#xep-hang-asean', location.href))),
      aborted: await outcome(() => {
        const controller = new AbortController();
        const promise = window.factbox.render(el, '/data/egov-en.json', { signal: controller.signal });
        controller.abort();
        return promise;
      }),
      abortedBefore: await outcome(() => {
        const controller = new AbortController();
        controller.abort();
        return window.factbox.render(el, '/data/egov-en.json', { signal: controller.signal });
      }),
      afterAbort: el.shadowRoot.childNodes.length,
    };
  });
  assert.deepEqual(r, {
    nullElement: 'bad-element', circular: 'bad-document', badOption: 'bad-options',
    missing: 'http', url: 'resolved', aborted: 'AbortError', abortedBefore: 'AbortError', afterAbort: 0,
  });
  await context.close();
});

test("errors: 'none' and quiet leave a broken box to the page: nothing shown, nothing logged, events still say why", async () => {
  const { context, page: p, errors } = await page();
  const r = await p.evaluate(async () => {
    const el = document.createElement('div');
    document.getElementById('main').append(el);
    let event = null;
    el.addEventListener('factbox:error', (e) => { event = e.detail.problems.map((q) => q.code); });
    const code = await window.factbox.render(el, '{"version": 2, "boxes": []}', { errors: 'none', quiet: true })
      .then(() => 'resolved', (e) => e.problems[0].code);
    return { code, event, shown: el.shadowRoot.textContent, height: el.getBoundingClientRect().height };
  });
  assert.equal(r.code, 'unsupported-version');
  assert.deepEqual(r.event, ['unsupported-version']);
  assert.equal(r.shown, '');
  assert.equal(r.height, 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the page can hide a box: the hidden attribute and its own display rules win', async () => {
  const { context, page: p } = await page();
  const r = await p.evaluate(async (bar) => {
    const style = document.createElement('style');
    style.textContent = '.gone { display: none } .inline { display: inline-block; width: 300px }';
    document.head.append(style);
    const el = document.createElement('div');
    document.getElementById('main').append(el);
    await window.factbox.render(el, bar);
    const display = () => getComputedStyle(el).display;
    const seen = [display()];
    el.hidden = true; seen.push(display());
    el.hidden = false; el.className = 'gone'; seen.push(display());
    el.className = 'inline'; seen.push(display());
    el.className = ''; el.style.setProperty('display', 'none', 'important'); seen.push(display());
    el.style.removeProperty('display'); seen.push(display());
    return seen;
  }, BAR);
  assert.deepEqual(r, ['block', 'none', 'none', 'inline-block', 'none', 'block']);
  await context.close();
});
