/**
 * Checks on the Markdown body of a content file, beyond what the schema can see: footnotes,
 * images, heading levels, links and raw HTML the sanitiser will strip. The links and ids they
 * find are resolved across the whole site by lib/site-links.ts, once every page is known.
 *
 * Every message says what is wrong and how to fix it, and every position is a line and column
 * in the file the editor has open (the body's lines are shifted past the frontmatter).
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Heading, Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { find, html as htmlSchema } from 'property-information';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { z } from 'zod';
import { diagnosticSchema, positionAt, type Diagnostic } from './diagnostics';
import { sanitizeSchema } from './sanitize-schema';
import { SITE_ORIGIN, URL_SCHEME } from './site-links';
import { slugify } from './slug';
import { nearestKey } from './validate';

export interface BodyContext {
  /** Repo-relative path of the file. */
  file: string;
  /** 1-based file line on which the Markdown body starts. */
  bodyStartLine: number;
  /**
   * What the body is, which decides where it is shown:
   * - `article`: its own page, under the title (the h1);
   * - `bio`: under "Biography" (an h2) on the author's page, and in the author card at the end
   *   of each of their articles, without References;
   * - `faq`: the FAQ page, which shows only what sits under its `## Question?` headings.
   */
  kind: 'article' | 'bio' | 'faq';
  /** The site path of the page the body renders on, e.g. `/authors/ada-lovelace`. */
  page: string;
}

/** A link found in a body, with its position in the file. */
export const foundLinkSchema = z.strictObject({
  url: z.string(),
  line: z.number(),
  column: z.number(),
  /** An image's source rather than a link: it must name a file the site serves. */
  image: z.literal(true).optional(),
});
export type FoundLink = z.infer<typeof foundLinkSchema>;

/** What checking one body found; the render cache stores it beside the rendered body. */
export const bodyReportSchema = z.strictObject({
  diagnostics: z.array(diagnosticSchema),
  links: z.array(foundLinkSchema),
});
export type BodyReport = z.infer<typeof bodyReportSchema>;

interface Point {
  line: number;
  column: number;
}

/** Parses like the site's processor (remark-parse + GFM) and stops before sanitising. */
const unsanitised = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .freeze();

const sanitiser = unified().use(rehypeSanitize, sanitizeSchema).freeze();

/** Link schemes the sanitiser keeps: the schema's own list. */
const ALLOWED_LINK_SCHEMES = new Set(sanitizeSchema.protocols?.href ?? []);

/** The host of the stand-in address images are resolved against: any other host is another site. */
const SITE_HOST = new URL(SITE_ORIGIN).host;

/**
 * Where an image address leads, resolved the way a browser on the site resolves it: a path
 * on this site, another site (`https://…`, but also `//…` and `/\…`, which browsers read as
 * the same), or something that is not a plain path (`data:`, or `https:/x`, which a browser
 * reads as this site's path on an https page and as another site's on an http one).
 */
function imageLocation(url: string): 'path' | 'remote' | 'other' {
  let resolved: URL;
  try {
    resolved = new URL(url, `${SITE_ORIGIN}/`);
  } catch {
    return 'other';
  }
  if (resolved.protocol !== 'https:' && resolved.protocol !== 'http:') return 'other';
  if (resolved.host !== SITE_HOST) return 'remote';
  // On this site, but written with a scheme or a backslash: not a plain path to check.
  return URL_SCHEME.test(url) || url.includes('\\') ? 'other' : 'path';
}

/** GFM footnote labels: no whitespace and no brackets (micromark refuses them). */
const FOOTNOTE_LABEL = /^[^\s[\]^]+$/;
/** `[^label]` written in text; a valid one here is a citation with no definition. */
const FOOTNOTE_IN_TEXT = /\[\^([^\]\n]*)\]/g;

/**
 * Top-level nodes that put nothing on the page where they stand: link and footnote
 * definitions (the latter go to the References) and HTML comments, notes to editors.
 */
function showsNothingInPlace(node: MdastNodes): boolean {
  if (node.type === 'definition' || node.type === 'footnoteDefinition') return true;
  return node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value);
}

export function lintMarkdownBody(body: string, context: BodyContext): BodyReport {
  return lintParsedBody(unsanitised.parse(body), body, context);
}

/**
 * What each check reports to: diagnostics at file positions (a body's points shifted past the
 * frontmatter) and the links found, which lib/site-links.ts checks once the whole site is known.
 */
interface Lint {
  readonly context: BodyContext;
  readonly diagnostics: Diagnostic[];
  readonly links: FoundLink[];
  readonly toFile: (point: Point | undefined) => Point;
  readonly report: (
    point: Point | undefined,
    message: string,
    severity: Diagnostic['severity'],
  ) => void;
  readonly error: (point: Point | undefined, message: string) => void;
}

function newLint(context: BodyContext): Lint {
  const diagnostics: Diagnostic[] = [];
  const toFile = (point: Point | undefined): Point =>
    point
      ? { line: point.line + context.bodyStartLine - 1, column: point.column }
      : { line: context.bodyStartLine, column: 1 };
  const report = (point: Point | undefined, message: string, severity: Diagnostic['severity']) => {
    diagnostics.push({ file: context.file, ...toFile(point), severity, message });
  };
  return {
    context,
    diagnostics,
    links: [],
    toFile,
    report,
    error: (point, message) => report(point, message, 'error'),
  };
}

/**
 * lintMarkdownBody for a tree already parsed from `body` with remark-parse + GFM (such as
 * lib/markdown's parseMarkdown). The tree is only read. The checks run in a fixed order, which
 * is the order of their messages in the report; the loader sorts every file's messages by
 * position, and this order only settles those at the same line and column.
 */
export function lintParsedBody(mdast: MdastRoot, body: string, context: BodyContext): BodyReport {
  const lint = newLint(context);
  lintShape(mdast, lint);
  lintFootnotes(mdast, body, lint);
  const checkImageSource = imageSourceCheck(lint);
  lintElements(mdast, lint, checkImageSource);
  lintRawHtml(mdast, lint, checkImageSource);
  return { diagnostics: lint.diagnostics, links: lint.links };
}

/** Text the page would drop: before a FAQ's first question, or an article with none at all. */
function lintShape(mdast: MdastRoot, { context, error }: Lint): void {
  // A FAQ page is made of questions and their answers, so text before the first question
  // would be dropped without a trace. (Reference definitions may stand anywhere. A set with
  // no question at all gets its own message from the loader instead.)
  const isQuestion = (node: MdastNodes) => node.type === 'heading' && node.depth === 2;
  if (context.kind === 'faq' && mdast.children.some(isQuestion)) {
    for (const node of mdast.children) {
      if (isQuestion(node)) break;
      if (showsNothingInPlace(node)) continue;
      error(
        node.position?.start,
        'text before the first question is not shown on the FAQ page; start the file with a "## Question?" heading, or move this text under one',
      );
      break;
    }
  }

  // An article with nothing under its frontmatter would publish an empty page.
  const hasText = mdast.children.some((node) => !showsNothingInPlace(node));
  if (context.kind === 'article' && !hasText) {
    error(undefined, 'the article has no text; write it below the closing "---"');
  }
}

/** Citations and definitions that do not meet, labels GFM cannot read, and notes in a bio. */
function lintFootnotes(mdast: MdastRoot, body: string, { context, toFile, error }: Lint): void {
  const cited = new Set<string>();
  let firstCitation: Point | undefined;
  const definitions: { identifier: string; label: string; point: Point | undefined }[] = [];
  visit(mdast, (node: MdastNodes) => {
    if (node.type === 'footnoteReference') {
      cited.add(node.identifier);
      firstCitation ??= node.position?.start;
    }
    if (node.type === 'footnoteDefinition') {
      definitions.push({
        identifier: node.identifier,
        label: node.label ?? node.identifier,
        point: node.position?.start,
      });
    }
  });
  // GFM keeps the first definition of a label and drops any later one without a word.
  const firstDefinition = new Map<string, Point | undefined>();
  for (const { identifier, label, point } of definitions) {
    if (firstDefinition.has(identifier)) {
      const first = firstDefinition.get(identifier);
      const where = first ? ` on line ${toFile(first).line}` : '';
      error(
        point,
        `footnote [^${label}] is defined twice (first${where}); only the first is shown, so merge the two or give this one its own label`,
      );
    } else firstDefinition.set(identifier, point);
    if (!cited.has(identifier)) {
      error(
        point,
        `footnote [^${label}] is defined but never cited; cite it in the text as [^${label}] or delete the definition`,
      );
    }
  }
  // A citation GFM could not match stays in the text as "[^label]".
  const definedLabels = definitions.map((d) => d.label);
  visit(mdast, 'text', (node) => {
    const start = node.position?.start;
    const end = node.position?.end;
    if (start?.offset === undefined || end?.offset === undefined) return;
    const source = body.slice(start.offset, end.offset);
    for (const match of source.matchAll(FOOTNOTE_IN_TEXT)) {
      if (source[match.index - 1] === '\\') continue;
      const label = match[1] ?? '';
      const point = positionAt(body, start.offset + match.index);
      if (!FOOTNOTE_LABEL.test(label)) {
        const suggestion = slugify(label);
        error(
          point,
          `"[^${label}]" is not a valid footnote label (${label.trim() ? 'labels cannot contain spaces or brackets' : 'the label is empty'}), so it shows as plain text; ` +
            `use a label such as [^${suggestion || 'author-year'}] in the citation and in its definition`,
        );
      } else {
        const near = nearestKey(label, definedLabels);
        error(
          point,
          `footnote [^${label}] has no definition; add "[^${label}]: <the reference>" at the end of the file` +
            (near ? `, or did you mean [^${near}]?` : ''),
        );
      }
    }
  });

  // A bio is shown without References (see BodyContext), so its notes would lead nowhere.
  if (context.kind === 'bio') {
    const note = mdast.children.find((node) => node.type === 'footnoteDefinition');
    if (note || firstCitation) {
      error(
        firstCitation ?? note?.position?.start,
        'a bio cannot have footnotes: it is shown without its References; name the source in the text, or link to it',
      );
    }
  }
}

type ImageSourceCheck = (source: string | undefined, alt: string, point: Point | undefined) => void;

/**
 * The check on an image's source, from Markdown or raw HTML: the site shows only its own
 * images, so a remote one is refused and a local one is checked with the links, once every
 * page and file is known.
 */
function imageSourceCheck({ links, toFile, error }: Lint): ImageSourceCheck {
  return (source, alt, point) => {
    const url = source?.trim() ?? '';
    if (url === '') return;
    const where = imageLocation(url);
    if (where === 'path') {
      if (point) links.push({ url, ...toFile(point), image: true });
      return;
    }
    const shown = alt.trim() || 'what it shows';
    if (where === 'remote') {
      // The Content-Security-Policy (lib/security-headers.ts) loads images from this site only,
      // so a remote image would pass every other check and then not show; feeds have no such
      // policy, and readers' feed apps would fetch it.
      const name = /[^/?#]+(?=[?#]|$)/.exec(url.replace(/^[a-z]+:\/*[^/]+/i, ''))?.[0];
      const local = `/images/${name ?? 'picture.jpg'}`;
      error(
        point,
        `image "${source ?? ''}" is on another site; the site shows only its own images (its Content-Security-Policy blocks others, and fetching them would tell that site who reads the page): save the file as public${local} and write ![${shown}](${local})`,
      );
    } else {
      error(
        point,
        `image "${source ?? ''}" is not a file of this site; save the image under public/images/ and write its path, such as ![${shown}](/images/picture.jpg)`,
      );
    }
  };
}

/** Images, headings and links, in one walk: their messages in the order they stand. */
function lintElements(mdast: MdastRoot, lint: Lint, checkImageSource: ImageSourceCheck): void {
  const linkDefinitions = new Map<string, string>();
  visit(mdast, 'definition', (node) => {
    linkDefinitions.set(node.identifier, node.url);
  });
  const checkHeading = headingCheck(lint);
  visit(mdast, (node: MdastNodes) => {
    const point = node.position?.start;
    switch (node.type) {
      case 'image':
      case 'imageReference':
        if (!node.alt?.trim()) {
          const what = node.type === 'image' ? `"${node.url}"` : `[${node.label ?? ''}]`;
          lint.error(
            point,
            `image ${what} has no alt text; describe what it shows between the brackets, e.g. ![A couple talking on a bench](…)`,
          );
        }
        checkImageSource(
          node.type === 'image' ? node.url : linkDefinitions.get(node.identifier),
          node.alt ?? '',
          point,
        );
        break;
      case 'heading':
        checkHeading(node);
        break;
      case 'link':
      case 'definition':
        lintLink(node.url, point, lint);
        break;
      default:
        break;
    }
  });
}

/** Checks each heading in turn: its text, and its level against the one before it. */
function headingCheck({ context, error }: Lint): (node: Heading) => void {
  // A bio sits under the author page's "Biography" h2; every other body under the page's h1.
  const parentHeadingLevel = context.kind === 'bio' ? 2 : 1;
  let previousLevel: number = parentHeadingLevel;
  return (node) => {
    const point = node.position?.start;
    // Raw HTML does not count: the sanitiser may strip it, leaving the heading empty.
    if (toString(node, { includeHtml: false }).trim() === '') {
      error(
        point,
        'this heading has no text, so it would show as a blank line in the contents; write its text after the #s, or delete the line',
      );
    }
    if (node.depth === 1) {
      error(
        point,
        'a level-1 heading ("# …") competes with the page title, which is the only h1; use "## …" for a section',
      );
    } else if (node.depth <= parentHeadingLevel) {
      error(
        point,
        `a level-${node.depth} heading in a bio stands beside "Biography" instead of under it; use ${'#'.repeat(parentHeadingLevel + 1)} for a section of the bio`,
      );
    } else if (node.depth > previousLevel + 1) {
      error(
        point,
        `heading level skips from h${previousLevel} to h${node.depth}; use ${'#'.repeat(previousLevel + 1)} here, or add the missing h${previousLevel + 1} above it`,
      );
    }
    previousLevel = Math.max(node.depth, parentHeadingLevel);
  };
}

/** A link's address: refused where it would break, kept to be resolved with the whole site. */
function lintLink(url: string, point: Point | undefined, lint: Lint): void {
  const target = url.trim();
  const scheme = URL_SCHEME.exec(target)?.[1]?.toLowerCase();
  if (lint.context.kind === 'bio' && !scheme && !target.startsWith('/')) {
    // The author card puts the bio on article pages too, where a relative link or an anchor
    // would point somewhere else.
    const absolute = new URL(target, `${SITE_ORIGIN}${lint.context.page}`);
    lint.error(
      point,
      `link "${url}" in a bio would break in the author card on article pages; write it from the site's root: "${absolute.pathname}${absolute.search}${absolute.hash}"`,
    );
    return;
  }
  if (point) lint.links.push({ url, ...lint.toFile(point) });
  if (scheme && !ALLOWED_LINK_SCHEMES.has(scheme)) {
    lint.report(
      point,
      `the link "${url}" is removed by the sanitiser (only http, https and mailto links are allowed), so its text shows unlinked; use a web address`,
      'warning',
    );
  } else if ((scheme === 'http' || scheme === 'https') && !URL.canParse(target)) {
    lint.error(
      point,
      `link "${url}" is not a complete web address; write it in full, e.g. https://example.com/page`,
    );
  }
}

/** Raw HTML: what the sanitiser strips is a warning; an <img> without alt is an error. */
function lintRawHtml(mdast: MdastRoot, lint: Lint, checkImageSource: ImageSourceCheck): void {
  const rawRanges: [number, number][] = [];
  visit(mdast, 'html', (node) => {
    const { start, end } = node.position ?? {};
    if (start?.offset !== undefined && end?.offset !== undefined)
      rawRanges.push([start.offset, end.offset]);
  });
  if (rawRanges.length === 0) return;
  const isRaw = (element: Element) => {
    const offset = element.position?.start.offset;
    return offset !== undefined && rawRanges.some(([from, to]) => offset >= from && offset < to);
  };
  // The tree is only read here, and runSync would transform it: work on a copy.
  const before: HastRoot = unsanitised.runSync(structuredClone(mdast));
  const after: HastRoot = sanitiser.runSync(structuredClone(before));
  const kept = new Map<string, Element>();
  visit(after, 'element', (element) => {
    const offset = element.position?.start.offset;
    if (offset !== undefined) kept.set(`${offset}:${element.tagName}`, element);
  });
  visit(before, 'element', (element) => {
    if (!isRaw(element)) return;
    const point = element.position?.start;
    const alt = String(element.properties.alt ?? '');
    if (element.tagName === 'img') {
      if (!alt.trim()) {
        lint.error(
          point,
          '<img> has no alt text; add alt="what the image shows", or use Markdown: ![what it shows](url)',
        );
      }
      const src = element.properties.src;
      checkImageSource(typeof src === 'string' ? src : undefined, alt, point);
    }
    // Every candidate of a srcset (<img>, <picture><source>) is an image source too. hast
    // keeps srcset as the string written (property-information gives it no list type).
    const srcSet = element.properties.srcSet;
    const candidates = typeof srcSet === 'string' ? srcSet.split(/,\s+/) : [];
    for (const candidate of candidates) {
      const url = candidate.trim().split(/\s+/)[0];
      checkImageSource(url, alt, point);
    }
    if (element.tagName === 'a' && typeof element.properties.href === 'string' && point) {
      lint.links.push({ url: element.properties.href, ...lint.toFile(point) });
    }
    // GitHub's schema keeps <input> for task lists, forced to a disabled checkbox: a form
    // field written in HTML would publish as a box nobody can tick.
    if (element.tagName === 'input') {
      lint.report(
        point,
        '<input> shows as a disabled checkbox (forms do not work in content); for a checklist write "- [ ] item", otherwise delete it',
        'warning',
      );
    }
    const survivor = kept.get(`${element.position?.start.offset}:${element.tagName}`);
    if (!survivor) {
      lint.report(point, strippedElementMessage(element.tagName), 'warning');
      return;
    }
    for (const [property, value] of Object.entries(element.properties)) {
      if (value === undefined || value === null || property in survivor.properties) continue;
      lint.report(point, strippedAttributeMessage(element.tagName, property, value), 'warning');
    }
  });
}

function strippedElementMessage(tagName: string): string {
  const base = `raw HTML <${tagName}> is removed by the sanitiser and never reaches readers`;
  switch (tagName) {
    case 'script':
      return `${base}: content cannot run scripts; delete it`;
    case 'iframe':
    case 'embed':
    case 'object':
      return `${base}: embeds are not allowed; for a YouTube video put its link alone on a line, otherwise link to the page`;
    case 'style':
      return `${base}: content cannot restyle the page; delete it`;
    default:
      return `${base} (any text inside is kept); write it in Markdown instead`;
  }
}

function strippedAttributeMessage(tagName: string, property: string, value: unknown): string {
  const attribute = find(htmlSchema, property).attribute;
  if (/^on/i.test(attribute)) {
    return `the ${attribute} attribute on <${tagName}> is removed by the sanitiser (event handlers never run in content); delete it`;
  }
  if (attribute === 'href' || attribute === 'src') {
    return `the ${attribute} "${String(value)}" on <${tagName}> is removed by the sanitiser: only http, https${attribute === 'href' ? ' and mailto' : ''} URLs and site paths are allowed`;
  }
  return `the ${attribute} attribute on <${tagName}> is removed by the sanitiser and has no effect; delete it`;
}
