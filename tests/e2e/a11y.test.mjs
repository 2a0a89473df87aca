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
    assert.equal(n, 13);
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

// The page's dark mode switched at run time: every box follows with no redraw (its
// colours are light-dark() custom properties), on the live page and on the prerendered one
// (also with JavaScript off, through the site's own one-line rule), and axe finds no
// contrast problem either way.
const DARK = 'rgb(28, 31, 36)';
const LIGHT = 'rgb(246, 246, 244)';
const backgrounds = (page) => page.$$eval('[data-factbox]', (els) => els.map((el) => {
  const f = el.shadowRoot.querySelector('.fb');
  // A chart's axis text, painted by the same variables.
  const text = el.shadowRoot.querySelector('svg.fb-svg text');
  return [getComputedStyle(f).backgroundColor, text ? getComputedStyle(text).fill : null];
}));

for (const [url, js] of [['/index.html', true], ['/prerendered.html', true], ['/prerendered.html', false]]) {
  test(`a dark mode toggled on <html> at run time restyles every box, axe clean both ways (${url}${js ? '' : ', JavaScript off'})`, async () => {
    const { context, page, errors } = await open(browser, 'about:blank', {
      viewport: { width: 1280, height: 900 }, colorScheme: 'light', javaScriptEnabled: js,
    });
    await page.goto(`${server.url}${url}`);
    if (js) await settleAll(page);
    const before = await backgrounds(page);
    assert.ok(before.every(([bg]) => bg === LIGHT), JSON.stringify(before));
    const drawn = js ? await page.$$eval('[data-factbox]', (els) => els.map((e) => e.shadowRoot.innerHTML.length)) : null;
    // A site's toggle: with factbox.js, data-factbox-theme on <html>; without it, the
    // site's class and its one rule (README).
    const toggle = (dark) => page.evaluate(
      (d) => document.documentElement.setAttribute('data-factbox-theme', d ? 'dark' : 'light'), dark);
    if (js) await toggle(true);
    else {
      // Without JavaScript the page cannot toggle by itself: the site's class is in the
      // markup, with the site's one rule.
      await context.close();
      const again = await open(browser, 'about:blank', { viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
      await again.page.route(`${server.url}${url}`, async (route) => {
        const res = await route.fetch();
        const body = (await res.text()).replace('<html lang="vi">', '<html lang="vi" class="dark">')
          .replace('</head>', '<style>html.dark [data-factbox] { color-scheme: dark }</style></head>');
        await route.fulfill({ response: res, body });
      });
      await again.page.goto(`${server.url}${url}`);
      const dark = await backgrounds(again.page);
      assert.ok(dark.every(([bg]) => bg === DARK), JSON.stringify(dark));
      await again.context.close();
      return;
    }
    const dark = await backgrounds(page);
    assert.ok(dark.every(([bg]) => bg === DARK), JSON.stringify(dark));
    assert.ok(dark.some(([, fill], i) => fill && fill !== before[i][1]), 'chart text changes colour too');
    assert.deepEqual(await page.$$eval('[data-factbox]', (els) => els.map((e) => e.shadowRoot.innerHTML.length)), drawn, 'no redraw');
    assert.deepEqual(await axeViolations(page), []);
    await toggle(false);
    assert.deepEqual(await backgrounds(page), before);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
