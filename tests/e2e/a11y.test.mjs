// Accessibility and isolation: axe-core finds nothing on the demo and test pages, light and
// dark; a page whose CSS restyles everything shows the boxes pixel for pixel as a clean
// page does; and the demo works under a strict Content Security Policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, open, settleAll, root } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function axeViolations(page) {
  await page.addScriptTag({ path: path.join(root, 'node_modules', 'axe-core', 'axe.min.js') });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
}

for (const scheme of ['light', 'dark']) {
  for (const url of ['/index.html', '/en.html', '/test/mixed.html', '/test/charts.html']) {
    test(`axe-core: no violations on ${url}, ${scheme}`, async () => {
      const { context, page } = await open(browser, `${server.url}${url}`, { viewport: { width: 1280, height: 900 }, colorScheme: scheme });
      await settleAll(page);
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    });
  }
}

test('axe-core: no violations with a tooltip open, a series switched off and the data tables open', async () => {
  const { context, page } = await open(browser, `${server.url}/test/charts.html`, { viewport: { width: 900, height: 900 } });
  await settleAll(page);
  await page.locator('#many-series .fb-legend-item').first().click();
  await page.locator('#many-series svg.fb-svg:visible').focus();
  // And every data table open.
  await page.$$eval('[data-factbox]', (els) => els.forEach((e) => e.shadowRoot.querySelectorAll('details').forEach((d) => { d.open = true; })));
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('a page whose CSS restyles div, canvas, fonts and spacing shows the boxes unchanged', async () => {
  const shots = async (url) => {
    const { context, page, errors } = await open(browser, `${server.url}${url}`, { viewport: { width: 1000, height: 900 } });
    await settleAll(page);
    const out = [];
    for (const el of await page.locator('[data-factbox]').all()) {
      await el.scrollIntoViewIfNeeded();
      // The box itself (the figure inside the shadow root), not the host's surroundings.
      out.push(await el.locator('.fb').first().screenshot());
    }
    await context.close();
    return { out, errors };
  };
  const clean = await shots('/test/clean.html');
  const hostile = await shots('/test/hostile.html');
  assert.equal(hostile.out.length, clean.out.length);
  assert.ok(clean.out.length >= 10);
  for (let i = 0; i < clean.out.length; i++) {
    assert.ok(clean.out[i].equals(hostile.out[i]), `box ${i} differs on the hostile page`);
  }
  assert.deepEqual([...clean.errors, ...hostile.errors], []);
});

test('the demo works under a strict Content Security Policy', async () => {
  const strict = await serve({
    headers: { 'content-security-policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:" },
  });
  try {
    const { context, page, errors } = await open(browser, `${strict.url}/index.html`, { viewport: { width: 1280, height: 900 } });
    const violations = [];
    await page.exposeFunction('__cspViolation', (v) => violations.push(v));
    await page.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => window.__cspViolation(`${e.violatedDirective} ${e.blockedURI}`)));
    const n = await settleAll(page);
    assert.equal(n, 12);
    const states = await page.$$eval('[data-factbox]', (els) => els.map((e) => e.getAttribute('data-factbox-state')));
    assert.ok(states.every((s) => s === 'ready'), JSON.stringify(states));
    // The boxes are styled (their stylesheet was not blocked) and charts are drawn.
    const border = await page.locator('[data-factbox$="#tiet-kiem"] .fb').evaluate((el) => getComputedStyle(el).borderTopWidth);
    assert.equal(border, '3px');
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await strict.close();
  }
});
