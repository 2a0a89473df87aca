// The API of the factbox package (and of window.factbox with the script tag).
import type { FactboxDocument } from './document';
export type * from './document';

/** One thing wrong with a document, or with loading it. */
export interface FactboxProblem {
  /** The id of the box at fault, when known. */
  id: string | null;
  /** The JSON path of the value at fault, e.g. `boxes[0].bars`; empty for the whole document. */
  path: string;
  /** 1-based line and column in the JSON text, when known. */
  line: number | null;
  column: number | null;
  /** A short name of the problem, the same in every language and kept across versions. */
  code: string;
  /** The whole message, in the `lang` asked for or the box's language. */
  message: string;
  /** What is wrong, without its place (the message's last part). */
  what: string;
}

/** What `render` rejects with when a box cannot be shown. */
export class FactboxError extends Error {
  readonly name: 'FactboxError';
  readonly problems: FactboxProblem[];
  /** From `render` and `update`: the box the element now holds (its failure shown), to free. */
  readonly box?: Box;
}

export type BoxState = 'loading' | 'ready' | 'error' | 'freed';

export interface RenderOptions {
  /** Only the box with this id (an embed's `file.json#id`). */
  id?: string;
  /** Draw charts only when they come near the viewport; the promise then resolves when they are drawn. */
  lazy?: boolean;
  /** `'box'` (default): a broken box shows what is wrong; `'none'`: the element stays empty. */
  errors?: 'box' | 'none';
  /** Leave the console alone. */
  quiet?: boolean;
  /** The language of `FactboxError` messages (default: each box's own). */
  lang?: 'vi' | 'en';
  /** Seconds to wait for a URL (1–120, default 20). */
  timeout?: number;
  /** Aborting frees the box and rejects with the signal's reason. */
  signal?: AbortSignal;
}


/** A box on the page. It also has `[Symbol.dispose]()` (the same as `free()`) where the
 *  runtime has `Symbol.dispose`; it is left out of these types so that they need no
 *  `esnext.disposable` lib. */
export interface Box {
  readonly element: Element;
  readonly state: BoxState;
  /** The kinds shown, e.g. `'bar'`, or `'figures line'` for a file of two boxes. */
  readonly kind: string;
  /** Shows another document in the same element; the options given to `render` hold
   *  (but its `signal`), those given here change them. */
  update(input: FactboxDocument | string | URL, options?: RenderOptions): Promise<Box>;
  /** Removes the box and empties the element; safe to call twice. */
  free(): void;
}

/** Renders a document object, its JSON text, or its URL into `element`. */
export function render(element: Element, input: FactboxDocument | string | URL, options?: RenderOptions): Promise<Box>;

export interface PrerenderOptions {
  /** Only the box with this id. */
  id?: string;
  /** The data address the snippet points at (default: the URL given, else the JSON goes inline). */
  src?: string;
  /** Put the JSON inside the snippet (one paste, no file to host). */
  inline?: boolean;
  /** The colours: the reader's (`'auto'`, default) or fixed. */
  theme?: 'auto' | 'light' | 'dark';
  /** The language of boxes whose document does not say (default `'vi'`). */
  lang?: 'vi' | 'en';
  /** The width of the standalone image, 280–1400 CSS pixels (default 640). */
  width?: number;
  /** The address of factbox.js in the snippet (default `'factbox.js'`); `false` for no
   *  script tag (the page imports this module and calls `hydrate()`). */
  script?: string | false;
  /** The site's font (a file's path in Node, a URL, or its bytes; or a regular and a bold):
   *  the charts are laid out with its widths and their text names it first. */
  font?: string | URL | Uint8Array | ArrayBuffer | Array<string | URL | Uint8Array | ArrayBuffer>;
  /** The clock of a live box's "updated" line: `'+07:00'` (the default, Vietnam's), or
   *  minutes from UTC. (A box with `data` is written with its data read now; the time is
   *  `SOURCE_DATE_EPOCH` where a build sets it.) */
  utcOffset?: string | number;
}

/** One box written ahead of time, as `factbox render` writes it. */
export interface Prerendered {
  id: string;
  /** The embed snippet: the element with the box inside (declarative shadow DOM), then the script tag. */
  html: string;
  /** The whole box as a standalone SVG image. */
  svg: string;
  /** The snippet for a CMS that strips templates, styles, SVG and scripts (WordPress for
   *  authors): the box's text and table, its chart as `ID.png` beside the data file; the
   *  site loads factbox, which draws the box live. */
  cms: string;
}

/** Writes the boxes of a document ahead of time, byte for byte as `factbox render` does;
 *  rejects with a `FactboxError` when the document or any box is broken. */
export function prerender(input: FactboxDocument | string | URL, options?: PrerenderOptions): Promise<Prerendered[]>;

/** The problems of a document (object, JSON text, URL, or in Node a file's path), each
 *  with its line and column: none when every box is good. Messages in `lang` (default:
 *  each box's own language). */
export function check(input: FactboxDocument | string | URL, options?: { lang?: 'vi' | 'en' }): Promise<FactboxProblem[]>;

/** Makes every box in `root` (default: the document; an element counts itself) what it
 *  should be: a prerendered snippet interactive as it is, with no wasm and no fetch; any
 *  other `[data-factbox]` element drawn from its data. Safe to call again. */
export function hydrate(root?: Document | Element): void;

/** The version of factbox. */
export const version: string;
