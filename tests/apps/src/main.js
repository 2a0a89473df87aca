// A developer's app that uses factbox from npm, built by Vite and by webpack from the
// packed tarball (tests/apps/build.mjs): a good box, a broken one whose problems it shows
// itself, and a React and a Vue component mounted and unmounted many times. It reports to
// window.__app for tests/e2e/apps.test.mjs.
import { render, FactboxError, version } from 'factbox';
import { createElement, useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { createApp, h, onBeforeUnmount, onMounted, ref } from 'vue';

const RANKS = {
  version: 1,
  locale: 'en',
  boxes: [{ id: 'asean', kind: 'bar', title: 'E-government rank, 2024', ranks: true,
    bars: [{ label: 'Singapore', value: 3 }, { label: 'Viet Nam', value: 71 }, { label: 'Laos', value: 147 }] }],
};

/** The React way: render in an effect, free in its cleanup (an abort for a pending render). */
function FactBox({ doc }) {
  const ref = useRef(null);
  useEffect(() => {
    const controller = new AbortController();
    let box = null;
    render(ref.current, doc, { signal: controller.signal, quiet: true }).then((b) => { box = b; }, () => {});
    return () => {
      controller.abort();
      box?.free();
    };
  }, [doc]);
  return createElement('div', { ref, className: 'chart' });
}

/** The Vue way (the npm README's): render when mounted, free before unmounting. */
const FactBoxVue = {
  props: ['doc'],
  setup(props) {
    const el = ref(null);
    let box = null;
    onMounted(async () => {
      box = await render(el.value, props.doc, { quiet: true });
      el.value.dataset.vue = box.state;
    });
    onBeforeUnmount(() => box?.free());
    return () => h('div', { ref: el, class: 'chart' });
  },
};

async function main() {
  const report = { version, good: null, bad: null, react: null };
  const good = await render(document.getElementById('good'), RANKS);
  report.good = { state: good.state, kind: good.kind };

  const message = document.getElementById('message');
  try {
    await render(document.getElementById('bad'), '{"version": 1, "boxes": [{"id": "x", "kind": "bar", "title": "T", "bars": []}]}', { errors: 'none', quiet: true });
  } catch (e) {
    if (!(e instanceof FactboxError)) throw e;
    message.textContent = e.problems.map((p) => `${p.path}: ${p.code}`).join('; ');
    report.bad = e.problems.map(({ path, line, column, code }) => ({ path, line, column, code }));
  }

  const host = document.getElementById('react');
  window.__cycle = async (times) => {
    for (let i = 0; i < times; i++) {
      const root = createRoot(host);
      root.render(createElement(FactBox, { doc: RANKS }));
      await new Promise((r) => setTimeout(r, 30));
      root.unmount();
    }
    return host.childElementCount;
  };
  // Vue: one mount drawn, then mounts and unmounts that leave nothing behind.
  const vueHost = document.getElementById('vue');
  const first = createApp(FactBoxVue, { doc: RANKS });
  first.mount(vueHost);
  await new Promise((resolve) => {
    const wait = () => (vueHost.querySelector('[data-vue]') ? resolve() : setTimeout(wait, 20));
    wait();
  });
  const drawn = vueHost.querySelector('.chart');
  report.vue = { state: drawn.dataset.vue, charts: drawn.shadowRoot.querySelectorAll('svg.fb-svg').length > 0 };
  first.unmount();
  window.__vueCycle = async (times) => {
    for (let i = 0; i < times; i++) {
      const app = createApp(FactBoxVue, { doc: RANKS });
      app.mount(vueHost);
      await new Promise((r) => setTimeout(r, 30));
      app.unmount();
    }
    return vueHost.childElementCount;
  };
  window.__app = report;
}

main().catch((e) => { window.__app = { failed: String(e && e.stack || e) }; });
