/**
 * Hostile Markdown that runs script in Chromium when nothing sanitises it. Shared by the unit
 * control (tests/unit/hostile-payloads.test.ts: the executable attribute is there before
 * sanitising and gone after) and the browser test (tests/browser/hostile-content.test.ts: the
 * payload fires unsanitised and does not fire through renderMarkdown).
 *
 * Every payload calls `alert('<id>')`, so a run is detected by its dialog and the dialog's
 * message says which payload ran. Payloads that Chromium refuses by itself (javascript: URLs in
 * <object>, <embed>, a meta refresh or CSS url(); a data: frame reaching into its cross-origin
 * parent) are left out: they pass with the sanitiser switched off, so they prove nothing about it.
 */
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export interface ScriptCarrier {
  element: string;
  /** The attribute holding the code, lowercased; `null` when the code is the element's text. */
  attribute: string | null;
}

export interface HostilePayload {
  /** Short name; also the argument the payload passes to alert(). */
  id: string;
  markdown: string;
  /** The element that carries the script when nothing sanitises it. */
  carrier: ScriptCarrier;
  /**
   * What a reader clicks to set the payload off, if it does not run on load, and whether the
   * sanitised page still has that element (harmless, e.g. an <a> with no href) or none at all.
   */
  click?: { selector: string; afterSanitising: 'kept' | 'removed' };
}

export const alertCall = (id: string) => `alert('${id}')`;

export const HOSTILE_PAYLOADS: readonly HostilePayload[] = [
  {
    id: 'script',
    markdown: `<script>${alertCall('script')}</script>`,
    carrier: { element: 'script', attribute: null },
  },
  {
    id: 'img-onerror',
    markdown: `<img src="x" alt="" onerror="${alertCall('img-onerror')}">`,
    carrier: { element: 'img', attribute: 'onerror' },
  },
  {
    id: 'svg-onload',
    markdown: `<svg onload="${alertCall('svg-onload')}"></svg>`,
    carrier: { element: 'svg', attribute: 'onload' },
  },
  {
    id: 'details-ontoggle',
    markdown: `<details open ontoggle="${alertCall('details-ontoggle')}"><summary>More</summary>Hidden text.</details>`,
    carrier: { element: 'details', attribute: 'ontoggle' },
  },
  {
    id: 'iframe-srcdoc',
    markdown: `<iframe srcdoc="<script>${alertCall('iframe-srcdoc')}</script>"></iframe>`,
    carrier: { element: 'iframe', attribute: 'srcdoc' },
  },
  {
    // A data: frame is cross-origin, so it cannot touch the page, but its own alert still opens.
    id: 'data-iframe',
    markdown: `<iframe src="data:text/html,<script>${alertCall('data-iframe')}</script>"></iframe>`,
    carrier: { element: 'iframe', attribute: 'src' },
  },
  {
    id: 'html-javascript-link',
    markdown: `Read <a href="javascript:${alertCall('html-javascript-link')}">this</a>.`,
    carrier: { element: 'a', attribute: 'href' },
    click: { selector: 'main a', afterSanitising: 'kept' },
  },
  {
    id: 'markdown-javascript-link',
    markdown: `Read [this](javascript:${alertCall('markdown-javascript-link')}).`,
    carrier: { element: 'a', attribute: 'href' },
    click: { selector: 'main a', afterSanitising: 'kept' },
  },
  {
    // The HTML parser decodes &#106; to "j" before the browser sees the URL.
    id: 'entity-encoded-javascript-link',
    markdown: `Read <a href="&#106;avascript:${alertCall('entity-encoded-javascript-link')}">this</a>.`,
    carrier: { element: 'a', attribute: 'href' },
    click: { selector: 'main a', afterSanitising: 'kept' },
  },
  {
    id: 'onclick',
    markdown: `Read <a href="#top" onclick="${alertCall('onclick')}">this</a>.`,
    carrier: { element: 'a', attribute: 'onclick' },
    click: { selector: 'main a', afterSanitising: 'kept' },
  },
  {
    id: 'form-action',
    markdown: `<form action="javascript:${alertCall('form-action')}"><button>Send</button></form>`,
    carrier: { element: 'form', attribute: 'action' },
    click: { selector: 'main button', afterSanitising: 'removed' },
  },
];

/** The Markdown around each payload: the prose before and after must survive sanitising. */
export const wrapPayload = (payload: HostilePayload) =>
  `Before the payload.\n\n${payload.markdown}\n\nAfter the payload.\n`;

/**
 * Markdown to HTML the way the site does it, minus rehype-sanitize (and the site's own
 * cosmetic plugins): raw HTML is parsed into elements and written back out untouched. This is
 * what a reader would get if sanitising were switched off.
 */
const unsanitisedProcessor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .freeze();

export function renderUnsanitisedTree(markdown: string): Root {
  return unsanitisedProcessor.runSync(unsanitisedProcessor.parse(markdown));
}

export function renderUnsanitised(markdown: string): string {
  return toHtml(renderUnsanitisedTree(markdown));
}

function propertyText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(' ');
  return '';
}

function textOf(element: Element): string {
  return element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

/**
 * Every element in the tree that holds `code`, in an attribute (hast camel-cases property
 * names, `onError`; they are lowercased back to the attribute, `onerror`) or as its text.
 */
export function findScriptCarriers(tree: Root, code: string): ScriptCarrier[] {
  const found: ScriptCarrier[] = [];
  visit(tree, 'element', (element: Element) => {
    for (const [name, value] of Object.entries(element.properties)) {
      if (propertyText(value).includes(code))
        found.push({ element: element.tagName, attribute: name.toLowerCase() });
    }
    if (textOf(element).includes(code)) found.push({ element: element.tagName, attribute: null });
  });
  return found;
}
