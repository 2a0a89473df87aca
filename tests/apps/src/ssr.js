// A server-side entry (an SSR framework's page module) that imports factbox: it must build
// and import in Node, where there is no DOM and `render` rejects, and `prerender` writes a
// box's markup for the page (the package's Node build, no shim).
import { render, prerender, version } from 'factbox';

export async function page() {
  const refused = await render(null, { version: 1, boxes: [] }).then(() => null, (e) => e.problems[0].code);
  return `<div data-factbox="data/boxes.json"></div><!-- factbox ${version}, ${refused} -->`;
}

export async function prerendered() {
  const [box] = await prerender({ version: 1, locale: 'en', boxes: [{ id: 'r', kind: 'bar', title: 'Rank',
    bars: [{ label: 'A', value: 3 }, { label: 'B', value: 1 }] }] }, { script: false });
  return box.html;
}
