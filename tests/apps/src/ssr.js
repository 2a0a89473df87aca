// A server-side entry (an SSR framework's page module) that imports factbox: it must build
// and import in Node, where there is no DOM and `render` rejects.
import { render, version } from 'factbox';

export async function page() {
  const refused = await render(null, { version: 1, boxes: [] }).then(() => null, (e) => e.problems[0].code);
  return `<div data-factbox="data/boxes.json"></div><!-- factbox ${version}, ${refused} -->`;
}
