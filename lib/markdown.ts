/**
 * The one Markdown processor. Built and frozen once at module scope, so every article, bio and
 * FAQ answer goes through the same sanitised pipeline:
 *
 *   remark-parse → remark-gfm → remark-rehype → rehype-raw (when there is raw HTML) → our plugins → rehype-slug
 *   → footnote-free heading ids → rehype-sanitize → (video figures, outline, references,
 *   heading anchors) → rehype-stringify
 *
 * rehype-raw parses raw HTML so that rehype-sanitize judges real elements rather than opaque
 * strings; nothing an author writes in HTML reaches a page without passing the schema.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { headingRank } from 'hast-util-heading-rank';
import { toHtml } from 'hast-util-to-html';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { z } from 'zod';
import { isFootnoteSection, textWithoutFootnotes } from './hast-footnotes';
import rehypeCollectFootnotes, { footnoteSchema, type Footnote } from './rehype-collect-footnotes';
import rehypeCollectIds, { collectedIdSchema, type CollectedId } from './rehype-collect-ids';
import rehypeFootnoteLabels from './rehype-footnote-labels';
import rehypeHeadingAnchors from './rehype-heading-anchors';
import rehypeHeadingIds from './rehype-heading-ids';
import rehypeOutline, { outlineEntrySchema, type OutlineEntry } from './rehype-outline';
import rehypeRawWhenNeeded from './rehype-raw-when-needed';
import rehypeSearchIgnoreNotes from './rehype-search-ignore-notes';
import rehypeYoutubeEmbed, { videoMetaSchema, type VideoMeta } from './rehype-youtube-embed';
import remarkWordCount from './remark-word-count';
import { sanitizeSchema } from './sanitize-schema';

export type { CollectedId, Footnote, OutlineEntry, VideoMeta };

export const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkWordCount)
  .use(remarkRehype, {
    allowDangerousHtml: true,
    // No prefix here: rehype-sanitize is configured not to prefix ids either, so ids and
    // hrefs agree (`#fn-gottman-1999`). See sanitize-schema.ts.
    clobberPrefix: '',
    footnoteLabel: 'References',
    footnoteLabelTagName: 'h2',
    footnoteLabelProperties: {},
    footnoteBackLabel: (referenceIndex, rereferenceIndex) =>
      `Back to citation ${referenceIndex + 1}${rereferenceIndex > 1 ? ` (${rereferenceIndex})` : ''}`,
  })
  .use(rehypeRawWhenNeeded)
  .use(rehypeFootnoteLabels)
  .use(rehypeSlug)
  .use(rehypeHeadingIds)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeYoutubeEmbed)
  .use(rehypeOutline)
  .use(rehypeCollectFootnotes)
  .use(rehypeCollectIds)
  .use(rehypeSearchIgnoreNotes)
  // After sanitising (the links are ours) and after outline and references are collected.
  .use(rehypeHeadingAnchors)
  .use(rehypeStringify)
  .freeze();

/** Declared as a schema so the render cache validates what it reads back against the same shape. */
export const renderedMarkdownSchema = z.strictObject({
  /** The body, without the References section. */
  html: z.string(),
  /** The generated References section (`<section data-footnotes>`), or '' when there are none. */
  referencesHtml: z.string(),
  outline: z.array(outlineEntrySchema),
  footnotes: z.array(footnoteSchema),
  wordCount: z.number(),
  /** Every id in the body and References, in order (see rehype-collect-ids). */
  ids: z.array(collectedIdSchema),
  /** Every video the body embeds (see rehype-youtube-embed): each needs its poster. */
  videos: z.array(videoMetaSchema),
});
export type RenderedMarkdown = z.infer<typeof renderedMarkdownSchema>;

export interface RenderOptions {
  /** Path used in error messages. */
  path?: string;
  /** Frontmatter video, used to title an embedded player for the same id. */
  video?: VideoMeta | undefined;
}

function toVFile(markdown: string, options: RenderOptions): VFile {
  const file = new VFile({ value: markdown, path: options.path });
  if (options.video) file.data.video = options.video;
  return file;
}

function collect(file: VFile, html: string, referencesHtml: string): RenderedMarkdown {
  return {
    html,
    referencesHtml,
    outline: file.data.outline ?? [],
    footnotes: file.data.footnotes ?? [],
    wordCount: file.data.wordCount ?? 0,
    ids: file.data.ids ?? [],
    videos: file.data.videos ?? [],
  };
}

/**
 * Renders Markdown to sanitised HTML. The References section is returned apart from the body
 * so a page can set notes, a disclaimer or a FAQ link between the two.
 */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): RenderedMarkdown {
  return renderParsedMarkdown(parseMarkdown(markdown), markdown, options);
}

/**
 * Parses Markdown exactly as the processor does (remark-parse + GFM). The content loader parses
 * each body once and hands the same tree to the checks and to renderParsedMarkdown, because
 * parsing is most of a render's cost.
 */
export function parseMarkdown(markdown: string): MdastRoot {
  return processor.parse(markdown);
}

/** renderMarkdown for a tree from parseMarkdown(markdown). The tree is consumed. */
export function renderParsedMarkdown(
  mdast: MdastRoot,
  markdown: string,
  options: RenderOptions = {},
): RenderedMarkdown {
  const file = toVFile(markdown, options);
  const tree: Root = processor.runSync(mdast, file);
  const references = tree.children.filter((node) => isFootnoteSection(node));
  const body: Root = {
    ...tree,
    children: tree.children.filter((node) => !isFootnoteSection(node)),
  };
  const referencesHtml = references.length
    ? processor.stringify({ type: 'root', children: references })
    : '';
  return collect(file, processor.stringify(body).trim(), referencesHtml.trim());
}

export const markdownSectionSchema = z.strictObject({
  /** The heading's id, usable as a `#fragment`. */
  id: z.string(),
  /** The heading text, without footnote numbers. */
  heading: z.string(),
  /** Rendered HTML of everything between this heading and the next one of the same rank. */
  html: z.string(),
  /** Plain text of that HTML, whitespace collapsed. */
  text: z.string(),
});
export type MarkdownSection = z.infer<typeof markdownSectionSchema>;

/**
 * Renders a document and splits it at its h2 headings. FAQ sets use this so that each question
 * and its answer come from one render, and the visible page and the JSON-LD cannot drift.
 */
export function renderMarkdownSections(
  markdown: string,
  options: RenderOptions = {},
): MarkdownSection[] {
  return renderParsedMarkdownSections(parseMarkdown(markdown), markdown, options);
}

/** renderMarkdownSections for a tree from parseMarkdown(markdown). The tree is consumed. */
export function renderParsedMarkdownSections(
  mdast: MdastRoot,
  markdown: string,
  options: RenderOptions = {},
): MarkdownSection[] {
  const file = toVFile(markdown, options);
  file.data.headingAnchors = false;
  const tree: Root = processor.runSync(mdast, file);
  const sections: { heading: Element; body: ElementContent[] }[] = [];
  for (const node of tree.children) {
    if (node.type === 'element' && headingRank(node) === 2) {
      sections.push({ heading: node, body: [] });
    } else if (node.type !== 'doctype') {
      sections.at(-1)?.body.push(node);
    }
  }
  return sections.map(({ heading, body }) => {
    const content: Root = { type: 'root', children: trimWhitespace(body) };
    const id = heading.properties.id;
    return {
      id: typeof id === 'string' ? id : '',
      heading: textWithoutFootnotes(heading).trim(),
      html: toHtml(content),
      text: textWithoutFootnotes(content).replace(/\s+/g, ' ').trim(),
    };
  });
}

function trimWhitespace(nodes: ElementContent[]): ElementContent[] {
  const isBlank = (node: ElementContent | undefined) =>
    node?.type === 'text' && node.value.trim() === '';
  const out = [...nodes];
  while (isBlank(out[0])) out.shift();
  while (isBlank(out.at(-1))) out.pop();
  return out;
}
