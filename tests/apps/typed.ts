// Checked by `tsc --strict` (tests/e2e/apps.test.mjs): the package's types as a
// TypeScript developer meets them, with no extra lib and skipLibCheck off.
import { render, prerender, FactboxError, version, type Box, type BoxState, type FactboxDocument, type BarBox, type FactboxProblem, type Prerendered } from 'factbox';

const bar: BarBox = {
  id: 'rank', kind: 'bar', title: 'Rank', ranks: true,
  bars: [{ label: 'Viet Nam', value: 71 }],
};
const doc: FactboxDocument = { version: 1, locale: 'en', boxes: [bar] };

export async function show(el: HTMLElement): Promise<BoxState> {
  try {
    const box: Box = await render(el, doc, { errors: 'none', lang: 'vi', lazy: true });
    const state: BoxState = box.state;
    box.free();
    return state;
  } catch (e) {
    if (e instanceof FactboxError) {
      const first: FactboxProblem | undefined = e.problems[0];
      console.log(first?.code, first?.line ?? 0, version);
    }
    return 'error';
  }
}

// @ts-expect-error: `kind` is one of the six kinds, not any string.
export const wrong: FactboxDocument = { version: 1, boxes: [{ id: 'x', kind: 'pie', title: 'T' }] };
// @ts-expect-error: `errors` is 'box' or 'none'.
export const badOption = (el: HTMLElement) => render(el, doc, { errors: 'silent' });

export async function snippets(): Promise<string[]> {
  const made: Prerendered[] = await prerender(doc, { inline: true, theme: 'dark', width: 800 });
  return made.map((p) => p.html + p.svg.length);
}
// @ts-expect-error: `theme` is 'auto', 'light' or 'dark'.
export const badTheme = () => prerender(doc, { theme: 'blue' });
