/**
 * Appends a small "#" link to every h2–h4 that has an id, so a reader can copy a link to a
 * section. The link is appended, never wrapped around the heading: headings may hold footnote
 * citations, and wrapping would nest a link inside a link. Its accessible name is the heading
 * text ("Link to section: …"), since "#" alone says nothing to a screen reader.
 *
 * The link is empty and CSS draws the "#", so the heading's text stays exactly its words: the
 * outline, search excerpts, copied text and tests that read headings never see a stray "#".
 * It runs after the outline and references are collected. The generated
 * References heading is left bare: the page's contents link to it already. A render that sets
 * `file.data.headingAnchors = false` gets none: FAQ answers are reused verbatim as structured
 * data, where page navigation has no place.
 */
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { h } from 'hastscript';
import { headingRank } from 'hast-util-heading-rank';
import { SKIP, visit } from 'unist-util-visit';
import { isFootnoteSection, textWithoutFootnotes } from './hast-footnotes';

declare module 'vfile' {
  interface DataMap {
    headingAnchors: boolean;
  }
}

export interface HeadingAnchorOptions {
  /** Heading ranks that get an anchor. Default: 2, 3 and 4. */
  ranks?: number[];
}

export default function rehypeHeadingAnchors(options: HeadingAnchorOptions = {}) {
  const ranks = new Set(options.ranks ?? [2, 3, 4]);
  return (tree: Root, file: VFile) => {
    if (file.data.headingAnchors === false) return;
    visit(tree, 'element', (node) => {
      if (isFootnoteSection(node)) return SKIP;
      const rank = headingRank(node);
      const id = node.properties.id;
      if (!rank || !ranks.has(rank) || typeof id !== 'string' || !id) return undefined;
      const name = textWithoutFootnotes(node).replace(/\s+/g, ' ').trim();
      node.children.push(
        h('a.heading-anchor', { href: `#${id}`, ariaLabel: `Link to section: ${name}` }),
      );
      return SKIP;
    });
  };
}
